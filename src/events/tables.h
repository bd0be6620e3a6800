// Internal: the event tables of data/events/, parsed once at first use into
// hash maps keyed by match keys (folded, proclitics stripped).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/events.h"

namespace marsad::internal {

struct TriggerRow {
  std::string code;
  std::vector<std::string> pattern;  // match keys; empty = no pattern
  bool low = false;                  // speech verb coded 010 only as a fallback
};

struct TriggerHit {
  uint32_t row;
  bool masdar;  // a noun, not a verb form
};

// A phrase of one or more words (attribution and modality entries).
struct Phrase {
  std::vector<std::string> words;  // match keys
  std::string kind;                // attribution: verb | according_to; modality: negated | future ...
  bool clause_scope = false;       // modality: scope "clause" (else "next_verb")
};

// Lets the maps be searched with a string_view (no allocation per lookup).
struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using KeyMap = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;

struct EventTables {
  std::unordered_map<std::string, CameoCode> codes;
  std::vector<TriggerRow> rows;
  KeyMap<std::vector<TriggerHit>> triggers;  // form key -> rows
  KeyMap<std::vector<uint32_t>> pattern_words;  // key -> rows using it
  std::vector<Phrase> attribution, modality;
  // First word key -> phrases starting with it (indexes into attribution / modality).
  KeyMap<std::vector<uint32_t>> attribution_first, modality_first;
  std::string version;
};

const EventTables& event_tables();

// The match key of a data-file word: folded like the text.
std::string data_key(std::string_view word);

}  // namespace marsad::internal
