// Prediction with a frozen topic model: features → int8 weight sums →
// calibrated softmax.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <iostream>

#include "topics/model_impl.h"

namespace marsad {

namespace internal {
extern const std::string_view kTopicsDefaultModel;  // data/topics/default.model, embedded
}  // namespace internal

using internal::TopicFeature;

bool TopicModel::Impl::scores(std::span<const TopicFeature> terms, std::span<float> out) const {
  // One pass: TF-IDF values, their norm and the raw dot products together;
  // normalising the sum afterwards equals normalising the vector first.
  const uint32_t n = classes();
  const size_t step = stride();
  std::fill(out.begin(), out.end(), 0.0f);
  float norm = 0;
  constexpr size_t kAhead = 16;  // rows are read at random: fetch them ahead
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i + kAhead < terms.size()) __builtin_prefetch(rows.data() + terms[i + kAhead].bucket * step);
    const TopicFeature& f = terms[i];
    const int8_t* row = rows.data() + f.bucket * step;
    const float v = f.value * (static_cast<uint8_t>(row[0]) * idf_step);
    norm += v * v;
    uint32_t c = 0;
#ifdef __SSE2__
    // Eight classes at a time. Each class still sums its terms in their order
    // with the same float operations (a multiply, then an add), so the sums are
    // the same bits as one class at a time.
    const __m128 vv = _mm_set1_ps(v);
    for (; c + 8 <= n; c += 8) {
      const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + 1 + c));
      const __m128i w = _mm_srai_epi16(_mm_unpacklo_epi8(b, b), 8);  // int8 → int16, sign kept
      const __m128 lo = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16));
      const __m128 hi = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16));
      float* o = out.data() + c;
      _mm_storeu_ps(o, _mm_add_ps(_mm_loadu_ps(o), _mm_mul_ps(vv, lo)));
      _mm_storeu_ps(o + 4, _mm_add_ps(_mm_loadu_ps(o + 4), _mm_mul_ps(vv, hi)));
    }
#endif
    for (; c < n; ++c) out[c] += v * row[1 + c];
  }
  if (norm == 0) return false;
  const float inv = 1.0f / std::sqrt(norm);
  for (uint32_t c = 0; c < n; ++c) out[c] = out[c] * inv * scale[c] + bias[c];
  return true;
}

void TopicModel::Impl::set_idf(std::span<const float> values) {
  const float top = values.empty() ? 0.0f : *std::max_element(values.begin(), values.end());
  idf_step = top > 0 ? top / 255.0f : 1.0f;
  rows = internal::BigArray<int8_t>(values.size() * stride());
  for (size_t b = 0; b < values.size(); ++b) {
    // A seen bucket never rounds down to 0 (= unseen).
    const long q = values[b] > 0 ? std::max(1L, std::lround(values[b] / idf_step)) : 0;
    rows[b * stride()] = static_cast<int8_t>(static_cast<uint8_t>(std::min(q, 255L)));
  }
}

void TopicModel::Impl::set_weights(const internal::LinearWeights& lw) {
  const uint32_t n = lw.classes;
  const size_t nb = buckets();
  scale.assign(n, 0.0f);
  for (size_t b = 0; b < nb; ++b) {
    for (uint32_t c = 0; c < n; ++c) scale[c] = std::max(scale[c], std::fabs(lw.w[b * n + c]));
  }
  for (float& s : scale) s = s > 0 ? s / 127.0f : 1.0f;
  for (size_t b = 0; b < nb; ++b) {
    for (uint32_t c = 0; c < n; ++c) {
      rows[b * stride() + 1 + c] = static_cast<int8_t>(std::lround(lw.w[b * n + c] / scale[c]));
    }
  }
  bias = lw.bias;
}

TopicModel::TopicModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TopicModel::TopicModel(TopicModel&&) noexcept = default;
TopicModel& TopicModel::operator=(TopicModel&&) noexcept = default;
TopicModel::~TopicModel() = default;

const TopicModel& TopicModel::builtin() {
  static const TopicModel model = [] {
    Result<TopicModel> m = from_bytes(internal::kTopicsDefaultModel);
    if (!m) {  // the build embeds a checked file; this is a broken build
      std::cerr << "marsad: the bundled topic model does not load: " << m.status().to_string() << "\n";
      std::abort();
    }
    return std::move(*m);
  }();
  return model;
}

std::vector<TopicScore> TopicModel::predict(const Tokenized& t, size_t k) const {
  const std::pair<size_t, size_t> all{0, t.tokens.size()};
  return predict(t, std::span(&all, 1), k);
}

std::vector<TopicScore> TopicModel::predict(const Tokenized& t, std::span<const std::pair<size_t, size_t>> ranges,
                                            size_t k) const {
  thread_local std::vector<TopicFeature> terms;
  thread_local std::vector<float> s;
  if (!internal::topic_terms(t, ranges, impl_->features, terms)) return {};
  const uint32_t n = impl_->classes();
  s.resize(n);
  if (!impl_->scores(terms, s)) return {};
  internal::softmax(s, impl_->temperature);
  std::vector<uint32_t> order(n);
  for (uint32_t c = 0; c < n; ++c) order[c] = c;
  const size_t top = k == 0 ? n : std::min<size_t>(k, n);
  std::partial_sort(order.begin(), order.begin() + top, order.end(),
                    [&](uint32_t a, uint32_t b) { return s[a] > s[b] || (s[a] == s[b] && a < b); });
  std::vector<TopicScore> out;
  out.reserve(top);
  for (size_t i = 0; i < top; ++i) out.push_back({impl_->labels[order[i]], s[order[i]]});
  return out;
}

std::vector<TopicScore> TopicModel::predict_text(std::string_view text, size_t k) const {
  // One Tokenized per thread, its buffers reused from text to text: for short
  // texts, allocating and clearing them cost as much as the features.
  thread_local Tokenized t;
  internal::tokenize_prefix(text, impl_->features.max_words, t);
  return predict(t, k);
}

const std::vector<std::string>& TopicModel::labels() const { return impl_->labels; }
const TopicFeatures& TopicModel::features() const { return impl_->features; }
double TopicModel::temperature() const { return impl_->temperature; }
const std::string& TopicModel::notes() const { return impl_->notes; }
void TopicModel::set_notes(std::string notes) { impl_->notes = std::move(notes); }

void write_topics_json(JsonWriter& w, const std::vector<TopicScore>& topics) {
  w.begin_array();
  for (const TopicScore& t : topics) {
    // Three decimals: finer digits would claim a precision the calibration lacks.
    w.begin_object().field("label", t.label).field("score", std::round(t.score * 1000) / 1000).end_object();
  }
  w.end_array();
}

}  // namespace marsad
