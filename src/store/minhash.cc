// One-permutation MinHash with optimal densification (Shrivastava, ICML 2017):
// each shingle is hashed once and lands in one of kHashes bins, which keep
// their minimum; empty bins borrow from a fixed pseudo-random probe sequence
// of other bins, so equal sets always get equal signatures and the fraction
// of equal bins stays an unbiased estimate of the Jaccard similarity. One
// hash per shingle instead of kHashes keeps signatures cheap on long texts.
#include <xxhash.h>

#include <algorithm>
#include <limits>

#include "marsad/clitics.h"
#include "marsad/stories.h"
#include "store/prepare.h"
#include "base/hash.h"

namespace marsad {
namespace {

constexpr int kBins = StoryOptions::kHashes;
static_assert((kBins & (kBins - 1)) == 0, "bins must be a power of two");
constexpr int kBinBits = 7;
static_assert((1 << kBinBits) == kBins);


// Term hashes, paragraph by paragraph (a new paragraph at each break offset).
class TermHashes {
 public:
  explicit TermHashes(const std::vector<uint32_t>& breaks) : breaks_(breaks) {}
  void add(std::string_view term, uint32_t start) {
    while (next_ < breaks_.size() && breaks_[next_] <= start) {
      if (para_start.back() != terms.size()) para_start.push_back(terms.size());
      ++next_;
    }
    if (!term.empty()) terms.push_back(XXH3_64bits(term.data(), term.size()));
  }
  std::vector<uint64_t> terms;
  std::vector<size_t> para_start{0};

 private:
  const std::vector<uint32_t>& breaks_;
  size_t next_ = 0;
};

Signature signature_of(TermHashes& h, int shingle);

}  // namespace

Signature minhash(const Tokenized& t, const std::vector<uint32_t>& breaks, int shingle) {
  TermHashes h(breaks);
  for (const Token& tok : t.tokens) {
    if (!tok.is_word() && tok.kind != TokenKind::kNumber) continue;
    std::string_view key = t.key_of(tok);
    if (tok.kind == TokenKind::kArabic) key = analyze_clitics(key).stem_of(key);
    h.add(key, tok.start);
  }
  return signature_of(h, shingle);
}

namespace internal {

// The same terms as minhash(Tokenized): a word's stem is its colocated "~stem"
// term when it has one, else the word itself.
Signature minhash_of_terms(const FtsDocTerms& d, const std::vector<uint32_t>& breaks, int shingle) {
  TermHashes h(breaks);
  const auto& ts = d.terms;
  for (size_t i = 0; i < ts.size(); ++i) {
    if (ts[i].colocated) continue;
    std::string_view term = d.term(ts[i]);
    if (i + 1 < ts.size() && ts[i + 1].colocated) term = d.term(ts[i + 1]).substr(1);
    h.add(term, ts[i].start);
  }
  return signature_of(h, shingle);
}

}  // namespace internal

namespace {

Signature signature_of(TermHashes& h, int shingle) {
  if (shingle < 1) shingle = 1;
  std::vector<uint64_t>& terms = h.terms;
  std::vector<size_t>& para_start = h.para_start;
  para_start.push_back(terms.size());

  std::vector<uint64_t> shingles;
  shingles.reserve(terms.size());
  const size_t k = static_cast<size_t>(shingle);
  for (size_t p = 0; p + 1 < para_start.size(); ++p) {
    const size_t b = para_start[p], e = para_start[p + 1];
    if (b == e) continue;
    const size_t n = e - b < k ? e - b : k;  // a paragraph shorter than k words is one shingle
    for (size_t i = b; i + n <= e; ++i) {
      uint64_t h = terms[i];
      for (size_t j = 1; j < n; ++j) h = internal::mix64(h * 0x9E3779B97F4A7C15ULL + terms[i + j]);
      shingles.push_back(internal::mix64(h + n));
    }
  }
  Signature sig;
  if (shingles.empty()) return sig;
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  sig.shingles = static_cast<uint32_t>(shingles.size());

  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  uint64_t bins[kBins];
  std::fill(std::begin(bins), std::end(bins), kEmpty);
  for (uint64_t h : shingles) {
    const size_t bin = h >> (64 - kBinBits);
    const uint64_t v = h & 0xffffffffULL;
    if (v < bins[bin]) bins[bin] = v;
  }
  sig.mins.resize(kBins);
  for (size_t i = 0; i < kBins; ++i) {
    uint64_t v = bins[i];
    for (uint64_t attempt = 1; v == kEmpty; ++attempt) {
      v = bins[internal::mix64((static_cast<uint64_t>(i) << 32) ^ attempt) & (kBins - 1)];
    }
    sig.mins[i] = static_cast<uint32_t>(v);
  }
  return sig;
}

}  // namespace

double estimate_similarity(const Signature& a, const Signature& b) {
  if (a.mins.size() != kBins || b.mins.size() != kBins) return 0;
  int same = 0;
  for (size_t i = 0; i < kBins; ++i) same += a.mins[i] == b.mins[i];
  return static_cast<double>(same) / kBins;
}

double estimate_containment(const Signature& a, const Signature& b) {
  const double j = estimate_similarity(a, b);
  const double small = std::min(a.shingles, b.shingles);
  if (small == 0) return 0;
  const double common = j * (static_cast<double>(a.shingles) + b.shingles) / (1 + j);
  return std::min(1.0, common / small);
}

}  // namespace marsad
