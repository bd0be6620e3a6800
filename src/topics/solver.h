// The learning half of the topic classifier: one-vs-rest linear SVMs and the
// temperature that turns their scores into probabilities.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "topics/features.h"

namespace marsad::internal {

// Documents as sparse rows: row i is x[start[i], start[i + 1]).
struct TopicRows {
  std::vector<TopicFeature> x;
  std::vector<size_t> start{0};
  size_t size() const { return start.size() - 1; }
  std::span<const TopicFeature> row(size_t i) const { return {x.data() + start[i], x.data() + start[i + 1]}; }
  void add(std::span<const TopicFeature> r) {
    x.insert(x.end(), r.begin(), r.end());
    start.push_back(x.size());
  }
};

struct SvmOptions {
  double cost = 1.0;     // C
  double epsilon = 0.1;  // stop when the projected gradients span less than this (LIBLINEAR's default)
  int max_epochs = 50;
  uint64_t seed = 1;
};

// Linear weights of one-vs-rest SVMs: w[bucket * classes + c], bias[c].
struct LinearWeights {
  uint32_t classes = 0;
  std::vector<float> w;
  std::vector<float> bias;
};

// L2-regularised L2-loss SVMs, one per class against the rest, by dual
// coordinate descent with shrinking (Hsieh et al., ICML 2008; the solver
// LIBLINEAR and scikit-learn's LinearSVC use by default). The bias is a
// constant feature of value 1, regularised like the rest, as in LIBLINEAR.
// `rows` lists the documents to train on; y[i] is the class of document i.
LinearWeights train_svm(const TopicRows& docs, std::span<const uint32_t> y, std::span<const size_t> rows,
                        uint32_t classes, size_t buckets, const SvmOptions& opt);

// The temperature T that minimises the negative log-likelihood of the gold
// classes under softmax(score / T); scores[i * classes + c].
double fit_temperature(std::span<const float> scores, std::span<const uint32_t> gold, uint32_t classes);

// softmax(s / T) in place.
void softmax(std::span<float> s, double temperature);

}  // namespace marsad::internal
