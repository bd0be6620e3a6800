// marsad/dates.h — every time expression in Arabic text, normalized and
// resolved against a reference time (the article's publication time).
//
// find_dates reads the tokens of a text (match keys, so harakat, alef forms and
// Arabic-Indic digits do not matter) and reports each expression it finds with
// its byte span in the original, its kind and its value:
//   - month names of every regional family (يناير، كانون الثاني، دجنبر، جانفي),
//     paired forms (مايو (أيار)), clitics (بدجنبر، وفي يناير), Hijri dates
//     (15 رمضان 1445، 1441هـ) converted with ICU's Umm al-Qura calendar;
//   - numeric dates and years (10/12/2020, 2020-12-10, لسنة 2026, 2019م);
//   - weekdays and relative days (أمس الاثنين، اليوم (الأربعاء)، صباح الغد);
//   - relative periods and offsets (الأسبوع الماضي، منذ يومين، خلال الساعات الـ24 الماضية);
//   - clock times (الساعة الثالثة بعد الظهر، 14:30 بتوقيت غرينتش);
//   - intervals (يومي 25 و26 يونيو 2019)، durations (لمدة ثلاثة أيام),
//     sets (كل يوم اثنين) and holidays (عيد الفطر).
// The lexicons are data (data/dates/*.tsv), compiled into the binary.
//
//   std::string text = "وقع الاتفاق أمس الاثنين بتاريخ 10 دجنبر 2020";
//   marsad::Tokenized t = marsad::tokenize(text);
//   auto ref = marsad::parse_timestamp("2025-11-25");
//   for (const marsad::TimeExpression& e : marsad::find_dates(text, t, 0, t.tokens.size(), *ref))
//     std::cout << e.text << " " << e.value << " " << e.grain << "\n";
//   // أمس الاثنين 2025-11-24T00:00:00+00:00 day
//   // 10 دجنبر 2020 2020-12-10T00:00:00+00:00 day
//
// Without a reference, relative expressions come back unresolved with their
// structured offset ({"days": -1, "weekday": "monday"}); a date is never invented.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marsad/json.h"
#include "marsad/sentences.h"
#include "marsad/timestamp.h"
#include "marsad/tokenize.h"

namespace marsad {

struct DateOptions {
  // 10/12/2020 is 10 December (the Arab and European order). When false it is
  // October 12. Either way a date that only reads one way (25/12/2020) reads that way.
  bool day_first = true;
  // A four-digit year with no year word or era (في 2026, ( 1948 ), كأس العالم 2018)
  // counts only inside this range; outside it the number is more likely a quantity.
  int bare_year_min = 1900;
  int bare_year_max = 2100;
};

// One found expression. Offsets are byte offsets into the original text
// (Token::start/end), like every span in marsad.
struct TimeExpression {
  Span span;
  std::string text;      // the original bytes of the span (filled by the find_dates that takes the text)
  std::string kind;      // "datetime" | "interval" | "duration" | "set"
  // Start of the expression at its grain, "YYYY-MM-DDThh:mm:ss±hh:mm", in the
  // reference's UTC offset (+00:00 when the reference has none); "" when the
  // expression needs a reference that was not given, and for durations and sets.
  std::string value;
  std::string grain;     // second|minute|hour|day|week|month|quarter|year; durations and sets: their unit
  std::string from, to;  // intervals, and Hijri months/years whose extent the grain does not give; "to" exclusive
  std::string calendar = "gregorian";  // "gregorian" | "hijri": the calendar the text used
  // value is known; true for absolute dates, and for durations and sets (nothing to resolve)
  bool resolved = false;
  // The day of the week and the relative day disagree (أمس الاثنين when
  // yesterday was a Sunday); value follows the weekday.
  bool conflict = false;
  // Durations, and the period of sets: ISO 8601 ("P3D", "PT2H", "P1W").
  std::string duration;
  // A part of the day or period the expression names: dawn|morning|noon|afternoon|
  // evening|night (صباح اليوم) or early|mid|late (مطلع الشهر). The value stays at the
  // start of the day or period.
  std::string part;
  // What the words say relative to the reference, kept even when resolved:
  // ("days", -1), ("weeks", 1), ("month", 12), ("day", 10) ...
  std::vector<std::pair<std::string, int>> offset;
  std::string weekday;   // "monday" when the words name a weekday
  std::string holiday;   // "eid_al_fitr" when the words name a holiday (data/dates/holidays.tsv)
};

// Finds time expressions among tokens [first, last) of t, where t =
// tokenize(whole document text). Expressions never overlap and come in text order.
std::vector<TimeExpression> find_dates(const Tokenized& t, size_t first, size_t last,
                                       const std::optional<Timestamp>& reference,
                                       const DateOptions& opt = {});

// As above, and fills TimeExpression::text from `text`, the string t was made
// from (the tokens hold only the folded key, never the original bytes).
std::vector<TimeExpression> find_dates(std::string_view text, const Tokenized& t, size_t first, size_t last,
                                       const std::optional<Timestamp>& reference,
                                       const DateOptions& opt = {});

// Writes the array of expressions (the `dates` field of a record).
void write_dates_json(JsonWriter& w, const std::vector<TimeExpression>& dates);

// Compact debug dump, one item per expression, for tests:
// "[أمس الاثنين]datetime:2025-11-24/day {days:-1,weekday:monday}".
std::string dump_dates(const std::vector<TimeExpression>& dates);

// Versions of the date lexicons compiled in (a hash of data/dates/*.tsv), to store
// beside extracted dates so that index and query time cannot drift apart.
std::string_view dates_lexicon_version();

}  // namespace marsad
