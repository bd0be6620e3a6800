// Feature extraction for the NER tagger: a sentence of units (tokens with
// their match keys) → for each unit, a list of hashed feature buckets.
//
// Training (CoNLL tokens) and tagging (Tokenized spans) both go through
// NerUnit so that they see exactly the same features. The hash function and
// the feature templates are part of the model format: changing either changes
// what a stored weight means, so bump kNerFormatVersion (model_io.cc) with them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_map.h"

namespace marsad::internal {

// What a unit's key is made of; decided on the key so that both views agree.
enum class UnitKind : uint8_t { kWord, kLatin, kNumber, kPunct };

struct NerUnit {
  std::string_view key;  // match key (lossy fold); owned by the caller
  uint8_t gaz = 0;       // NerGaz
};

UnitKind unit_kind(std::string_view key);

// Trigger words (titles that precede a name, الرئيس، السيد ...), as match keys.
// The set is stored in the model file so that a model always reads with the
// list it was trained with.
struct Triggers {
  std::vector<std::string> words;
  StringMap<char> set;  // the same words, for lookups
  void build();         // (re)fill `set` after `words` changed
  bool has(std::string_view key) const { return set.contains(key); }
};
// The default trigger list (data/ner/triggers.txt, embedded).
std::vector<std::string> default_triggers();

// Word → (coarse, fine) distributional cluster, keyed by the stem's hash
// (hash_bytes(stem, 2)); open addressing on the hash's high 32 bits.
struct ClusterTable {
  std::vector<uint32_t> keys;  // 0 = empty slot
  std::vector<uint32_t> vals;  // coarse << 24 | title << 16 | fine
  size_t count = 0;
  void insert(uint64_t stem_hash, uint32_t val);
  bool find(uint64_t stem_hash, uint32_t& val) const;
  static uint32_t key_of(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1u; }
};

// What the feature templates consult besides the sentence itself.
struct FeatureLexicons {
  Triggers triggers;
  ClusterTable clusters;
};

// Features of a sentence, flattened: feats[offset[i] .. offset[i+1]) for unit i.
struct SentenceFeatures {
  std::vector<uint32_t> feats;
  std::vector<uint32_t> offset;
  std::vector<uint8_t> punct;  // 1 = only O is allowed here
};

// mask = 2^bits - 1.
void extract_features(const std::vector<NerUnit>& units, const FeatureLexicons& lex, uint32_t mask,
                      SentenceFeatures& out);

uint64_t hash_bytes(std::string_view s, uint64_t seed = 0);

}  // namespace marsad::internal
