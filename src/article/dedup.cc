// Exact repeats are found by hashing each paragraph's match-key words; near
// repeats by comparing sorted word-hash sets, only against kept paragraphs
// whose sizes could reach the threshold (Jaccard >= t needs |A|/|B| >= t).
#include "article/dedup.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_map>

#include "base/hash.h"
#include "marsad/tokenize.h"

namespace marsad::internal {
namespace {

struct Shape {
  uint64_t exact = 0;          // hash of the words in order
  std::vector<uint64_t> set;   // sorted unique word hashes
};

// The shape of tokens [first, last) of t.
Shape shape_of(const Tokenized& t, size_t first, size_t last) {
  Shape s;
  // The ordered hash chains the word hashes (one XXH3 per word, none of
  // XXH64's streaming calls): equal word sequences give equal values.
  uint64_t chain = 0;
  for (size_t i = first; i < last; ++i) {
    const Token& tok = t.tokens[i];
    if (!tok.is_word() && tok.kind != TokenKind::kNumber) continue;
    std::string_view k = t.key_of(tok);
    const uint64_t h = XXH3_64bits(k.data(), k.size());
    chain = mix64(chain * 0x9E3779B97F4A7C15ULL + h);
    s.set.push_back(h);
  }
  s.exact = chain;
  std::sort(s.set.begin(), s.set.end());
  s.set.erase(std::unique(s.set.begin(), s.set.end()), s.set.end());
  return s;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++both, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  size_t all = a.size() + b.size() - both;
  return all == 0 ? 1.0 : static_cast<double>(both) / static_cast<double>(all);
}

// Near-duplicate checks look at this many kept paragraphs at most, so a
// document of 100,000 one-line paragraphs stays linear.
constexpr size_t kNearWindow = 256;
// Shorter paragraphs only count as repeats when exactly equal.
constexpr size_t kNearMinWords = 6;

}  // namespace

void dedup_paragraphs(std::string_view text, const std::vector<Span>& paragraphs, double near,
                      std::vector<Span>& kept, std::vector<Removed>& removed, const Tokenized* whole) {
  std::unordered_map<uint64_t, int> exact;  // hash -> index in kept
  std::vector<Shape> kept_shapes;
  for (const Span& p : paragraphs) {
    Shape s;
    if (whole) {
      s = shape_of(*whole, token_at(whole->tokens, p.start), token_at(whole->tokens, p.end));
    } else {
      const Tokenized t = tokenize(text.substr(p.start, p.end - p.start));
      s = shape_of(t, 0, t.tokens.size());
    }
    if (!s.set.empty()) {
      auto it = exact.find(s.exact);
      if (it != exact.end()) {
        removed.push_back({p, "exact_duplicate", it->second, 1.0});
        continue;
      }
    }
    if (s.set.size() >= kNearMinWords && near <= 1.0) {
      int best = -1;
      double best_sim = 0;
      size_t from = kept_shapes.size() > kNearWindow ? kept_shapes.size() - kNearWindow : 0;
      for (size_t k = from; k < kept_shapes.size(); ++k) {
        const auto& other = kept_shapes[k].set;
        if (other.size() < kNearMinWords) continue;
        double lo = static_cast<double>(std::min(other.size(), s.set.size()));
        double hi = static_cast<double>(std::max(other.size(), s.set.size()));
        if (lo / hi < near) continue;
        double sim = jaccard(s.set, other);
        if (sim >= near && sim > best_sim) {
          best = static_cast<int>(k);
          best_sim = sim;
        }
      }
      if (best >= 0) {
        removed.push_back({p, "near_duplicate", best, best_sim});
        continue;
      }
    }
    exact.emplace(s.exact, static_cast<int>(kept.size()));
    kept.push_back(p);
    kept_shapes.push_back(std::move(s));
  }
}

}  // namespace marsad::internal
