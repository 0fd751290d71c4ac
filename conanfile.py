# Conan 2 recipe of erx. Build and test the package from a checkout:
#
#   conan create . --build=missing                 # static library (default)
#   conan create . --build=missing -o "erx/*:shared=True"
#
# test_package/ is the same consumer project that tests/install builds against a CMake install.
# The requirement ranges include the versions Debian 12 ships (Boost 1.81, ICU 72.1, fmt 9.1), so
# the same code builds with the system packages and with Conan's.
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, rmdir

required_conan_version = ">=2.0"


class ErxConan(ConanFile):
    name = "erx"
    version = "0.1.0"
    description = ("Entities and typed relations from raw English text: an embeddable C++20 "
                   "library with a built-in English model.")
    license = "MIT"
    url = "https://github.com/erx-project/erx"
    homepage = "https://github.com/erx-project/erx"
    topics = ("nlp", "information-extraction", "named-entity-recognition", "relation-extraction")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "shared": [True, False],
        "fPIC": [True, False],
        "tools": [True, False],  # also build and package the erx command-line program
    }
    default_options = {
        "shared": False,
        "fPIC": True,
        "tools": False,
    }
    exports_sources = ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*", "tools/*",
                       "models/*")

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # None of their types appear in erx's headers: a shared erx hides them entirely, a static
        # one needs them at the consumer's link time.
        self.requires("boost/[>=1.81.0 <2]")
        self.requires("icu/[>=72.1 <80]")
        self.requires("fmt/[>=9.1.0 <12]")

    def validate(self):
        check_min_cppstd(self, 20)

    def generate(self):
        toolchain = CMakeToolchain(self)
        toolchain.cache_variables["ERX_INSTALL"] = True
        toolchain.cache_variables["ERX_BUILD_TESTS"] = False
        toolchain.cache_variables["ERX_BUILD_EXAMPLES"] = False
        toolchain.cache_variables["ERX_BUILD_BENCHMARKS"] = False
        toolchain.cache_variables["ERX_BUILD_TOOLS"] = bool(self.options.tools)
        toolchain.generate()
        deps = CMakeDeps(self)
        deps.generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.install()
        # Conan generates its own CMake and pkg-config files from package_info().
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))
        rmdir(self, os.path.join(self.package_folder, "share"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "erx")
        self.cpp_info.set_property("cmake_target_name", "erx::erx")
        self.cpp_info.set_property("pkg_config_name", "erx")
        self.cpp_info.libs = ["erx"]
        # What the library links (src/CMakeLists.txt); tests/packaging checks that they agree.
        self.cpp_info.requires = ["boost::json", "icu::icu-uc", "icu::icu-i18n", "fmt::fmt"]
        if not self.options.shared:
            self.cpp_info.defines = ["ERX_STATIC"]
