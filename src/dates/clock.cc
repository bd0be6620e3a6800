// Clock times: الساعة الثالثة بعد الظهر, الساعة 8 مساء, 14:30, العاشرة والنصف
// صباحا, منتصف الليل, with a time zone (بتوقيت غرينتش, GMT, بتوقيت مكة).
#include "dates/grammar.h"

namespace marsad::internal {
namespace {

// 12-hour readings to 24-hour ones. A bare hour with no part of the day stays
// as written (news mostly writes 24-hour numerals, and 8 alone is ambiguous).
int apply_part(int h, Part p) {
  switch (p) {
    case Part::kNoon: return h <= 5 ? h + 12 : h;
    case Part::kAfternoon:
    case Part::kEvening: return h < 12 ? h + 12 : h;
    case Part::kNight: return h == 12 ? 0 : (h >= 6 && h < 12 ? h + 12 : h);
    case Part::kDawn: return h == 12 ? 0 : h;
    default: return h;
  }
}

}  // namespace

// [الساعة] (HH:MM | HH | ORDINAL | منتصف الليل) [و FRACTION | إلا FRACTION] [PART] [ZONE].
// A bare number or an ordinal is an hour only after الساعة, or with a part of
// the day or a fraction after it: الخامسة in الذكرى الخامسة is not a time.
bool Grammar::clock_expr(size_t i, When& w, size_t& e) const {
  size_t j = i, k;
  bool at = false;
  if (entry(j, Role::kAt)) {
    at = true;
    ++j;
  }
  if (j >= n_) return false;
  int h = -1, m = -1;
  bool exact = false;  // HH:MM or a named hour: a time without further proof
  const Atom& a = A[j];
  if (a.number() && a.digits <= 2 && punct(j + 1, ":") && j + 2 < n_ && A[j + 1].glued && A[j + 2].glued &&
      A[j + 2].number() && A[j + 2].digits == 2) {
    h = static_cast<int>(a.num), m = static_cast<int>(A[j + 2].num);
    k = j + 3;
    if (punct(k, ":") && k + 1 < n_ && A[k].glued && A[k + 1].number() && A[k + 1].digits == 2) k += 2;  // seconds
    if (k < n_ && A[k].glued && (A[k].punct(":") || A[k].punct("/") || A[k].punct("-"))) return false;
    if (h > 24 || m > 59) return false;
    exact = true;
  } else if (a.kind == TokenKind::kNumber && !a.number() && a.key.size() >= 4 && a.key.size() <= 5 &&
             (a.key[a.key.size() - 3] == ',' || a.key[a.key.size() - 3] == '.') &&
             (at || time_zone(j + 1, w, k))) {
    // الساعة 22,40: agencies write hh,mm (the tokenizer keeps it one number).
    std::string_view s = a.key;
    size_t sep = s.size() - 3;
    h = 0, m = 0;
    for (size_t p = 0; p < s.size(); ++p) {
      if (p == sep) continue;
      if (s[p] < '0' || s[p] > '9') return false;
      (p < sep ? h : m) = (p < sep ? h : m) * 10 + (s[p] - '0');
    }
    if (h > 24 || m > 59) return false;
    k = j + 1;
    exact = true;
  } else if (const Entry* mid = entry(j, Role::kMidClock, k)) {
    h = mid->a, m = 0;
    exact = true;
  } else if (a.number() && a.digits <= 2 && a.num <= 24) {
    if (j + 1 < n_ && A[j + 1].glued && (A[j + 1].punct(":") || A[j + 1].punct("/") || A[j + 1].punct("-") ||
                                         A[j + 1].punct(".") || A[j + 1].punct(","))) {
      return false;
    }
    h = static_cast<int>(a.num);
    k = j + 1;
  } else {
    int v;
    if (!ordinal(j, v, k) || v < 1 || v > 12) return false;
    h = v;
  }
  // Minutes in words: والنصف, والربع, وعشر دقائق, إلا ربعا.
  bool frac = false;
  if (!exact) {
    const Entry* f = nullptr;
    int64_t v;
    size_t q;
    if (k < n_ && A[k].conj && (f = entry(k, Role::kFrac))) {
      m = f->a, ++k, frac = true;
    } else if (word(k, "و") && (f = entry(k + 1, Role::kFrac))) {
      m = f->a, k += 2, frac = true;
    } else if (k < n_ && A[k].conj && cardinal(k, v, q) && v < 60 && entry(q, Role::kUnit) &&
               static_cast<Grain>(entry(q, Role::kUnit)->a) == Grain::kMinute) {
      m = static_cast<int>(v), k = q + 1, frac = true;
    } else if (word(k, "و") && cardinal(k + 1, v, q) && v < 60 && entry(q, Role::kUnit) &&
               static_cast<Grain>(entry(q, Role::kUnit)->a) == Grain::kMinute) {
      m = static_cast<int>(v), k = q + 1, frac = true;  // الساعة 13 و30 دق
    } else if (entry(k, Role::kMinus) && (f = entry(k + 1, Role::kFrac))) {
      m = 60 - f->a, h = h == 0 ? 23 : h - 1, k += 2, frac = true;
    }
  }
  Part part = Part::kNone;
  size_t pe;
  if (const Entry* p = entry(k, Role::kPart, pe)) {
    part = static_cast<Part>(p->a);
    k = pe;
  } else if (k < n_ && (A[k].key == "ص" || A[k].key == "م") && (a.number())) {
    part = A[k].key == "ص" ? Part::kMorning : Part::kEvening;
    ++k;
  }
  if (!at && !exact && !frac && part == Part::kNone) return false;
  if (!at && !exact && part == Part::kNone && a.number()) return false;  // 8 والنصف: too weak
  w.hour = apply_part(h, part);
  if (w.hour == 24) w.hour = 0;
  w.minute = m;
  if (m < 0 && exact) w.minute = 0;
  w.part = part;
  e = k;
  size_t ze;
  if (time_zone(k, w, ze)) e = ze;
  // (16,40 ت غ): the same time in another zone, given in brackets.
  if (punct(e, "(")) {
    for (size_t q = e + 1; q < e + 6 && q < n_; ++q) {
      When z;
      size_t zq;
      if (time_zone(q, z, zq) && punct(zq, ")") && (A[q - 1].kind == TokenKind::kNumber || A[q - 1].is(Role::kPart))) {
        e = zq + 1;
        break;
      }
      if (A[q].punct(")")) break;
    }
  }
  return true;
}

// [(] [بتوقيت | توقيت | حسب توقيت] ZONE [)]: a city's zone needs the marker; GMT,
// UTC and ت.غ stand alone.
bool Grammar::time_zone(size_t i, When& w, size_t& e) const {
  size_t j = i, k;
  bool paren = punct(j, "(");
  if (paren) ++j;
  bool marked = false;
  if (entry(j, Role::kTzMark, k)) {
    marked = true;
    j = k;
  }
  const Entry* z = entry(j, Role::kTz, k);
  if (z == nullptr) return false;
  if (!marked && A[j].kind != TokenKind::kLatin && A[j].key != "ت") return false;
  if (paren) {
    if (!punct(k, ")")) return false;
    ++k;
  }
  if (z->c == 0) w.tz = z->a;
  e = k;
  return true;
}

}  // namespace marsad::internal
