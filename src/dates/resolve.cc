#include "dates/resolve.h"

#include <cstdlib>

#include "dates/calendar.h"
#include "dates/hijri.h"

namespace marsad::internal {
namespace {

const char* const kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

std::string plural(Grain g) { return std::string(grain_name(g)) + "s"; }

// The reference as a local day, minute of the day and UTC offset.
struct Ref {
  long day = 0;
  int minutes = 0;
  bool has_time = false;
  int offset = 0;
};

// A moment: a day and a minute of it, at a grain.
struct Moment {
  long day = 0;
  int minutes = 0;
  Grain grain = Grain::kNone;
  Cal cal = Cal::kGregorian;
  bool ok = false;
};

// The end (exclusive) of a moment at its grain.
Moment end_of(Moment m) {
  if (m.grain == Grain::kMinute || m.grain == Grain::kHour) {
    m.minutes += m.grain == Grain::kMinute ? 1 : 60;
    m.day += m.minutes / 1440;
    m.minutes %= 1440;
  } else {
    m.day = add(m.day, m.grain, 1, m.cal);
  }
  return m;
}

// Picks the year of a month (and day) written without one: the direction or a
// future cue when there is one; otherwise the latest occurrence not more than a
// month ahead of the reference, since news mostly reports what has happened.
int infer_year(const When& w, Cal cal, long ref_day) {
  int ry, rm, rd;
  ymd(cal, ref_day, ry, rm, rd);
  auto start = [&](int y) { return month_start(cal, y, w.month) + (w.day > 0 ? w.day - 1 : 0); };
  long this_month = month_start(cal, ry, rm);
  // 28 حزيران المقبل on June 18 is ten days ahead; حزيران المقبل alone is next year's June.
  if (w.dir == -1) return (w.day > 0 ? start(ry) < ref_day : month_start(cal, ry, w.month) < this_month) ? ry : ry - 1;
  if (w.dir == 1) return (w.day > 0 ? start(ry) > ref_day : month_start(cal, ry, w.month) > this_month) ? ry : ry + 1;
  if (w.dir == 0) return ry;
  if (w.future) return (w.day > 0 ? start(ry) >= ref_day : w.month >= rm) ? ry : ry + 1;
  return start(ry) > ref_day + 31 ? ry - 1 : ry;
}

// The occurrence of a holiday: in the given year, or nearest the reference.
bool holiday_day(const When& w, const Ref* ref, long& day) {
  const Entry& h = *w.holiday;
  Cal cal = static_cast<Cal>(h.b);
  int d = h.c > 0 ? h.c : 1;
  auto at = [&](int y, long& out) {
    if (cal == Cal::kHijri) return hijri_to_days(y, h.a, d, out);
    out = days_from_civil(y, h.a, d);
    return true;
  };
  if (w.year > 0 && (cal == Cal::kGregorian || w.year <= 1600)) return at(w.year, day);
  long best = 0;
  bool found = false;
  int y0, m0, d0;
  long pivot;
  if (w.year > 0) {  // a Hijri holiday in a Gregorian year: the occurrence inside that year
    pivot = days_from_civil(w.year, 7, 1);
  } else if (ref != nullptr) {
    pivot = ref->day;
  } else {
    return false;
  }
  ymd(cal, pivot, y0, m0, d0);
  for (int y = y0 - 1; y <= y0 + 1; ++y) {
    long c;
    if (!at(y, c)) continue;
    bool fits = w.dir == -1 ? c < pivot : w.dir == 1 ? c > pivot : true;
    if (w.year > 0) {
      int gy, gm, gd;
      civil_from_days(c, gy, gm, gd);
      fits = gy == w.year;
    }
    if (fits && (!found || (w.dir == -1 ? c > best : w.dir == 1 ? c < best : std::labs(c - pivot) < std::labs(best - pivot)))) {
      best = c;
      found = true;
    }
  }
  day = best;
  return found;
}

// Resolves one point. `out` receives the structured offset and flags.
Moment point(const When& w, const Ref* ref, TimeExpression& out) {
  Moment m;
  m.grain = w.grain();
  m.cal = w.cal;
  auto& off = out.offset;
  if (w.relday != kUnset) off.emplace_back("days", w.relday);
  if (w.period != Grain::kNone) off.emplace_back(plural(w.period), w.period_off);
  if (w.shift_unit != Grain::kNone) off.emplace_back(plural(w.shift_unit), w.shift);
  if (w.year_dir != kUnset) off.emplace_back("years", w.year_dir);
  if (w.dir != kUnset) off.emplace_back("direction", w.dir);
  if (w.weekday >= 0) out.weekday = kWeekdays[w.weekday];
  if (w.holiday) out.holiday = DateLexicon::get().holiday_id(w.holiday->id);
  if (w.part != Part::kNone) out.part = part_name(w.part);
  if (w.mod != Part::kNone) out.part = part_name(w.mod);
  if (w.holiday) m.cal = static_cast<Cal>(w.holiday->b);

  if (w.holiday) {
    m.ok = holiday_day(w, ref, m.day);
    if (m.ok && w.holiday->c == 0) m.day = truncate(m.day, Grain::kMonth, m.cal);
  } else if (w.year > 0 || w.month > 0 || w.quarter > 0 || w.half > 0 || w.year_dir != kUnset) {
    int y = w.year;
    if (y == 0 && ref != nullptr) {
      int ry, rm, rd;
      ymd(w.cal, ref->day, ry, rm, rd);
      y = w.year_dir != kUnset ? ry + w.year_dir : w.month > 0 ? infer_year(w, w.cal, ref->day) : ry;
    }
    if (y > 0) {
      int month = w.month > 0 ? w.month : w.quarter > 0 ? 3 * w.quarter - 2 : w.half > 0 ? 6 * w.half - 5 : 1;
      m.day = month_start(w.cal, y, month) + (w.day > 0 ? w.day - 1 : 0);
      m.ok = true;
    } else {
      if (w.month > 0) off.emplace_back("month", w.month);
      if (w.day > 0) off.emplace_back("day", w.day);
    }
    if (m.ok && w.weekday >= 0 && w.day > 0 && weekday_of(m.day) != w.weekday) out.conflict = true;
  } else if (w.period != Grain::kNone) {
    if (ref != nullptr) {
      m.day = add(truncate(ref->day, w.period, m.cal), w.period, w.period_off, m.cal);
      if (w.day > 0) m.day += w.day - 1;  // الخامس من الشهر الجاري
      m.ok = true;
    }
  } else if (w.relday != kUnset || w.weekday >= 0) {
    if (ref != nullptr && w.relday != kUnset) {
      long target = ref->day + w.relday;
      m.day = target;
      if (w.weekday >= 0) {
        // The weekday wins when the words disagree; look a little back first,
        // since a late reference (a scrape a day after) is the usual cause.
        for (int delta : {0, -1, 1, -2, -3, -4, -5, -6}) {
          if (weekday_of(target + delta) == w.weekday) {
            m.day = target + delta;
            out.conflict = delta != 0;
            break;
          }
        }
      }
      m.ok = true;
    } else if (ref != nullptr) {
      // A weekday alone: the most recent one (the reference day included) in
      // news that reports the past; the next one after a future cue;
      // الماضي/المقبل exclude the reference day; الجاري takes the nearest.
      long first = 0, step = -1;
      if (w.dir == -1) first = -1;
      else if (w.dir == 1) first = 1, step = 1;
      else if (w.dir == 0) first = -3, step = 1;
      else if (w.future) step = 1;
      for (long k = 0; k < 7; ++k) {
        long d = ref->day + first + k * step;
        if (weekday_of(d) == w.weekday) {
          m.day = d;
          break;
        }
      }
      m.ok = true;
    }
  } else if (w.shift_unit != Grain::kNone) {
    if (ref != nullptr && (w.shift_unit >= Grain::kDay || ref->has_time)) {
      if (w.shift_unit >= Grain::kDay) {
        m.day = truncate(add(ref->day, w.shift_unit, w.shift, m.cal), w.shift_unit, m.cal);
      } else {
        long total = ref->day * 1440L + ref->minutes + w.shift * (w.shift_unit == Grain::kHour ? 60L : 1L);
        if (w.shift_unit == Grain::kHour) total -= total % 60;
        m.day = total >= 0 ? total / 1440 : (total - 1439) / 1440;
        m.minutes = static_cast<int>(total - m.day * 1440);
      }
      m.ok = true;
    }
  } else if (w.hour >= 0) {
    if (ref != nullptr) {
      m.day = ref->day;
      m.ok = true;
    }
  }
  if (w.hour >= 0) {
    int minutes = w.hour * 60 + (w.minute > 0 ? w.minute : 0);
    if (w.tz != kUnset && ref != nullptr) {
      minutes += ref->offset - w.tz;  // into the reference's offset
    } else if (w.tz != kUnset) {
      minutes += -w.tz;  // no reference: report in UTC
    }
    long carry = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
    m.day += carry;
    m.minutes = static_cast<int>(minutes - carry * 1440);
    if (!m.ok) {
      off.emplace_back("hour", w.hour);
      if (w.minute >= 0) off.emplace_back("minute", w.minute);
    }
  }
  if (m.ok && m.grain > Grain::kDay) m.day = truncate(m.day, m.grain, m.cal);
  return m;
}

void put(const Moment& m, int offset, TimeExpression& out) {
  out.resolved = m.ok;
  out.grain = grain_name(m.grain);
  if (!m.ok) return;
  out.value = iso(m.day, m.minutes, offset);
  // A Hijri month or year does not line up with Gregorian ones: give its extent.
  if (m.cal == Cal::kHijri && m.grain >= Grain::kMonth) {
    out.from = out.value;
    Moment e = end_of(m);
    out.to = iso(e.day, e.minutes, offset);
  }
}

std::string iso_duration(Grain g, int n) {
  const char* unit = g == Grain::kMinute ? "M" : g == Grain::kHour ? "H" : g == Grain::kDay ? "D"
                     : g == Grain::kWeek ? "W" : g == Grain::kMonth ? "M" : "Y";
  return (g <= Grain::kHour ? "PT" : "P") + std::to_string(n) + unit;
}

}  // namespace

void resolve(const Parse& p, const std::optional<Timestamp>& reference, TimeExpression& out) {
  Ref r;
  const Ref* ref = nullptr;
  if (reference) {
    r.day = reference->days_since_epoch();
    r.has_time = reference->has_time;
    r.minutes = reference->hour * 60 + reference->minute;
    r.offset = reference->has_offset ? reference->offset_minutes : 0;
    ref = &r;
  }
  out.calendar = p.a.cal == Cal::kHijri || (p.a.holiday && p.a.holiday->b == 1) ? "hijri" : "gregorian";
  switch (p.kind) {
    case Kind::kDatetime: {
      out.kind = "datetime";
      put(point(p.a, ref, out), r.offset, out);
      break;
    }
    case Kind::kInterval: {
      out.kind = "interval";
      if (p.rolling) {
        out.offset.emplace_back(plural(p.unit), p.count);
        out.grain = grain_name(p.unit);
        if (ref == nullptr || (p.unit < Grain::kDay && !ref->has_time)) break;
        Moment from, to;
        from.grain = to.grain = p.unit;
        if (p.unit >= Grain::kDay) {
          long now = truncate(ref->day, p.unit, Cal::kGregorian);
          long a = p.count < 0 ? add(now, p.unit, p.count, Cal::kGregorian) : add(now, p.unit, 1, Cal::kGregorian);
          from.day = a;
          to.day = add(a, p.unit, std::abs(p.count), Cal::kGregorian);
        } else {
          long step = p.unit == Grain::kHour ? 60 : 1;
          long now = ref->day * 1440L + ref->minutes - (ref->minutes % step);
          long a = p.count < 0 ? now + p.count * step : now + step, b = a + std::abs(p.count) * step;
          from.day = a / 1440, from.minutes = static_cast<int>(a % 1440);
          to.day = b / 1440, to.minutes = static_cast<int>(b % 1440);
        }
        out.value = out.from = iso(from.day, from.minutes, r.offset);
        out.to = iso(to.day, to.minutes, r.offset);
        out.resolved = true;
        break;
      }
      Moment a = point(p.a, ref, out);
      TimeExpression scratch;
      Moment b = point(p.b, ref, scratch);
      // من الاثنين إلى الجمعة: the second weekday is the first one on or after the first.
      if (a.ok && b.ok && p.b.weekday >= 0 && p.b.relday == kUnset && p.b.day == 0) {
        b.day = a.day + (p.b.weekday - weekday_of(a.day) + 7) % 7;
      }
      if (out.weekday.empty()) out.weekday = scratch.weekday;
      out.conflict = out.conflict || scratch.conflict;
      out.grain = grain_name(a.grain);
      if (!a.ok || !b.ok) break;
      Moment e = end_of(b);
      out.value = out.from = iso(a.day, a.minutes, r.offset);
      out.to = iso(e.day, e.minutes, r.offset);
      out.resolved = true;
      break;
    }
    case Kind::kDuration:
      out.kind = "duration";
      out.grain = grain_name(p.unit);
      out.duration = iso_duration(p.unit, p.count);
      out.resolved = true;
      break;
    case Kind::kSet:
      out.kind = "set";
      out.grain = grain_name(p.unit);
      out.duration = iso_duration(p.unit, p.count);
      if (p.a.weekday >= 0) out.weekday = kWeekdays[p.a.weekday];
      if (p.a.part != Part::kNone) out.part = part_name(p.a.part);
      out.resolved = true;
      break;
  }
}

}  // namespace marsad::internal
