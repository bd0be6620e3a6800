// The NER model's frozen form, shared by tagging (model.cc), training
// (train.cc) and the file format (model_io.cc).
#pragma once

#include <cstdint>
#include <vector>

#include "marsad/ner.h"
#include "ner/features.h"

namespace marsad::internal {

inline constexpr int kTags = kNerTagCount;
inline constexpr int kStart = kTags;  // row of `trans` for "before the first unit"

// Weights are int16 with one scale for the model: a bucket maps to a row of
// kTags values (row 0 is all zeros, for buckets no feature ever updated).
struct NerWeights {
  uint32_t bits = 20;
  float scale = 1.0f;
  std::vector<uint32_t> row_of;  // 2^bits entries
  std::vector<int16_t> rows;     // kTags per row
  float trans[kTags + 1][kTags] = {};
  size_t row_count() const { return rows.size() / kTags; }
};

// Tag constraints of IOB2: I-X only after B-X or I-X.
inline bool is_inside(int tag) { return tag != 0 && tag % 2 == 0; }
inline bool allowed(int prev, int tag) {
  if (!is_inside(tag)) return true;
  return prev != kStart && prev != 0 && (prev + 1) / 2 == tag / 2;
}

// Best tag sequence for emission scores em[i*kTags + t]; units with
// only_o[i] set take O. Returns the tags.
std::vector<uint8_t> viterbi(const std::vector<float>& em, const float (&trans)[kTags + 1][kTags],
                             const std::vector<uint8_t>& only_o);

// A fresh id per model built, so that per-thread caches of a model's sums
// (emissions.cc) never serve another model, even one at the same address.
uint64_t next_model_id();

}  // namespace marsad::internal

namespace marsad {

struct NerModel::Impl {
  internal::NerWeights w;
  internal::FeatureLexicons lex;
  uint64_t id = internal::next_model_id();
  // Emission scores of every unit of a sentence, from its listed features
  // (training's view, and the reference for cached_emissions).
  void emissions(const internal::SentenceFeatures& f, std::vector<float>& em) const;
  // The same scores, summed per distinct word through a per-thread cache
  // (emissions.cc); only_o[i] = 1 where only O is allowed (punctuation).
  void cached_emissions(const std::vector<internal::NerUnit>& units, std::vector<float>& em,
                        std::vector<uint8_t>& only_o) const;
};

}  // namespace marsad
