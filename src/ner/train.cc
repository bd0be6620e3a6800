// Training: an averaged structured perceptron (Collins 2002) with Viterbi
// decoding, then frozen into int16 rows (model_impl.h).
#include <algorithm>
#include <cmath>
#include <random>

#include "marsad/normalize.h"
#include "ner/model_impl.h"

namespace marsad {

using internal::kStart;
using internal::kTags;

namespace {

struct Example {
  internal::SentenceFeatures f;
  std::vector<uint8_t> gold;
};

// Float weights with the running sums that averaging needs: the averaged
// weight is w - u / c, where u accumulates c * delta (Daumé's trick).
struct Learner {
  std::vector<float> w;
  std::vector<double> u;
  float tw[kTags + 1][kTags] = {};
  double tu[kTags + 1][kTags] = {};
  double c = 1;

  void emissions(const internal::SentenceFeatures& f, std::vector<float>& em) const {
    const size_t n = f.offset.size() - 1;
    em.assign(n * kTags, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t k = f.offset[i]; k < f.offset[i + 1]; ++k) {
        const float* row = &w[static_cast<size_t>(f.feats[k]) * kTags];
        for (int t = 0; t < kTags; ++t) em[i * kTags + t] += row[t];
      }
    }
  }
  void update_unit(const internal::SentenceFeatures& f, size_t i, int tag, float d) {
    for (uint32_t k = f.offset[i]; k < f.offset[i + 1]; ++k) {
      size_t at = static_cast<size_t>(f.feats[k]) * kTags + tag;
      w[at] += d;
      u[at] += c * d;
    }
  }
  void update_trans(int p, int t, float d) {
    tw[p][t] += d;
    tu[p][t] += c * d;
  }
};

}  // namespace

NerModel NerModel::train(const std::vector<NerSentence>& data, const NerTrainOptions& opt) {
  auto impl = std::make_unique<Impl>();
  impl->lex.triggers.words = internal::default_triggers();
  impl->lex.triggers.build();
  for (const NerWordCluster& c : opt.clusters) {
    impl->lex.clusters.insert(internal::hash_bytes(c.word, 2),
                              static_cast<uint32_t>(c.coarse & 0xFF) << 24 | static_cast<uint32_t>(c.title) << 16 | c.fine);
  }
  const uint32_t bits = static_cast<uint32_t>(std::clamp(opt.hash_bits, 10, 26));
  const uint32_t mask = (1u << bits) - 1;

  std::vector<Example> ex;
  ex.reserve(data.size());
  for (const NerSentence& s : data) {
    if (s.tokens.empty()) continue;
    std::vector<std::string> keys;
    keys.reserve(s.tokens.size());
    for (const std::string& t : s.tokens) keys.push_back(match_key(t));
    std::vector<internal::NerUnit> units(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      units[i].key = keys[i];
      if (i < s.gaz.size()) units[i].gaz = s.gaz[i];
    }
    Example e;
    extract_features(units, impl->lex, mask, e.f);
    e.gold.resize(s.tokens.size());
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      e.gold[i] = i < s.tags.size() ? static_cast<uint8_t>(s.tags[i]) : 0;
      if (e.gold[i] != 0) e.f.punct[i] = 0;  // the gold path must stay reachable
    }
    ex.push_back(std::move(e));
  }

  Learner L;
  L.w.assign(static_cast<size_t>(mask + 1) * kTags, 0.0f);
  L.u.assign(L.w.size(), 0.0);
  std::vector<size_t> order(ex.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(opt.seed);
  std::vector<float> em;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t idx : order) {
      const Example& e = ex[idx];
      L.emissions(e.f, em);
      std::vector<uint8_t> pred = internal::viterbi(em, L.tw, e.f.punct);
      if (pred != e.gold) {
        int pg = kStart, pp = kStart;
        for (size_t i = 0; i < pred.size(); ++i) {
          if (pred[i] != e.gold[i]) {
            L.update_unit(e.f, i, e.gold[i], 1.0f);
            L.update_unit(e.f, i, pred[i], -1.0f);
          }
          if (pg != pp || pred[i] != e.gold[i]) {
            L.update_trans(pg, e.gold[i], 1.0f);
            L.update_trans(pp, pred[i], -1.0f);
          }
          pg = e.gold[i];
          pp = pred[i];
        }
      }
      L.c += 1;
    }
  }

  // Average, then freeze into int16 rows.
  internal::NerWeights& W = impl->w;
  W.bits = bits;
  float maxabs = 0;
  for (size_t i = 0; i < L.w.size(); ++i) {
    L.w[i] -= static_cast<float>(L.u[i] / L.c);
    maxabs = std::max(maxabs, std::fabs(L.w[i]));
  }
  for (int p = 0; p <= kTags; ++p) {
    for (int t = 0; t < kTags; ++t) W.trans[p][t] = static_cast<float>(L.tw[p][t] - L.tu[p][t] / L.c);
  }
  W.scale = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
  const float cut = static_cast<float>(opt.prune) * maxabs;
  W.row_of.assign(static_cast<size_t>(mask) + 1, 0);
  W.rows.assign(kTags, 0);
  for (size_t b = 0; b <= mask; ++b) {
    int16_t q[kTags];
    bool any = false;
    for (int t = 0; t < kTags; ++t) {
      float v = L.w[b * kTags + t];
      q[t] = std::fabs(v) < cut ? 0 : static_cast<int16_t>(std::lround(v / W.scale));
      any |= q[t] != 0;
    }
    if (!any) continue;
    W.row_of[b] = static_cast<uint32_t>(W.row_count());
    W.rows.insert(W.rows.end(), q, q + kTags);
  }
  return NerModel(std::move(impl));
}

}  // namespace marsad
