// Tests of erx/model.hpp: the model file container and bundles.
#include "erx/model.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "erx/error.hpp"
#include "ml/training.hpp"

namespace {

erx::ModelFile small_model() {
  erx::ModelFile m("tagger", 3, {"NOUN", "VERB", "ADJ"});
  m.add_section("weights", std::string("\x01\x02\x03\x00\xff", 5));
  m.add_section("lexicon", "cat\tcat\ncats\tcat\n");
  return m;
}

// The message of the Error(kModel) thrown by `f`, or "" (a failed CHECK) if none is thrown.
template <typename F>
std::string model_error(F&& f) {
  try {
    f();
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kModel);
    return e.what();
  }
  FAIL_CHECK("no erx::Error thrown");
  return "";
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("erx_test_model_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("A model file round-trips through memory, stream and file") {
  const erx::ModelFile m = small_model();
  const std::string bytes = m.serialize();
  CHECK(bytes.size() == m.file_size());
  CHECK(bytes.substr(0, 8) == "ERXMODEL");

  auto check_same = [&](const erx::ModelFile& r) {
    CHECK(r.stage() == "tagger");
    CHECK(r.stage_version() == 3);
    CHECK(r.labels() == std::vector<std::string>{"NOUN", "VERB", "ADJ"});
    CHECK(r.section_names() == std::vector<std::string>{"weights", "lexicon"});
    CHECK(r.section("weights") == std::string("\x01\x02\x03\x00\xff", 5));
    CHECK(r.section("lexicon") == "cat\tcat\ncats\tcat\n");
    CHECK(r.serialize() == bytes);
  };
  check_same(erx::ModelFile::from_memory(bytes, "mem", "tagger"));
  std::istringstream in(bytes);
  check_same(erx::ModelFile::from_stream(in, "stream"));
  const auto path = (temp_dir("roundtrip") / "tagger.erxm").string();
  m.save(path);
  const erx::ModelFile loaded = erx::ModelFile::load(path, "tagger");
  check_same(loaded);
  CHECK(loaded.name() == path);
}

TEST_CASE("A missing file is rejected naming the file") {
  const std::string msg = model_error([] { (void)erx::ModelFile::load("/nonexistent/dir/tagger.erxm"); });
  CHECK(contains(msg, "/nonexistent/dir/tagger.erxm"));
  CHECK(contains(msg, "cannot open"));
}

TEST_CASE("Every truncation of a small model is rejected") {
  const std::string bytes = small_model().serialize();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO("truncated to " << n << " of " << bytes.size() << " bytes");
    const std::string msg = model_error([&] { (void)erx::ModelFile::from_memory(bytes.substr(0, n), "t.erxm"); });
    CHECK(contains(msg, "t.erxm: "));
    CHECK(contains(msg, "truncated"));
  }
}

TEST_CASE("Trailing bytes are rejected") {
  const std::string msg = model_error([] { (void)erx::ModelFile::from_memory(small_model().serialize() + "x", "t.erxm"); });
  CHECK(contains(msg, "1 unexpected bytes after the end"));
}

TEST_CASE("Random byte flips are rejected") {
  const std::string bytes = small_model().serialize();
  erx::ml::Rng rng(42);
  for (int trial = 0; trial < 2000; ++trial) {
    std::string damaged = bytes;
    const std::size_t flips = 1 + rng.below(3);
    for (std::size_t k = 0; k < flips; ++k) {
      const std::size_t at = rng.below(damaged.size());
      damaged[at] = static_cast<char>(damaged[at] ^ static_cast<char>(1 + rng.below(255)));
    }
    if (damaged == bytes) continue;
    INFO("trial " << trial);
    const std::string msg = model_error([&] { (void)erx::ModelFile::from_memory(damaged, "flip.erxm"); });
    CHECK(contains(msg, "flip.erxm: "));
  }
}

TEST_CASE("Every single-byte flip is rejected with the right diagnosis") {
  const std::string bytes = small_model().serialize();
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    INFO("byte " << at);
    const std::string msg = model_error([&] { (void)erx::ModelFile::from_memory(damaged, "b.erxm"); });
    if (at < 8) {
      CHECK(contains(msg, "bad magic"));
    } else if (at < 12) {
      CHECK((contains(msg, "newer than this erx") || contains(msg, "invalid format version")));
    } else if (at < 20) {
      CHECK((contains(msg, "truncated") || contains(msg, "unexpected bytes") || contains(msg, "impossible size")));
    } else {
      CHECK(contains(msg, "checksum mismatch"));
    }
  }
}

TEST_CASE("A newer format version is rejected") {
  std::string bytes = small_model().serialize();
  bytes[8] = 2;  // version field, little-endian
  const std::string msg = model_error([&] { (void)erx::ModelFile::from_memory(bytes, "new.erxm"); });
  CHECK(contains(msg, "new.erxm: format version 2 is newer"));
}

TEST_CASE("A newer stage payload version is rejected by require_stage_version") {
  const erx::ModelFile m = erx::ModelFile::from_memory(small_model().serialize(), "s.erxm");
  m.require_stage_version(3);
  const std::string msg = model_error([&] { m.require_stage_version(2); });
  CHECK(contains(msg, "s.erxm: 'tagger' payload version 3 is newer"));
}

TEST_CASE("A model of the wrong stage is rejected") {
  const std::string msg =
      model_error([] { (void)erx::ModelFile::from_memory(small_model().serialize(), "x.erxm", "parser"); });
  CHECK(contains(msg, "x.erxm: is a 'tagger' model, expected a 'parser' model"));
}

TEST_CASE("A file that is not a model is rejected") {
  CHECK(contains(model_error([] { (void)erx::ModelFile::from_memory("hello world, not a model", "h.txt"); }),
                 "h.txt: not an erx model file"));
  CHECK(contains(model_error([] { (void)erx::ModelFile::from_memory("", "empty.erxm"); }), "empty.erxm: truncated"));
}

TEST_CASE("A missing section is reported with the file and section name") {
  const erx::ModelFile m = erx::ModelFile::from_memory(small_model().serialize(), "s.erxm");
  CHECK(m.has_section("weights"));
  CHECK_FALSE(m.has_section("features"));
  CHECK(contains(model_error([&] { (void)m.section("features"); }), "s.erxm: 'tagger' model has no section 'features'"));
}

TEST_CASE("Duplicate or empty section names are refused when building") {
  erx::ModelFile m("x", 1);
  m.add_section("a", "1");
  CHECK_THROWS_AS(m.add_section("a", "2"), erx::Error);
  CHECK_THROWS_AS(m.add_section("", "2"), erx::Error);
}

TEST_CASE("A bundle directory round-trips and checks stage names against file names") {
  erx::ModelBundle b("test");
  b.add(small_model());
  b.add(erx::ModelFile("parser", 1, {"SHIFT"}));
  CHECK(b.stages() == std::vector<std::string>{"parser", "tagger"});
  const auto dir = temp_dir("bundle");
  b.save(dir.string());
  const erx::ModelBundle loaded = erx::ModelBundle::load(dir.string());
  CHECK(loaded.stages() == std::vector<std::string>{"parser", "tagger"});
  CHECK(loaded.get("tagger").labels().size() == 3);
  CHECK(contains(model_error([&] { (void)loaded.get("ner"); }), "has no 'ner' model"));

  // A file whose declared stage does not match its name is rejected.
  std::filesystem::copy_file(dir / "tagger.erxm", dir / "ner.erxm");
  const std::string msg = model_error([&] { (void)erx::ModelBundle::load(dir.string()); });
  CHECK(contains(msg, "ner.erxm: is a 'tagger' model, expected a 'ner' model"));
}

TEST_CASE("Loading a bundle from a missing directory fails with kIo") {
  try {
    (void)erx::ModelBundle::load("/nonexistent/bundle");
    FAIL("no error");
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kIo);
    CHECK(contains(e.what(), "/nonexistent/bundle"));
  }
}

TEST_CASE("The built-in English bundle loads without files") {
  const erx::ModelBundle en = erx::ModelBundle::english();
  CHECK(en.name() == "builtin:en");
  for (const std::string& stage : en.stages()) {
    INFO(stage);
    CHECK(en.get(stage).stage() == stage);
    CHECK(en.get(stage).file_size() > 24);
  }
}
