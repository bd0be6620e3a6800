// Where a trigger stands in its sentence (context.h).
#include "context.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace marsad::internal {
namespace {

// How far a clause-scope modality marker reaches forward (words).
constexpr int kClauseMarkerReach = 14;

// Does phrase p match the words starting at j? Returns the index after it, or -1.
int match_phrase(const DocWords& d, const Phrase& p, uint32_t j, uint32_t b) {
  uint32_t at = j;
  for (WordId w : p.words) {
    while (at < b && d.w[at].punct) ++at;
    if (at >= b || !d.w[at].is(w)) return -1;
    ++at;
  }
  return static_cast<int>(at);
}

// The modality phrases that start with word w: those of its first form (key, host, stem)
// that starts any.
const std::vector<uint32_t>* phrases_from(const EventTables& tab, const Word& w) {
  const Lexeme* x = w.first_form(tab, kModalityFirst);
  return x ? &x->modality_first : nullptr;
}

}  // namespace

std::pair<uint32_t, uint32_t> clause_of(const DocWords& d, uint32_t a, uint32_t b, uint32_t i) {
  uint32_t ca = i, cb = i + 1;
  while (ca > a && !is_clause_break(d.w[ca - 1])) --ca;
  while (cb < b && !is_clause_break(d.w[cb])) ++cb;
  return {ca, cb};
}

bool in_quotation(const DocWords& d, uint32_t a, int i) {
  bool in_guillemets = false, in_straight = false;
  for (int j = a; j < i; ++j) {
    const Word& w = d.w[j];
    if (!w.punct) continue;
    if (w.key == "«" || w.key == "“") in_guillemets = true;
    else if (w.key == "»" || w.key == "”") in_guillemets = false;
    else if (w.key == "\"") in_straight = !in_straight;
  }
  return in_guillemets || in_straight;
}

bool after_cause_marker(const DocWords& d, uint32_t a, int i) {
  const EventTables& tab = event_tables();
  int seen = 0;
  for (int j = i - 1; j >= static_cast<int>(a) && seen < 3; --j) {
    const Word& w = d.w[j];
    if (!w.word) continue;
    ++seen;
    if (w.first_form(tab, kCauseMarker)) return true;
  }
  return false;
}

bool in_relative_clause(const DocWords& d, uint32_t a, uint32_t b, int i) {
  static const WordId kRelatives[] = {word_id("الذي"),   word_id("التي"),   word_id("الذين"),
                                      word_id("اللذين"),  word_id("اللتين"),  word_id("اللذان"),
                                      word_id("اللتان"),  word_id("اللواتي"), word_id("اللاتي")};
  const uint32_t ca = clause_of(d, a, b, i).first;
  if (ca == a) return false;
  const Word& w = d.w[ca - 1];
  return std::any_of(std::begin(kRelatives), std::end(kRelatives), [&](WordId k) { return w.is(k); });
}

bool anniversary_of(const DocWords& d, uint32_t a, int i) {
  static const std::string kDhikra = data_key("ذكرى");
  int seen = 0;
  for (int j = i - 1; j >= static_cast<int>(a) && seen < 2; --j) {
    if (!d.w[j].word) continue;
    ++seen;
    if (d.w[j].stem == kDhikra) return true;
  }
  return false;
}

bool other_sense(const DocWords& d, const EventTables& tab, const Word& w, uint32_t a, uint32_t b) {
  const Lexeme* x = w.first_form(tab, kSenses);
  if (!x) return false;
  for (uint32_t j = a; j < b; ++j) {
    if (!d.w[j].word) continue;
    for (WordId c : x->sense_context) {
      if (d.w[j].is(c)) return true;
    }
  }
  return false;
}

bool protesters(const EventActor& a) {
  static const std::vector<std::string> kWords = keys({"متظاهر", "محتج", "معتصم", "مضرب"});
  if (a.text.empty()) return false;
  const std::string key = data_key(a.text);
  return std::any_of(kWords.begin(), kWords.end(), [&](const std::string& w) {
    const size_t at = key.find(w);
    return at != std::string::npos && at <= 6;  // after ال / و / ب at most
  });
}

std::string modality_of(const DocWords& d, const EventTables& tab, uint32_t a, uint32_t b, int i, bool masdar) {
  static const WordId an = word_id("أن");
  static const WordId qad = word_id("قد");
  std::string found;
  auto rank = [](std::string_view m) {
    if (m == "negated") return 6;
    if (m == "conditional") return 5;
    if (m == "future" || m == "planned") return 4;
    if (m == "possible") return 3;
    if (m == "reported") return 2;
    return 0;
  };
  auto take = [&](const std::string& m) {
    if (rank(m) > rank(found)) found = m;
  };
  if (d.w[i].future) take("future");
  const int reach_from = std::max<int>(a, i - kClauseMarkerReach);
  for (int j = reach_from; j < i; ++j) {
    const Word& w = d.w[j];
    if (!w.word) continue;
    if (const std::vector<uint32_t>* first = phrases_from(tab, w)) {
      for (uint32_t pi : *first) {
        const Phrase& p = tab.modality[pi];
        int end = match_phrase(d, p, j, b);
        if (end < 0 || end > i) continue;
        if (w.prep) continue;  // بلا، بدون: "without", not a negated verb
        if (p.words.size() == 1 && p.words[0] == an) continue;  // إن folds to أن: never a marker alone
        if (p.clause_scope) {
          take(p.kind);
          continue;
        }
        // next_verb: the marker directly precedes the trigger (أن may sit between).
        int gap = 0;
        for (int m = end; m < i; ++m) {
          if (d.w[m].word && !d.w[m].is(an)) ++gap;
        }
        if (gap > 1) continue;
        if (p.words[0] == qad && !masdar) {
          // قد + past is affirmative ("has"); قد + present is "may".
          std::string_view tk = d.w[i].host;
          if (!(tk.substr(0, 2) == "ي" || tk.substr(0, 2) == "ت" || tk.substr(0, 2) == "ن")) continue;
        }
        take(p.kind);
      }
    }
  }
  // Time words after the trigger in its clause (تجتمع اللجنة غدا، الأسبوع المقبل).
  for (int j = i + 1; j < static_cast<int>(b) && j <= i + kClauseMarkerReach; ++j) {
    const Word& w = d.w[j];
    if (is_clause_break(w)) break;
    if (!w.word) continue;
    if (const std::vector<uint32_t>* first = phrases_from(tab, w)) {
      for (uint32_t pi : *first) {
        const Phrase& p = tab.modality[pi];
        if (p.clause_scope && (p.kind == "future" || p.kind == "planned") && match_phrase(d, p, j, b) > 0) take(p.kind);
      }
    }
  }
  return found.empty() ? "asserted" : found;
}

}  // namespace marsad::internal
