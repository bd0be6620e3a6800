// Internal: the date lexicons (data/dates/*.tsv), read once into one table.
//
// Every row of every file becomes an Entry under the match key of its first
// word; names of several words (كانون الثاني, أول أمس) keep the keys of the
// other words in `rest`. One word can hold several roles: الربع is a quarter
// and a quarter of an hour, عام a year word and a unit.
//
//   const marsad::internal::DateLexicon& lex = marsad::internal::DateLexicon::get();
//   for (const Entry& e : lex.find("دجنبر")) ...   // Role::kMonth, a = 12
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_map.h"

namespace marsad::internal {

enum class Grain : uint8_t { kNone, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear };
std::string_view grain_name(Grain g);

enum class Cal : uint8_t { kGregorian, kHijri };

// Parts of a day, then parts of a period (mod).
enum class Part : uint8_t { kNone, kDawn, kMorning, kNoon, kAfternoon, kEvening, kNight, kEarly, kMid, kLate };
std::string_view part_name(Part p);

enum class Role : uint8_t {
  kMonth,     // a = month, b = Cal, c = 1 when ambiguous
  kWeekday,   // a = 0 (Sunday) .. 6, c = 1 for the bare form (اثنين)
  kNumber,    // a = value, b = NumKind, c = 1 when the form carries the article
  kUnit,      // a = Grain, b = count (1 singular, 2 dual, 0 plural), c = 1 with the article, id = scale
  kHoliday,   // a = month, b = Cal, c = day (0 = whole month), id = holiday index
  kRelDay,    // a = day offset
  kDir,       // a = -1 | 0 | 1
  kThis,
  kPeriod,    // a = Grain
  kMod,       // a = Part (early|mid|late)
  kPart,      // a = Part (dawn .. night)
  kTonight,
  kMidClock,  // a = hour
  kTz,        // a = minutes east of UTC, c = 1 for "the reference's own"
  kTzMark,
  kFrac,      // a = minutes
  kMinus,
  kYearMark,  // a = Cal
  kYearWord,  // c = 1 for the dual construct (عامي)
  kDayWord,   // c = 1 for the dual construct (يومي)
  kMonthWord, // c = 1 for the dual construct (شهري)
  kShift,     // a = -1 | 1
  kDurMark,
  kWithin,
  kApprox,
  kEvery,
  kSetAdv,    // a = Grain
  kFrom,
  kTo,
  kBetween,
  kAt,
  kFuture,
  kCounted,
  kEvent,     // a noun that names an event by its year (كأس العالم 2018)
  kLast,      // a = 4
  kQuarter,   // a = 4 (quarter) | 2 (half)
};

enum NumKind : int32_t {
  kNumUnit, kNumCompound, kNumTen, kNumTens, kNumHundred, kNumThousand, kNumOrdinal, kNumMultiplier
};

struct Entry {
  Role role;
  int32_t a = 0, b = 0, c = 0;
  uint16_t id = 0;
  std::vector<std::string> rest;  // match keys of the words after the first
};

class DateLexicon {
 public:
  // Parsed on first use from the embedded files; immutable afterwards, so it is
  // shared by every thread without locks.
  static const DateLexicon& get();

  // Entries of the word whose match key is `key` (empty: not a date word).
  // They live as long as the program.
  std::span<const Entry> find(std::string_view key) const {
    const int64_t i = index_of(key);
    return i < 0 ? std::span<const Entry>() : entries_at(static_cast<size_t>(i));
  }
  // The key as stored (stable storage for a string_view).
  std::string_view stored_key(std::string_view key) const {
    const int64_t i = index_of(key);
    return i < 0 ? std::string_view() : key_at(static_cast<size_t>(i));
  }
  // Both in one probe: the index of `key` (-1 when absent), for key_at and
  // entries_at. make_atoms probes every word up to four times (its proclitics
  // taken off one by one), so a probe is its cost.
  int64_t index_of(std::string_view key) const {
    if (!maybe(key)) return -1;
    return map_.find_index(key, lex_hash(key));
  }
  std::string_view key_at(size_t i) const { return map_.key_at(i); }
  std::span<const Entry> entries_at(size_t i) const { return words_[i].entries; }
  // Bit (1 << Role) for every role of entries_at(i).
  uint64_t roles_at(size_t i) const { return words_[i].roles; }
  std::string_view holiday_id(uint16_t i) const { return holidays_[i]; }
  std::string_view version() const { return version_; }

  DateLexicon(const DateLexicon&) = delete;  // one table for the whole program
  DateLexicon& operator=(const DateLexicon&) = delete;

 private:
  DateLexicon();
  // A one-probe filter in front of the map: most words of a text are not date
  // words, and a signature of the length, the first four letters and the last
  // two (first 8 bytes, last 4) turns them away without hashing the whole word
  // (a loop over its bytes cost as much as the probe it saves). Four letters,
  // not two: ال begins half the words and most date words.
  static uint32_t signature(std::string_view k) {
    const size_t n = k.size();
    const char* p = k.data();
    uint64_t head = 0;
    uint32_t tail = 0;
    if (n >= 4) std::memcpy(&tail, p + n - 4, 4);
    // Fixed-size loads (a length-dependent memcpy is a call); short keys
    // overlap their two halves or take three bytes.
    if (n >= 8) {
      std::memcpy(&head, p, 8);
    } else if (n >= 4) {
      uint32_t lo;
      std::memcpy(&lo, p, 4);
      head = lo | uint64_t{tail} << 32;
    } else if (n > 0) {
      head = uint64_t{static_cast<unsigned char>(p[0])} | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
             uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
    }
    // Multiply-shift: the top 16 bits depend on every bit of the input.
    const uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ ((tail | uint64_t{n} << 32) * 0xC2B2AE3D27D4EB4Full);
    return static_cast<uint32_t>(h >> 48);
  }
  bool maybe(std::string_view k) const {
    const uint32_t sig = signature(k);
    return (filter_[sig >> 6] >> (sig & 63)) & 1;
  }
  void add(std::string_view name, Entry e);
  void load_months(std::string_view tsv);
  void load_weekdays(std::string_view tsv);
  void load_numbers(std::string_view tsv);
  void load_units(std::string_view tsv);
  void load_words(std::string_view tsv);
  void load_holidays(std::string_view tsv);

  StringMap<std::vector<Entry>> map_;
  // Every word's entries in one array: the map's own vectors are scattered
  // over the heap, and the grammar walks them for every candidate expression.
  std::vector<Entry> pool_;
  // By index of map_: what make_atoms reads of a date word, in one place.
  struct Word {
    std::span<const Entry> entries;  // into pool_
    uint64_t roles;
  };
  std::vector<Word> words_;
  std::vector<std::string> holidays_;
  uint64_t filter_[1024] = {};
  std::string version_;
};

}  // namespace marsad::internal
