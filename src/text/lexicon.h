// Internal: read-only hash tables of match keys, generated at build time.
//
// tools/gen_data.cc reads a TSV from data/, folds each key with
// make_match_key(), and writes a C++ file holding an open-addressing table
// (XXH3, linear probing, load <= 0.5). Lookups cost one hash and a probe or
// two; there is no start-up work and no file to find at run time.
//
//   const marsad::internal::Lexicon& words = marsad::internal::wordfreq();
//   uint32_t n = words.get("المغرب");   // 0 when absent
#pragma once

#include <cstdint>
#include <string_view>

#include <xxhash.h>

namespace marsad::internal {

// XXH3: fast on the short keys that words are; the same function at build
// time (tools/gen_data.cc) and at run time.
inline uint64_t lex_hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

struct LexSlot {
  uint32_t offset;  // into blob; UINT32_MAX = empty slot
  uint32_t length;
  uint32_t value;
  uint32_t tag;     // high 32 bits of the key's hash: most probes end here without touching the blob
};

class Lexicon {
 public:
  constexpr Lexicon(const char* blob, const LexSlot* slots, uint32_t mask, uint32_t size)
      : blob_(blob), slots_(slots), mask_(mask), size_(size) {}

  // Value stored for key (a match key), or `missing`.
  uint32_t get(std::string_view key, uint32_t missing = 0) const {
    const uint64_t h = lex_hash(key);
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      const LexSlot& s = slots_[i];
      if (s.offset == UINT32_MAX) return missing;
      if (s.tag == tag && s.length == key.size() && std::string_view(blob_ + s.offset, s.length) == key) {
        return s.value;
      }
    }
  }
  bool contains(std::string_view key) const { return get(key, UINT32_MAX) != UINT32_MAX; }
  uint32_t size() const { return size_; }

 private:
  const char* blob_;
  const LexSlot* slots_;
  uint32_t mask_;
  uint32_t size_;
};

// Generated tables (see src/text/CMakeLists.txt).
const Lexicon& wordfreq();     // data/text/wordfreq.tsv: form -> corpus count
const Lexicon& clitic_guard();  // data/text/clitic_guard.tsv: words never split -> 1

}  // namespace marsad::internal
