#include "dates/hijri.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>
#include <unordered_map>

namespace marsad::internal {
namespace {

constexpr double kMsPerDay = 86400000.0;

// Creating an ICU calendar loads locale data: do it once per thread. ICU
// calendars are not thread-safe, so threads do not share one.
icu::Calendar* calendar() {
  thread_local std::unique_ptr<icu::Calendar> cal = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> c(
        icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("@calendar=islamic-umalqura"), err));
    if (U_FAILURE(err)) c.reset();
    if (c) c->setLenient(false);
    return c;
  }();
  return cal.get();
}

}  // namespace

bool hijri_to_days(int year, int month, int day, long& days) {
  if (year < 1 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return false;
  // Month starts are asked for again and again (every Ramadan, every Eid); ICU's
  // calendar arithmetic costs microseconds, a cached start nanoseconds.
  thread_local std::unordered_map<int, long> starts;
  int key = year * 12 + month;
  if (auto it = starts.find(key); it != starts.end() && day <= 29) {
    days = it->second + day - 1;
    return true;
  }
  icu::Calendar* c = calendar();
  if (c == nullptr) return false;
  UErrorCode err = U_ZERO_ERROR;
  c->clear();
  c->set(year, month - 1, day);
  UDate ms = c->getTime(err);
  if (U_FAILURE(err)) return false;
  days = static_cast<long>(std::floor(ms / kMsPerDay));
  if (starts.size() < 4096) starts.emplace(key, days - day + 1);
  return true;
}

void days_to_hijri(long days, int& year, int& month, int& day) {
  year = month = day = 0;
  thread_local std::unordered_map<long, int> seen;  // days -> y*512 + m*32 + d
  if (auto it = seen.find(days); it != seen.end()) {
    year = it->second / 512, month = it->second / 32 % 16, day = it->second % 32;
    return;
  }
  icu::Calendar* c = calendar();
  if (c == nullptr) return;
  UErrorCode err = U_ZERO_ERROR;
  c->clear();
  c->setTime(static_cast<UDate>(days) * kMsPerDay, err);
  year = c->get(UCAL_YEAR, err);
  month = c->get(UCAL_MONTH, err) + 1;
  day = c->get(UCAL_DATE, err);
  if (U_FAILURE(err)) year = month = day = 0;
  else if (seen.size() < 65536) seen.emplace(days, year * 512 + month * 32 + day);
}

int hijri_month_length(int year, int month) {
  long first, next;
  if (!hijri_to_days(year, month, 1, first)) return 0;
  bool ok = month == 12 ? hijri_to_days(year + 1, 1, 1, next) : hijri_to_days(year, month + 1, 1, next);
  return ok ? static_cast<int>(next - first) : 0;
}

}  // namespace marsad::internal
