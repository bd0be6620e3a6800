// Intervals: من 13 إلى 15 تموز, يومي 25 و26 يونيو 2019, بين عامي 2010 و2015,
// من الاثنين إلى الجمعة, 2019/2020. The first end may leave out what the
// second end says (the month, the year); it takes it from there.
#include "dates/grammar.h"

namespace marsad::internal {
namespace {

// Compares two points that both carry absolute parts; 0 when they cannot be compared.
int compare(const When& a, const When& b) {
  if (a.cal != b.cal || a.year == 0 || b.year == 0) return 0;
  int x[] = {a.year, a.month, a.day, a.hour}, y[] = {b.year, b.month, b.day, b.hour};
  for (int k = 0; k < 4; ++k) {
    if (x[k] != y[k]) return x[k] < y[k] ? -1 : 1;
  }
  return 0;
}

bool bare_year(const When& w) { return w.year > 0 && w.month == 0 && w.day == 0 && w.hour < 0; }
bool bare_day(const When& w) { return w.day > 0 && w.month == 0 && w.year == 0; }

}  // namespace

bool Grammar::interval(size_t i, Parse& p) const {
  size_t j = i, k;
  enum { kNone, kFromTo, kBetween } opener = kNone;
  if (entry(j, Role::kBetween, k)) {
    opener = kBetween;
    j = k;
  } else if (entry(j, Role::kFrom)) {
    opener = kFromTo;
    ++j;
    if (word(j, "تاريخ")) ++j;  // من تاريخ 1 إلى 30 /11 / 1436هـ
  }
  // The dual construct: يومي 25 و26, عامي 2010 و2015, شهري يناير وفبراير.
  bool dual = false;
  for (Role r : {Role::kDayWord, Role::kYearWord, Role::kMonthWord}) {
    if (const Entry* d = entry(j, r); d && d->c == 1) {
      dual = true;
      ++j;
      break;
    }
  }
  if (j >= n_ || (opener != kNone && !may_open(A[j]))) return false;
  When x, y;
  size_t xe, ye;
  bool rej = false;
  // Without من/بين the first end is a bare number (25 و26 يونيو, 2019/2020):
  // a full date there is a list, not a span, and is left to the point rule.
  bool xfull = (opener != kNone || dual) && point(j, x, xe, rej) && !rej;
  if (!xfull) {
    x = When();
    if (!partial(j, x, xe)) return false;
    if (opener == kNone && !dual && !bare_day(x) && !bare_year(x)) return false;
  }
  // The joiner.
  size_t q = xe;
  bool conj = word(q, "و");
  if (conj) {
    if (opener == kFromTo) return false;
    ++q;
  } else if (q < n_ && A[q].conj && (opener == kBetween || dual) && !A[q].is(Role::kTo)) {
    // ومطلع 2016: the conjunction is part of the second end's first word
  } else if (entry(q, Role::kTo, k)) {
    if (opener == kBetween || dual) return false;
    q = k;
  } else if (punct(q, "-") || punct(q, "/")) {
    if (opener == kBetween || dual) return false;
    ++q;
  } else {
    return false;
  }
  bool yfull = point(q, y, ye, rej) && !rej;
  if (!yfull) {
    y = When();
    if (!partial(q, y, ye)) return false;
    // Bare numbers at both ends are years only with a context word or as a season (2019/2020).
    if (!bare_year(x) || !bare_year(y)) return false;
    if (ye < n_ && (A[ye].is(Role::kCounted) || A[ye].is(Role::kUnit))) return false;
  }
  // من 8 إلى 10 صباحا: the first number is an hour when the second end is a clock.
  if (!xfull && bare_day(x) && y.hour >= 0 && !y.has_date() && x.day <= 24) {
    x.hour = x.day;
    x.day = 0;
    if (x.hour < 12 && x.hour + 12 <= y.hour) x.hour += 12;
  }
  if (!xfull && bare_day(x) && !(y.day > 0 && y.month > 0)) return false;
  // 25 و26 يونيو is a span of two days; 2 و21 و30 ماي is a list, not a span.
  if (conj && opener == kNone && !dual && bare_day(x) && y.day != x.day + 1) return false;
  if (!xfull && bare_year(x) && !bare_year(y)) return false;
  if (!xfull && x.month > 0 && x.day == 0 && !(y.month > 0 && y.day == 0)) return false;
  if (bare_year(x) && bare_year(y) && !xfull && opener == kNone && !dual) {
    // A season or a span of years written 2019/2020 or 2010-2015: adjacent, both plausible years.
    if (!A[xe].glued || !A[q].glued || y.year <= x.year || y.year - x.year > 50 ||
        x.year < opt_.bare_year_min || y.year > opt_.bare_year_max) {
      return false;
    }
  }
  if (x.hour >= 0 && y.hour < 0) return false;
  if (x.grain() == Grain::kNone || y.grain() == Grain::kNone) return false;
  if (x.shift_unit != Grain::kNone || y.shift_unit != Grain::kNone) return false;
  fill_from(x, y);
  if (x.year > 0 && y.year > 0 && x.cal == y.cal && compare(x, y) >= 0) return false;
  p.kind = Kind::kInterval;
  p.a = x;
  p.b = y;
  p.end = ye;
  return true;
}

}  // namespace marsad::internal
