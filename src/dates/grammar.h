// Internal: the date grammar. It reads atoms (atoms.h) and says what the words
// mean, before any reference time is applied (resolve.h does that).
//
// Each rule is a method that tries to read one form at an atom and returns
// where it ends; parse() keeps the longest reading that starts at an atom.
// Rules are plain recursive descent over a few dozen forms, because the forms
// nest (a weekday before a date, a clock after it, both ends of an interval)
// and every form needs its own guard against ordinary words: الخامسة is an
// hour only after الساعة, مارس a month only beside a number, a year or شهر.
//
//   Grammar g(atoms.data(), atoms.size(), opt);
//   Parse p;
//   if (g.parse(i, p)) ...   // atoms [i, p.end) are one expression
#pragma once

#include <climits>
#include <cstddef>

#include "dates/atoms.h"
#include "dates/lexicon.h"
#include "marsad/dates.h"
#include "marsad/timestamp.h"

namespace marsad::internal {

constexpr int kUnset = INT_MIN;

// One point in time as the words give it. Absolute parts are 0 when not said.
struct When {
  int year = 0, month = 0, day = 0;  // in `cal`
  Cal cal = Cal::kGregorian;
  int quarter = 0;                   // 1..4
  int half = 0;                      // 1..2 (النصف الأول من العام)
  int relday = kUnset;               // days from the reference: اليوم 0, أمس -1
  Grain period = Grain::kNone;       // الأسبوع الماضي: week ...
  int period_off = 0;                // ... -1
  Grain shift_unit = Grain::kNone;   // منذ يومين: day ...
  int shift = 0;                     // ... -2
  int weekday = -1;                  // 0 = Sunday
  int dir = kUnset;                  // الماضي/المقبل on a weekday, month or holiday
  int year_dir = kUnset;             // مارس من العام الماضي: the year is relative
  const Entry* holiday = nullptr;
  int hour = -1, minute = -1;        // clock
  int tz = kUnset;                   // minutes east of UTC the clock is written in
  Part part = Part::kNone;           // of the day
  Part mod = Part::kNone;            // of the period
  bool future = false;               // a future cue before a bare weekday or month

  Grain grain() const;
  bool has_date() const { return day > 0 || relday != kUnset || weekday >= 0 || (holiday && holiday->c > 0); }
  bool empty() const;
};

enum class Kind : uint8_t { kDatetime, kInterval, kDuration, kSet };

struct Parse {
  size_t end = 0;        // the atom after the expression
  Kind kind = Kind::kDatetime;
  When a, b;             // the point; an interval runs from a to the end of b
  Grain unit = Grain::kNone;  // durations, sets and rolling intervals: `count` units
  int count = 0;
  bool rolling = false;  // the last/next `count` units (negative = past): الأيام الثلاثة الماضية
  bool reject = false;   // shaped like a date but not one (31 فبراير): consumed, reported as nothing
};

class Grammar {
 public:
  Grammar(const Atom* atoms, size_t n, const DateOptions& opt) : A(atoms), n_(n), opt_(opt) {}
  // The longest expression that starts at atom i.
  bool parse(size_t i, Parse& out) const;

 private:
  // grammar.cc: helpers and the top level.
  // The role test is inline: most calls ask an atom for a role it lacks.
  const Entry* entry(size_t i, Role r, size_t& end) const { return is(i, r) ? find_entry(i, r, end) : nullptr; }
  const Entry* entry(size_t i, Role r) const {
    size_t e;
    const Entry* x = entry(i, r, e);
    return x != nullptr && e == i + 1 ? x : nullptr;
  }
  const Entry* find_entry(size_t i, Role r, size_t& end) const;
  bool is(size_t i, Role r) const { return i < n_ && A[i].is(r); }
  bool punct(size_t i, std::string_view p) const { return i < n_ && A[i].punct(p); }
  bool word(size_t i, std::string_view key) const { return i < n_ && A[i].key == key; }
  const Entry* number_entry(size_t i, bool ordinal) const;
  bool cardinal(size_t i, int64_t& v, size_t& e, bool* article = nullptr) const;
  bool ordinal(size_t i, int& v, size_t& e) const;
  bool future_cue(size_t i) const;
  bool continues_number(size_t i) const;
  bool interval(size_t i, Parse& p) const;
  bool rolling(size_t i, Parse& p) const;
  bool duration(size_t i, Parse& p) const;
  bool quantity(size_t i, Grain& unit, int& count, size_t& e, bool marked) const;
  bool set(size_t i, Parse& p) const;

  // date.cc: calendar dates, numeric dates, years, months.
  bool point(size_t i, When& w, size_t& e, bool& reject) const;
  bool single(size_t i, When& w, size_t& e, bool& reject) const;
  bool calendar_date(size_t i, When& w, size_t& e, bool& reject) const;
  bool month_ref(size_t i, When& w, size_t& e, bool& strong) const;
  bool after_month(size_t i, When& w, size_t& e) const;
  bool day_number(size_t i, int& d, size_t& e) const;
  bool numeric_date(size_t i, When& w, size_t& e, bool& reject) const;
  bool year_number(size_t i, When& w, size_t& e, bool need_mark) const;
  bool year_expr(size_t i, When& w, size_t& e) const;
  bool partial(size_t i, When& w, size_t& e) const;

  // relative.cc: weekdays, relative days, parts of the day, periods, shifts, holidays.
  bool weekday_expr(size_t i, When& w, size_t& e, bool& reject) const;
  bool relday_expr(size_t i, When& w, size_t& e) const;
  bool part_expr(size_t i, When& w, size_t& e) const;
  bool day_anchor(size_t i, When& w, size_t& e) const;
  bool period_expr(size_t i, When& w, size_t& e) const;
  bool quarter_expr(size_t i, When& w, size_t& e) const;
  bool shift_expr(size_t i, When& w, size_t& e) const;
  bool holiday_expr(size_t i, When& w, size_t& e) const;

  // clock.cc: clock times, time zones.
  bool clock_expr(size_t i, When& w, size_t& e) const;
  bool time_zone(size_t i, When& w, size_t& e) const;

  const Atom* A;
  size_t n_;
  const DateOptions& opt_;
};

// Whether an expression can start at atom a: a number, a bracket, الـ before a
// number, or a word with a role some rule starts with. Most words fail this one
// test, which keeps the scan fast.
inline bool may_open(const Atom& a) {
  constexpr uint64_t kOpeners = [] {
    uint64_t m = 0;
    for (Role r : {Role::kMonth, Role::kWeekday, Role::kNumber, Role::kUnit, Role::kHoliday, Role::kRelDay,
                   Role::kThis, Role::kPeriod, Role::kMod, Role::kPart, Role::kTonight, Role::kMidClock, Role::kYearWord,
                   Role::kDayWord, Role::kMonthWord, Role::kShift, Role::kDurMark, Role::kWithin, Role::kApprox,
                   Role::kEvery, Role::kSetAdv, Role::kFrom, Role::kBetween, Role::kAt, Role::kQuarter}) {
      m |= uint64_t{1} << static_cast<int>(r);
    }
    return m;
  }();
  return (a.roles & kOpeners) != 0 || a.kind == TokenKind::kNumber || a.key == "ال" || a.punct("(");
}

inline bool separator(const Atom& a) { return a.punct("/") || a.punct("-") || a.punct(".") || a.punct(":"); }

// Days a month can have when the year is not known.
inline int max_days(Cal cal, int month) {
  static const int kGregorian[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return cal == Cal::kHijri ? 30 : kGregorian[month - 1];
}

// Hijri months have 29 or 30 days, and which one is known only from the
// calendar's tables; writers date by the 30th before the month is fixed
// (1 إلى 30 /11 / 1436هـ), so day 30 stands (it falls on the next month's first
// day when the month has 29).
inline bool valid(Cal cal, int y, int m, int d) {
  if (cal == Cal::kHijri) return y >= 1 && y <= 1600 && m >= 1 && m <= 12 && d >= 1 && d <= 30;
  return y >= 1 && y <= 2200 && valid_date(y, m, d);
}

// Merges the parts `from` says into `into` where `into` says nothing.
void fill_from(When& into, const When& from);

}  // namespace marsad::internal
