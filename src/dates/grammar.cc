// The top level of the grammar, and the numbers every rule reads.
#include "dates/grammar.h"

#include "marsad/clitics.h"

namespace marsad::internal {

Grain When::grain() const {
  if (hour >= 0) return minute >= 0 ? Grain::kMinute : Grain::kHour;
  if (shift_unit != Grain::kNone) return shift_unit;
  if (has_date()) return Grain::kDay;
  if (period != Grain::kNone) return period;
  if (quarter > 0) return Grain::kQuarter;
  if (month > 0 || half > 0 || holiday) return Grain::kMonth;
  if (year > 0 || year_dir != kUnset) return Grain::kYear;
  return Grain::kNone;
}

bool When::empty() const { return grain() == Grain::kNone; }

void fill_from(When& into, const When& from) {
  bool has_day = into.has_date();
  if (into.hour >= 0 && !has_day && into.month == 0) {  // من 8 إلى 10 صباح الأحد
    into.day = from.day;
    into.relday = from.relday;
    into.weekday = from.weekday;
    into.holiday = from.holiday;
  }
  if (into.day > 0 && into.month == 0) {  // من 13 إلى 15 تموز
    into.month = from.month;
    into.cal = from.cal;
  }
  if ((into.day > 0 || into.month > 0) && into.year == 0 && into.year_dir == kUnset) {
    into.year = from.year;
    into.year_dir = from.year_dir;
    if (into.dir == kUnset) into.dir = from.dir;
    if (into.month == from.month) into.cal = from.cal;
  }
  if (into.hour >= 0 && into.part == Part::kNone) into.part = from.part;
  into.future = into.future || from.future;
}

// The longest entry of role r that starts at atom i (which has that role);
// multi-word names must match the following atoms' keys exactly.
const Entry* Grammar::find_entry(size_t i, Role r, size_t& end) const {
  for (const Entry& e : A[i].entries) {
    if (e.role != r || i + 1 + e.rest.size() > n_) continue;
    bool ok = true;
    for (size_t k = 0; k < e.rest.size() && ok; ++k) ok = A[i + 1 + k].key == e.rest[k];
    if (ok) {
      end = i + 1 + e.rest.size();
      return &e;
    }
  }
  return nullptr;
}

// The number entry of atom i that reads as an ordinal (الخامس, العشرين) or as a
// cardinal: الواحدة is both, "one" with the article and the hour "one o'clock".
const Entry* Grammar::number_entry(size_t i, bool ordinal) const {
  if (i >= n_ || A[i].entries.empty()) return nullptr;
  for (const Entry& e : A[i].entries) {
    if (e.role != Role::kNumber || !e.rest.empty()) continue;
    bool is_ordinal = e.b == kNumOrdinal || (e.b == kNumTens && e.c == 1);
    if (ordinal ? is_ordinal : (e.b != kNumOrdinal && e.b != kNumMultiplier)) return &e;
  }
  return nullptr;
}

// A cardinal in digits or words: 3, الـ24, ثلاثة, خمسة عشر, خمس وعشرين, مائة وعشرين.
bool Grammar::cardinal(size_t i, int64_t& v, size_t& e, bool* article) const {
  if (article) *article = false;
  if (i >= n_) return false;
  if (A[i].number()) {
    v = A[i].num;
    e = i + 1;
    if (const Entry* m = entry(e, Role::kNumber); m && (m->b == kNumMultiplier || (m->b == kNumThousand && m->a == 1000))) {  // 50 ألف
      v *= m->a;
      ++e;
    }
    return true;
  }
  if (A[i].key == "ال" && i + 1 < n_ && A[i + 1].glued && A[i + 1].number()) {  // الـ24
    v = A[i + 1].num;
    e = i + 2;
    if (article) *article = true;
    return true;
  }
  const Entry* first = number_entry(i, false);
  if (first == nullptr) return false;
  if (article) *article = first->c == 1;
  v = first->a;
  e = i + 1;
  const Entry* next = entry(i + 1, Role::kNumber);
  switch (first->b) {
    case kNumUnit:
    case kNumCompound:
      if (next && next->b == kNumTen && !A[i + 1].conj && next->c == 0) {  // خمسة عشر
        v += 10;
        e = i + 2;
      } else if (next && next->b == kNumTens && A[i + 1].conj) {  // خمس وعشرين
        v += next->a;
        e = i + 2;
      } else if (first->b == kNumCompound) {
        return false;
      }
      return true;
    case kNumHundred:
    case kNumThousand:
      if (next && A[i + 1].conj && next->b != kNumOrdinal) {  // مائة وعشرين
        int64_t rest;
        size_t re;
        if (next->b != kNumHundred && next->b != kNumThousand && cardinal(i + 1, rest, re) && rest < first->a) {
          v += rest;
          e = re;
        }
      }
      return true;
    default: return true;  // ten, tens
  }
}

// An ordinal: الخامس, الحادي عشر, الثانية عشرة, الحادي والعشرين, العشرين.
bool Grammar::ordinal(size_t i, int& v, size_t& e) const {
  const Entry* first = number_entry(i, true);
  if (first == nullptr) return false;
  if (first->b == kNumTens && first->c == 1) {  // العشرين, الثلاثين
    v = first->a;
    e = i + 1;
    return true;
  }
  if (first->b != kNumOrdinal) return false;
  v = first->a;
  e = i + 1;
  const Entry* next = entry(i + 1, Role::kNumber);
  if (next && next->b == kNumTen && next->c == 0 && !A[i + 1].conj) {
    v += 10;
    e = i + 2;
  } else if (next && next->b == kNumTens && next->c == 1 && A[i + 1].conj) {
    v += next->a;
    e = i + 2;
  } else if (A[i].host == "الحادي" || A[i].host == "الحاديه") {
    return false;  // only inside a compound
  }
  return true;
}

// والثلاثين after العشرين: the second half of "between twenty and thirty";
// a count read from here would be half a number.
bool Grammar::continues_number(size_t i) const {
  if (i == 0 || i >= n_ || !A[i].conj) return false;
  const Atom& prev = A[i - 1];
  return prev.number() || prev.is(Role::kNumber);
}

// A word before atom i, in the same sentence, that puts the event ahead:
// سوف, المقرر, or a verb with the future prefix (سيزور, ستعقد).
bool Grammar::future_cue(size_t i) const {
  for (size_t k = 0; k < 10 && k < i; ++k) {
    const Atom& a = A[i - 1 - k];
    if (a.stop()) break;
    if (a.is(Role::kFuture)) return true;
    if (a.kind == TokenKind::kArabic && a.entries.empty() && a.key.size() >= 8 && a.key.size() < 40 &&
        analyze_clitics(a.key).has(CliticRole::kFuture)) {
      // س + an imperfect verb: يزور, تعقد, نعلن, or أ (folded to ا) with three letters more.
      // سانا (an agency) is س + انا to the clitic analyzer, which does not know verbs.
      std::string_view verb = a.key.substr(a.key.find("س") + 2);
      bool prefix = verb.substr(0, 2) == "ي" || verb.substr(0, 2) == "ت" || verb.substr(0, 2) == "ن";
      if ((prefix && verb.size() >= 6) || (verb.substr(0, 2) == "ا" && verb.size() >= 8)) return true;
    }
  }
  return false;
}

bool Grammar::parse(size_t i, Parse& out) const {
  bool found = false;
  auto consider = [&](const Parse& c) {
    if (!found || c.end > out.end) {
      out = c;
      found = true;
    }
  };
  // Each rule reads into a fresh candidate; it is cleared only after a rule
  // wrote to it (a Parse is two Whens: clearing it for every rule cost more
  // than the rules that do not apply).
  Parse c;
  bool used = false;
  auto fresh = [&]() -> Parse& {
    if (used) c = Parse();
    used = true;
    return c;
  };
  const Atom& a = A[i];
  bool num = a.kind == TokenKind::kNumber || a.is(Role::kNumber) || a.key == "ال";
  if ((num || a.is(Role::kBetween) || a.is(Role::kFrom) || a.is(Role::kDayWord) || a.is(Role::kYearWord) ||
       a.is(Role::kMonthWord)) &&
      interval(i, fresh())) {
    consider(c);
  }
  if ((num || a.is(Role::kWithin) || a.is(Role::kDurMark) || a.is(Role::kUnit)) && rolling(i, fresh())) consider(c);
  size_t e;
  bool reject = false;
  if (point(i, fresh().a, e, reject)) {
    c.end = e;
    c.reject = reject;
    consider(c);
  }
  if ((num || a.is(Role::kDurMark) || a.is(Role::kWithin) || a.is(Role::kApprox) || a.is(Role::kUnit) ||
       (i > 0 && A[i - 1].is(Role::kShift))) &&
      duration(i, fresh())) {
    consider(c);
  }
  if ((a.is(Role::kSetAdv) || a.is(Role::kEvery) || a.is(Role::kAt) || a.is(Role::kUnit)) && set(i, fresh())) {
    consider(c);
  }
  return found && out.end > i;
}

}  // namespace marsad::internal
