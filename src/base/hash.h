// Internal: the two 64-bit mixers marsad hashes with. mix64 (splitmix64's
// finalizer) is behind the NER model's feature buckets and the store's MinHash
// shingles; fmix64 (MurmurHash3's finalizer) behind the topic model's bigram
// buckets. Trained models and stored signatures depend on their exact output:
// never change either.
//
//   uint64_t h = marsad::internal::mix64(a * 0x9E3779B97F4A7C15ULL + b);
#pragma once

#include <cstdint>

namespace marsad::internal {

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t fmix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace marsad::internal
