// marsad/timestamp.h — machine-written timestamps: the publication time of a
// document as scrapers and feeds give it.
//
// Accepts ISO 8601 ("2025-11-25", "2017-01-20T21:43:00+01:00", "...Z"), the
// SQL form ("2015-07-21 02:51:32") and RFC 2822 ("Sun, 18 Feb 2018 21:35:43
// +0400"). Arabic prose dates are the dates module's job, not this one's.
//
//   marsad::Result<marsad::Timestamp> t = marsad::parse_timestamp("2025-11-25");
//   t->iso();   // "2025-11-25"
#pragma once

#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad {

struct Timestamp {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;   // east of UTC
  bool has_time = false;
  bool has_offset = false;

  // "2025-11-25", "2025-11-25T10:00:00", or "2025-11-25T10:00:00+01:00": only what is known.
  std::string iso() const;
  // Days since 1970-01-01 of the calendar date (proleptic Gregorian).
  long days_since_epoch() const;
};

// kBadArgument naming what is wrong ("month 13", "not a timestamp").
Result<Timestamp> parse_timestamp(std::string_view text);

// Calendar helpers shared with the dates module.
bool valid_date(int year, int month, int day);
long days_from_civil(int year, int month, int day);
void civil_from_days(long days, int& year, int& month, int& day);

}  // namespace marsad
