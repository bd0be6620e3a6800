// Weekdays, relative days, parts of the day, relative periods, shifts (منذ
// يومين) and holidays: the forms whose value depends on the reference time.
#include "dates/grammar.h"

namespace marsad::internal {
namespace {

// ال and at least two letters: الي (إلى, folded) is a preposition, not ال + a word.
bool starts_with_article(std::string_view key) { return key.size() >= 8 && key.substr(0, 4) == "ال"; }

}  // namespace

// [يوم] WEEKDAY [DIR] [، | (] [الموافق] [DATE] [)]:  الاثنين, يوم الجمعة الماضي,
// الأربعاء 18 جانفي 2017, الاثنين (10 ديسمبر). Also يوم + a date or a relative day.
bool Grammar::weekday_expr(size_t i, When& w, size_t& e, bool& reject) const {
  size_t j = i;
  bool yom = false;
  if (const Entry* dw = entry(j, Role::kDayWord); dw && dw->c == 0) {
    yom = true;
    ++j;
  }
  const Entry* wd = entry(j, Role::kWeekday);
  if (wd == nullptr) {
    if (!yom) return false;
    size_t de;
    if (relday_expr(j, w, de) || ((numeric_date(j, w, de, reject) || calendar_date(j, w, de, reject)) && w.day > 0)) {
      e = de;
      return true;
    }
    return false;
  }
  if (wd->c == 1 && !yom) return false;
  w.weekday = wd->a;
  size_t k = j + 1;
  if (const Entry* dir = entry(k, Role::kDir)) {
    w.dir = dir->a;
    ++k;
  }
  e = k;
  size_t q = k;
  if (punct(q, "،") || punct(q, ",")) ++q;
  bool paren = punct(q, "(");
  if (paren) ++q;
  if (word(q, "الموافق")) ++q;
  When d;
  size_t de;
  bool rej = false;
  bool got = numeric_date(q, d, de, rej);
  if (!got) {
    d = When();
    got = calendar_date(q, d, de, rej);
  }
  if (got && (rej || d.day > 0)) {
    if (paren && punct(de, ")")) ++de;
    if (rej) {
      reject = true;
      e = de;
      return true;
    }
    d.weekday = w.weekday;
    w = d;
    e = de;
    return true;
  }
  if (w.dir == kUnset) w.future = future_cue(i);
  return true;
}

// [يوم] RELDAY [، | (] [WEEKDAY ...] [)]: اليوم, يوم أمس, أمس الاثنين, اليوم (الأربعاء).
bool Grammar::relday_expr(size_t i, When& w, size_t& e) const {
  size_t j = i, k;
  bool yom = false;
  if (const Entry* dw = entry(j, Role::kDayWord); dw && dw->c == 0) {
    yom = true;
    ++j;
  }
  const Entry* rd = entry(j, Role::kRelDay, k);
  if (rd == nullptr) return false;
  std::string_view host = A[j].host;
  if (k == j + 1) {
    // الغد is also a newspaper and a party; alone it needs يوم or a part of the day.
    if ((host == "الغد" || host == "غد") && !yom && !(i > 0 && A[i - 1].is(Role::kPart))) return false;
    // اليوم الوطني, اليوم التالي, اليوم الأول are days, not today.
    if (host == "اليوم" && k < n_ && A[k].kind == TokenKind::kArabic && starts_with_article(A[k].key) &&
        !A[k].is(Role::kWeekday) && !A[k].is(Role::kPart)) {
      return false;
    }
    if (host == "اليوم" && (word(k, "نفسه") || word(k, "ذاته"))) return false;
    // في اليوم is "per day" (4 حقن في اليوم); نفس اليوم, ذلك اليوم point elsewhere.
    if (host == "اليوم" && j > 0 && A[j].key == host &&
        (word(j - 1, "في") || word(j - 1, "نفس") || word(j - 1, "ذلك") || word(j - 1, "ذات") || word(j - 1, "تلك"))) {
      return false;
    }
  }
  w.relday = rd->a;
  e = k;
  size_t q = k;
  if (punct(q, "،") || punct(q, ",")) ++q;
  bool paren = punct(q, "(");
  if (paren) ++q;
  When d;
  size_t de;
  bool rej = false;
  if (const Entry* wd = entry(q, Role::kWeekday); wd && wd->c == 0 && weekday_expr(q, d, de, rej) && !rej) {
    if (paren) {
      if (!punct(de, ")")) return true;
      ++de;
    }
    d.relday = w.relday;
    w = d;
    e = de;
  } else if (!paren) {
    rej = false;
    d = When();
    bool got = numeric_date(q, d, de, rej) || ((d = When()), calendar_date(q, d, de, rej));
    if (got && !rej && d.day > 0 && d.month > 0 && d.year > 0) {
      w = d;  // the date says which day; the relative day only confirms it
      e = de;
    }
  }
  return true;
}

// PART [يوم] ANCHOR: صباح اليوم, مساء أمس, فجر الخميس, صباح الغد, ليلة الاثنين;
// and الليلة (tonight), الليلة الماضية.
bool Grammar::part_expr(size_t i, When& w, size_t& e) const {
  if (const Entry* t = entry(i, Role::kTonight)) {
    // الليلة الفاصلة, في الليلة: a night, not tonight.
    if (i + 1 < n_ && A[i + 1].kind == TokenKind::kArabic && starts_with_article(A[i + 1].key) &&
        !A[i + 1].is(Role::kDir)) {
      return false;
    }
    if (i > 0 && (word(i - 1, "في") || word(i - 1, "تلك") || word(i - 1, "نفس"))) return false;
    w.relday = 0;
    w.part = static_cast<Part>(t->a);
    e = i + 1;
    if (const Entry* d = entry(i + 1, Role::kDir); d && d->a != 0) {
      w.relday = d->a;
      e = i + 2;
    }
    return true;
  }
  size_t k;
  const Entry* p = entry(i, Role::kPart, k);
  if (p == nullptr) return false;
  When d;
  size_t de;
  bool rej = false;
  bool ok = relday_expr(k, d, de) || (weekday_expr(k, d, de, rej) && !rej && d.has_date()) ||
            (calendar_date(k, d, de, rej) && !rej && d.day > 0) || (numeric_date(k, d, de, rej) && !rej && d.day > 0);
  if (!ok) return false;
  d.part = static_cast<Part>(p->a);
  w = d;
  e = de;
  return true;
}

// What a clock can hang on: a part of a day, a relative day, a weekday, a date.
bool Grammar::day_anchor(size_t i, When& w, size_t& e) const {
  bool rej = false;
  if (part_expr(i, w, e)) return true;
  w = When();
  if (relday_expr(i, w, e)) return true;
  w = When();
  if (weekday_expr(i, w, e, rej) && !rej && w.has_date()) return true;
  w = When();
  rej = false;
  if ((calendar_date(i, w, e, rej) || numeric_date(i, w, e, rej)) && !rej && w.day > 0) return true;
  return false;
}

// [MOD [من]] (هذا PERIOD | PERIOD DIR | PERIOD) | MOD MONTH | MOD YEAR:
// الأسبوع الماضي, هذا العام, مطلع الشهر الجاري, نهاية الأسبوع, أواخر 2019, منتصف مارس.
bool Grammar::period_expr(size_t i, When& w, size_t& e) const {
  size_t j = i, k;
  Part mod = Part::kNone;
  if (const Entry* m = entry(j, Role::kMod)) {
    mod = static_cast<Part>(m->a);
    ++j;
    if (word(j, "من")) return false;  // بداية من شهر مارس: "starting from", not "the beginning of"
  }
  const Entry* p = nullptr;
  if (entry(j, Role::kThis) && (p = entry(j + 1, Role::kPeriod, k))) {
    w.period_off = 0;
  } else if ((p = entry(j, Role::kPeriod, k))) {
    if (const Entry* d = entry(k, Role::kDir)) {
      w.period_off = d->a;
      ++k;
    } else if (mod == Part::kNone) {
      return false;
    } else {
      w.period_off = 0;
    }
  }
  if (p != nullptr) {
    w.period = static_cast<Grain>(p->a);
    w.mod = mod;
    e = k;
    When y;
    size_t ye;
    if (w.period == Grain::kYear && year_number(e, y, ye, false)) {
      w.period = Grain::kNone;  // العام 2015: an absolute year, named again
      w.year = y.year;
      w.cal = y.cal;
      e = ye;
    }
    return true;
  }
  if (mod == Part::kNone) return false;
  bool rej = false;
  if (calendar_date(j, w, e, rej) && !rej && w.day == 0) {
    w.mod = mod;
    return true;
  }
  w = When();
  if (year_expr(j, w, e)) {
    w.mod = mod;
    return true;
  }
  if (j < n_ && A[j].digits == 4 && A[j].num >= opt_.bare_year_min && A[j].num <= opt_.bare_year_max) {
    w.year = static_cast<int>(A[j].num);  // مطلع 2019
    w.mod = mod;
    e = j + 1;
    return true;
  }
  return false;
}

// الربع الأول من العام الجاري, الربع الثالث من 2019, الربع الأخير, النصف الأول من العام.
bool Grammar::quarter_expr(size_t i, When& w, size_t& e) const {
  const Entry* q = entry(i, Role::kQuarter);
  if (q == nullptr) return false;
  int v;
  size_t k;
  if (const Entry* last = entry(i + 1, Role::kLast)) {
    v = q->a;
    k = i + 2;
    (void)last;
  } else if (!ordinal(i + 1, v, k) || v < 1 || v > q->a) {
    return false;
  }
  size_t j = k;
  if (word(j, "من") || word(j, "في")) ++j;
  When y;
  size_t ye;
  bool has_year = false;
  if (const Entry* yw = entry(j, Role::kYearWord); yw && yw->c == 0) {
    if (year_number(j + 1, y, ye, false)) {
      has_year = true;
    } else if (const Entry* d = entry(j + 1, Role::kDir)) {
      y.year_dir = d->a, ye = j + 2, has_year = true;
    } else if (starts_with_article(A[j].host)) {
      y.year_dir = 0, ye = j + 1, has_year = true;  // من العام: the current one
    }
  } else if (entry(j, Role::kThis) && A[j + 1 < n_ ? j + 1 : j].is(Role::kYearWord)) {
    y.year_dir = 0, ye = j + 2, has_year = true;
  } else if (year_number(j, y, ye, false)) {
    has_year = true;
  }
  // النصف الأول is as often a match half as a year half, الفصل الثاني a chapter or a school term.
  if (!has_year && (q->a == 2 || q->c == 1)) return false;
  w.year = y.year;
  w.year_dir = has_year ? y.year_dir : 0;
  if (q->a == 4) w.quarter = v;
  else w.half = v;
  e = has_year ? ye : k;
  return true;
}

// منذ يومين, قبل ثلاثة أيام, بعد أسبوعين, منذ نحو عامين, قبل عام.
bool Grammar::shift_expr(size_t i, When& w, size_t& e) const {
  const Entry* s = entry(i, Role::kShift);
  if (s == nullptr) return false;
  Grain unit;
  int count;
  size_t k;
  if (!quantity(i + 1, unit, count, k, true)) return false;
  // بعد 1400 سنة counts from some other event; a shift from the reference stays near it.
  static const int kMax[] = {0, 0, 100000, 10000, 3650, 520, 1200, 400, 200};
  if (count > kMax[static_cast<int>(unit)]) return false;
  // قبل ثلاثة أيام من الهجوم counts from another event, not from the reference.
  if (A[i].host != "منذ" && (word(k, "من") || word(k, "علي"))) return false;
  w.shift_unit = unit;
  w.shift = s->a * count;
  e = k;
  return true;
}

// عيد الفطر [المبارك] [DIR] [YEAR]: عيد الأضحى الماضي, عيد الفطر لعام 1440هـ.
bool Grammar::holiday_expr(size_t i, When& w, size_t& e) const {
  size_t k;
  const Entry* h = entry(i, Role::kHoliday, k);
  if (h == nullptr) return false;
  w.holiday = h;
  if (const Entry* d = entry(k, Role::kDir)) {
    w.dir = d->a;
    ++k;
  }
  When y;
  size_t ye;
  if (year_expr(k, y, ye) || year_number(k, y, ye, false)) {
    w.year = y.year, k = ye;
  }
  e = k;
  return true;
}

}  // namespace marsad::internal
