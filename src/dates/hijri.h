// Internal: the Hijri calendar, through ICU's Islamic Umm al-Qura calendar
// (the official calendar of Saudi Arabia, which most Arab outlets follow).
// Outside the years Umm al-Qura tables cover (1300-1600 AH) ICU falls back to
// the arithmetic Islamic calendar, which can differ by a day or two.
//
//   long days;
//   if (marsad::internal::hijri_to_days(1445, 9, 15, days)) ...   // 2024-03-25
#pragma once

namespace marsad::internal {

// Days since 1970-01-01 of Hijri y/m/d; false if there is no such day.
bool hijri_to_days(int year, int month, int day, long& days);

// The Hijri date of a day (days since 1970-01-01).
void days_to_hijri(long days, int& year, int& month, int& day);

// Days in a Hijri month (29 or 30); 0 when the calendar cannot say.
int hijri_month_length(int year, int month);

}  // namespace marsad::internal
