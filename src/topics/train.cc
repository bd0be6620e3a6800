// Training: texts → TF-IDF rows → one-vs-rest SVMs on most documents →
// temperature fitted on the rest → SVMs again on all documents.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "topics/model_impl.h"

namespace marsad {

namespace {

using internal::TopicFeature;
using internal::TopicRows;

Status bad(std::string message) { return Status(Error::kBadArgument, std::move(message)); }

Status check_options(const TopicTrainOptions& opt) {
  const TopicFeatures& f = opt.features;
  if (f.hash_bits < kMinTopicHashBits || f.hash_bits > kMaxTopicHashBits) {
    return bad("hash bits must be " + std::to_string(kMinTopicHashBits) + ".." + std::to_string(kMaxTopicHashBits));
  }
  if (f.char_min > f.char_max || f.char_max > 8) return bad("character n-grams must be 1..8 long, min <= max");
  if (!(f.char_weight > 0) || f.char_weight > 100) return bad("the n-gram weight must be in (0, 100]");
  if (!f.words && !f.bigrams && !f.stems && !f.punct && f.char_min == 0) return bad("no feature group is on");
  if (!(opt.cost > 0) || opt.cost > 1e6) return bad("the SVM cost must be in (0, 1e6]");
  if (opt.max_classes < 2) return bad("at least two classes are needed");
  if (opt.max_classes > kMaxTopicClasses) {
    return Status(Error::kTooLarge, std::to_string(opt.max_classes) + " classes requested; a topic model holds at most " +
                                        std::to_string(kMaxTopicClasses));
  }
  if (!(opt.calibration_share >= 0) || opt.calibration_share > 0.5) return bad("the calibration share must be 0..0.5");
  if (opt.max_epochs < 1) return bad("at least one epoch is needed");
  return Status::ok();
}

// Labels sorted, so that a model's class order does not depend on line order.
Result<std::vector<std::string>> collect_labels(std::span<const TopicExample> examples, uint32_t max_classes) {
  std::map<std::string_view, size_t> count;
  for (size_t i = 0; i < examples.size(); ++i) {
    const std::string& l = examples[i].label;
    if (l.empty()) return bad("example " + std::to_string(i + 1) + " has an empty label");
    if (l.size() > 200) return bad("example " + std::to_string(i + 1) + " has a label longer than 200 bytes");
    ++count[l];
    if (count.size() > max_classes) {
      return Status(Error::kTooLarge, "more than " + std::to_string(max_classes) +
                                          " distinct labels (the limit is max_classes); is the label field right?");
    }
  }
  if (count.size() < 2) {
    return bad(count.empty() ? std::string("no examples to train on")
                             : "only one class (\"" + std::string(count.begin()->first) +
                                   "\"): a classifier needs at least two");
  }
  std::vector<std::string> labels;
  for (const auto& [l, n] : count) labels.emplace_back(l);
  return labels;
}

}  // namespace

Result<TopicModel> TopicModel::train(std::span<const TopicExample> examples, const TopicTrainOptions& opt,
                                     TopicTrainReport* report) {
  const auto t0 = std::chrono::steady_clock::now();
  if (Status s = check_options(opt); !s) return s;
  Result<std::vector<std::string>> labels = collect_labels(examples, opt.max_classes);
  if (!labels) return labels.status();

  auto impl = std::make_unique<Impl>();
  Impl& m = *impl;
  m.features = opt.features;
  m.labels = std::move(*labels);
  const uint32_t classes = m.classes();
  const size_t buckets = m.buckets();

  // 1. Term rows (no idf yet) and document frequencies.
  std::vector<uint32_t> y(examples.size());
  TopicRows docs;
  std::vector<uint32_t> df(buckets, 0);
  {
    std::vector<TopicFeature> terms;
    for (size_t i = 0; i < examples.size(); ++i) {
      y[i] = static_cast<uint32_t>(std::lower_bound(m.labels.begin(), m.labels.end(), examples[i].label) -
                                   m.labels.begin());
      if (!internal::topic_terms(internal::tokenize_prefix(examples[i].text, m.features.max_words), m.features, terms)) {
        return bad("example " + std::to_string(i + 1) + " has no words");
      }
      for (const TopicFeature& t : terms) ++df[t.bucket];
      docs.add(terms);
    }
  }

  // 2. Hold out a share (by a hash of the text, so that line order does not
  // matter) to fit the temperature on; keep its raw terms, which is what
  // the model scores.
  std::vector<size_t> fit, held, all(examples.size());
  TopicRows held_terms;
  for (size_t i = 0; i < examples.size(); ++i) {
    all[i] = i;
    const uint64_t h = XXH3_64bits_withSeed(examples[i].text.data(), examples[i].text.size(), opt.seed);
    const bool out = static_cast<double>(h % 10000) < opt.calibration_share * 10000;
    (out ? held : fit).push_back(i);
    if (out) held_terms.add(docs.row(i));
  }

  // 3. Smoothed idf, as scikit-learn's TfidfVectorizer: ln((1 + n) / (1 + df)) + 1;
  // buckets no document has are left out (idf 0). Quantised before the rows
  // are weighed, so training sees the idf that prediction will.
  std::vector<float> idf(buckets, 0.0f);
  const double n = static_cast<double>(examples.size());
  for (size_t b = 0; b < buckets; ++b) {
    if (df[b]) idf[b] = static_cast<float>(std::log((1 + n) / (1 + df[b])) + 1);
  }
  m.set_idf(idf);
  for (size_t b = 0; b < buckets; ++b) idf[b] = m.idf(b);
  for (size_t i = 0; i < docs.size(); ++i) {
    internal::topic_weigh(idf, std::span<TopicFeature>(docs.x.data() + docs.start[i], docs.start[i + 1] - docs.start[i]));
  }

  // 4. SVMs on the rest, and the temperature on the held-out share.
  internal::SvmOptions svm{opt.cost, 0.1, opt.max_epochs, opt.seed};
  TopicTrainReport rep;
  rep.documents = examples.size();
  // Too few held-out documents (or a class missing from the rest) would fit
  // noise: keep T = 1 then, and say so through held_out = 0.
  bool calibrate = held.size() >= 20;
  if (calibrate) {
    std::vector<bool> seen(classes, false);
    for (size_t i : fit) seen[y[i]] = true;
    calibrate = std::all_of(seen.begin(), seen.end(), [](bool b) { return b; });
  }
  if (calibrate) {
    m.set_weights(internal::train_svm(docs, y, fit, classes, buckets, svm));
    std::vector<float> scores(held.size() * classes);
    for (size_t i = 0; i < held.size(); ++i) {
      (void)m.scores(held_terms.row(i), std::span<float>(scores.data() + i * classes, classes));
    }
    std::vector<uint32_t> gold(held.size());
    size_t right = 0;
    for (size_t i = 0; i < held.size(); ++i) {
      gold[i] = y[held[i]];
      const float* s = scores.data() + i * classes;
      right += static_cast<uint32_t>(std::max_element(s, s + classes) - s) == gold[i];
    }
    m.temperature = internal::fit_temperature(scores, gold, classes);
    rep.held_out = held.size();
    rep.held_out_accuracy = static_cast<double>(right) / held.size();
  }
  rep.temperature = m.temperature;

  // 5. The model kept is trained on every document.
  m.set_weights(internal::train_svm(docs, y, all, classes, buckets, svm));
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (report) *report = rep;
  return TopicModel(std::move(impl));
}

}  // namespace marsad
