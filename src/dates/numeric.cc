// Numeric dates and years: 10/12/2020, 2020-12-10, 12/2020, عام 2020, 2019م,
// 1441هـ, في 2026, كأس العالم 2018; and the partial first ends of intervals.
#include <string_view>
#include <utility>

#include "dates/grammar.h"

namespace marsad::internal {

// A year number (3-4 digits) with an optional era: 2019, 2019م, 1441هـ, 1441 هجري.
bool Grammar::year_number(size_t i, When& w, size_t& e, bool need_mark) const {
  if (i >= n_ || !A[i].number() || A[i].digits < 3 || A[i].digits > 4 || A[i].num < 1) return false;
  if (i + 2 < n_ && A[i + 1].glued && separator(A[i + 1]) && A[i + 2].glued && A[i + 2].number()) return false;
  if (i >= 2 && A[i].glued && separator(A[i - 1]) && A[i - 1].glued && A[i - 2].number()) return false;
  size_t k = i + 1;
  Cal cal = w.month > 0 ? w.cal : Cal::kGregorian;
  bool mark = false;
  if (const Entry* m = entry(k, Role::kYearMark)) {
    // م.د (مليون دينار) and م.ج: an abbreviation, not the era.
    bool abbreviation = k + 2 < n_ && A[k + 1].glued && A[k + 1].punct(".") && A[k + 2].glued &&
                        A[k + 2].kind == TokenKind::kArabic;
    if (!abbreviation) {
      cal = static_cast<Cal>(m->a);
      mark = true;
      ++k;
    }
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
