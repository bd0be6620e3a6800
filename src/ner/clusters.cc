// Distributional word clusters for the NER features (see ner.h).
//
// Why not Brown clusters: they cost hours on a news corpus; this takes under a
// minute and gives the tagger the same kind of help (words that occur in the
// same contexts — first names, surnames, cities — share a cluster).
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "marsad/clitics.h"
#include "marsad/ner.h"
#include "marsad/tokenize.h"
#include "ner/features.h"

namespace marsad {

namespace {

constexpr uint32_t kBreak = std::numeric_limits<uint32_t>::max();  // punctuation, line ends
constexpr size_t kContexts = 400;  // context words: the most frequent stems
constexpr size_t kSlot = kContexts + 2;  // + "other word" + "boundary"
constexpr size_t kDims = 4 * kSlot;      // positions -2 -1 +1 +2
constexpr size_t kProj = 96;

struct Rng {  // splitmix64: deterministic everywhere
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

// Spherical k-means over unit rows x (n × kProj); returns each row's cluster.
std::vector<uint16_t> kmeans(const std::vector<float>& x, size_t n, int k, uint64_t seed) {
  std::vector<float> c(static_cast<size_t>(k) * kProj);
  Rng rng{seed};
  for (int j = 0; j < k; ++j) {
    size_t r = rng.next() % n;
    std::copy_n(&x[r * kProj], kProj, &c[j * kProj]);
  }
  std::vector<uint16_t> of(n, 0);
  for (int iter = 0; iter < 15; ++iter) {
    for (size_t i = 0; i < n; ++i) {
      const float* xi = &x[i * kProj];
      float best = -2;
      for (int j = 0; j < k; ++j) {
        const float* cj = &c[j * kProj];
        float d = 0;
        for (size_t t = 0; t < kProj; ++t) d += xi[t] * cj[t];
        if (d > best) best = d, of[i] = static_cast<uint16_t>(j);
      }
    }
    std::fill(c.begin(), c.end(), 0.0f);
    std::vector<size_t> size(k, 0);
    for (size_t i = 0; i < n; ++i) {
      ++size[of[i]];
      for (size_t t = 0; t < kProj; ++t) c[of[i] * kProj + t] += x[i * kProj + t];
    }
    for (int j = 0; j < k; ++j) {
      if (size[j] == 0) {  // an empty cluster restarts on a random word
        size_t r = rng.next() % n;
        std::copy_n(&x[r * kProj], kProj, &c[j * kProj]);
      }
      float norm = 0;
      for (size_t t = 0; t < kProj; ++t) norm += c[j * kProj + t] * c[j * kProj + t];
      norm = std::sqrt(norm) + 1e-9f;
      for (size_t t = 0; t < kProj; ++t) c[j * kProj + t] /= norm;
    }
  }
  return of;
}

}  // namespace

struct NerClusterBuilder::Impl {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> words;
  std::vector<uint64_t> counts;
  std::vector<uint32_t> corpus;
};

NerClusterBuilder::NerClusterBuilder() : impl_(std::make_unique<Impl>()) {}
NerClusterBuilder::~NerClusterBuilder() = default;
uint64_t NerClusterBuilder::token_count() const { return impl_->corpus.size(); }

void NerClusterBuilder::add_text(std::string_view text) {
  Impl& m = *impl_;
  const Tokenized t = tokenize(text);
  for (const Token& tok : t.tokens) {
    if (tok.kind == TokenKind::kSpace) {
      if (t.key_of(tok).find('\n') != std::string_view::npos) m.corpus.push_back(kBreak);
      continue;
    }
    if (!tok.is_word() && tok.kind != TokenKind::kNumber) {
      m.corpus.push_back(kBreak);
      continue;
    }
    std::string_view key = t.key_of(tok);
    std::string_view stem = tok.kind == TokenKind::kArabic ? analyze_clitics(key).stem_of(key) : key;
    if (tok.kind == TokenKind::kNumber) stem = "<num>";
    auto [it, fresh] = m.ids.try_emplace(std::string(stem), static_cast<uint32_t>(m.words.size()));
    if (fresh) {
      m.words.push_back(it->first);
      m.counts.push_back(0);
    }
    ++m.counts[it->second];
    m.corpus.push_back(it->second);
  }
  m.corpus.push_back(kBreak);
}

std::vector<NerWordCluster> NerClusterBuilder::build(size_t vocab, int coarse_k, int fine_k, uint64_t seed) const {
  const Impl& m = *impl_;
  std::vector<uint32_t> by_freq(m.words.size());
  for (uint32_t i = 0; i < by_freq.size(); ++i) by_freq[i] = i;
  std::sort(by_freq.begin(), by_freq.end(), [&](uint32_t a, uint32_t b) {
    return m.counts[a] != m.counts[b] ? m.counts[a] > m.counts[b] : m.words[a] < m.words[b];
  });
  size_t n = 0;
  while (n < by_freq.size() && n < vocab && m.counts[by_freq[n]] >= 5) ++n;
  if (n < static_cast<size_t>(fine_k)) return {};
  std::vector<int32_t> row(m.words.size(), -1), ctx(m.words.size(), kContexts);
  for (size_t i = 0; i < n; ++i) row[by_freq[i]] = static_cast<int32_t>(i);
  for (size_t i = 0; i < std::min(n, kContexts); ++i) ctx[by_freq[i]] = static_cast<int32_t>(i);

  // Co-occurrence counts, then positive PMI, then a ±1 random projection.
  std::vector<float> co(n * kDims, 0.0f);
  const std::vector<uint32_t>& c = m.corpus;
  auto context = [&](size_t i, int off) -> size_t {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + off;
    if (j < 0 || j >= static_cast<ptrdiff_t>(c.size()) || c[j] == kBreak) return kContexts + 1;
    if ((off == 2 || off == -2) && c[i + off / 2] == kBreak) return kContexts + 1;
    return static_cast<size_t>(ctx[c[j]]);
  };
  static constexpr int kOffsets[4] = {-2, -1, 1, 2};
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] == kBreak || row[c[i]] < 0) continue;
    float* r = &co[static_cast<size_t>(row[c[i]]) * kDims];
    for (int s = 0; s < 4; ++s) r[s * kSlot + context(i, kOffsets[s])] += 1.0f;
  }
  std::vector<double> rsum(n, 0), csum(kDims, 0);
  double total = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t d = 0; d < kDims; ++d) rsum[i] += co[i * kDims + d], csum[d] += co[i * kDims + d];
    total += rsum[i];
  }
  std::vector<float> proj(kDims * kProj);
  Rng rng{seed ^ 0x5eed};
  for (float& v : proj) v = (rng.next() & 1) ? 1.0f : -1.0f;
  std::vector<float> x(n * kProj, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* xi = &x[i * kProj];
    for (size_t d = 0; d < kDims; ++d) {
      float v = co[i * kDims + d];
      if (v <= 0) continue;
      double pmi = std::log(v * total / (rsum[i] * csum[d]));
      if (pmi <= 0) continue;
      const float* p = &proj[d * kProj];
      for (size_t t = 0; t < kProj; ++t) xi[t] += static_cast<float>(pmi) * p[t];
    }
    float norm = 0;
    for (size_t t = 0; t < kProj; ++t) norm += xi[t] * xi[t];
    norm = std::sqrt(norm) + 1e-9f;
    for (size_t t = 0; t < kProj; ++t) xi[t] /= norm;
  }
  // How often a trigger word (a title, a speech verb) comes one or two words before.
  std::vector<bool> trigger(m.words.size(), false);
  for (const std::string& t : internal::default_triggers()) {
    std::string_view stem = analyze_clitics(t).stem_of(t);
    auto it = m.ids.find(std::string(stem));
    if (it != m.ids.end()) trigger[it->second] = true;
  }
  std::vector<uint32_t> titled(n, 0);
  for (size_t i = 2; i < c.size(); ++i) {
    if (c[i] == kBreak || row[c[i]] < 0) continue;
    bool t1 = c[i - 1] != kBreak && trigger[c[i - 1]];
    bool t2 = c[i - 1] != kBreak && c[i - 2] != kBreak && trigger[c[i - 2]];
    if (t1 || t2) ++titled[row[c[i]]];
  }
  std::vector<uint16_t> coarse = kmeans(x, n, coarse_k, seed);
  std::vector<uint16_t> fine = kmeans(x, n, fine_k, seed + 1);
  std::vector<NerWordCluster> out(n);
  for (size_t i = 0; i < n; ++i) {
    double r = static_cast<double>(titled[i]) / static_cast<double>(m.counts[by_freq[i]]);
    uint8_t title = r < 0.01 ? 0 : r < 0.05 ? 1 : r < 0.2 ? 2 : 3;
    out[i] = {m.words[by_freq[i]], coarse[i], fine[i], title};
  }
  return out;
}

}  // namespace marsad
