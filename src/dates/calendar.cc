#include "dates/calendar.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "dates/hijri.h"
#include "marsad/timestamp.h"

namespace marsad::internal {

// 1970-01-01 was a Thursday.
int weekday_of(long day) { return static_cast<int>(((day % 7) + 7 + 4) % 7); }

std::string iso(long day, int minutes, int offset) {
  int y, m, d;
  civil_from_days(day, y, m, d);
  int off = std::abs(offset);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00%c%02d:%02d", y, m, d, minutes / 60, minutes % 60,
                offset < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

long month_start(Cal cal, int y, int m) {
  y += (m - 1 >= 0 ? (m - 1) / 12 : (m - 12) / 12);
  m = ((m - 1) % 12 + 12) % 12 + 1;
  if (cal == Cal::kHijri) {
    long d;
    return hijri_to_days(y, m, 1, d) ? d : days_from_civil(y, m, 1);
  }
  return days_from_civil(y, m, 1);
}

void ymd(Cal cal, long day, int& y, int& m, int& d) {
  if (cal == Cal::kHijri) days_to_hijri(day, y, m, d);
  else civil_from_days(day, y, m, d);
}

long truncate(long day, Grain g, Cal cal) {
  int y, m, d;
  switch (g) {
    case Grain::kWeek: return day - (weekday_of(day) + 6) % 7;  // ISO weeks start on Monday
    case Grain::kMonth: ymd(cal, day, y, m, d); return month_start(cal, y, m);
    case Grain::kQuarter: ymd(cal, day, y, m, d); return month_start(cal, y, m - (m - 1) % 3);
    case Grain::kYear: ymd(cal, day, y, m, d); return month_start(cal, y, 1);
    default: return day;
  }
}

long add(long day, Grain g, int n, Cal cal) {
  int y, m, d;
  switch (g) {
    case Grain::kDay: return day + n;
    case Grain::kWeek: return day + 7L * n;
    case Grain::kMonth:
    case Grain::kQuarter:
    case Grain::kYear: {
      ymd(cal, day, y, m, d);
      int months = g == Grain::kMonth ? n : g == Grain::kQuarter ? 3 * n : 12 * n;
      long first = month_start(cal, y, m + months);
      int yy, mm, dd;
      ymd(cal, first, yy, mm, dd);
      int len = cal == Cal::kHijri ? hijri_month_length(yy, mm) : static_cast<int>(month_start(cal, yy, mm + 1) - first);
      return first + std::min(d, len > 0 ? len : 28) - 1;
    }
    default: return day;
  }
}

}  // namespace marsad::internal
