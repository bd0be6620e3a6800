// Hashed features of a text. Per word: the word, the bigram it closes, its
// clitic-stripped stem and its character n-grams. The stem and the n-grams
// of a word never change, so they are computed once per distinct word and
// cached per thread: news reuses its vocabulary, and analyze_clitics and
// n-gram hashing are the costly parts.
#include "topics/features.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "base/hash.h"
#include "marsad/clitics.h"
#include "topics/big_array.h"

namespace marsad::internal {
namespace {

// One seed per feature group: the word مغرب and the stem مغرب are different
// features. Part of the model format.
constexpr uint64_t kWordSeed = 0x6d61727361642d77;    // "marsad-w"
constexpr uint64_t kStemSeed = 0x6d61727361642d73;    // "marsad-s"
constexpr uint64_t kCharSeed = 0x6d61727361642d63;    // "marsad-c"
constexpr uint64_t kBigramSeed = 0x6d61727361642d62;  // "marsad-b"
constexpr uint64_t kPunctSeed = 0x6d61727361642d70;   // "marsad-p"


// Words longer than this (in code points) are URLs or glued runs: no n-grams.
constexpr size_t kMaxNgramWord = 40;

// What each distinct word contributes besides itself and its bigrams: the
// buckets of its stem and of its n-grams, for one feature setting. An
// open-addressing table over a pool of buckets: one probe and one
// contiguous read per word, as news reuses its vocabulary.
class WordCache {
 public:
  struct Entry {
    uint64_t key = 0;  // 0 = empty slot
    uint32_t first = 0;
    uint16_t stems = 0, chars = 0;  // pool[first, +stems) then pool[+stems, +chars)
  };

  // The cache key of a word under a feature setting.
  static uint64_t key_of(uint64_t word_hash, const TopicFeatures& f) {
    const uint64_t setting = uint64_t{f.hash_bits} | uint64_t{f.char_min} << 8 | uint64_t{f.char_max} << 16 |
                             uint64_t{f.stems} << 24;
    return fmix64(word_hash ^ fmix64(setting)) | 1;
  }
  void prefetch(uint64_t key) const { __builtin_prefetch(&table_[key & kMask]); }

  const Entry& get(uint64_t key, std::string_view word, bool arabic, const TopicFeatures& f) {
    size_t i = key & kMask;
    for (; table_[i].key != 0; i = (i + 1) & kMask) {
      if (table_[i].key == key) return table_[i];
    }
    if (size_ >= kSlots / 2 || pool_.size() > (1u << 24)) {  // full: start over, memory stays bounded
      std::memset(static_cast<void*>(table_.data()), 0, kSlots * sizeof(Entry));
      pool_.clear();
      size_ = 0;
      for (i = key & kMask; table_[i].key != 0;) i = (i + 1) & kMask;
    }
    ++size_;
    Entry& e = table_[i];
    e.key = key;
    e.first = static_cast<uint32_t>(pool_.size());
    const int shift = 64 - f.hash_bits;
    if (f.stems && arabic) {
      const std::string_view stem = analyze_clitics(word).stem_of(word);
      if (!stem.empty()) {
        pool_.push_back(static_cast<uint32_t>(XXH3_64bits_withSeed(stem.data(), stem.size(), kStemSeed) >> shift));
      }
    }
    e.stems = static_cast<uint16_t>(pool_.size() - e.first);
    if (f.char_min > 0) add_ngrams(word, f.char_min, f.char_max, shift);
    e.chars = static_cast<uint16_t>(pool_.size() - e.first - e.stems);
    return e;
  }
  const uint32_t* pool() const { return pool_.data(); }

 private:
  static constexpr size_t kSlots = size_t{1} << 19;
  static constexpr size_t kMask = kSlots - 1;

  // Code-point n-grams of "^word$".
  void add_ngrams(std::string_view word, size_t lo, size_t hi, int shift) {
    buf_.assign(1, '^');
    buf_.append(word);
    buf_.push_back('$');
    starts_.clear();
    for (size_t i = 0; i < buf_.size(); ++i) {
      if ((static_cast<unsigned char>(buf_[i]) & 0xC0) != 0x80) starts_.push_back(static_cast<uint32_t>(i));
    }
    const size_t n = starts_.size();
    if (n > kMaxNgramWord + 2) return;
    starts_.push_back(static_cast<uint32_t>(buf_.size()));
    for (size_t len = lo; len <= hi && len <= n; ++len) {
      for (size_t i = 0; i + len <= n; ++i) {
        const uint64_t h = XXH3_64bits_withSeed(buf_.data() + starts_[i], starts_[i + len] - starts_[i], kCharSeed);
        pool_.push_back(static_cast<uint32_t>(h >> shift));
      }
    }
  }

  BigArray<Entry> table_ = BigArray<Entry>(kSlots);
  size_t size_ = 0;
  std::vector<uint32_t> pool_;
  std::string buf_;
  std::vector<uint32_t> starts_;
};

// Per-thread scratch for topic_terms: hits per bucket, words and n-grams
// apart (low and high byte, saturating), in first-seen order. An open-
// addressing table sized to the text, not one counter per bucket: a text
// touches a few hundred of the 2^18 buckets, and 512 KB of counters hit at
// random missed the cache on nearly every hit, while a table of a few times
// the text's features stays in L1/L2. Reset after each use through the list
// of slots touched.
class Accumulator {
 public:
  // Ready for a text of about `features` hits; grows past that if needed.
  void start(size_t features) {
    size_t n = kMinSlots;
    while (n < 2 * features) n *= 2;
    if (slots_.size() < n) slots_.assign(n, Slot{});
    mask_ = n - 1;
  }
  void hit(uint32_t b, uint16_t one) {
    // Buckets are hash bits already: their low bits spread well.
    for (size_t i = b & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == b + 1) {
        if ((s.hits & 0xFF) != 0xFF && (s.hits >> 8) != 0xFF) s.hits = static_cast<uint16_t>(s.hits + one);
        return;
      }
      if (s.key == 0) {
        s = Slot{b + 1, one};
        touched_.push_back(static_cast<uint32_t>(i));
        if (touched_.size() * 2 > mask_ + 1) grow();
        return;
      }
    }
  }
  // Hands each touched bucket and its (word, n-gram) hits to fn, and resets.
  template <typename Fn>
  void drain(Fn&& fn) {
    for (uint32_t i : touched_) {
      const Slot s = slots_[i];
      slots_[i] = Slot{};
      fn(s.key - 1, s.hits & 0xFFu, s.hits >> 8u);
    }
    touched_.clear();
  }
  size_t touched() const { return touched_.size(); }

 private:
  static constexpr size_t kMinSlots = 1024;
  struct Slot {
    uint32_t key = 0;  // bucket + 1; 0 = empty
    uint16_t hits = 0;
  };

  // Doubles the table in use, keeping the first-seen order of touched_.
  void grow() {
    std::vector<Slot> old;
    old.reserve(touched_.size());
    for (uint32_t& i : touched_) {
      old.push_back(slots_[i]);
      slots_[i] = Slot{};
    }
    const size_t n = (mask_ + 1) * 2;
    if (slots_.size() < n) slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (size_t k = 0; k < old.size(); ++k) {
      size_t i = (old[k].key - 1) & mask_;
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = old[k];
      touched_[k] = static_cast<uint32_t>(i);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<uint32_t> touched_;
};

// 1 + ln n for small n, so that terms cost no logarithm.
struct LogTable {
  float v[512];
  LogTable() {
    v[0] = 0;
    for (int n = 1; n < 512; ++n) v[n] = 1.0f + std::log(static_cast<float>(n));
  }
};

// A word of the text being read. When there are no n-grams to fetch, its stem
// bucket comes from the Tokenized's own clitic analysis (Tokenized::clitics,
// already made for every Arabic word of a record by the time topics run): one
// hash of a short string, where the word cache is a probe of 8 MB that misses
// the cache.
struct Word {
  static constexpr uint32_t kNoStem = UINT32_MAX, kFromCache = UINT32_MAX - 1;
  uint64_t hash, cache_key;
  std::string_view key;
  bool arabic;
  uint32_t stem;  // its bucket, kNoStem, or kFromCache: ask the word cache
};

}  // namespace

size_t topic_terms(const Tokenized& t, const TopicFeatures& f, std::vector<TopicFeature>& out) {
  const std::pair<size_t, size_t> all{0, t.tokens.size()};
  return topic_terms(t, std::span(&all, 1), f, out);
}

size_t topic_terms(const Tokenized& t, std::span<const std::pair<size_t, size_t>> ranges, const TopicFeatures& f,
                   std::vector<TopicFeature>& out) {
  // The cache is made on first need: without n-grams it is never needed.
  thread_local std::unique_ptr<WordCache> cache;
  thread_local Accumulator acc;
  thread_local std::vector<Word> words;
  static const LogTable kLog;
  constexpr uint16_t kUnit = 1, kChar = 1 << 8;
  const int shift = 64 - f.hash_bits;
  const bool cached = f.stems || f.char_min > 0;
  // The Tokenized's clitics serve the stems only when no n-grams need the cache anyway.
  const bool memo = f.stems && f.char_min == 0;

  size_t tokens = 0;
  for (const auto& [first, last] : ranges) tokens += last > first ? last - first : 0;
  acc.start(tokens);  // about half the tokens are spaces, a word makes three hits, many repeat

  // The words first, so that their cache slots can be fetched ahead.
  words.clear();
  size_t from_cache = 0;
  for (const auto& [first, last] : ranges) {
    bool full = false;
    for (size_t i = first; i < last && i < t.tokens.size(); ++i) {
      const Token& tok = t.tokens[i];
      if (!tok.is_word()) {
        if (f.punct && tok.kind != TokenKind::kSpace) {
          const std::string_view key = t.key_of(tok);
          acc.hit(static_cast<uint32_t>(XXH3_64bits_withSeed(key.data(), key.size(), kPunctSeed) >> shift), kUnit);
        }
        continue;
      }
      if (f.max_words && words.size() == f.max_words) {
        full = true;
        break;
      }
      const std::string_view key = t.key_of(tok);
      const uint64_t h = XXH3_64bits_withSeed(key.data(), key.size(), kWordSeed);
      const bool arabic = tok.kind == TokenKind::kArabic;
      uint32_t stem = Word::kNoStem;
      if (cached) {
        if (memo) {
          const std::string_view s = arabic ? t.clitics(i).stem_of(key) : std::string_view();
          if (!s.empty()) stem = static_cast<uint32_t>(XXH3_64bits_withSeed(s.data(), s.size(), kStemSeed) >> shift);
        } else {
          stem = Word::kFromCache;
          ++from_cache;
        }
      }
      words.push_back({h, stem == Word::kFromCache ? WordCache::key_of(h, f) : 0, key, arabic, stem});
    }
    if (full) break;
  }
  if (from_cache > 0 && !cache) cache = std::make_unique<WordCache>();
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (f.words) acc.hit(static_cast<uint32_t>(w.hash >> shift), kUnit);
    if (f.bigrams && i > 0) {
      const uint64_t bigram = fmix64((words[i - 1].hash | 1) * 0x9E3779B97F4A7C15ULL + w.hash + kBigramSeed);
      acc.hit(static_cast<uint32_t>(bigram >> shift), kUnit);
    }
    if (w.stem != Word::kFromCache) {
      if (w.stem != Word::kNoStem) acc.hit(w.stem, kUnit);
      continue;
    }
    if (i + kAhead < words.size() && words[i + kAhead].stem == Word::kFromCache) {
      cache->prefetch(words[i + kAhead].cache_key);
    }
    const WordCache::Entry& e = cache->get(w.cache_key, w.key, w.arabic, f);
    const uint32_t* p = cache->pool() + e.first;
    for (uint32_t k = 0; k < e.stems; ++k) acc.hit(p[k], kUnit);
    p += e.stems;
    for (uint32_t k = 0; k < e.chars; ++k) acc.hit(p[k], kChar);
  }

  out.clear();
  out.reserve(acc.touched());
  acc.drain([&](uint32_t b, uint32_t units, uint32_t chars) {
    const uint32_t n = units + chars;
    const float mean = chars == 0 ? 1.0f : (static_cast<float>(units) + f.char_weight * chars) / static_cast<float>(n);
    out.push_back({b, (f.sublinear_tf ? kLog.v[n] : static_cast<float>(n)) * mean});
  });
  return words.size();
}

std::vector<std::string> topic_feature_strings(const Tokenized& t, const TopicFeatures& f) {
  std::vector<std::string> out;
  uint32_t words = 0;
  std::string_view prev;
  for (const Token& tok : t.tokens) {
    if (!tok.is_word()) {
      if (f.punct && tok.kind != TokenKind::kSpace) out.push_back("p:" + std::string(t.key_of(tok)));
      continue;
    }
    if (f.max_words && words == f.max_words) break;
    ++words;
    const std::string_view key = t.key_of(tok);
    if (f.words) out.push_back("w:" + std::string(key));
    if (f.bigrams && !prev.empty()) out.push_back("b:" + std::string(prev) + " " + std::string(key));
    prev = key;
    if (f.stems && tok.kind == TokenKind::kArabic) {
      const std::string_view stem = analyze_clitics(key).stem_of(key);
      if (!stem.empty()) out.push_back("s:" + std::string(stem));
    }
    if (f.char_min == 0) continue;
    std::vector<std::string> cps;  // code points of "^key$"
    const std::string padded = "^" + std::string(key) + "$";
    for (size_t i = 0; i < padded.size(); ++i) {
      if ((static_cast<unsigned char>(padded[i]) & 0xC0) != 0x80) cps.emplace_back();
      cps.back() += padded[i];
    }
    if (cps.size() > kMaxNgramWord + 2) continue;
    for (size_t len = f.char_min; len <= f.char_max; ++len) {
      for (size_t i = 0; i + len <= cps.size(); ++i) {
        std::string gram = "c:";
        for (size_t j = i; j < i + len; ++j) gram += cps[j];
        out.push_back(std::move(gram));
      }
    }
  }
  return out;
}

uint32_t topic_feature_bucket(std::string_view feature, const TopicFeatures& f) {
  const int shift = 64 - f.hash_bits;
  const std::string_view body = feature.substr(2);
  auto hash = [](std::string_view s, uint64_t seed) { return XXH3_64bits_withSeed(s.data(), s.size(), seed); };
  switch (feature[0]) {
    case 'w': return static_cast<uint32_t>(hash(body, kWordSeed) >> shift);
    case 's': return static_cast<uint32_t>(hash(body, kStemSeed) >> shift);
    case 'c': return static_cast<uint32_t>(hash(body, kCharSeed) >> shift);
    case 'p': return static_cast<uint32_t>(hash(body, kPunctSeed) >> shift);
    default: {  // 'b'
      const size_t sp = body.find(' ');
      const uint64_t a = hash(body.substr(0, sp), kWordSeed) | 1, b = hash(body.substr(sp + 1), kWordSeed);
      return static_cast<uint32_t>(fmix64(a * 0x9E3779B97F4A7C15ULL + b + kBigramSeed) >> shift);
    }
  }
}

void topic_weigh(std::span<const float> idf, std::span<TopicFeature> terms) {
  double norm = 0;
  for (TopicFeature& x : terms) {
    x.value *= idf[x.bucket];
    norm += double{x.value} * x.value;
  }
  if (norm <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(norm));
  for (TopicFeature& x : terms) x.value *= inv;
}

Tokenized tokenize_prefix(std::string_view text, uint32_t max_words) {
  Tokenized t;
  tokenize_prefix(text, max_words, t);
  return t;
}

void tokenize_prefix(std::string_view text, uint32_t max_words, Tokenized& t) {
  if (max_words == 0) return tokenize(text, t);
  // A guess of the bytes that hold max_words words, doubled until they do.
  // The cut is just after an ASCII white space, where no token can continue,
  // so every word before it is tokenized (and folded) as in the whole text.
  for (size_t guess = size_t{max_words} * 16 + 64; guess < text.size(); guess *= 2) {
    size_t cut = guess;
    while (cut > 0 && text[cut - 1] != ' ' && text[cut - 1] != '\n' && text[cut - 1] != '\t') --cut;
    if (cut == 0) continue;
    tokenize(text.substr(0, cut), t);
    uint32_t words = 0;
    for (const Token& tok : t.tokens) words += tok.is_word();
    if (words >= max_words) return;
  }
  tokenize(text, t);
}

}  // namespace marsad::internal
