// Implementation of ModelBundle (erx/model.hpp).
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "erx/error.hpp"
#include "erx/model.hpp"
#include "model/builtin_bundle.hpp"

namespace erx {
namespace fs = std::filesystem;

ModelBundle::ModelBundle(std::string name) : name_(std::move(name)) {}

ModelBundle ModelBundle::english() {
  // Validated once; the models view the embedded bytes (static data) instead of copying them.
  static const ModelBundle english = [] {
    ModelBundle bundle("builtin:en");
    for (const detail::BuiltinModel& m : detail::builtin_english()) {
      std::string_view file = m.file;
      std::string_view stage = file.substr(0, file.size() - kModelFileExtension.size());
      bundle.add(ModelFile::view_memory(std::string_view(m.begin, static_cast<std::size_t>(m.end - m.begin)),
                                        "builtin:en/" + std::string(file), stage));
    }
    return bundle;
  }();
  return english;
}

ModelBundle ModelBundle::load(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec))
    throw Error(ErrorCode::kIo, path + ": not a model bundle directory" + (ec ? ": " + ec.message() : std::string()));
  std::vector<fs::path> files;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == kModelFileExtension) files.push_back(it->path());
  if (ec) throw Error(ErrorCode::kIo, path + ": cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end());
  ModelBundle bundle(path);
  for (const fs::path& f : files) bundle.add(ModelFile::load(f.string(), f.stem().string()));
  return bundle;
}

void ModelBundle::add(ModelFile model) {
  auto it = std::lower_bound(models_.begin(), models_.end(), model.stage(),
                             [](const ModelFile& m, const std::string& s) { return m.stage() < s; });
  if (it != models_.end() && it->stage() == model.stage()) {
    *it = std::move(model);
  } else {
    models_.insert(it, std::move(model));
  }
}

bool ModelBundle::has(std::string_view stage) const noexcept {
  return std::any_of(models_.begin(), models_.end(), [&](const ModelFile& m) { return m.stage() == stage; });
}

const ModelFile& ModelBundle::get(std::string_view stage) const {
  for (const ModelFile& m : models_)
    if (m.stage() == stage) return m;
  throw Error(ErrorCode::kModel, name_ + ": the bundle has no '" + std::string(stage) + "' model");
}

std::vector<std::string> ModelBundle::stages() const {
  std::vector<std::string> out;
  for (const ModelFile& m : models_) out.push_back(m.stage());
  return out;
}

void ModelBundle::save(const std::string& path) const {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) throw Error(ErrorCode::kIo, path + ": cannot create directory: " + ec.message());
  for (const ModelFile& m : models_) m.save((fs::path(path) / (m.stage() + std::string(kModelFileExtension))).string());
}

}  // namespace erx
