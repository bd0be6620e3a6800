#include "topics/solver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace marsad::internal {
namespace {

// One binary SVM (label +1 for `positive`, -1 for the rest) into w (dense,
// one class) and its bias. Follows LIBLINEAR's solve_l2r_l1l2_svc for the
// L2 loss: no upper bound on alpha, diagonal 1/(2C).
void train_one(const TopicRows& docs, std::span<const uint32_t> y, std::span<const size_t> rows, uint32_t positive,
               const SvmOptions& opt, std::vector<double>& w, double& bias) {
  const size_t l = rows.size();
  const double diag = 0.5 / opt.cost;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> alpha(l, 0.0), qd(l);
  std::vector<int8_t> sign(l);
  std::vector<size_t> index(l);
  for (size_t s = 0; s < l; ++s) {
    double sq = 1.0;  // the bias feature
    for (const TopicFeature& f : docs.row(rows[s])) sq += double{f.value} * f.value;
    qd[s] = sq + diag;
    sign[s] = y[rows[s]] == positive ? 1 : -1;
    index[s] = s;
  }
  std::fill(w.begin(), w.end(), 0.0);
  bias = 0;
  std::mt19937_64 rng(opt.seed * 0x9E3779B97F4A7C15ULL + positive);
  double pg_max_old = kInf;  // (no upper bound on alpha: no pg_min_old as in LIBLINEAR's L1 loss)
  size_t active = l;
  for (int epoch = 0; epoch < opt.max_epochs; ++epoch) {
    for (size_t s = 0; s + 1 < active; ++s) std::swap(index[s], index[s + rng() % (active - s)]);
    double pg_max = -kInf, pg_min = kInf;
    for (size_t s = 0; s < active; ++s) {
      const size_t i = index[s];
      const auto x = docs.row(rows[i]);
      double dot = bias;
      for (const TopicFeature& f : x) dot += w[f.bucket] * f.value;
      const double g = sign[i] * dot - 1.0 + diag * alpha[i];
      double pg = 0;
      if (alpha[i] == 0) {
        if (g > pg_max_old) {  // shrink: at its bound and likely to stay there
          std::swap(index[s], index[--active]);
          --s;
          continue;
        }
        if (g < 0) pg = g;
      } else {
        pg = g;
      }
      pg_max = std::max(pg_max, pg);
      pg_min = std::min(pg_min, pg);
      if (std::fabs(pg) > 1e-12) {
        const double old = alpha[i];
        alpha[i] = std::max(old - g / qd[i], 0.0);
        const double d = (alpha[i] - old) * sign[i];
        for (const TopicFeature& f : x) w[f.bucket] += d * f.value;
        bias += d;
      }
    }
    if (pg_max - pg_min <= opt.epsilon) {
      if (active == l) break;
      active = l;  // converged on the active set: check everything once more
      pg_max_old = kInf;
      continue;
    }
    pg_max_old = pg_max <= 0 ? kInf : pg_max;
  }
}

double nll(std::span<const float> scores, std::span<const uint32_t> gold, uint32_t classes, double t) {
  double sum = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const float* s = scores.data() + i * classes;
    const double top = *std::max_element(s, s + classes);
    double z = 0;
    for (uint32_t c = 0; c < classes; ++c) z += std::exp((s[c] - top) / t);
    sum += std::log(z) - (s[gold[i]] - top) / t;
  }
  return sum;
}

}  // namespace

LinearWeights train_svm(const TopicRows& docs, std::span<const uint32_t> y, std::span<const size_t> rows,
                        uint32_t classes, size_t buckets, const SvmOptions& opt) {
  LinearWeights out;
  out.classes = classes;
  out.w.assign(buckets * classes, 0.0f);
  out.bias.assign(classes, 0.0f);
  std::vector<double> w(buckets);
  for (uint32_t c = 0; c < classes; ++c) {
    double bias = 0;
    train_one(docs, y, rows, c, opt, w, bias);
    for (size_t b = 0; b < buckets; ++b) out.w[b * classes + c] = static_cast<float>(w[b]);
    out.bias[c] = static_cast<float>(bias);
  }
  return out;
}

double fit_temperature(std::span<const float> scores, std::span<const uint32_t> gold, uint32_t classes) {
  if (gold.empty()) return 1.0;
  // Golden-section search on log T over [1/1000, 100]; the NLL is unimodal in T.
  double lo = std::log(1e-3), hi = std::log(1e2);
  const double r = (std::sqrt(5.0) - 1) / 2;
  double a = hi - r * (hi - lo), b = lo + r * (hi - lo);
  double fa = nll(scores, gold, classes, std::exp(a)), fb = nll(scores, gold, classes, std::exp(b));
  for (int i = 0; i < 60; ++i) {
    if (fa < fb) {
      hi = b, b = a, fb = fa;
      a = hi - r * (hi - lo);
      fa = nll(scores, gold, classes, std::exp(a));
    } else {
      lo = a, a = b, fa = fb;
      b = lo + r * (hi - lo);
      fb = nll(scores, gold, classes, std::exp(b));
    }
  }
  return std::exp((lo + hi) / 2);
}

void softmax(std::span<float> s, double temperature) {
  if (s.empty()) return;
  const float top = *std::max_element(s.begin(), s.end());
  double z = 0;
  for (float& v : s) {
    v = static_cast<float>(std::exp((v - top) / temperature));
    z += v;
  }
  for (float& v : s) v = static_cast<float>(v / z);
}

}  // namespace marsad::internal
