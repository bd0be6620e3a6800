// Accuracy, F1, calibration and speed of a model on labelled documents.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <unordered_map>

#include "marsad/topics.h"

namespace marsad {
namespace {

// CPU time of this thread: on a shared machine, wall time measures the
// neighbours as much as the model.
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

}  // namespace

TopicEvaluation evaluate_topics(const TopicModel& model, std::span<const TopicExample> data, int repeat) {
  TopicEvaluation ev;
  ev.labels = model.labels();
  std::unordered_map<std::string, size_t> index;  // owns its keys: `labels` grows below
  for (size_t i = 0; i < ev.labels.size(); ++i) index.emplace(ev.labels[i], i);
  const size_t known = ev.labels.size();
  std::vector<size_t> gold(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    auto it = index.find(data[i].label);
    if (it == index.end()) {
      ev.labels.push_back(data[i].label);
      it = index.emplace(ev.labels.back(), ev.labels.size() - 1).first;
    }
    gold[i] = it->second;
  }
  const size_t n = ev.labels.size();
  const size_t none = n;  // "no prediction" column, folded into errors below

  // Prediction, timed: the best of `repeat` runs, all scores kept from the last.
  std::vector<std::vector<TopicScore>> scores(data.size());
  ev.seconds = 1e300;
  for (int r = 0; r < std::max(repeat, 1); ++r) {
    const double t0 = thread_seconds();
    for (size_t i = 0; i < data.size(); ++i) scores[i] = model.predict_text(data[i].text, 0);
    ev.seconds = std::min(ev.seconds, thread_seconds() - t0);
  }

  ev.confusion.assign(n, std::vector<uint64_t>(n, 0));
  ev.support.assign(n, 0);
  std::vector<uint64_t> predicted(n + 1, 0);
  uint64_t right = 0, scored_known = 0;
  constexpr int kBins = 10;
  double bin_conf[kBins] = {}, bin_right[kBins] = {}, bin_n[kBins] = {};
  for (size_t i = 0; i < data.size(); ++i) {
    const std::vector<TopicScore>& s = scores[i];
    ++ev.support[gold[i]];
    if (s.empty()) {
      ++ev.no_words;
      ++predicted[none];
      continue;
    }
    const size_t p = index.at(s[0].label);
    ++ev.confusion[gold[i]][p];
    ++predicted[p];
    right += p == gold[i];
    const int bin = std::min(kBins - 1, static_cast<int>(s[0].score * kBins));
    bin_conf[bin] += s[0].score;
    bin_right[bin] += p == gold[i];
    ++bin_n[bin];
    if (gold[i] < known) {
      for (const TopicScore& t : s) {
        if (t.label == ev.labels[gold[i]]) ev.log_loss -= std::log(std::max(t.score, 1e-15));
      }
      ++scored_known;
    }
  }
  ev.documents = data.size();
  ev.accuracy = data.empty() ? 0 : static_cast<double>(right) / data.size();
  ev.log_loss = scored_known ? ev.log_loss / scored_known : 0;
  double scored = 0;
  for (int b = 0; b < kBins; ++b) scored += bin_n[b];
  for (int b = 0; b < kBins; ++b) {
    if (bin_n[b] > 0) ev.ece += std::fabs(bin_conf[b] - bin_right[b]) / scored;
  }

  ev.precision.assign(n, 0);
  ev.recall.assign(n, 0);
  ev.f1.assign(n, 0);
  size_t present = 0;
  double f1_sum = 0;
  for (size_t c = 0; c < n; ++c) {
    const double tp = static_cast<double>(ev.confusion[c][c]);
    if (predicted[c]) ev.precision[c] = tp / predicted[c];
    if (ev.support[c]) ev.recall[c] = tp / ev.support[c];
    if (ev.precision[c] + ev.recall[c] > 0) {
      ev.f1[c] = 2 * ev.precision[c] * ev.recall[c] / (ev.precision[c] + ev.recall[c]);
    }
    if (ev.support[c] || predicted[c]) {
      ++present;
      f1_sum += ev.f1[c];
    }
  }
  ev.macro_f1 = present ? f1_sum / present : 0;
  return ev;
}

}  // namespace marsad
