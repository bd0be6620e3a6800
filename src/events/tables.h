// Internal: the event tables of data/events/, parsed once at first use into
// hash maps keyed by match keys (folded, proclitics stripped).
#pragma once

#include <cstdint>
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
  bool clause_break = false;                                // starts a clause (clause_break_words())
  bool cause_marker = false;                                // cause_marker_words()
};

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
  std::string version;

  WordId id(std::string_view key) const {
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
