// Emission scores at tagging time, computed per distinct word.
//
// Of the ~35 features of a unit, ~27 read one unit alone: the word itself or
// one neighbour (ner/templates.h says which). Their weight rows depend only on
// that word, so they are summed once per word type, in five partial sums (as
// the unit itself, as its left neighbour at distance 1 and 2, as its right
// neighbour at 1 and 2), and cached per thread. A unit's emissions are then its
// own partial sum, one partial sum from each of its four neighbours, and the
// ~8 features that read several units (bigrams, the shape trigram, gazetteer
// classes), looked up per position. The sums are int32 additions of the same
// int16 rows as NerModel::Impl::emissions, so the scores are identical; news
// reuses its vocabulary, so most units cost one cache probe instead of ~35
// cache misses in the multi-megabyte weight tables.
#include <algorithm>
#include <atomic>

#include "ner/model_impl.h"
#include "ner/templates.h"
#include "text/string_map.h"

namespace marsad {
namespace internal {

uint64_t next_model_id() {
  static std::atomic<uint64_t> next{0};
  return ++next;
}

namespace {

// Partial sums per slot, in the order of Reads: self, m1, m2, p1, p2.
constexpr int kSlots = 5;
using Partials = int32_t[kSlots][kTags];

struct WordRows {
  UnitHashes h;  // gaz = 0: the gazetteer class belongs to the position
  Partials part;
};

// Past this many distinct words the cache starts afresh (about 20 MB per thread).
constexpr size_t kMaxWords = size_t{1} << 16;

// Adds the weight row of buckets[k] to the kTags sums at dest(k), for every k.
// The tables are megabytes and every lookup misses the cache: resolve all rows
// first, then sum, prefetching ahead in both passes so that the misses overlap
// instead of forming a bucket → row chain.
template <typename Dest>
void sum_rows(const NerWeights& w, const std::vector<uint32_t>& buckets, Dest&& dest) {
  constexpr size_t kAhead = 16;
  thread_local std::vector<uint32_t> rid;
  const size_t nf = buckets.size();
  rid.resize(nf);
  for (size_t k = 0; k < nf; ++k) {
    if (k + kAhead < nf) __builtin_prefetch(&w.row_of[buckets[k + kAhead]]);
    rid[k] = w.row_of[buckets[k]];
  }
  for (size_t k = 0; k < std::min(nf, kAhead); ++k) __builtin_prefetch(&w.rows[static_cast<size_t>(rid[k]) * kTags]);
  for (size_t k = 0; k < nf; ++k) {
    if (k + kAhead < nf) __builtin_prefetch(&w.rows[static_cast<size_t>(rid[k + kAhead]) * kTags]);
    const int16_t* row = &w.rows[static_cast<size_t>(rid[k]) * kTags];
    int32_t* sum = dest(k);
    for (int t = 0; t < kTags; ++t) sum[t] += row[t];
  }
}

// Every feature that reads u alone, as (bucket, slot): u stands in every slot,
// and each such feature reads only the slot it is tagged with.
template <typename Out>
void single_unit_features(const UnitHashes& u, uint32_t mask, Out&& out) {
  apply_templates(u, u, u, u, u, [&](Reads r, uint64_t tmpl, uint64_t v) {
    if (r != Reads::kMany) out(feature_bucket(tmpl, v, mask), static_cast<int>(r));
  });
}

class WordCache {
 public:
  // Starts afresh for another model: the partial sums are that model's.
  void use(const NerModel::Impl& m) {
    if (model_ == m.id) return;
    model_ = m.id;
    words_.clear();
    words_.reserve(kMaxWords);
    const uint32_t mask = (1u << m.w.bits) - 1;
    for (int side = 0; side < 2; ++side) {
      for (int d = 0; d < 2; ++d) {
        Partials& p = pads_[side][d];
        std::fill(&p[0][0], &p[0][0] + kSlots * kTags, 0);
        single_unit_features(pad_hashes(side, d), mask, [&](uint32_t bucket, int slot) {
          const int16_t* row = &m.w.rows[static_cast<size_t>(m.w.row_of[bucket]) * kTags];
          for (int t = 0; t < kTags; ++t) p[slot][t] += row[t];
        });
      }
    }
  }
  // Makes room for n more words.
  void reserve(size_t n) {
    if (words_.size() + n > kMaxWords) words_.clear();
  }
  StringMap<WordRows>& words() { return words_; }
  const Partials& pad(int side, int d) const { return pads_[side][d]; }

 private:
  uint64_t model_ = 0;
  StringMap<WordRows> words_;
  Partials pads_[2][2] = {};
};

}  // namespace
}  // namespace internal

using internal::kTags;

void NerModel::Impl::cached_emissions(const std::vector<internal::NerUnit>& units, std::vector<float>& em,
                                      std::vector<uint8_t>& only_o) const {
  using internal::Reads;
  using internal::UnitHashes;
  thread_local internal::WordCache cache;
  thread_local std::vector<UnitHashes> h;
  thread_local std::vector<uint32_t> idx, buckets, dest;
  thread_local std::vector<int32_t> acc;
  const uint32_t mask = (1u << w.bits) - 1;
  const size_t n = units.size();
  cache.use(*this);
  cache.reserve(n);
  auto& words = cache.words();
  // 1. Each unit's word in the cache; new words get their hashes now and their
  // partial sums in one batch below.
  h.resize(n);
  idx.resize(n);
  only_o.resize(n);
  buckets.clear();
  dest.clear();
  for (size_t i = 0; i < n; ++i) {
    const std::string_view key = units[i].key;
    const uint64_t hash = internal::lex_hash(key);
    int64_t j = words.find_index(key, hash);
    if (j < 0) {
      internal::WordRows& r = *words.insert(key, {}).first;
      r.h = internal::unit_hashes(internal::NerUnit{key, 0}, lex);
      j = static_cast<int64_t>(words.size() - 1);
      internal::single_unit_features(r.h, mask, [&](uint32_t bucket, int slot) {
        buckets.push_back(bucket);
        dest.push_back(static_cast<uint32_t>(j) * internal::kSlots + static_cast<uint32_t>(slot));
      });
    }
    idx[i] = static_cast<uint32_t>(j);
    h[i] = words.at(static_cast<size_t>(j)).h;
    h[i].gaz = units[i].gaz;
    only_o[i] = h[i].kind == internal::UnitKind::kPunct;
  }
  internal::sum_rows(w, buckets, [&](size_t k) { return words.at(dest[k] / internal::kSlots).part[dest[k] % internal::kSlots]; });

  // 2. Each position: its own partial sum and its four neighbours'.
  auto part = [&](ptrdiff_t j, Reads slot) -> const int32_t* {
    const int s = static_cast<int>(slot);
    if (j < 0) return cache.pad(0, static_cast<int>(std::min<ptrdiff_t>(-j - 1, 1)))[s];
    if (j >= static_cast<ptrdiff_t>(n)) return cache.pad(1, static_cast<int>(std::min<ptrdiff_t>(j - n, 1)))[s];
    return words.at(idx[j]).part[s];
  };
  acc.resize(n * kTags);
  for (size_t k = 0; k < n; ++k) {
    const auto i = static_cast<ptrdiff_t>(k);
    const int32_t *self = part(i, Reads::kSelf), *m1 = part(i - 1, Reads::kM1), *m2 = part(i - 2, Reads::kM2),
                  *p1 = part(i + 1, Reads::kP1), *p2 = part(i + 2, Reads::kP2);
    for (int t = 0; t < kTags; ++t) acc[k * kTags + t] = self[t] + m1[t] + m2[t] + p1[t] + p2[t];
  }

  // 3. The features that read several units, per position.
  auto at = [&](ptrdiff_t j) -> const UnitHashes& {
    if (j < 0) return internal::pad_hashes(0, static_cast<int>(std::min<ptrdiff_t>(-j - 1, 1)));
    if (j >= static_cast<ptrdiff_t>(n)) return internal::pad_hashes(1, static_cast<int>(std::min<ptrdiff_t>(j - n, 1)));
    return h[j];
  };
  buckets.clear();
  dest.clear();
  for (size_t k = 0; k < n; ++k) {
    const auto i = static_cast<ptrdiff_t>(k);
    internal::apply_templates(at(i - 2), at(i - 1), at(i), at(i + 1), at(i + 2), [&](Reads r, uint64_t tmpl, uint64_t v) {
      if (r != Reads::kMany) return;
      buckets.push_back(internal::feature_bucket(tmpl, v, mask));
      dest.push_back(static_cast<uint32_t>(k));
    });
  }
  internal::sum_rows(w, buckets, [&](size_t k) { return &acc[static_cast<size_t>(dest[k]) * kTags]; });

  em.resize(n * kTags);
  for (size_t k = 0; k < n * kTags; ++k) em[k] = static_cast<float>(acc[k]) * w.scale;
}

}  // namespace marsad
