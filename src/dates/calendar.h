// Internal: day arithmetic in both calendars, for the resolver. Days are
// counted from 1970-01-01 (days_from_civil in marsad/timestamp.h); a Hijri
// month or year starts where ICU's Umm al-Qura calendar says (hijri.h).
//
//   long d = marsad::internal::month_start(Cal::kHijri, 1446, 9);   // 1 Ramadan 1446
//   marsad::internal::add(d, Grain::kMonth, 1, Cal::kHijri);        // 1 Shawwal 1446
#pragma once

#include <string>

#include "dates/lexicon.h"

namespace marsad::internal {

// 0 = Sunday .. 6 = Saturday.
int weekday_of(long day);

// "YYYY-MM-DDThh:mm:00±hh:mm" of a day, a minute of it and a UTC offset in minutes.
std::string iso(long day, int minutes, int offset);

// The first day of month m (1-based; it may run past 12 or below 1) of year y.
long month_start(Cal cal, int y, int m);

// The year, month and day of a day in a calendar.
void ymd(Cal cal, long day, int& y, int& m, int& d);

// The start of the period of grain g that holds `day`; weeks start on Monday (ISO).
long truncate(long day, Grain g, Cal cal);

// `n` periods of grain g after `day`, keeping the day of the month where it exists.
long add(long day, Grain g, int n, Cal cal);

}  // namespace marsad::internal
