// Calendar dates: day-month-year in words, numeric dates, years and months,
// and the point() that joins a date with a clock time.
#include <initializer_list>
#include <string_view>

#include "dates/grammar.h"

namespace marsad::internal {

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
  if (i >= n_) return false;
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

}  // namespace marsad::internal
