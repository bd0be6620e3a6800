// The top level of the grammar, numbers, and the forms built on counts of
// units: intervals, rolling windows, durations and sets.
#include "dates/grammar.h"

#include "marsad/clitics.h"

namespace marsad::internal {

Grain When::grain() const {
  if (hour >= 0) return minute >= 0 ? Grain::kMinute : Grain::kHour;
  if (shift_unit != Grain::kNone) return shift_unit;
  if (has_date()) return Grain::kDay;
  if (period != Grain::kNone) return period;
  if (quarter > 0) return Grain::kQuarter;
  if (month > 0 || half > 0 || holiday) return Grain::kMonth;
  if (year > 0 || year_dir != kUnset) return Grain::kYear;
  return Grain::kNone;
}

bool When::empty() const { return grain() == Grain::kNone; }

void fill_from(When& into, const When& from) {
  bool has_day = into.has_date();
  if (into.hour >= 0 && !has_day && into.month == 0) {  // من 8 إلى 10 صباح الأحد
    into.day = from.day;
    into.relday = from.relday;
    into.weekday = from.weekday;
    into.holiday = from.holiday;
  }
  if (into.day > 0 && into.month == 0) {  // من 13 إلى 15 تموز
    into.month = from.month;
    into.cal = from.cal;
  }
  if ((into.day > 0 || into.month > 0) && into.year == 0 && into.year_dir == kUnset) {
    into.year = from.year;
    into.year_dir = from.year_dir;
    if (into.dir == kUnset) into.dir = from.dir;
    if (into.month == from.month) into.cal = from.cal;
  }
  if (into.hour >= 0 && into.part == Part::kNone) into.part = from.part;
  into.future = into.future || from.future;
}

// The longest entry of role r that starts at atom i; multi-word names must match
// the following atoms' keys exactly.
const Entry* Grammar::entry(size_t i, Role r, size_t& end) const {
  if (i >= n_ || !A[i].is(r)) return nullptr;
  for (const Entry& e : *A[i].entries) {
    if (e.role != r || i + 1 + e.rest.size() > n_) continue;
    bool ok = true;
    for (size_t k = 0; k < e.rest.size() && ok; ++k) ok = A[i + 1 + k].key == e.rest[k];
    if (ok) {
      end = i + 1 + e.rest.size();
      return &e;
    }
  }
  return nullptr;
}

const Entry* Grammar::entry(size_t i, Role r) const {
  size_t e;
  const Entry* x = entry(i, r, e);
  return x != nullptr && e == i + 1 ? x : nullptr;
}

// The number entry of atom i that reads as an ordinal (الخامس, العشرين) or as a
// cardinal: الواحدة is both, "one" with the article and the hour "one o'clock".
const Entry* Grammar::number_entry(size_t i, bool ordinal) const {
  if (i >= n_ || A[i].entries == nullptr) return nullptr;
  for (const Entry& e : *A[i].entries) {
    if (e.role != Role::kNumber || !e.rest.empty()) continue;
    bool is_ordinal = e.b == kNumOrdinal || (e.b == kNumTens && e.c == 1);
    if (ordinal ? is_ordinal : (e.b != kNumOrdinal && e.b != kNumMultiplier)) return &e;
  }
  return nullptr;
}

// A cardinal in digits or words: 3, الـ24, ثلاثة, خمسة عشر, خمس وعشرين, مائة وعشرين.
bool Grammar::cardinal(size_t i, int64_t& v, size_t& e, bool* article) const {
  if (article) *article = false;
  if (i >= n_) return false;
  if (A[i].number()) {
    v = A[i].num;
    e = i + 1;
    if (const Entry* m = entry(e, Role::kNumber); m && (m->b == kNumMultiplier || (m->b == kNumThousand && m->a == 1000))) {  // 50 ألف
      v *= m->a;
      ++e;
    }
    return true;
  }
  if (A[i].key == "ال" && i + 1 < n_ && A[i + 1].glued && A[i + 1].number()) {  // الـ24
    v = A[i + 1].num;
    e = i + 2;
    if (article) *article = true;
    return true;
  }
  const Entry* first = number_entry(i, false);
  if (first == nullptr) return false;
  if (article) *article = first->c == 1;
  v = first->a;
  e = i + 1;
  const Entry* next = entry(i + 1, Role::kNumber);
  switch (first->b) {
    case kNumUnit:
    case kNumCompound:
      if (next && next->b == kNumTen && !A[i + 1].conj && next->c == 0) {  // خمسة عشر
        v += 10;
        e = i + 2;
      } else if (next && next->b == kNumTens && A[i + 1].conj) {  // خمس وعشرين
        v += next->a;
        e = i + 2;
      } else if (first->b == kNumCompound) {
        return false;
      }
      return true;
    case kNumHundred:
    case kNumThousand:
      if (next && A[i + 1].conj && next->b != kNumOrdinal) {  // مائة وعشرين
        int64_t rest;
        size_t re;
        if (next->b != kNumHundred && next->b != kNumThousand && cardinal(i + 1, rest, re) && rest < first->a) {
          v += rest;
          e = re;
        }
      }
      return true;
    default: return true;  // ten, tens
  }
}

// An ordinal: الخامس, الحادي عشر, الثانية عشرة, الحادي والعشرين, العشرين.
bool Grammar::ordinal(size_t i, int& v, size_t& e) const {
  const Entry* first = number_entry(i, true);
  if (first == nullptr) return false;
  if (first->b == kNumTens && first->c == 1) {  // العشرين, الثلاثين
    v = first->a;
    e = i + 1;
    return true;
  }
  if (first->b != kNumOrdinal) return false;
  v = first->a;
  e = i + 1;
  const Entry* next = entry(i + 1, Role::kNumber);
  if (next && next->b == kNumTen && next->c == 0 && !A[i + 1].conj) {
    v += 10;
    e = i + 2;
  } else if (next && next->b == kNumTens && next->c == 1 && A[i + 1].conj) {
    v += next->a;
    e = i + 2;
  } else if (A[i].host == "الحادي" || A[i].host == "الحاديه") {
    return false;  // only inside a compound
  }
  return true;
}

// والثلاثين after العشرين: the second half of "between twenty and thirty";
// a count read from here would be half a number.
bool Grammar::continues_number(size_t i) const {
  if (i == 0 || i >= n_ || !A[i].conj) return false;
  const Atom& prev = A[i - 1];
  return prev.number() || prev.is(Role::kNumber);
}

// A word before atom i, in the same sentence, that puts the event ahead:
// سوف, المقرر, or a verb with the future prefix (سيزور, ستعقد).
bool Grammar::future_cue(size_t i) const {
  for (size_t k = 0; k < 10 && k < i; ++k) {
    const Atom& a = A[i - 1 - k];
    if (a.stop()) break;
    if (a.is(Role::kFuture)) return true;
    if (a.kind == TokenKind::kArabic && a.entries == nullptr && a.key.size() >= 6 && a.key.size() < 40 &&
        analyze_clitics(a.key).has(CliticRole::kFuture)) {
      return true;
    }
  }
  return false;
}

// A count of units: ثلاثة أيام, 21 يوما, يومين, ساعة واحدة, ثلاثة عقود, (with a
// marker) عام, ربع قرن, نحو عامين.
bool Grammar::quantity(size_t i, Grain& unit, int& count, size_t& e, bool marked) const {
  size_t j = i, k, ue;
  if (entry(j, Role::kApprox, k)) j = k;
  if (continues_number(j)) return false;
  int64_t v;
  bool article;
  if (cardinal(j, v, k, &article) && !article && v >= 1 && v <= 1000000000) {
    const Entry* u = entry(k, Role::kUnit, ue);
    if (u == nullptr || u->c == 1 || u->b == 2 || A[k].key != A[k].host) return false;
    unit = static_cast<Grain>(u->a);
    count = static_cast<int>(std::min<int64_t>(v * u->id, 1000000000));
    e = ue;
    return true;
  }
  const Entry* u = entry(j, Role::kUnit, ue);
  if (u == nullptr || u->c == 1) return false;
  const Entry* one = entry(ue, Role::kNumber);
  if (u->b == 1 && one && one->a == 1 && one->b == kNumUnit && !A[ue].conj) {
    count = u->id;  // ساعة واحدة, يوم واحد
    ++ue;
  } else if (u->b == 2 && (u->id == 1 || marked)) {
    count = 2 * u->id;
  } else if (u->b == 1 && marked) {
    // عام 2015 and يوم الاثنين name a time, they do not count one.
    const Atom* next = ue < n_ ? &A[ue] : nullptr;
    if (next && (next->number() || next->is(Role::kWeekday) || next->is(Role::kMonth) || next->is(Role::kRelDay))) {
      return false;
    }
    count = u->id;
  } else {
    return false;
  }
  unit = static_cast<Grain>(u->a);
  e = ue;
  return true;
}

// لمدة ثلاثة أيام, خلال أسبوعين, عشرين عاما, يومين.
bool Grammar::duration(size_t i, Parse& p) const {
  size_t j = i, k;
  bool marked = false;
  if (entry(j, Role::kDurMark, k) || entry(j, Role::kWithin, k)) {
    j = k;
    marked = true;
  } else if (i > 0 && A[i - 1].is(Role::kShift)) {
    marked = true;  // قبل أسبوع من الجولة: the shift words stay out, the count is a duration
  }
  if (!quantity(j, p.unit, p.count, p.end, marked)) return false;
  p.kind = Kind::kDuration;
  return true;
}

// The last or next N units: الساعات الـ24 الماضية, الأيام الثلاثة الماضية,
// الـ5 سنوات الماضية, الأسبوعين الماضيين, خلال السنوات الخمس المقبلة.
bool Grammar::rolling(size_t i, Parse& p) const {
  size_t j = i, k;
  if (entry(j, Role::kWithin, k) || entry(j, Role::kDurMark, k)) j = k;
  int64_t v = 0;
  bool article = false;
  if (continues_number(j)) return false;
  const Entry* u = entry(j, Role::kUnit);
  size_t d;
  if (u && u->c == 1 && u->b == 0 && cardinal(j + 1, v, d, &article) && article) {
  } else if (u && u->c == 1 && u->b == 2) {
    v = 2;
    d = j + 1;
  } else if (cardinal(j, v, k, &article) && article && (u = entry(k, Role::kUnit)) && u->c == 0 && u->b != 2) {
    d = k + 1;
  } else {
    return false;
  }
  const Entry* dir = entry(d, Role::kDir);
  if (dir == nullptr || dir->a == 0 || v < 1 || v > 10000) return false;
  p.kind = Kind::kInterval;
  p.rolling = true;
  p.unit = static_cast<Grain>(u->a);
  p.count = static_cast<int>(v) * dir->a;
  p.end = d + 1;
  return true;
}

// كل يوم اثنين, كل جمعة, كل عام, كل أربع سنوات, كل صباح, يوميا.
bool Grammar::set(size_t i, Parse& p) const {
  // الساعة الثالثة مساء أيام الجمعة: a clock before a set is the set's time of day.
  When c;
  size_t ce;
  if (entry(i, Role::kAt) && clock_expr(i, c, ce) && !c.has_date()) {
    if (set(ce, p)) {
      p.a.hour = c.hour;
      p.a.minute = c.minute;
      return true;
    }
    p = Parse();
  }
  p.kind = Kind::kSet;
  p.count = 1;
  if (const Entry* s = entry(i, Role::kSetAdv)) {
    p.unit = static_cast<Grain>(s->a);
    p.end = i + 1;
    return true;
  }
  if (const Entry* u = entry(i, Role::kUnit); u && u->b == 0 && u->c == 0 && static_cast<Grain>(u->a) == Grain::kDay) {
    if (const Entry* wd = entry(i + 1, Role::kWeekday); wd && wd->c == 0) {  // أيام الجمعة: Fridays
      p.unit = Grain::kWeek;
      p.a.weekday = wd->a;
      p.end = i + 2;
      return true;
    }
  }
  if (!entry(i, Role::kEvery)) return false;
  size_t j = i + 1;
  if (entry(j, Role::kDayWord) && entry(j + 1, Role::kWeekday)) ++j;
  if (const Entry* wd = entry(j, Role::kWeekday)) {
    p.unit = Grain::kWeek;
    p.a.weekday = wd->a;
    p.end = j + 1;
    return true;
  }
  if (const Entry* part = entry(j, Role::kPart)) {
    p.unit = Grain::kDay;
    p.a.part = static_cast<Part>(part->a);
    p.end = j + 1;
    return true;
  }
  int64_t v;
  size_t k;
  if (cardinal(j, v, k) && v >= 1 && v <= 1000) {
    const Entry* u = entry(k, Role::kUnit);
    if (u == nullptr || u->c == 1) return false;
    p.unit = static_cast<Grain>(u->a);
    p.count = static_cast<int>(v);
    p.end = k + 1;
    return true;
  }
  const Entry* u = entry(j, Role::kUnit);
  if (u == nullptr || u->c == 1 || u->b != 1) return false;
  p.unit = static_cast<Grain>(u->a);
  p.end = j + 1;
  return true;
}

bool Grammar::parse(size_t i, Parse& out) const {
  bool found = false;
  auto consider = [&](const Parse& c) {
    if (!found || c.end > out.end) {
      out = c;
      found = true;
    }
  };
  const Atom& a = A[i];
  bool num = a.kind == TokenKind::kNumber || a.is(Role::kNumber) || a.key == "ال";
  Parse c;
  if ((num || a.is(Role::kBetween) || a.is(Role::kFrom) || a.is(Role::kDayWord) || a.is(Role::kYearWord) ||
       a.is(Role::kMonthWord)) &&
      interval(i, c)) {
    consider(c);
  }
  c = Parse();
  if ((num || a.is(Role::kWithin) || a.is(Role::kDurMark) || a.is(Role::kUnit)) && rolling(i, c)) consider(c);
  c = Parse();
  size_t e;
  bool reject = false;
  if (point(i, c.a, e, reject)) {
    c.end = e;
    c.reject = reject;
    consider(c);
  }
  c = Parse();
  if ((num || a.is(Role::kDurMark) || a.is(Role::kWithin) || a.is(Role::kApprox) || a.is(Role::kUnit) ||
       (i > 0 && A[i - 1].is(Role::kShift))) &&
      duration(i, c)) {
    consider(c);
  }
  c = Parse();
  if ((a.is(Role::kSetAdv) || a.is(Role::kEvery) || a.is(Role::kAt) || a.is(Role::kUnit)) && set(i, c)) consider(c);
  return found && out.end > i;
}

}  // namespace marsad::internal
