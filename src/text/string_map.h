// Internal: a hash map from byte strings (match keys) to values, for tables
// built at run time: gazetteer phrases, event triggers, per-thread word caches.
//
// The run-time sibling of the generated Lexicon (text/lexicon.h): open
// addressing with linear probing on XXH3, the key's high hash bits kept in the
// slot so that most probes end without touching a key, and all keys packed in
// one buffer. A lookup is one hash, a probe or two and one compare, with no
// allocation and no pointer chasing (std::unordered_map<std::string, …> costs
// a node and a string per entry, and a chain walk per lookup).
//
//   marsad::internal::StringMap<uint32_t> m;
//   m.insert("المغرب", 7);
//   if (const uint32_t* v = m.find("المغرب")) ...   // *v == 7
//
// Insert-only (and clear()). Pointers returned by find() stay valid until the
// next insert.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/lexicon.h"

namespace marsad::internal {

template <typename V>
class StringMap {
 public:
  StringMap() : slots_(kMinSlots) {}

  const V* find(std::string_view key) const { return find(key, lex_hash(key)); }
  V* find(std::string_view key) { return find(key, lex_hash(key)); }
  // With the key's lex_hash() already at hand.
  const V* find(std::string_view key, uint64_t h) const {
    const int64_t i = index_of(key, h);
    return i < 0 ? nullptr : &values_[static_cast<size_t>(i)];
  }
  V* find(std::string_view key, uint64_t h) {
    const int64_t i = index_of(key, h);
    return i < 0 ? nullptr : &values_[static_cast<size_t>(i)];
  }
  bool contains(std::string_view key) const { return index_of(key, lex_hash(key)) >= 0; }

  // Entries also have stable indices (0, 1, … in insertion order) until clear().
  int64_t find_index(std::string_view key, uint64_t h) const { return index_of(key, h); }
  V& at(size_t index) { return values_[index]; }
  const V& at(size_t index) const { return values_[index]; }
  // The key as stored: valid until the map changes.
  std::string_view key_at(size_t i) const { return std::string_view(arena_).substr(keys_[i].offset, keys_[i].length); }

  // The value stored under key, default-constructed first if absent.
  V& operator[](std::string_view key) { return *insert(key, V{}).first; }

  // Stores key → value unless key is present; returns the stored value and
  // whether it was inserted.
  std::pair<V*, bool> insert(std::string_view key, V value) {
    const uint64_t h = lex_hash(key);
    if (const int64_t i = index_of(key, h); i >= 0) return {&values_[static_cast<size_t>(i)], false};
    if ((values_.size() + 1) * 2 > slots_.size()) grow();
    place(h, static_cast<uint32_t>(values_.size()));
    keys_.push_back({static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(key.size())});
    arena_.append(key);
    values_.push_back(std::move(value));
    return {&values_.back(), true};
  }

  size_t size() const { return values_.size(); }
  // Room for n entries without rehashing or moving values.
  void reserve(size_t n) {
    values_.reserve(n);
    keys_.reserve(n);
    size_t slots = slots_.size();
    while (slots < 2 * n) slots *= 2;
    if (slots != slots_.size()) {
      slots_.assign(slots, Slot{});
      for (size_t i = 0; i < keys_.size(); ++i) place(lex_hash(key_at(i)), static_cast<uint32_t>(i));
    }
  }
  // Bytes held (slots, keys and the value array itself).
  size_t memory() const {
    return slots_.capacity() * sizeof(Slot) + keys_.capacity() * sizeof(KeyRef) + arena_.capacity() +
           values_.capacity() * sizeof(V);
  }
  // Empties the map, keeping its memory.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    keys_.clear();
    arena_.clear();
    values_.clear();
  }

  // Calls f(key, value) for every entry, in insertion order.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t i = 0; i < values_.size(); ++i) f(key_at(i), values_[i]);
  }
  template <typename F>
  void for_each(F&& f) {
    for (size_t i = 0; i < values_.size(); ++i) f(key_at(i), values_[i]);
  }

 private:
  static constexpr size_t kMinSlots = 16;
  struct Slot {
    uint32_t tag = 0;    // high 32 bits of the key's hash
    uint32_t index = 0;  // 1 + index into values_/keys_; 0 = empty
  };
  struct KeyRef {
    uint32_t offset, length;  // into arena_
  };

  int64_t index_of(std::string_view key, uint64_t h) const {
    const auto tag = static_cast<uint32_t>(h >> 32);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.index == 0) return -1;
      if (s.tag == tag) {
        const KeyRef& k = keys_[s.index - 1];
        if (k.length == key.size() && std::string_view(arena_.data() + k.offset, k.length) == key) {
          return static_cast<int64_t>(s.index - 1);
        }
      }
    }
  }

  void place(uint64_t h, uint32_t index) {
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = {static_cast<uint32_t>(h >> 32), index + 1};
  }

  void grow() {
    slots_.assign(slots_.size() * 2, Slot{});
    for (size_t i = 0; i < keys_.size(); ++i) place(lex_hash(key_at(i)), static_cast<uint32_t>(i));
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<KeyRef> keys_;
  std::string arena_;
  std::vector<V> values_;
};

}  // namespace marsad::internal
