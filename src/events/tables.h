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

// Word-keyed maps, probed for every word of every sentence: one hash and a
// probe, no allocation (find() takes a string_view and returns a pointer).
template <typename V>
using KeyMap = StringMap<V>;

struct EventTables {
  std::unordered_map<std::string, CameoCode> codes;
  std::vector<TriggerRow> rows;
  KeyMap<std::vector<TriggerHit>> triggers;  // form key -> rows
  KeyMap<std::vector<uint32_t>> pattern_words;  // key -> rows using it
  std::vector<Phrase> attribution, modality;
  KeyMap<std::vector<std::string>> senses;  // trigger word key -> context keys of its non-event sense
  // First word key -> phrases starting with it (indexes into attribution / modality).
  KeyMap<std::vector<uint32_t>> attribution_first, modality_first;
  std::string version;
};

const EventTables& event_tables();

// The match key of a data-file word: folded like the text.
std::string data_key(std::string_view word);

}  // namespace marsad::internal
