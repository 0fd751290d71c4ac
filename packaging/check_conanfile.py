#!/usr/bin/env python3
"""Offline check of erx's Conan 2 recipe (conanfile.py) and its test_package/.

Conan cannot be installed here, so this runs the recipe against stand-ins of the parts of Conan's
API it uses, which record what the recipe does:

  1. both conanfile.py files byte-compile (py_compile);
  2. the recipe class: name erx, the version (packaging.versions compares it with the others),
     package_type library, the four settings, options shared/fPIC (True/False) with defaults
     shared=False, fPIC=True; fPIC is removed on Windows and for shared builds;
  3. requirements(): boost, icu and fmt with version ranges, each satisfied by the version this
     machine's build found (--version NAME=X.Y.Z: Debian's Boost, ICU and fmt);
  4. validate() calls check_min_cppstd(self, 20);
  5. generate() generates a CMakeToolchain and CMakeDeps; the toolchain's ERX_* cache variables
     are declared in erx's CMake code, tests/examples/benchmarks off, install on;
  6. build() configures and builds with CMake; package() copies LICENSE and installs;
  7. package_info(): cmake_file_name erx, cmake_target_name erx::erx, pkg_config_name erx,
     libs ["erx"], the ERX_STATIC define exactly for static builds, and `requires` naming the
     Conan component of every package the library links (--dependency-report);
  8. test_package/conanfile.py requires tested_reference_str, generates CMakeDeps and
     CMakeToolchain, builds with CMake and runs test_package; test_package/CMakeLists.txt uses
     find_package(erx) and erx::erx.

Prints one line per check group and "conanfile check: OK", or the failures; exits 1 on failure.
"""
import argparse
import importlib.util
import os
import py_compile
import re
import sys
import tempfile
import types

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
    return ok


# --- Stand-ins for Conan's API --------------------------------------------------------------------
class Recorder:
    """Collects what the recipe did, for one run."""

    def __init__(self):
        self.events = []

    def add(self, *event):
        self.events.append(event)

    def has(self, name):
        return any(e[0] == name for e in self.events)

    def find(self, name):
        return [e for e in self.events if e[0] == name]


REC = Recorder()


class Options:
    """self.options: attribute access, `del`, rm_safe(), like Conan's."""

    def __init__(self, values):
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name):
        values = object.__getattribute__(self, "_values")
        if name not in values:
            raise AttributeError(f"option '{name}' does not exist (removed or never declared)")
        return values[name]

    def __setattr__(self, name, value):
        self._values[name] = value

    def __delattr__(self, name):
        del self._values[name]

    def rm_safe(self, name):
        self._values.pop(name, None)

    def __contains__(self, name):
        return name in self._values


class Settings:
    def __init__(self, **values):
        self.__dict__.update(values)


class CppInfo:
    def __init__(self):
        self.properties = {}
        self.libs = []
        self.defines = []
        self.requires = []
        self.system_libs = []
        self.components = {}

    def set_property(self, name, value):
        self.properties[name] = value


class FakeConanFile:
    """Base class standing in for conan.ConanFile."""

    def __init__(self, *, os_name="Linux", shared=None, fpic=None):
        self.settings = Settings(os=os_name, arch="x86_64", compiler="gcc", build_type="Release")
        options = dict(getattr(type(self), "default_options", {}))
        if shared is not None:
            options["shared"] = shared
        if fpic is not None:
            options["fPIC"] = fpic
        self.options = Options(options)
        self.cpp_info = CppInfo()
        self.source_folder = "/src"
        self.build_folder = "/build"
        self.package_folder = "/package"
        self.tested_reference_str = "erx/0.1.0"
        self.cpp = types.SimpleNamespace(build=types.SimpleNamespace(bindir="/build/bin"))

    def requires(self, ref, **kwargs):
        REC.add("requires", ref, kwargs)

    def run(self, command, **kwargs):
        REC.add("run", command, kwargs)


class FakeCMakeToolchain:
    def __init__(self, conanfile):
        self.cache_variables = {}
        self.variables = {}
        REC.add("CMakeToolchain", self)

    def generate(self):
        REC.add("CMakeToolchain.generate", self)


class FakeCMakeDeps:
    def __init__(self, conanfile):
        REC.add("CMakeDeps", self)

    def generate(self):
        REC.add("CMakeDeps.generate", self)


class FakeCMake:
    def __init__(self, conanfile):
        pass

    def configure(self, *args, **kwargs):
        REC.add("cmake.configure")

    def build(self, *args, **kwargs):
        REC.add("cmake.build")

    def install(self, *args, **kwargs):
        REC.add("cmake.install")


def install_stubs():
    def module(name, **attrs):
        mod = types.ModuleType(name)
        mod.__dict__.update(attrs)
        sys.modules[name] = mod
        return mod

    module("conan", ConanFile=FakeConanFile)
    module("conan.errors", ConanInvalidConfiguration=Exception, ConanException=Exception)
    module("conan.tools")
    module("conan.tools.build",
           check_min_cppstd=lambda conanfile, version, *a, **k: REC.add("check_min_cppstd", str(version)),
           can_run=lambda conanfile: True)
    module("conan.tools.cmake", CMake=FakeCMake, CMakeDeps=FakeCMakeDeps,
           CMakeToolchain=FakeCMakeToolchain,
           cmake_layout=lambda conanfile, *a, **k: REC.add("cmake_layout"))
    module("conan.tools.files",
           copy=lambda conanfile, pattern, src, dst, *a, **k: REC.add("copy", pattern, src, dst),
           rmdir=lambda conanfile, path: REC.add("rmdir", path),
           rm=lambda conanfile, pattern, folder, *a, **k: REC.add("rm", pattern, folder))


def load_recipe(path):
    spec = importlib.util.spec_from_file_location(f"recipe_{abs(hash(path))}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    classes = [c for c in vars(mod).values()
               if isinstance(c, type) and issubclass(c, FakeConanFile) and c is not FakeConanFile]
    if len(classes) != 1:
        raise SystemExit(f"{path}: expected one ConanFile class, found {len(classes)}")
    return classes[0]


# --- Conan version ranges -------------------------------------------------------------------------
def version_key(text):
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", text))


def satisfies(version, expression):
    """Conan 2 range syntax as far as this recipe needs it: `||` alternatives of space-separated
    conditions with >=, >, <=, <, = or a bare version."""
    v = version_key(version)
    for alternative in expression.split("||"):
        ok = True
        for cond in alternative.split():
            m = re.fullmatch(r"(>=|<=|>|<|=)?([0-9][0-9A-Za-z.\-]*)", cond)
            if not m:
                raise SystemExit(f"version range condition '{cond}' is not understood by this check")
            op, bound = m.group(1) or "=", version_key(m.group(2))
            ok = ok and {">=": v >= bound, ">": v > bound, "<=": v <= bound, "<": v < bound,
                         "=": v == bound}[op]
        if ok:
            return True
    return False


# --- Checks ---------------------------------------------------------------------------------------
def declared_cmake_options(source_dir):
    names = {"BUILD_SHARED_LIBS"}
    files = [os.path.join(source_dir, "CMakeLists.txt")]
    cmake_dir = os.path.join(source_dir, "cmake")
    files += [os.path.join(cmake_dir, f) for f in sorted(os.listdir(cmake_dir)) if f.endswith(".cmake")]
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"\s*option\(([A-Z_]+)\s", line) or \
                    re.match(r"\s*set\(([A-Z_]+)\s.*CACHE", line)
                if m:
                    names.add(m.group(1))
    return names


# Conan component that provides an imported CMake target of the library.
def conan_component(target):
    if target.startswith("ICU::"):
        return "icu::icu-" + target[len("ICU::"):]
    if target.startswith("fmt::"):
        return "fmt::fmt"
    m = re.fullmatch(r"Boost::(.+)", target)
    if m:
        if m.group(1) in ("headers", "boost", "disable_autolinking", "diagnostic_definitions",
                          "dynamic_linking"):
            return "boost::headers"
        return "boost::" + m.group(1)
    if target == "Threads::Threads":
        return None
    raise SystemExit(f"the library links {target}, which check_conanfile.py cannot map to a Conan "
                     "component: add it there and to conanfile.py")


def check_recipe(path, source_dir, versions, library_links):
    recipe = load_recipe(path)
    # 2. attributes
    check(getattr(recipe, "name", None) == "erx", "name is erx")
    check(re.fullmatch(r"\d+\.\d+\.\d+", str(getattr(recipe, "version", ""))), "version is X.Y.Z")
    check(getattr(recipe, "license", None) == "MIT", "license is MIT")
    check(getattr(recipe, "package_type", None) == "library", "package_type is library")
    settings = tuple(getattr(recipe, "settings", ()))
    check(set(settings) == {"os", "arch", "compiler", "build_type"},
          f"settings are os, arch, compiler, build_type (got {settings})")
    options = getattr(recipe, "options", {})
    defaults = getattr(recipe, "default_options", {})
    for name in ("shared", "fPIC"):
        check(sorted(options.get(name, []), key=str) == [False, True],
              f"option {name} is [True, False]")
    check(defaults.get("shared") is False, "default shared=False")
    check(defaults.get("fPIC") is True, "default fPIC=True")
    exported = getattr(recipe, "exports_sources", ())
    for needed in ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*"):
        check(needed in exported, f"exports_sources has {needed}")

    # fPIC: removed on Windows (config_options) and for shared builds (configure).
    r = recipe(os_name="Windows")
    r.config_options()
    check("fPIC" not in r.options, "config_options() removes fPIC on Windows")
    r = recipe(shared=True)
    r.config_options()
    r.configure()
    check("fPIC" not in r.options, "configure() removes fPIC for shared builds")
    r = recipe(shared=False)
    r.config_options()
    r.configure()
    check("fPIC" in r.options, "configure() keeps fPIC for static builds")
    print("conanfile.py: attributes and options checked")

    # 3. requirements
    REC.events.clear()
    recipe().requirements()
    required = {}
    for _, ref, _ in REC.find("requires"):
        m = re.fullmatch(r"([a-z0-9_\-]+)/\[([^\]]+)\]", ref)
        if check(m, f"requirement '{ref}' is name/[version range]"):
            required[m.group(1)] = m.group(2)
    for name in ("boost", "icu", "fmt"):
        if check(name in required, f"requires {name}"):
            have = versions.get(name)
            if check(have, f"--version {name}=X.Y was given"):
                check(satisfies(have, required[name]),
                      f"{name}/[{required[name]}] accepts this machine's {name} {have}")
    print("conanfile.py: requirements " + ", ".join(f"{k}/[{v}]" for k, v in sorted(required.items())) +
          " accept " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))

    # 4. validate
    REC.events.clear()
    recipe().validate()
    check(("check_min_cppstd", "20") in REC.events, "validate() calls check_min_cppstd(self, 20)")

    # 5. generate
    declared = declared_cmake_options(source_dir)
    for tools in (False, True):
        REC.events.clear()
        r = recipe()
        if "tools" in r.options:
            r.options.tools = tools
        r.generate()
        check(REC.has("CMakeToolchain.generate"), "generate() generates a CMakeToolchain")
        check(REC.has("CMakeDeps.generate"), "generate() generates CMakeDeps")
        toolchains = [e[1] for e in REC.find("CMakeToolchain")]
        variables = {}
        for tc in toolchains:
            variables.update(tc.cache_variables)
            variables.update(tc.variables)
        for name in variables:
            if name.startswith("ERX_"):
                check(name in declared, f"CMakeToolchain variable {name} is declared in erx's CMake code")
        for name, want in (("ERX_BUILD_TESTS", False), ("ERX_BUILD_EXAMPLES", False),
                           ("ERX_BUILD_BENCHMARKS", False), ("ERX_INSTALL", True)):
            check(name in variables and bool(variables[name]) is want, f"generate() sets {name}={want}")
        if "tools" in r.options:
            check(bool(variables.get("ERX_BUILD_TOOLS")) is tools,
                  f"generate() sets ERX_BUILD_TOOLS from the tools option ({tools})")
    print("conanfile.py: validate() and generate() checked")

    # 6. build and package
    REC.events.clear()
    recipe().build()
    check(REC.has("cmake.configure") and REC.has("cmake.build"), "build() configures and builds")
    REC.events.clear()
    recipe().package()
    check(REC.has("cmake.install"), "package() installs")
    check(any(e[1] == "LICENSE" and e[3].endswith("licenses") for e in REC.find("copy")),
          "package() copies LICENSE into licenses/")

    # 7. package_info
    for shared in (False, True):
        r = recipe(shared=shared)
        r.config_options()
        r.configure()
        r.package_info()
        props = r.cpp_info.properties
        check(props.get("cmake_file_name") == "erx", "cmake_file_name is erx")
        check(props.get("cmake_target_name") == "erx::erx", "cmake_target_name is erx::erx")
        check(props.get("pkg_config_name") == "erx", "pkg_config_name is erx")
        check(r.cpp_info.libs == ["erx"], "libs is ['erx']")
        check(("ERX_STATIC" in r.cpp_info.defines) == (not shared),
              f"ERX_STATIC defined exactly for static builds (shared={shared})")
        for target in library_links:
            component = conan_component(target)
            if component:
                check(component in r.cpp_info.requires,
                      f"package_info requires {component} (the library links {target})")
        for component in r.cpp_info.requires:
            check(component.split("::")[0] in required,
                  f"package_info requires {component} of a package in requirements()")
    print("conanfile.py: build(), package() and package_info() checked (requires: " +
          ", ".join(r.cpp_info.requires) + ")")


def check_test_package(source_dir):
    path = os.path.join(source_dir, "test_package", "conanfile.py")
    recipe = load_recipe(path)
    REC.events.clear()
    r = recipe()
    r.requirements()
    check(("requires", r.tested_reference_str, {}) in REC.events,
          "test_package requires self.tested_reference_str")
    generators = getattr(recipe, "generators", ())
    if isinstance(generators, str):
        generators = (generators,)
    check("CMakeDeps" in generators and "CMakeToolchain" in generators,
          "test_package generators are CMakeDeps and CMakeToolchain")
    REC.events.clear()
    r.build()
    check(REC.has("cmake.configure") and REC.has("cmake.build"), "test_package build() builds")
    REC.events.clear()
    r.test()
    runs = REC.find("run")
    check(any(os.path.basename(e[1]) == "test_package" for e in runs), "test_package test() runs it")
    with open(os.path.join(source_dir, "test_package", "CMakeLists.txt"), encoding="utf-8") as f:
        cmake = f.read()
    check(re.search(r"find_package\(erx\b", cmake), "test_package/CMakeLists.txt finds erx")
    check("erx::erx" in cmake, "test_package/CMakeLists.txt links erx::erx")
    print("test_package: checked")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--dependency-report", required=True,
                        help="erx-dependencies.txt written by the CMake configure")
    parser.add_argument("--version", action="append", default=[], metavar="NAME=X.Y.Z",
                        help="a dependency version the ranges must accept (repeatable)")
    args = parser.parse_args()
    source_dir = os.path.abspath(args.source_dir)
    versions = dict(v.split("=", 1) for v in args.version)
    versions = {k.lower(): v for k, v in versions.items() if v}

    library_links = []
    with open(args.dependency_report, encoding="utf-8") as f:
        for line in f:
            target, _, links = line.rstrip("\n").partition("=")
            if target == "erx":
                library_links = [x for x in links.split(";") if x]
    check(library_links, "the dependency report lists what the library links")

    recipe_path = os.path.join(source_dir, "conanfile.py")
    test_path = os.path.join(source_dir, "test_package", "conanfile.py")
    with tempfile.TemporaryDirectory() as scratch:  # 1. byte-compiles (the .pyc is thrown away)
        for i, path in enumerate((recipe_path, test_path)):
            py_compile.compile(path, cfile=os.path.join(scratch, f"{i}.pyc"), doraise=True)
    print("conanfile.py, test_package/conanfile.py: byte-compiled")

    install_stubs()
    check_recipe(recipe_path, source_dir, versions, library_links)
    check_test_package(source_dir)

    if failures:
        for f in failures:
            print("FAILED: " + f)
        print(f"conanfile check: {len(failures)} failures")
        return 1
    print("conanfile check: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
