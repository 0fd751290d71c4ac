// Implementation of ModelFile (erx/model.hpp): serialization, validation and loading.
#include <boost/crc.hpp>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "erx/error.hpp"
#include "erx/model.hpp"
#include "ml/bytes.hpp"

namespace erx {
namespace {

constexpr char kMagic[8] = {'E', 'R', 'X', 'M', 'O', 'D', 'E', 'L'};
constexpr std::size_t kFixedHeader = 8 + 4 + 8;       // magic, version, size
constexpr std::size_t kMinFileSize = kFixedHeader + 4;  // + checksum

std::uint32_t crc32(std::string_view bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

[[noreturn]] void fail(std::string_view name, const std::string& problem) {
  throw Error(ErrorCode::kModel, std::string(name) + ": " + problem);
}

std::string hex32(std::uint32_t v) {
  char buf[11];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

}  // namespace

ModelFile::ModelFile(std::string stage, std::uint32_t stage_version, std::vector<std::string> labels)
    : stage_(std::move(stage)), stage_version_(stage_version), labels_(std::move(labels)) {}

void ModelFile::add_section(std::string name, std::string bytes) {
  if (name.empty()) throw Error(ErrorCode::kInvalidArgument, "model section name is empty");
  if (has_section(name))
    throw Error(ErrorCode::kInvalidArgument, "model '" + stage_ + "' already has a section '" + name + "'");
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  sections_.push_back({std::move(name), std::string_view(*owned)});
  owned_.push_back(std::move(owned));
}

bool ModelFile::has_section(std::string_view name) const noexcept {
  for (const Section& s : sections_)
    if (s.name == name) return true;
  return false;
}

std::string_view ModelFile::section(std::string_view name) const {
  for (const Section& s : sections_)
    if (s.name == name) return s.bytes;
  fail(name_, "'" + stage_ + "' model has no section '" + std::string(name) + "'");
}

std::vector<std::string> ModelFile::section_names() const {
  std::vector<std::string> names;
  for (const Section& s : sections_) names.push_back(s.name);
  return names;
}

void ModelFile::require_stage_version(std::uint32_t newest) const {
  if (stage_version_ > newest)
    fail(name_, "'" + stage_ + "' payload version " + std::to_string(stage_version_) +
                    " is newer than this erx reads (" + std::to_string(newest) + "); upgrade erx");
}

std::size_t ModelFile::file_size() const noexcept {
  std::size_t n = kFixedHeader + 4 + (4 + stage_.size()) + 4 + 4 + 4;  // + checksum, stage, version, counts
  for (const std::string& l : labels_) n += 4 + l.size();
  for (const Section& s : sections_) n += 4 + s.name.size() + 8 + s.bytes.size();
  return n;
}

std::string ModelFile::serialize() const {
  ml::ByteWriter w;
  w.raw(std::string_view(kMagic, sizeof kMagic));
  w.u32(kModelFormatVersion);
  w.u64(file_size());
  w.str(stage_);
  w.u32(stage_version_);
  w.u32(static_cast<std::uint32_t>(labels_.size()));
  for (const std::string& l : labels_) w.str(l);
  w.u32(static_cast<std::uint32_t>(sections_.size()));
  for (const Section& s : sections_) {
    w.str(s.name);
    w.u64(s.bytes.size());
    w.raw(s.bytes);
  }
  w.u32(crc32(w.bytes()));
  return w.take();
}

void ModelFile::save(const std::string& path) const {
  const std::string bytes = serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorCode::kIo, path + ": cannot open for writing: " + std::strerror(errno));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(ErrorCode::kIo, path + ": write failed");
}

ModelFile ModelFile::from_memory(std::string_view bytes, std::string_view name, std::string_view expected_stage) {
  auto copy = std::make_shared<const std::string>(bytes);
  const std::string_view view(*copy);
  return parse(view, name, expected_stage, std::move(copy));
}

ModelFile ModelFile::view_memory(std::string_view bytes, std::string_view name, std::string_view expected_stage) {
  return parse(bytes, name, expected_stage, nullptr);
}

ModelFile ModelFile::parse(std::string_view bytes, std::string_view name, std::string_view expected_stage,
                           std::shared_ptr<const std::string> owner) {
  const std::size_t size = bytes.size();
  // 1. Magic (checked on whatever prefix exists, so a short foreign file says "not a model").
  const std::size_t magic_len = std::min(size, sizeof kMagic);
  if (std::memcmp(bytes.data(), kMagic, magic_len) != 0)
    fail(name, "not an erx model file (bad magic number)");
  if (size < kMinFileSize)
    fail(name, "truncated: " + std::to_string(size) + " bytes, shorter than the " + std::to_string(kMinFileSize) +
                   "-byte minimum of a model file");
  ml::ByteReader header(bytes.substr(0, kFixedHeader), std::string(name));
  header.raw(sizeof kMagic);
  // 2. Version.
  const std::uint32_t version = header.u32();
  if (version == 0) fail(name, "invalid format version 0");
  if (version > kModelFormatVersion)
    fail(name, "format version " + std::to_string(version) + " is newer than this erx reads (" +
                   std::to_string(kModelFormatVersion) + "); upgrade erx");
  // 3. Size.
  const std::uint64_t declared = header.u64();
  if (declared < kMinFileSize) fail(name, "corrupted: header declares an impossible size of " + std::to_string(declared) + " bytes");
  if (size < declared)
    fail(name, "truncated: " + std::to_string(size) + " of " + std::to_string(declared) + " bytes");
  if (size > declared)
    fail(name, "corrupted: " + std::to_string(size - declared) + " unexpected bytes after the end of the model (" +
                   std::to_string(declared) + " bytes)");
  // 4. Checksum.
  ml::ByteReader tail(bytes.substr(size - 4), std::string(name));
  const std::uint32_t stored = tail.u32();
  const std::uint32_t computed = crc32(bytes.substr(0, size - 4));
  if (stored != computed)
    fail(name, "corrupted: checksum mismatch (stored " + hex32(stored) + ", computed " + hex32(computed) + ")");
  // 5. Body. Every length is bounds-checked even though the checksum matched.
  ml::ByteReader r(bytes.substr(kFixedHeader, size - kFixedHeader - 4), std::string(name));
  ModelFile m(r.str(), 0);
  m.stage_version_ = r.u32();
  const std::uint32_t num_labels = r.u32();
  r.check(num_labels <= r.remaining() / 4, "corrupted: label count " + std::to_string(num_labels) + " exceeds the file");
  m.labels_.reserve(num_labels);
  for (std::uint32_t i = 0; i < num_labels; ++i) m.labels_.push_back(r.str());
  const std::uint32_t num_sections = r.u32();
  r.check(num_sections <= r.remaining() / 12, "corrupted: section count " + std::to_string(num_sections) + " exceeds the file");
  for (std::uint32_t i = 0; i < num_sections; ++i) {
    std::string section_name = r.str();
    const std::uint64_t n = r.u64();
    r.check(n <= r.remaining(), "corrupted: section '" + section_name + "' extends past the end of the file");
    r.check(!section_name.empty() && !m.has_section(section_name), "corrupted: bad or duplicate section name");
    m.sections_.push_back({std::move(section_name), r.raw(static_cast<std::size_t>(n))});
  }
  r.expect_end();
  if (owner) m.owned_.push_back(std::move(owner));
  m.name_ = std::string(name);
  // 6. Stage.
  if (m.stage_.empty()) fail(name, "corrupted: empty stage name");
  if (!expected_stage.empty() && m.stage_ != expected_stage)
    fail(name, "is a '" + m.stage_ + "' model, expected a '" + std::string(expected_stage) + "' model");
  return m;
}

ModelFile ModelFile::from_stream(std::istream& in, std::string_view name, std::string_view expected_stage) {
  auto bytes = std::make_shared<const std::string>((std::istreambuf_iterator<char>(in)),
                                                   std::istreambuf_iterator<char>());
  if (in.bad()) fail(name, "read error");
  const std::string_view view(*bytes);
  return parse(view, name, expected_stage, std::move(bytes));
}

ModelFile ModelFile::load(const std::string& path, std::string_view expected_stage) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, std::string("cannot open model file: ") + std::strerror(errno));
  return from_stream(in, path, expected_stage);
}

}  // namespace erx
