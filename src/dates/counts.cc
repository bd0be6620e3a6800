// The forms built on counts of units: durations (لمدة ثلاثة أيام), rolling
// windows (الساعات الـ24 الماضية) and sets (كل يوم اثنين).
#include "dates/grammar.h"

namespace marsad::internal {

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
  if (u == nullptr || (u->c == 1 && !(marked && u->b == 2))) return false;  // منذ حوالي السنتين
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
  // كل عام وأنتم بخير: a greeting, not "every year".
  if (j + 1 < n_ && (A[j + 1].key == "وانتم" || A[j + 1].key == "وانت" || A[j + 1].key == "وانتي")) return false;
  p.unit = static_cast<Grain>(u->a);
  p.end = j + 1;
  return true;
}

}  // namespace marsad::internal
