// Calendar dates: day-month-year in words, numeric dates, years and months,
// and the point() that joins a date with a clock time.
#include <initializer_list>
#include <string_view>

#include "dates/grammar.h"

namespace marsad::internal {
namespace {

bool separator(const Atom& a) { return a.punct("/") || a.punct("-") || a.punct(".") || a.punct(":"); }

// Days a month can have when the year is not known.
int max_days(Cal cal, int month) {
  static const int kGregorian[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return cal == Cal::kHijri ? 30 : kGregorian[month - 1];
}

// Hijri months have 29 or 30 days, and which one is known only from the
// calendar's tables; writers date by the 30th before the month is fixed
// (1 إلى 30 /11 / 1436هـ), so day 30 stands (it falls on the next month's first
// day when the month has 29).
bool valid(Cal cal, int y, int m, int d) {
  if (cal == Cal::kHijri) return y >= 1 && y <= 1600 && m >= 1 && m <= 12 && d >= 1 && d <= 30;
  return y >= 1 && y <= 2200 && valid_date(y, m, d);
}

}  // namespace

// One point in time, then a clock after a day (10 دجنبر 2020 على الساعة 10) or
// a day after a clock (الساعة العاشرة من صباح اليوم).
bool Grammar::point(size_t i, When& w, size_t& e, bool& reject) const {
  if (!single(i, w, e, reject)) return false;
  if (reject) return true;
  if (w.hour < 0 && w.has_date()) {
    size_t j = e;
    if (punct(j, "،") || punct(j, ",")) ++j;
    if (word(j, "علي") || word(j, "في") || word(j, "عند")) ++j;
    if (word(j, "تمام")) ++j;
    When c;
    size_t ce;
    if (clock_expr(j, c, ce) && !c.has_date()) {
      w.hour = c.hour;
      w.minute = c.minute;
      w.tz = c.tz;
      if (w.part == Part::kNone) w.part = c.part;
      e = ce;
    }
  } else if (w.hour >= 0 && !w.has_date() && w.month == 0) {
    size_t j = e;
    if (word(j, "من")) ++j;
    if (word(j, "هذا")) ++j;  // الساعة الواحدة ظهرا من هذا اليوم الأحد
    When d;
    size_t de;
    if (day_anchor(j, d, de)) {
      d.hour = w.hour;
      d.minute = w.minute;
      d.tz = w.tz;
      if (d.part == Part::kNone) d.part = w.part;
      w = d;
      e = de;
    }
  }
  size_t ze;
  if (w.hour < 0 && time_zone(e, w, ze)) e = ze;  // فجر اليوم بتوقيت تونس
  return true;
}

// The longest single form at atom i.
bool Grammar::single(size_t i, When& w, size_t& e, bool& reject) const {
  bool found = false;
  e = i;
  auto take = [&](bool ok, const When& c, size_t ce, bool rej) {
    if (ok && ce > e) {
      w = c;
      e = ce;
      reject = rej;
      found = true;
    }
  };
  // Each form is tried on a fresh When; `take` keeps the longest.
  auto attempt = [&](auto form) {
    When c;
    size_t ce = 0;
    bool rej = false;
    bool ok = form(c, ce, rej);
    take(ok, c, ce, rej);
  };
  // Each form starts with a word of some role (or a number): test that before trying it.
  const Atom& a = A[i];
  bool num = a.kind == TokenKind::kNumber;
  auto has = [&](std::initializer_list<Role> roles) {
    for (Role r : roles) {
      if (a.is(r)) return true;
    }
    return false;
  };
  if (num) attempt([&](When& c, size_t& ce, bool& rej) { return numeric_date(i, c, ce, rej); });
  if (num || a.punct("(") || has({Role::kNumber, Role::kMonth, Role::kMonthWord})) {
    attempt([&](When& c, size_t& ce, bool& rej) { return calendar_date(i, c, ce, rej); });
  }
  if (num || has({Role::kYearWord})) attempt([&](When& c, size_t& ce, bool&) { return year_expr(i, c, ce); });
  if (has({Role::kDayWord, Role::kWeekday})) {
    attempt([&](When& c, size_t& ce, bool& rej) { return weekday_expr(i, c, ce, rej); });
  }
  if (has({Role::kDayWord, Role::kRelDay})) attempt([&](When& c, size_t& ce, bool&) { return relday_expr(i, c, ce); });
  if (has({Role::kPart, Role::kTonight})) attempt([&](When& c, size_t& ce, bool&) { return part_expr(i, c, ce); });
  if (has({Role::kMod, Role::kThis, Role::kPeriod})) {
    attempt([&](When& c, size_t& ce, bool&) { return period_expr(i, c, ce); });
  }
  if (has({Role::kQuarter})) attempt([&](When& c, size_t& ce, bool&) { return quarter_expr(i, c, ce); });
  if (has({Role::kShift})) attempt([&](When& c, size_t& ce, bool&) { return shift_expr(i, c, ce); });
  if (has({Role::kHoliday})) attempt([&](When& c, size_t& ce, bool&) { return holiday_expr(i, c, ce); });
  if (num || has({Role::kAt, Role::kMidClock, Role::kNumber})) {
    attempt([&](When& c, size_t& ce, bool&) { return clock_expr(i, c, ce); });
  }
  return found;
}

// A day of the month: 10, الخامس, الحادي والعشرين.
bool Grammar::day_number(size_t i, int& d, size_t& e) const {
  if (i < n_ && A[i].number() && A[i].digits <= 2 && A[i].num >= 1 && A[i].num <= 31) {
    if (i > 0 && A[i].glued && separator(A[i - 1])) return false;  // 3/10 يناير
    d = static_cast<int>(A[i].num);
    e = i + 1;
    return true;
  }
  int v;
  if (ordinal(i, v, e) && v >= 1 && v <= 31) {
    d = v;
    return true;
  }
  return false;
}

// [شهر] MONTH, with a paired name: أيلول/سبتمبر, مايو (أيار), (سبتمبر) أيلول, مايو أيار.
// `strong` says the month stands on its own (not an ambiguous name alone).
bool Grammar::month_ref(size_t i, When& w, size_t& e, bool& strong) const {
  size_t j = i, k;
  strong = false;
  if (const Entry* mw = entry(j, Role::kMonthWord); mw && mw->c == 0) {
    strong = true;
    ++j;
  }
  bool paren = punct(j, "(");
  const Entry* m = entry(paren ? j + 1 : j, Role::kMonth, k);
  if (m == nullptr) return false;
  if (j > 0 && j == i && (A[j - 1].key == "دي" || A[j - 1].key == "دو")) return false;  // دي مايو: a surname
  if (paren) {
    if (!punct(k, ")")) return false;
    ++k;
  }
  w.month = m->a;
  w.cal = static_cast<Cal>(m->b);
  strong = strong || m->c == 0;
  auto pair_at = [&](size_t q, size_t& qe) {
    const Entry* m2 = entry(q, Role::kMonth, qe);
    return m2 != nullptr && m2 != m && m2->a == m->a && m2->b == m->b;
  };
  size_t q;
  if ((punct(k, "/") || punct(k, "-")) && pair_at(k + 1, q)) {
    k = q;
    strong = true;
  } else if (punct(k, "(") && pair_at(k + 1, q) && punct(q, ")")) {
    k = q + 1;
    strong = true;
  } else if (pair_at(k, q)) {
    k = q;
    strong = true;
  } else if (paren) {
    return false;  // "(سبتمبر)" alone is a gloss, not a date
  }
  e = k;
  return true;
}

// What may follow a month: a year (2020, ، 2015, من عام 2020, 1445هـ), a relative
// year (من العام الماضي, من هذا العام) or a direction (الماضي).
bool Grammar::after_month(size_t i, When& w, size_t& e) const {
  size_t j = i;
  if (punct(j, "،") || punct(j, ",") || (punct(j, "/") && j + 1 < n_ && A[j + 1].number())) ++j;
  if (word(j, "من")) ++j;
  size_t k;
  if (const Entry* yw = entry(j, Role::kYearWord); yw && yw->c == 0) {
    if (year_number(j + 1, w, e, false)) return true;
    if (const Entry* d = entry(j + 1, Role::kDir); d && A[j].host.substr(0, 4) == "ال") {
      w.year_dir = d->a;
      e = j + 2;
      return true;
    }
  }
  if (entry(j, Role::kThis) && entry(j + 1, Role::kPeriod, k) && A[j + 1].is(Role::kYearWord)) {
    w.year_dir = 0;
    e = k;
    return true;
  }
  if (year_number(j, w, e, false)) return true;
  if (const Entry* d = entry(i, Role::kDir)) {
    w.dir = d->a;
    e = i + 1;
    return true;
  }
  return false;
}

// DAY [من] MONTH [YEAR], DAY من الشهر الجاري, MONTH [YEAR], شهر MONTH.
bool Grammar::calendar_date(size_t i, When& w, size_t& e, bool& reject) const {
  int d = 0;
  size_t j = i, k;
  if (day_number(i, d, k)) {
    j = k;
    if (punct(j, "/") && entry(j + 1, Role::kMonth)) ++j;  // 20 / شعبان / 1428
    if (word(j, "من")) {
      // الخامس من الشهر الجاري
      const Entry* p = entry(j + 1, Role::kPeriod);
      const Entry* dir = entry(j + 2, Role::kDir);
      if (p && static_cast<Grain>(p->a) == Grain::kMonth && dir) {
        w.day = d;
        w.period = Grain::kMonth;
        w.period_off = dir->a;
        e = j + 3;
        return true;
      }
      ++j;
    }
  }
  bool strong;
  if (!month_ref(j, w, k, strong)) return false;
  size_t ae;
  bool tail = after_month(k, w, ae);
  if (tail) k = ae;
  if (d == 0 && w.year == 0 && punct(k, "(")) {
    // Archive citations: شباط ( 28 / 2 / 1945 ), آب ( 1984 ).
    When nd;
    size_t ne;
    bool rej = false;
    if (numeric_date(k + 1, nd, ne, rej) && !rej && nd.day > 0 && nd.month == w.month && nd.cal == w.cal &&
        punct(ne, ")")) {
      d = nd.day, w.year = nd.year, k = ne + 1, tail = strong = true;
    } else if (year_number(k + 1, nd, ne, false) && nd.year >= 1000 && punct(ne, ")")) {
      w.year = nd.year, k = ne + 1, tail = strong = true;
    }
  }
  // « فبراير » alone in quotes names something (a site, a film), not a month.
  if (d == 0 && !tail && i > 0 && (A[i - 1].punct("«") || A[i - 1].punct("\"")) &&
      (punct(k, "»") || punct(k, "\""))) {
    return false;
  }
  if (d == 0 && !strong && !tail) {
    // في مارس, منذ رمضان: after a preposition of time the verb and the name readings fall away.
    static const std::string_view kBefore[] = {"في", "وفي", "خلال", "منذ", "ومنذ", "حتي", "وحتي", "قبل", "بعد"};
    bool before = false;
    for (std::string_view b : kBefore) before = before || (j == i && i > 0 && A[i - 1].key == b);
    if (!before) return false;
  }
  w.day = d;
  e = k;
  if (d > 0 && (d > max_days(w.cal, w.month) || (w.year > 0 && !valid(w.cal, w.year, w.month, d)))) reject = true;
  if (d == 0 && w.year == 0 && w.dir == kUnset && w.year_dir == kUnset) w.future = future_cue(i);
  return true;
}

// A year number (3-4 digits) with an optional era: 2019, 2019م, 1441هـ, 1441 هجري.
bool Grammar::year_number(size_t i, When& w, size_t& e, bool need_mark) const {
  if (i >= n_ || !A[i].number() || A[i].digits < 3 || A[i].digits > 4 || A[i].num < 1) return false;
  if (i + 2 < n_ && A[i + 1].glued && separator(A[i + 1]) && A[i + 2].glued && A[i + 2].number()) return false;
  if (i >= 2 && A[i].glued && separator(A[i - 1]) && A[i - 1].glued && A[i - 2].number()) return false;
  size_t k = i + 1;
  Cal cal = w.month > 0 ? w.cal : Cal::kGregorian;
  bool mark = false;
  if (const Entry* m = entry(k, Role::kYearMark)) {
    cal = static_cast<Cal>(m->a);
    mark = true;
    ++k;
  }
  if (need_mark && !mark) return false;
  int y = static_cast<int>(A[i].num);
  if (w.month > 0 && !mark && y < 1000) return false;
  if (cal == Cal::kHijri ? y > 1600 : (y > 2200 || (!mark && y < 100))) return false;
  // A Hijri month with a Gregorian year (رمضان 2019) keeps the month's calendar.
  if (w.month > 0 && w.cal != cal) return false;
  w.year = y;
  w.cal = cal;
  e = k;
  return true;
}

// عام 2020, لسنة 2026, العام 2020, سنة 2019م, 1441هـ, 2019م, في 2026.
bool Grammar::year_expr(size_t i, When& w, size_t& e) const {
  const Entry* yw = entry(i, Role::kYearWord);
  if (yw && yw->c == 0 && year_number(i + 1, w, e, false)) return true;
  // السنة المالية 2010, العام الدراسي 2019: a kind of year between the word and the number.
  static const std::string_view kKinds[] = {"الماليه", "المالي", "الدراسيه", "الدراسي", "الجامعيه", "الجامعي",
                                            "الفلاحيه", "الفلاحي", "القضائيه", "القضائي"};
  if (yw && yw->c == 0 && i + 2 < n_) {
    for (std::string_view kind : kKinds) {
      if (A[i + 1].key == kind && year_number(i + 2, w, e, false)) return true;
    }
  }
  if (yw && yw->c == 0 && punct(i + 1, "(") && year_number(i + 2, w, e, false) && punct(e, ")")) {
    ++e;  // عام ( 1325 ) هجري
    if (const Entry* mark = entry(e, Role::kYearMark)) {
      w.cal = static_cast<Cal>(mark->a);
      if (w.cal == Cal::kHijri && w.year > 1600) return false;
      ++e;
    }
    return true;
  }
  if (year_number(i, w, e, true)) return true;
  // A year alone in brackets, as archives and film titles cite it: ( 1948 ).
  if (i > 0 && punct(i - 1, "(") && punct(i + 1, ")") && A[i].digits == 4 && A[i].num >= opt_.bare_year_min &&
      A[i].num <= opt_.bare_year_max) {
    w.year = static_cast<int>(A[i].num);
    e = i + 1;
    return true;
  }
  // A bare four-digit year after a preposition of time, unless a noun follows
  // that it counts (في 2026 دولار).
  static const std::string_view kBefore[] = {"في", "وفي", "منذ", "ومنذ", "حتي", "وحتي", "قبل", "بعد",
                                              "خلال", "بحلول", "لغايه", "غايه", "مطلع", "اواخر"};
  if (i == 0 || i >= n_ || !A[i].number() || A[i].digits != 4) return false;
  if (A[i].num < opt_.bare_year_min || A[i].num > opt_.bare_year_max) return false;
  bool context = false;
  for (std::string_view b : kBefore) context = context || A[i - 1].key == b;
  // كأس العالم 2018, الانتفاضة الأولى 1987, قانون المالية ل2017: an event noun up to
  // three words back, with only words (or a glued ل) between.
  for (size_t back = 1; back <= 3 && back <= i && !context; ++back) {
    const Atom& b = A[i - back];
    if (b.kind != TokenKind::kArabic) break;
    context = b.is(Role::kEvent);
  }
  if (!context) return false;
  if (i + 1 < n_) {
    const Atom& next = A[i + 1];
    if (next.number() || next.is(Role::kCounted) || next.is(Role::kUnit) || next.key == "%" || next.key == "٪") return false;
    if (next.glued && separator(next) && i + 2 < n_ && A[i + 2].glued && A[i + 2].number()) return false;
  }
  w.year = static_cast<int>(A[i].num);
  e = i + 1;
  return true;
}

// 10/12/2020, 2020-12-10, 10.12.2020, 12/2020, 26 / 4 / 1947, 14-09-1432 هـ.
bool Grammar::numeric_date(size_t i, When& w, size_t& e, bool& reject) const {
  if (i >= n_ || A[i].kind != TokenKind::kNumber) return false;
  if (i >= 2 && A[i].glued && separator(A[i - 1]) && A[i - 1].glued && A[i - 2].kind == TokenKind::kNumber) return false;
  int64_t part[3] = {-1, -1, -1};
  int digits[3] = {0, 0, 0};
  int count = 0;
  size_t k = i;
  if (A[i].number()) {
    part[0] = A[i].num, digits[0] = A[i].digits, count = 1, k = i + 1;
    std::string_view sep;
    while (count < 3 && k + 1 < n_ && (A[k].punct("/") || A[k].punct("-")) && A[k + 1].number() &&
           (sep.empty() || A[k].key == sep)) {
      sep = A[k].key;
      part[count] = A[k + 1].num, digits[count] = A[k + 1].digits, ++count;
      k += 2;
    }
    if (count == 2 && sep != "/") return false;
  } else {
    // One token: the tokenizer keeps "10.12.2020" whole.
    std::string_view s = A[i].key;
    for (size_t p = 0; p <= s.size() && count <= 3; ++count) {
      size_t dot = s.find('.', p);
      std::string_view piece = s.substr(p, dot == std::string_view::npos ? std::string_view::npos : dot - p);
      if (count == 3 || piece.empty() || piece.size() > 4) return false;
      int64_t v = 0;
      for (char c : piece) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
      }
      part[count] = v, digits[count] = static_cast<int>(piece.size());
      if (dot == std::string_view::npos) p = s.size() + 1;
      else p = dot + 1;
    }
    if (count != 3) return false;
    k = i + 1;
  }
  if (count < 2) return false;
  if (k < n_ && A[k].glued && separator(A[k]) && k + 1 < n_ && A[k + 1].kind == TokenKind::kNumber) return false;
  int y, m, d = 0;
  if (count == 2) {
    if (digits[0] > 2 || digits[1] != 4) return false;
    y = static_cast<int>(part[1]), m = static_cast<int>(part[0]);
    if (m < 1 || m > 12 || y < 1000 || y > 2200) return false;
  } else if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) {
    y = static_cast<int>(part[0]), m = static_cast<int>(part[1]), d = static_cast<int>(part[2]);
  } else if (digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2) {
    y = static_cast<int>(part[2]);
    int a = static_cast<int>(part[0]), b = static_cast<int>(part[1]);
    d = opt_.day_first ? a : b, m = opt_.day_first ? b : a;
    if (m > 12 && d <= 12) std::swap(m, d);  // 05/22/2020 reads only one way
  } else {
    return false;
  }
  Cal cal = Cal::kGregorian;
  if (const Entry* mark = entry(k, Role::kYearMark)) {
    cal = static_cast<Cal>(mark->a);
    ++k;
  } else if (y >= 1300 && y <= 1500) {
    cal = Cal::kHijri;  // Gregorian years 1300-1500 are rare in news; Hijri ones are the norm
  }
  e = k;
  w.year = y, w.month = m, w.day = d, w.cal = cal;
  if (m < 1 || m > 12 || (d > 0 && !valid(cal, y, m, d)) || (cal == Cal::kGregorian && y < 1000)) reject = true;
  return true;
}

// The first end of an interval may leave out what the second gives:
// a day (من 13 إلى 15 تموز), a year (بين عامي 2010 و2015), a month, an hour.
bool Grammar::partial(size_t i, When& w, size_t& e) const {
  if (i >= n_) return false;
  if (A[i].number()) {
    if (A[i].digits <= 2 && A[i].num >= 1 && A[i].num <= 31) {
      w.day = static_cast<int>(A[i].num);
    } else if (A[i].digits == 4 && A[i].num >= 1000 && A[i].num <= 2200) {
      w.year = static_cast<int>(A[i].num);
    } else {
      return false;
    }
    e = i + 1;
    return true;
  }
  bool strong;
  return month_ref(i, w, e, strong);
}

}  // namespace marsad::internal
