// What a frozen topic model holds, shared by prediction (model.cc), the file
// format (model_io.cc) and training (train.cc).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "marsad/topics.h"
#include "topics/big_array.h"
#include "topics/features.h"
#include "topics/solver.h"

namespace marsad {

struct TopicModel::Impl {
  TopicFeatures features;
  std::vector<std::string> labels;
  // One row per bucket, so that a feature costs one memory access: the
  // bucket's idf code (read as uint8; idf = code * idf_step, 0 = a bucket no
  // training document had, ignored as a TF-IDF vocabulary would), then one
  // int8 weight per class (weight = code * scale[class]).
  internal::BigArray<int8_t> rows;
  float idf_step = 0;
  std::vector<float> scale, bias;
  double temperature = 1.0;
  std::string notes;

  uint32_t classes() const { return static_cast<uint32_t>(labels.size()); }
  size_t stride() const { return size_t{classes()} + 1; }
  size_t buckets() const { return size_t{1} << features.hash_bits; }
  uint8_t idf_code(size_t b) const { return static_cast<uint8_t>(rows[b * stride()]); }
  float idf(size_t b) const { return idf_code(b) * idf_step; }

  // Decision values (one per class) of a text's terms (topic_terms); false
  // when none of its buckets was seen in training.
  bool scores(std::span<const internal::TopicFeature> terms, std::span<float> out) const;

  // Quantises and stores idf values (sets the idf column of `rows`, sizing it).
  void set_idf(std::span<const float> idf_values);
  // Quantises and stores trained weights and biases (after set_idf).
  void set_weights(const internal::LinearWeights& lw);
};

}  // namespace marsad
