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
#include <bit>

#include "ner/model_impl.h"
#include "ner/templates.h"
#include "text/lexicon.h"

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

// What the per-position features (apply_many_templates) read of a unit: its
// gazetteer class is the position's (0 in the cache), the rest its word's.
// Cluster and title numbers are under 2^16 (features.cc: a byte or two plus one).
struct ManyHashes {
  uint64_t stem, shape;
  uint16_t ccoarse, title;
  UnitKind kind;
  uint8_t gaz;
};

ManyHashes many_of(const UnitHashes& h) {
  return {h.stem, h.shape, static_cast<uint16_t>(h.ccoarse), static_cast<uint16_t>(h.title), h.kind, h.gaz};
}

struct WordRows {
  ManyHashes h;
  Partials part;
};

// A direct-mapped cache: a word's slot is fixed by its hash, and a new word
// takes the slot over. One memory access per lookup (the key is inline), and
// frequent words, seen again soon, win their slots back. 2^16 slots of 256
// bytes, four cache lines each: 16 MB per thread (and 256 KB for the RowIndex).
// 20 MB of SaudiNewsNet has 137k distinct words; 2^15 slots took 5% more
// instructions and 4% more L2 misses (cachegrind, --LL=1MB).
constexpr size_t kCacheBits = 16;
constexpr size_t kMaxKey = 31;  // longer words (rare: URLs, glued runs) are not cached

struct alignas(64) CacheSlot {
  uint64_t hash = 0;
  uint8_t len = 0xFF;  // 0xFF = empty
  char key[kMaxKey];
  WordRows rows;
};
static_assert(sizeof(CacheSlot) == 256, "a slot is four cache lines");

// row_of as a rank over a bitmap. Rows are numbered in bucket order (model_io.cc,
// train.cc), so a used bucket's row is 1 + the number of used buckets before it:
// 2^20 buckets take 256 KB, which stay in the L2 cache, where the 4 MB row_of
// misses on nearly every lookup; and the lookups of unused buckets (84% of the
// buckets of the bundled model) end at the bitmap. Checked against row_of when
// built: a model numbered otherwise keeps reading row_of.
class RowIndex {
 public:
  void build(const NerWeights& w) {
    const size_t n = w.row_of.size();
    blocks_.assign((n + 63) / 64, Block{});
    ranked_ = true;
    uint32_t count = 0;
    for (size_t b = 0; b < n; ++b) {
      if (b % 64 == 0) blocks_[b / 64].base = count;
      if (w.row_of[b] == 0) continue;
      ranked_ = ranked_ && w.row_of[b] == count + 1;
      ++count;
      blocks_[b / 64].bits |= uint64_t{1} << (b % 64);
    }
  }
  // Inlined into cached_emissions, so that its POPCNT clone counts with the instruction.
  [[gnu::always_inline]] uint32_t row(const NerWeights& w, uint32_t bucket) const {
    if (!ranked_) return w.row_of[bucket];
    const Block& k = blocks_[bucket >> 6];
    const uint64_t bit = uint64_t{1} << (bucket & 63);
    if (!(k.bits & bit)) return 0;
    return k.base + static_cast<uint32_t>(std::popcount(k.bits & (bit - 1))) + 1;
  }
  void prefetch(const NerWeights& w, uint32_t bucket) const {
    __builtin_prefetch(ranked_ ? static_cast<const void*>(&blocks_[bucket >> 6]) : &w.row_of[bucket]);
  }

 private:
  struct Block {
    uint64_t bits = 0;  // used buckets among these 64
    uint32_t base = 0;  // used buckets before them
  };
  std::vector<Block> blocks_;
  bool ranked_ = false;
};

// Adds the weight row of buckets[k] to the kTags sums at dest(k), for every k.
// The tables are megabytes and every lookup misses the cache: resolve all rows
// first, then sum, prefetching ahead in both passes so that the misses overlap
// instead of forming a bucket → row chain.
template <typename Dest>
[[gnu::always_inline]] inline void sum_rows(const NerWeights& w, const RowIndex& index, const std::vector<uint32_t>& buckets, Dest&& dest) {
  constexpr size_t kAhead = 16;
  thread_local std::vector<uint32_t> rid;
  const size_t nf = buckets.size();
  rid.resize(nf);
  for (size_t k = 0; k < nf; ++k) {
    if (k + kAhead < nf) index.prefetch(w, buckets[k + kAhead]);
    rid[k] = index.row(w, buckets[k]);
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
    slots_.assign(size_t{1} << kCacheBits, CacheSlot{});
    index_.build(m.w);
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
  CacheSlot& slot(uint64_t hash) { return slots_[hash >> (64 - kCacheBits)]; }
  // All four lines of the slot, the key's and the partial sums' (copied on a
  // hit): 2-3% faster entity extraction than the key's line alone.
  void prefetch(uint64_t hash) const {
    const char* p = reinterpret_cast<const char*>(&slots_[hash >> (64 - kCacheBits)]);
    for (int line = 0; line < 4; ++line) __builtin_prefetch(p + 64 * line);
  }
  static bool holds(const CacheSlot& s, uint64_t hash, std::string_view key) {
    return s.hash == hash && s.len == key.size() && std::equal(key.begin(), key.end(), s.key);
  }
  void put(uint64_t hash, std::string_view key, const WordRows& rows) {
    if (key.size() > kMaxKey) return;
    CacheSlot& s = slot(hash);
    s.hash = hash;
    s.len = static_cast<uint8_t>(key.size());
    std::copy(key.begin(), key.end(), s.key);
    s.rows = rows;
  }
  const Partials& pad(int side, int d) const { return pads_[side][d]; }
  // The unit just outside a sentence (side 0 before, 1 after) as the per-position features read it.
  const ManyHashes& pad_many(int side) const { return pad_many_[side]; }
  const RowIndex& index() const { return index_; }

 private:
  uint64_t model_ = 0;
  RowIndex index_;
  std::vector<CacheSlot> slots_;
  Partials pads_[2][2] = {};
  ManyHashes pad_many_[2] = {many_of(pad_hashes(0, 0)), many_of(pad_hashes(1, 0))};
};

}  // namespace
}  // namespace internal

using internal::kTags;

// Built twice and chosen when the program loads: with the POPCNT instruction for the row
// index's rank (every x86-64 CPU since 2008), and for the baseline x86-64 that Debian targets,
// where std::popcount is a libgcc call (2% of analyze, callgrind).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
__attribute__((target_clones("popcnt", "default")))
#endif
void NerModel::Impl::cached_emissions(const std::vector<internal::NerUnit>& units, std::vector<float>& em,
                                      std::vector<uint8_t>& only_o) const {
  using internal::Reads;
  using internal::UnitHashes;
  thread_local internal::WordCache cache;
  thread_local std::vector<internal::WordRows> rows;
  thread_local std::vector<internal::ManyHashes> h;
  thread_local std::vector<uint64_t> hashes;
  thread_local std::vector<uint32_t> missed, buckets, dest;
  thread_local std::vector<int32_t> acc;
  const uint32_t mask = (1u << w.bits) - 1;
  const size_t n = units.size();
  cache.use(*this);
  // 1. Each unit's word from the cache (all slots prefetched first); new words
  // get their hashes now and their partial sums in one batch.
  hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    hashes[i] = internal::lex_hash(units[i].key);
    cache.prefetch(hashes[i]);
  }
  rows.resize(n);
  missed.clear();
  buckets.clear();
  dest.clear();
  for (size_t i = 0; i < n; ++i) {
    const internal::CacheSlot& s = cache.slot(hashes[i]);
    if (internal::WordCache::holds(s, hashes[i], units[i].key)) {
      rows[i] = s.rows;
      continue;
    }
    const UnitHashes u = internal::unit_hashes(internal::NerUnit{units[i].key, 0}, lex);
    rows[i].h = internal::many_of(u);
    std::fill(&rows[i].part[0][0], &rows[i].part[0][0] + internal::kSlots * kTags, 0);
    internal::single_unit_features(u, mask, [&](uint32_t bucket, int slot) {
      buckets.push_back(bucket);
      dest.push_back(static_cast<uint32_t>(i * internal::kSlots + static_cast<size_t>(slot)));
    });
    missed.push_back(static_cast<uint32_t>(i));
  }
  internal::sum_rows(w, cache.index(), buckets, [&](size_t k) { return rows[dest[k] / internal::kSlots].part[dest[k] % internal::kSlots]; });
  for (uint32_t i : missed) cache.put(hashes[i], units[i].key, rows[i]);

  // 2. Each position: its own partial sum and its four neighbours'.
  auto part = [&](ptrdiff_t j, Reads slot) -> const int32_t* {
    const int s = static_cast<int>(slot);
    if (j < 0) return cache.pad(0, static_cast<int>(std::min<ptrdiff_t>(-j - 1, 1)))[s];
    if (j >= static_cast<ptrdiff_t>(n)) return cache.pad(1, static_cast<int>(std::min<ptrdiff_t>(j - n, 1)))[s];
    return rows[j].part[s];
  };
  acc.resize(n * kTags);
  h.resize(n);
  only_o.resize(n);
  for (size_t k = 0; k < n; ++k) {
    const auto i = static_cast<ptrdiff_t>(k);
    const int32_t *self = part(i, Reads::kSelf), *m1 = part(i - 1, Reads::kM1), *m2 = part(i - 2, Reads::kM2),
                  *p1 = part(i + 1, Reads::kP1), *p2 = part(i + 2, Reads::kP2);
    for (int t = 0; t < kTags; ++t) acc[k * kTags + t] = self[t] + m1[t] + m2[t] + p1[t] + p2[t];
    h[k] = rows[k].h;
    h[k].gaz = units[k].gaz;
    only_o[k] = h[k].kind == internal::UnitKind::kPunct;
  }

  // 3. The features that read several units, per position.
  auto at = [&](ptrdiff_t j) -> const internal::ManyHashes& {
    if (j < 0) return cache.pad_many(0);
    if (j >= static_cast<ptrdiff_t>(n)) return cache.pad_many(1);
    return h[j];
  };
  // Written by index into room for every feature apply_many_templates can list (nine), then cut.
  constexpr size_t kMaxMany = 9;
  buckets.resize(n * kMaxMany);
  dest.resize(n * kMaxMany);
  size_t m = 0;
  for (size_t k = 0; k < n; ++k) {
    const auto i = static_cast<ptrdiff_t>(k);
    internal::apply_many_templates(at(i - 1), h[k], at(i + 1), [&](uint64_t tmpl, uint64_t v) {
      buckets[m] = internal::feature_bucket(tmpl, v, mask);
      dest[m++] = static_cast<uint32_t>(k);
    });
  }
  buckets.resize(m);
  dest.resize(m);
  internal::sum_rows(w, cache.index(), buckets, [&](size_t k) { return &acc[static_cast<size_t>(dest[k]) * kTags]; });

  em.resize(n * kTags);
  for (size_t k = 0; k < n * kTags; ++k) em[k] = static_cast<float>(acc[k]) * w.scale;
}

}  // namespace marsad
