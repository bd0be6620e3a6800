// Tagging with a frozen model: features → int16 emission sums → Viterbi.
#include <algorithm>
#include <cmath>
#include <limits>

#include "marsad/normalize.h"
#include "ner/model_impl.h"

namespace marsad {

namespace internal {

extern const std::string_view ner_model;  // data/ner/model.bin, embedded

std::vector<uint8_t> viterbi(const std::vector<float>& em, const float (&trans)[kTags + 1][kTags],
                             const std::vector<uint8_t>& only_o) {
  const size_t n = only_o.size();
  std::vector<uint8_t> best(n);
  if (n == 0) return best;
  constexpr float kNo = -std::numeric_limits<float>::infinity();
  thread_local std::vector<float> score;  // every entry below is written before it is read
  thread_local std::vector<uint8_t> back;
  score.resize(n * kTags);
  back.resize(n * kTags);
  for (int t = 0; t < kTags; ++t) {
    bool ok = allowed(kStart, t) && (!only_o[0] || t == 0);
    score[t] = ok ? trans[kStart][t] + em[t] : kNo;
  }
  // The predecessors allowed(p, t) admits: every tag before O and B-X, only B-X
  // and I-X before I-X (tags 2k-1 and 2k). Visited in ascending order with a
  // strict `>`, so ties go to the lowest tag, as a loop over all p would.
  static_assert(kTags == 9, "the I-X case below assumes B-X = I-X - 1");
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kTags];
#pragma GCC unroll 9
    for (int t = 0; t < kTags; ++t) {
      float s = kNo;
      uint8_t arg = 0;
      if (only_o[i] && t != 0) {
        // only O here
      } else if (is_inside(t)) {
        const float b = prev[t - 1] + trans[t - 1][t], in = prev[t] + trans[t][t];
        if (b > s) s = b, arg = static_cast<uint8_t>(t - 1);
        if (in > s) s = in, arg = static_cast<uint8_t>(t);
      } else {
#pragma GCC unroll 9
        for (int p = 0; p < kTags; ++p) {
          float v = prev[p] + trans[p][t];
          if (v > s) s = v, arg = static_cast<uint8_t>(p);
        }
      }
      score[i * kTags + t] = s + em[i * kTags + t];
      back[i * kTags + t] = arg;
    }
  }
  int t = static_cast<int>(std::max_element(score.end() - kTags, score.end()) - (score.end() - kTags));
  for (size_t i = n; i-- > 0;) {
    best[i] = static_cast<uint8_t>(t);
    t = back[i * kTags + t];
  }
  return best;
}

}  // namespace internal

using internal::kTags;

std::string_view ner_tag_name(NerTag t) {
  static constexpr std::string_view kNames[] = {"O",     "B-PERS", "I-PERS", "B-LOC", "I-LOC",
                                                "B-ORG", "I-ORG",  "B-MISC", "I-MISC"};
  return kNames[static_cast<int>(t)];
}

void NerModel::Impl::emissions(const internal::SentenceFeatures& f, std::vector<float>& em) const {
  const size_t n = f.offset.size() - 1;
  em.assign(n * kTags, 0.0f);
  // The tables are megabytes and every lookup misses the cache: resolve all
  // rows first, then sum, prefetching ahead in both passes so that the misses
  // overlap instead of forming a bucket → row chain (1.3-1.5x faster, measured).
  constexpr size_t kAhead = 16;
  thread_local std::vector<uint32_t> rid;
  const size_t nf = f.feats.size();
  rid.resize(nf);
  for (size_t k = 0; k < nf; ++k) {
    if (k + kAhead < nf) __builtin_prefetch(&w.row_of[f.feats[k + kAhead]]);
    rid[k] = w.row_of[f.feats[k]];
  }
  for (size_t k = 0; k < std::min(nf, kAhead); ++k) __builtin_prefetch(&w.rows[static_cast<size_t>(rid[k]) * kTags]);
  for (size_t i = 0; i < n; ++i) {
    int32_t sum[kTags] = {};
    for (uint32_t k = f.offset[i]; k < f.offset[i + 1]; ++k) {
      if (k + kAhead < nf) __builtin_prefetch(&w.rows[static_cast<size_t>(rid[k + kAhead]) * kTags]);
      const int16_t* row = &w.rows[static_cast<size_t>(rid[k]) * kTags];
      for (int t = 0; t < kTags; ++t) sum[t] += row[t];
    }
    for (int t = 0; t < kTags; ++t) em[i * kTags + t] = static_cast<float>(sum[t]) * w.scale;
  }
}

NerModel::NerModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;
NerModel::~NerModel() = default;

namespace {

struct Tagged {
  std::vector<uint8_t> tags;
  std::vector<float> em;
};

Tagged run(const NerModel::Impl& m, const std::vector<internal::NerUnit>& units) {
  Tagged r;
  thread_local std::vector<uint8_t> only_o;
  m.cached_emissions(units, r.em, only_o);
  r.tags = internal::viterbi(r.em, m.w.trans, only_o);
  return r;
}

// Margins are in perceptron update units (tens for a clear call); this maps a
// margin of kMarginScale to a score of 0.73.
constexpr double kMarginScale = 10.0;

// 0..1: the logistic of the mean margin of the chosen tags over the others.
double confidence(const std::vector<float>& em, const std::vector<uint8_t>& tags, size_t a, size_t b) {
  double margin = 0;
  for (size_t i = a; i <= b; ++i) {
    float chosen = em[i * kTags + tags[i]], other = -std::numeric_limits<float>::infinity();
    for (int t = 0; t < kTags; ++t) {
      if (t != tags[i]) other = std::max(other, em[i * kTags + t]);
    }
    margin += chosen - other;
  }
  margin /= static_cast<double>(b - a + 1);
  return 1.0 / (1.0 + std::exp(-margin / kMarginScale));
}

}  // namespace

std::vector<NerSpan> NerModel::tag(const Tokenized& t, size_t first, size_t last,
                                   const std::vector<uint8_t>* gaz) const {
  thread_local std::vector<internal::NerUnit> units;  // per-call scratch, kept for its capacity
  thread_local std::vector<uint32_t> token_of;
  units.clear();
  token_of.clear();
  last = std::min(last, t.tokens.size());
  for (size_t i = first; i < last; ++i) {
    const Token& tok = t.tokens[i];
    if (tok.kind == TokenKind::kSpace) continue;
    internal::NerUnit u{t.key_of(tok), 0};
    if (gaz && i < gaz->size()) u.gaz = (*gaz)[i];
    units.push_back(u);
    token_of.push_back(static_cast<uint32_t>(i));
  }
  Tagged r = run(*impl_, units);
  std::vector<NerSpan> spans;
  for (size_t i = 0; i < units.size();) {
    int tag = r.tags[i];
    if (tag == 0 || internal::is_inside(tag)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < units.size() && r.tags[j + 1] == tag + 1) ++j;
    static constexpr const char* kType[] = {"PERS", "LOC", "ORG", "MISC"};
    spans.push_back({token_of[i], token_of[j], kType[(tag - 1) / 2], confidence(r.em, r.tags, i, j)});
    i = j + 1;
  }
  return spans;
}

std::vector<NerTag> NerModel::tag_tokens(const std::vector<std::string>& tokens,
                                         const std::vector<uint8_t>* gaz) const {
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (const std::string& tok : tokens) keys.push_back(match_key(tok));
  std::vector<internal::NerUnit> units(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    units[i].key = keys[i];
    if (gaz && i < gaz->size()) units[i].gaz = (*gaz)[i];
  }
  Tagged r = run(*impl_, units);
  std::vector<NerTag> out(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) out[i] = static_cast<NerTag>(r.tags[i]);
  return out;
}

const NerModel& NerModel::builtin() {
  static const NerModel* model = [] {
    Result<NerModel> m = from_bytes(internal::ner_model);
    // The bundled file is checked by the build's tests; failing here is a bug.
    if (!m) std::abort();
    return new NerModel(std::move(*m));
  }();
  return *model;
}

std::string NerModel::describe() const {
  return "marsad-ner, 2^" + std::to_string(impl_->w.bits) + " buckets, " +
         std::to_string(impl_->w.row_count() - 1) + " weight rows, " +
         std::to_string(impl_->lex.triggers.words.size()) + " triggers, " +
         std::to_string(impl_->lex.clusters.count) + " clustered words";
}

}  // namespace marsad
