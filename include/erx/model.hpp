// erx/model.hpp — model files and model bundles.
//
// Every trained erx stage (tagger, parser, entity recognizer, ...) is stored in one model file: a
// versioned, self-describing, checksummed binary container. A *bundle* groups the stage files of one
// language; the English bundle is compiled into the library, so Pipeline::english() reads no file.
//
//   erx::ModelBundle en = erx::ModelBundle::english();                  // built in
//   const erx::ModelFile& tagger = en.get("tagger");
//   std::cout << tagger.stage() << ' ' << tagger.labels().size() << '\n';
//
//   erx::ModelFile m = erx::ModelFile::load("my/tagger.erxm", "tagger");  // checks the stage
//   erx::ModelBundle mine = erx::ModelBundle::load("my-models/");        // every *.erxm in it
//
// File layout (all integers little-endian):
//
//   offset  size  field
//   0       8     magic "ERXMODEL"
//   8       4     format version (kModelFormatVersion; newer files are rejected)
//   12      8     total file size in bytes (detects truncation and trailing garbage)
//   20      ...   stage name (u32 length + bytes), stage payload version (u32),
//                 labels (u32 count, then u32 length + bytes each),
//                 sections (u32 count, then per section: u32 name length + name, u64 size + bytes)
//   size-4  4     CRC-32 (IEEE 802.3) of every byte before it
//
// A file that is missing, truncated, has trailing bytes, a bad magic number, a newer format
// version, a checksum mismatch, inconsistent lengths, or the wrong stage is rejected with
// Error(kModel) (Error(kIo) if it cannot be opened) whose message names the file and the problem,
// e.g. "models/en/tagger.erxm: truncated: 812 of 4096 bytes".
//
// Thread-safety: ModelFile and ModelBundle are immutable once loaded; const members are safe from
// any number of threads.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "erx/export.hpp"

namespace erx {

// The newest container format version this build reads and the one it writes.
inline constexpr std::uint32_t kModelFormatVersion = 1;

// The file name extension of model files in a bundle directory ("tagger.erxm").
inline constexpr std::string_view kModelFileExtension = ".erxm";

// One stage's model: stage name, payload version, labels and named binary sections.
class ERX_API ModelFile {
 public:
  // A new, empty model of stage `stage` (e.g. "tagger"), whose payload layout is version
  // `stage_version` (the stage's own versioning, checked by the stage on load), knowing `labels`.
  ModelFile(std::string stage, std::uint32_t stage_version, std::vector<std::string> labels = {});

  // Adds a named section of payload bytes. Throws Error(kInvalidArgument) if `name` is already
  // present or empty.
  void add_section(std::string name, std::string bytes);

  // The stage that wrote the model ("tagger", "parser", ...).
  [[nodiscard]] const std::string& stage() const noexcept { return stage_; }
  // The stage's payload version.
  [[nodiscard]] std::uint32_t stage_version() const noexcept { return stage_version_; }
  // The labels (class names) the model knows, in class-id order.
  [[nodiscard]] const std::vector<std::string>& labels() const noexcept { return labels_; }
  // Where the model came from, for messages: a path, "<memory>", "<stream>" or "builtin:en/tagger".
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  // Size in bytes of the serialized file (as loaded, or as serialize() would produce).
  [[nodiscard]] std::size_t file_size() const noexcept;

  // True if a section named `name` exists.
  [[nodiscard]] bool has_section(std::string_view name) const noexcept;
  // The bytes of section `name`. Throws Error(kModel) naming the file and the section if absent.
  [[nodiscard]] std::string_view section(std::string_view name) const;
  // The section names in file order.
  [[nodiscard]] std::vector<std::string> section_names() const;

  // Throws Error(kModel) naming the file unless stage_version() <= `newest` — for stages to reject
  // payloads newer than they understand.
  void require_stage_version(std::uint32_t newest) const;

  // The complete file bytes (header, sections, checksum).
  [[nodiscard]] std::string serialize() const;
  // Writes serialize() to `path`. Throws Error(kIo) naming the path on failure.
  void save(const std::string& path) const;

  // Reads and validates the model file at `path`. If `expected_stage` is not empty, a model of
  // another stage is rejected. Throws Error(kIo) if the file cannot be opened or read,
  // Error(kModel) if it is not a valid model (see the header comment).
  [[nodiscard]] static ModelFile load(const std::string& path, std::string_view expected_stage = {});
  // The same from bytes in memory; `name` is used in error messages. The bytes are copied once
  // (copies of the returned ModelFile share that copy).
  [[nodiscard]] static ModelFile from_memory(std::string_view bytes, std::string_view name = "<memory>",
                                             std::string_view expected_stage = {});
  // The same without copying: the sections are views into `bytes`, which must stay valid and
  // unchanged as long as the returned ModelFile or any copy of it is used (static data such as the
  // models compiled into the library). Validation is the same as from_memory's.
  [[nodiscard]] static ModelFile view_memory(std::string_view bytes, std::string_view name = "<memory>",
                                             std::string_view expected_stage = {});
  // The same from a stream read to its end.
  [[nodiscard]] static ModelFile from_stream(std::istream& in, std::string_view name = "<stream>",
                                             std::string_view expected_stage = {});

 private:
  struct Section {
    std::string name;
    std::string_view bytes;  // into *owned_ (its own or the whole file's) or into static data
  };
  // Parses and validates `bytes` (see load()); sections view `bytes`, whose owner is `owner`.
  static ModelFile parse(std::string_view bytes, std::string_view name, std::string_view expected_stage,
                         std::shared_ptr<const std::string> owner);
  std::string stage_;
  std::uint32_t stage_version_ = 0;
  std::vector<std::string> labels_;
  std::vector<Section> sections_;
  std::vector<std::shared_ptr<const std::string>> owned_;  // storage the sections view, shared by copies
  std::string name_ = "<new model>";
};

// The models of one language, one per stage.
class ERX_API ModelBundle {
 public:
  // An empty bundle named `name`.
  explicit ModelBundle(std::string name = "<bundle>");

  // The English bundle compiled into the library (no file access). Thread-safe. The embedded bytes
  // are validated once per process (checksums included); the models view them without copying, so
  // the returned copies are cheap.
  [[nodiscard]] static ModelBundle english();

  // Loads every "<stage>.erxm" file of directory `path`; each file's stage must match its name.
  // Throws Error(kIo) if `path` is not a readable directory, Error(kModel) for an invalid file.
  [[nodiscard]] static ModelBundle load(const std::string& path);

  // Adds (or replaces) the model of model.stage().
  void add(ModelFile model);

  // True if the bundle has a model for `stage`.
  [[nodiscard]] bool has(std::string_view stage) const noexcept;
  // The model of `stage`. Throws Error(kModel) naming the bundle and the stage if absent.
  [[nodiscard]] const ModelFile& get(std::string_view stage) const;
  // The stages present, in alphabetical order.
  [[nodiscard]] std::vector<std::string> stages() const;
  // The bundle's name (its directory, or "builtin:en").
  [[nodiscard]] const std::string& name() const noexcept { return name_; }

  // Writes each model as "<stage>.erxm" into directory `path` (created if needed). Throws Error(kIo).
  void save(const std::string& path) const;

 private:
  std::string name_;
  std::vector<ModelFile> models_;  // sorted by stage
};

}  // namespace erx
