// Implementation of erx/document.hpp: the Document value and the enum spellings.
#include "erx/document.hpp"

#include <algorithm>
#include <array>

#include "erx/error.hpp"

namespace erx {
namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "_",     "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM",   "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

}  // namespace

std::string_view to_string(TokenKind kind) noexcept {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kEmoji: return "emoji";
    case TokenKind::kInvalidUtf8: return "invalid-utf8";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

std::string_view to_string(Upos tag) noexcept {
  const auto index = static_cast<std::size_t>(tag);
  return index < kUposNames.size() ? kUposNames[index] : "_";
}

Upos upos_from_string(std::string_view text) noexcept {
  for (std::size_t i = 1; i < kUposNames.size(); ++i)
    if (kUposNames[i] == text) return static_cast<Upos>(i);
  return Upos::kNone;
}

std::string_view to_string(MentionSource source) noexcept {
  switch (source) {
    case MentionSource::kModel: return "model";
    case MentionSource::kGazetteer: return "gazetteer";
    case MentionSource::kPattern: return "pattern";
    case MentionSource::kUser: return "user";
    case MentionSource::kCoreference: return "coreference";
  }
  return "model";
}

std::string_view to_string(Modality modality) noexcept {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

Document::Document(std::string_view text) {
  if (text.size() > kMaxDocumentBytes)
    throw Error(ErrorCode::kLimit, "document of " + std::to_string(text.size()) +
                                       " bytes exceeds the limit of " +
                                       std::to_string(kMaxDocumentBytes) + " bytes");
  text_.assign(text);
}

StrRef Document::store(std::string_view s) {
  if (s.empty()) return {};
  if (pool_.size() + s.size() > kMaxDocumentBytes)
    throw Error(ErrorCode::kLimit, "document string pool exceeds 4 GiB");
  StrRef ref{static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(s.size())};
  pool_.append(s);
  return ref;
}

std::uint32_t Document::sentence_of(std::uint32_t token) const noexcept {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), token,
                             [](std::uint32_t t, const Sentence& s) { return t < s.first_token; });
  if (it == sentences_.begin()) return 0;
  return static_cast<std::uint32_t>(it - sentences_.begin() - 1);
}

}  // namespace erx
