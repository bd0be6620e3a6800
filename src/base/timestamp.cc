#include "marsad/timestamp.h"

#include <cctype>
#include <cstdio>

namespace marsad {
namespace {

// Reads exactly n digits at s[i].
bool digits(std::string_view s, size_t& i, int n, int& out) {
  if (i + static_cast<size_t>(n) > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[i + static_cast<size_t>(k)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  i += static_cast<size_t>(n);
  out = v;
  return true;
}

Status bad(std::string_view text, const std::string& why) {
  return Status(Error::kBadArgument, "bad timestamp '" + std::string(text.substr(0, 64)) + "': " + why);
}

bool time_and_zone(std::string_view s, size_t& i, Timestamp& t) {
  if (!digits(s, i, 2, t.hour) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2, t.minute)) return false;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!digits(s, i, 2, t.second)) return false;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {  // fractions are dropped
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
  }
  t.has_time = true;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == 'Z' || s.substr(i) == "GMT" || s.substr(i) == "UTC")) {
    t.has_offset = true;
    i = s.size();
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int sign = s[i++] == '-' ? -1 : 1, h = 0, m = 0;
    if (!digits(s, i, 2, h)) return false;
    if (i < s.size() && s[i] == ':') ++i;
    if (!digits(s, i, 2, m)) return false;
    t.offset_minutes = sign * (h * 60 + m);
    t.has_offset = true;
  }
  return true;
}

}  // namespace

bool valid_date(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Howard Hinnant's days_from_civil.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe) + static_cast<int>(era * 400) + (m <= 2);
}

long Timestamp::days_since_epoch() const { return days_from_civil(year, month, day); }

std::string Timestamp::iso() const {
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  if (has_time) n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), "T%02d:%02d:%02d", hour, minute, second);
  if (has_time && has_offset) {
    int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', off / 60,
                  off % 60);
  }
  return buf;
}

Result<Timestamp> parse_timestamp(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  Timestamp t;
  size_t i = 0;
  if (s.size() >= 10 && (s[2] == '/' || s[2] == '.') && (s[5] == '/' || s[5] == '.')) {
    // "03/11/2015": day first, as Arab outlets write it (Jawhara FM's `time`).
    if (!digits(s, i, 2, t.day) || !digits(s, ++i, 2, t.month) || !digits(s, ++i, 4, t.year)) {
      return bad(text, "expected DD/MM/YYYY");
    }
    if (i < s.size()) {
      if (s[i] != ' ' && s[i] != 'T') return bad(text, "unexpected text after the date");
      ++i;
      if (!time_and_zone(s, i, t) || i != s.size()) return bad(text, "expected hh:mm[:ss][±hh:mm]");
    }
  } else if (s.size() >= 10 && s[4] == '-') {
    if (!digits(s, i, 4, t.year) || s[i++] != '-' || !digits(s, i, 2, t.month) || s[i++] != '-' ||
        !digits(s, i, 2, t.day)) {
      return bad(text, "expected YYYY-MM-DD");
    }
    if (i < s.size()) {
      if (s[i] != 'T' && s[i] != ' ') return bad(text, "unexpected text after the date");
      ++i;
      if (!time_and_zone(s, i, t) || i != s.size()) return bad(text, "expected hh:mm[:ss][±hh:mm]");
    }
  } else {
    // RFC 2822: "Sun, 18 Feb 2018 21:35:43 +0400" (the weekday is optional).
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    size_t comma = s.find(',');
    if (comma != std::string_view::npos && comma < 5) i = comma + 1;
    while (i < s.size() && s[i] == ' ') ++i;
    size_t d0 = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == d0 || i - d0 > 2) return bad(text, "not a timestamp (ISO 8601 or RFC 2822 expected)");
    t.day = std::stoi(std::string(s.substr(d0, i - d0)));
    while (i < s.size() && s[i] == ' ') ++i;
    std::string_view mon = s.substr(i, 3);
    for (int m = 0; m < 12; ++m) {
      if (mon == kMonths[m]) t.month = m + 1;
    }
    if (t.month == 0) return bad(text, "unknown month name");
    i += 3;
    while (i < s.size() && s[i] == ' ') ++i;
    if (!digits(s, i, 4, t.year)) return bad(text, "expected a four-digit year");
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && (!time_and_zone(s, i, t) || i != s.size())) return bad(text, "expected hh:mm[:ss] zone");
  }
  if (!valid_date(t.year, t.month, t.day)) return bad(text, "no such date");
  if (t.hour > 23 || t.minute > 59 || t.second > 60) return bad(text, "no such time");
  if (t.offset_minutes < -14 * 60 || t.offset_minutes > 14 * 60) return bad(text, "UTC offset out of range");
  return t;
}

}  // namespace marsad
