#include "dates/lexicon.h"

#include <charconv>

#include "marsad/normalize.h"

namespace marsad::internal {

// Embedded by src/dates/CMakeLists.txt (marsad_data_embed).
extern const std::string_view kDateMonthsTsv;
extern const std::string_view kDateWeekdaysTsv;
extern const std::string_view kDateNumbersTsv;
extern const std::string_view kDateUnitsTsv;
extern const std::string_view kDateWordsTsv;
extern const std::string_view kDateHolidaysTsv;

namespace {

// Calls f(fields) for each data row: '#' comments and blank lines are skipped.
template <typename F>
void each_row(std::string_view tsv, F f) {
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    while (true) {
      size_t tab = line.find('\t');
      fields.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    f(fields);
  }
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

Grain grain_of(std::string_view s) {
  if (s == "minute") return Grain::kMinute;
  if (s == "hour") return Grain::kHour;
  if (s == "day") return Grain::kDay;
  if (s == "week") return Grain::kWeek;
  if (s == "month") return Grain::kMonth;
  if (s == "year") return Grain::kYear;
  return Grain::kNone;
}

Part part_of(std::string_view s) {
  static const std::pair<std::string_view, Part> kParts[] = {
      {"dawn", Part::kDawn},   {"morning", Part::kMorning}, {"noon", Part::kNoon},   {"afternoon", Part::kAfternoon},
      {"evening", Part::kEvening}, {"night", Part::kNight}, {"early", Part::kEarly}, {"mid", Part::kMid},
      {"late", Part::kLate}};
  for (const auto& [name, p] : kParts) {
    if (name == s) return p;
  }
  return Part::kNone;
}

Cal cal_of(std::string_view s) { return s == "hijri" ? Cal::kHijri : Cal::kGregorian; }

uint64_t fnv1a(std::string_view s, uint64_t h) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::string_view grain_name(Grain g) {
  static const std::string_view kNames[] = {"", "second", "minute", "hour", "day", "week", "month", "quarter", "year"};
  return kNames[static_cast<int>(g)];
}

std::string_view part_name(Part p) {
  static const std::string_view kNames[] = {"",        "dawn",  "morning", "noon", "afternoon",
                                            "evening", "night", "early",   "mid",  "late"};
  return kNames[static_cast<int>(p)];
}

const DateLexicon& DateLexicon::get() {
  static const DateLexicon lex;
  return lex;
}

// Splits the name into words, folds each to its match key, files the entry
// under the first. Punctuation written inside a name (ت.غ) is spaced in the data.
void DateLexicon::add(std::string_view name, Entry e) {
  std::vector<std::string> words;
  while (!name.empty()) {
    size_t sp = name.find(' ');
    std::string_view w = name.substr(0, sp);
    name.remove_prefix(sp == std::string_view::npos ? name.size() : sp + 1);
    if (!w.empty()) words.push_back(match_key(w));
  }
  if (words.empty() || words[0].empty()) return;
  e.rest.assign(words.begin() + 1, words.end());
  std::vector<Entry>& v = map_[words[0]];
  // Longer names first, so that the first match found is the longest.
  auto at = v.begin();
  while (at != v.end() && at->rest.size() >= e.rest.size()) ++at;
  v.insert(at, std::move(e));
}

void DateLexicon::load_months(std::string_view tsv) {
  each_row(tsv, [&](const auto& f) {
    if (f.size() < 5) return;
    add(f[0], Entry{Role::kMonth, to_int(f[1]), static_cast<int32_t>(cal_of(f[2])), f[4] == "ambiguous" ? 1 : 0});
  });
}

void DateLexicon::load_weekdays(std::string_view tsv) {
  each_row(tsv, [&](const auto& f) {
    if (f.size() < 3) return;
    add(f[0], Entry{Role::kWeekday, to_int(f[1]), 0, f[2] == "bare" ? 1 : 0});
  });
}

void DateLexicon::load_numbers(std::string_view tsv) {
  static const std::pair<std::string_view, NumKind> kKinds[] = {
      {"unit", kNumUnit},       {"compound", kNumCompound}, {"ten", kNumTen},         {"tens", kNumTens},
      {"hundred", kNumHundred}, {"thousand", kNumThousand}, {"ordinal", kNumOrdinal}, {"multiplier", kNumMultiplier}};
  each_row(tsv, [&](const auto& f) {
    if (f.size() < 3) return;
    NumKind kind = kNumUnit;
    for (const auto& [name, k] : kKinds) {
      if (name == f[2]) kind = k;
    }
    add(f[0], Entry{Role::kNumber, to_int(f[1]), kind, 0});
    // Cardinals take the article after a counted noun (الأيام الثلاثة, الساعات الـ24).
    if (kind != kNumOrdinal && kind != kNumCompound && kind != kNumMultiplier) {
      add("ال" + std::string(f[0]), Entry{Role::kNumber, to_int(f[1]), kind, 1});
    }
  });
}

void DateLexicon::load_units(std::string_view tsv) {
  each_row(tsv, [&](const auto& f) {
    if (f.size() < 3) return;
    int32_t g = static_cast<int32_t>(grain_of(f[1]));
    Entry e{Role::kUnit, g, to_int(f[2]), 0};
    e.id = static_cast<uint16_t>(f.size() > 3 ? to_int(f[3]) : 1);
    add(f[0], e);
    e.c = 1;
    add("ال" + std::string(f[0]), e);
  });
}

void DateLexicon::load_words(std::string_view tsv) {
  static const std::pair<std::string_view, Role> kClasses[] = {
      {"relday", Role::kRelDay},     {"dir", Role::kDir},           {"this", Role::kThis},
      {"period", Role::kPeriod},     {"mod", Role::kMod},           {"part", Role::kPart},
      {"tonight", Role::kTonight},   {"midclock", Role::kMidClock}, {"tz", Role::kTz},
      {"tzmark", Role::kTzMark},     {"frac", Role::kFrac},         {"minus", Role::kMinus},
      {"yearmark", Role::kYearMark}, {"yearword", Role::kYearWord}, {"dayword", Role::kDayWord},
      {"monthword", Role::kMonthWord}, {"shift", Role::kShift},     {"durmark", Role::kDurMark},
      {"within", Role::kWithin},     {"approx", Role::kApprox},     {"every", Role::kEvery},
      {"setadv", Role::kSetAdv},     {"from", Role::kFrom},         {"to", Role::kTo},
      {"between", Role::kBetween},   {"at", Role::kAt},             {"future", Role::kFuture},
      {"counted", Role::kCounted},   {"last", Role::kLast},         {"quarter", Role::kQuarter},
      {"event", Role::kEvent}};
  each_row(tsv, [&](const auto& f) {
    if (f.size() < 3) return;
    const Role* role = nullptr;
    for (const auto& [name, r] : kClasses) {
      if (name == f[1]) role = &r;
    }
    if (role == nullptr) return;
    Entry e{*role};
    std::string_view v = f[2];
    switch (*role) {
      case Role::kPeriod:
      case Role::kSetAdv: e.a = static_cast<int32_t>(grain_of(v)); break;
      case Role::kMod:
      case Role::kPart:
      case Role::kTonight: e.a = static_cast<int32_t>(part_of(v)); break;
      case Role::kYearMark: e.a = static_cast<int32_t>(cal_of(v)); break;
      case Role::kTz: e.c = v == "local" ? 1 : 0; e.a = e.c ? 0 : to_int(v); break;
      case Role::kYearWord:
      case Role::kDayWord:
      case Role::kMonthWord: e.c = (v == "years" || v == "days" || v == "months") ? 1 : 0; break;
      case Role::kQuarter: e.a = v == "half" ? 2 : 4, e.c = v == "quarter-with-year" ? 1 : 0; break;
      default: e.a = to_int(v); break;
    }
    add(f[0], std::move(e));
  });
}

void DateLexicon::load_holidays(std::string_view tsv) {
  each_row(tsv, [&](const auto& f) {
    if (f.size() < 5) return;
    uint16_t id = 0;
    while (id < holidays_.size() && holidays_[id] != f[1]) ++id;
    if (id == holidays_.size()) holidays_.emplace_back(f[1]);
    Entry e{Role::kHoliday, to_int(f[3]), static_cast<int32_t>(cal_of(f[2])), to_int(f[4])};
    e.id = id;
    add(f[0], std::move(e));
  });
}

DateLexicon::DateLexicon() {
  const std::string_view files[] = {kDateMonthsTsv, kDateWeekdaysTsv, kDateNumbersTsv,
                                    kDateUnitsTsv,  kDateWordsTsv,    kDateHolidaysTsv};
  load_months(kDateMonthsTsv);
  load_weekdays(kDateWeekdaysTsv);
  load_numbers(kDateNumbersTsv);
  load_units(kDateUnitsTsv);
  load_words(kDateWordsTsv);
  load_holidays(kDateHolidaysTsv);
  size_t total = 0;
  map_.for_each([&](std::string_view, const std::vector<Entry>& entries) { total += entries.size(); });
  pool_.reserve(total);  // no reallocation below: the spans point into it
  map_.for_each([&](std::string_view key, const std::vector<Entry>& entries) {
    filter_[signature(key) >> 6] |= uint64_t{1} << (signature(key) & 63);
    uint64_t roles = 0;
    for (const Entry& e : entries) roles |= uint64_t{1} << static_cast<int>(e.role);
    const size_t first = pool_.size();
    pool_.insert(pool_.end(), entries.begin(), entries.end());
    words_.push_back({std::span<const Entry>(pool_.data() + first, entries.size()), roles});
  });
  uint64_t h = 1469598103934665603ull;
  for (std::string_view f : files) h = fnv1a(f, h);
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, h, 16);
  version_ = "dates-" + std::string(buf, r.ptr);
}

}  // namespace marsad::internal
