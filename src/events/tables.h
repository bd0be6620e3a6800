// Internal: the event tables of data/events/, parsed once at first use into
// hash maps keyed by match keys (folded, proclitics stripped).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/events.h"
#include "text/string_map.h"

namespace marsad::internal {

// A word form any table names, by its index in EventTables::lexicon. Two forms are equal
// exactly when their ids are, so a text word whose forms were looked up once (build_words)
// is compared with table words as integers. kNoWord: a form no table names.
using WordId = uint32_t;
inline constexpr WordId kNoWord = UINT32_MAX;

struct TriggerRow {
  std::string code;
  std::vector<WordId> pattern;  // empty = no pattern
  bool low = false;             // speech verb coded 010 only as a fallback
};

struct TriggerHit {
  uint32_t row;
  bool masdar;  // a noun, not a verb form
};

// A phrase of one or more words (attribution and modality entries).
struct Phrase {
  std::vector<WordId> words;
  std::string kind;           // attribution: verb | according_to; modality: negated | future ...
  bool clause_scope = false;  // modality: scope "clause" (else "next_verb")
};

// What the tables say of one word form.
struct Lexeme {
  std::vector<TriggerHit> triggers;                         // rows it triggers; empty = none
  std::vector<uint32_t> attribution_first, modality_first;  // phrases starting with it
  bool has_senses = false;                                  // senses.tsv names it
  std::vector<WordId> sense_context;                        // ... and these words give it away
  uint8_t facts = 0;                                        // Fact bits, summing up the above
};

// One bit per question a word may answer yes to. A text word ORs the bits of its forms
// (Word::facts), so that most words answer no without a look at the lexicon.
enum Fact : uint8_t {
  kTriggers = 1,          // Lexeme::triggers non-empty
  kSenses = 2,            // has_senses
  kAttributionFirst = 4,  // starts an attribution phrase
  kModalityFirst = 8,     // starts a modality phrase
  kPatternWord = 16,      // in some trigger row's pattern
  kCauseMarker = 32,      // kCauseMarkerWords (after_cause_marker)
  kClauseBreakWord = 64,  // kClauseBreakWords (is_clause_break asks the key and the host only)
};

// A cheap hash of a key (its first and last eight or four bytes and its length), for the filter
// in front of the lexicon: most text words are in no table, and the filter turns most of
// them away without the full hash and probe.
inline uint32_t filter_hash(std::string_view k) {
  uint64_t a = 0, b = 0;
  if (k.size() >= 8) {
    std::memcpy(&a, k.data(), 8);
    std::memcpy(&b, k.data() + k.size() - 8, 8);
  } else if (k.size() >= 4) {
    uint32_t x, y;
    std::memcpy(&x, k.data(), 4);
    std::memcpy(&y, k.data() + k.size() - 4, 4);
    a = x;
    b = y;
  } else {
    for (char c : k) a = a << 8 | static_cast<uint8_t>(c);
  }
  const uint64_t h = (a * 0x9E3779B97F4A7C15ull ^ b ^ k.size()) * 0xC2B2AE3D27D4EB4Full;
  return static_cast<uint32_t>(h >> 32);
}

// Word-keyed maps, probed for every word of every sentence: one hash and a
// probe, no allocation (find() takes a string_view and returns a pointer).
template <typename V>
using KeyMap = StringMap<V>;

struct EventTables {
  std::unordered_map<std::string, CameoCode> codes;
  std::vector<TriggerRow> rows;
  std::vector<Phrase> attribution, modality;
  // Every form any table or closed word list of the code names (match keys, folded, proclitics
  // stripped); the index of an entry is its WordId.
  KeyMap<Lexeme> lexicon;
  // Lexeme::facts by WordId, packed: build_words reads a byte per form, not a Lexeme.
  std::vector<uint8_t> facts;
  // Bit filter_hash(k) % size is set for every key k of the lexicon.
  static constexpr uint32_t kFilterBits = 1u << 17;
  std::vector<uint64_t> filter = std::vector<uint64_t>(kFilterBits / 64);
  std::string version;

  WordId id(std::string_view key) const {
    const uint32_t f = filter_hash(key) % kFilterBits;
    if (!(filter[f / 64] >> (f % 64) & 1)) return kNoWord;
    const int64_t i = lexicon.find_index(key, lex_hash(key));
    return i < 0 ? kNoWord : static_cast<WordId>(i);
  }
  const Lexeme& at(WordId id) const { return lexicon.at(id); }
};

const EventTables& event_tables();

// The match key of a data-file word: folded like the text.
std::string data_key(std::string_view word);

// The id of a word the code names (أن، قد، في ...): in the lexicon whatever the tables hold.
WordId word_id(std::string_view written);

}  // namespace marsad::internal
