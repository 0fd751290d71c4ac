// ml/bytes.hpp — little-endian binary encoding of model payloads.
//
// Every stage serializes its payload sections (weights, lexicons, rules) with ByteWriter and reads
// them back with ByteReader. The encoding is fixed little-endian, so a model written on one machine
// loads on any other. ByteReader checks every read against the end of the section and throws
// Error(kModel) naming the model file, the section and the byte offset; a stage never reads past
// its data even if a checksum collision let a damaged file through.
//
//   ml::ByteWriter w;
//   w.u32(labels.size());
//   w.str("hello");
//   w.array(std::span<const std::int16_t>(weights));
//   model_file.add_section("weights", w.take());
//
//   ml::ByteReader r(model_file.section("weights"), model_file.name() + ": section 'weights'");
//   std::uint32_t n = r.u32();
//   std::string s = r.str();
//   std::vector<std::int16_t> weights = r.array<std::int16_t>();
//   r.expect_end();
//
// Neither class is thread-safe; both are cheap, per-call objects.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "erx/error.hpp"

namespace erx::ml {

// Appends little-endian values to a growing byte string.
class ByteWriter {
 public:
  void u8(std::uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void u16(std::uint16_t v) { put(v); }
  void u32(std::uint32_t v) { put(v); }
  void u64(std::uint64_t v) { put(v); }
  void i32(std::int32_t v) { put(v); }
  void f32(float v) { put(v); }
  // A length-prefixed (u32) string.
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes_.append(s);
  }
  // Raw bytes, no length prefix.
  void raw(std::string_view s) { bytes_.append(s); }
  // A u64 element count followed by the elements (arithmetic types only).
  template <typename T>
  void array(std::span<const T> values) {
    static_assert(std::is_arithmetic_v<T>);
    u64(values.size());
    if constexpr (std::endian::native == std::endian::little) {
      // An empty span may have a null data(): append nothing rather than pass null on.
      if (!values.empty()) bytes_.append(reinterpret_cast<const char*>(values.data()), values.size_bytes());
    } else {
      for (const T& v : values) put(v);
    }
  }
  template <typename T>
  void array(const std::vector<T>& values) {
    array(std::span<const T>(values));
  }

  // The bytes written so far.
  [[nodiscard]] const std::string& bytes() const noexcept { return bytes_; }
  // Moves the bytes out, leaving the writer empty.
  [[nodiscard]] std::string take() noexcept { return std::move(bytes_); }

 private:
  template <typename T>
  void put(T v) {
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) {
      for (std::size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(buf[i], buf[sizeof(T) - 1 - i]);
    }
    bytes_.append(buf, sizeof(T));
  }
  std::string bytes_;
};

// Reads little-endian values from a byte range, bounds-checked. `context` names the data in error
// messages ("models/en/tagger.erxm: section 'weights'"). Every read past the end throws
// Error(kModel, "<context>: truncated at byte N (need M more bytes)").
class ByteReader {
 public:
  ByteReader(std::string_view data, std::string context) : data_(data), context_(std::move(context)) {}

  std::uint8_t u8() { return get<std::uint8_t>(); }
  std::uint16_t u16() { return get<std::uint16_t>(); }
  std::uint32_t u32() { return get<std::uint32_t>(); }
  std::uint64_t u64() { return get<std::uint64_t>(); }
  std::int32_t i32() { return get<std::int32_t>(); }
  float f32() { return get<float>(); }
  // A length-prefixed string (as ByteWriter::str), copied.
  std::string str() { return std::string(str_view()); }
  // A length-prefixed string as a view into the data (valid while the data is).
  std::string_view str_view() {
    std::uint32_t n = u32();
    return raw(n);
  }
  // `n` raw bytes as a view into the data.
  std::string_view raw(std::size_t n) {
    need(n);
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // An array written by ByteWriter::array. Throws if the count exceeds the remaining bytes.
  template <typename T>
  std::vector<T> array() {
    static_assert(std::is_arithmetic_v<T>);
    std::uint64_t n = u64();
    if (n > (data_.size() - pos_) / sizeof(T)) fail("array of " + std::to_string(n) + " elements", n * sizeof(T));
    std::vector<T> out(static_cast<std::size_t>(n));
    if constexpr (std::endian::native == std::endian::little) {
      // An empty vector's data() may be null, and memcpy from or to null is undefined even for
      // zero bytes (a model with no features has empty arrays).
      if (!out.empty()) std::memcpy(out.data(), data_.data() + pos_, out.size() * sizeof(T));
      pos_ += out.size() * sizeof(T);
    } else {
      for (T& v : out) v = get<T>();
    }
    return out;
  }

  // Throws Error(kModel) naming the context and `what` unless `condition` holds. For checking
  // decoded values ("label index 71 out of range").
  void check(bool condition, std::string_view what) const {
    if (!condition) throw Error(ErrorCode::kModel, context_ + ": " + std::string(what));
  }
  // Throws Error(kModel) if unread bytes remain.
  void expect_end() const {
    if (pos_ != data_.size())
      throw Error(ErrorCode::kModel, context_ + ": " + std::to_string(data_.size() - pos_) +
                                         " unexpected bytes at byte " + std::to_string(pos_));
  }

  [[nodiscard]] std::size_t position() const noexcept { return pos_; }
  [[nodiscard]] std::size_t remaining() const noexcept { return data_.size() - pos_; }
  [[nodiscard]] const std::string& context() const noexcept { return context_; }

 private:
  void need(std::size_t n) const {
    if (n > data_.size() - pos_) fail(std::to_string(n) + " bytes", n);
  }
  [[noreturn]] void fail(const std::string& what, std::uint64_t n) const {
    throw Error(ErrorCode::kModel, context_ + ": truncated at byte " + std::to_string(pos_) + " (reading " + what +
                                       ", " + std::to_string(n) + " bytes needed, " +
                                       std::to_string(data_.size() - pos_) + " left)");
  }
  template <typename T>
  T get() {
    need(sizeof(T));
    char buf[sizeof(T)];
    std::memcpy(buf, data_.data() + pos_, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) {
      for (std::size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(buf[i], buf[sizeof(T) - 1 - i]);
    }
    pos_ += sizeof(T);
    T v;
    std::memcpy(&v, buf, sizeof(T));
    return v;
  }

  std::string_view data_;
  std::string context_;
  std::size_t pos_ = 0;
};

}  // namespace erx::ml
