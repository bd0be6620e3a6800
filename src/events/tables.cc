#include "tables.h"

#include <xxhash.h>

#include <charconv>
#include <cstdio>
#include <string>

#include "marsad/normalize.h"

namespace marsad::internal {

extern const std::string_view kEventCodesTsv;
extern const std::string_view kEventVerbsTsv;
extern const std::string_view kEventAttributionTsv;
extern const std::string_view kEventModalityTsv;
extern const std::string_view kEventSensesTsv;

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (;;) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

// Calls f(columns) for every data line of a TSV (no comments, no blank lines).
template <typename F>
void for_rows(std::string_view tsv, F f) {
  for (std::string_view line : split(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f(split(line, '\t'));
  }
}

// The id of key, entered in the lexicon if new.
WordId enter(EventTables& t, std::string_view key) {
  const uint32_t f = filter_hash(key) % EventTables::kFilterBits;
  t.filter[f / 64] |= uint64_t{1} << (f % 64);
  t.lexicon.insert(key, Lexeme{});
  return t.id(key);
}

// The closed word lists the code asks about, entered with the tables' words so that a text
// word's lexicon entry answers for them too.
// Words that open a subordinate or relative clause (is_clause_break, words.h).
constexpr std::string_view kClauseBreakWords[] = {
    "التي", "الذي",  "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "حيث", "بينما", "فيما", "أن",
    "إن",   "لأن",   "كي",    "عندما",  "بعدما",  "حينما",  "لكن",   "لكي", "إذ",    "كما",  "حتى"};
// Cause and sequence markers (after_cause_marker, context.h).
constexpr std::string_view kCauseMarkerWords[] = {"جراء", "إثر", "عقب",  "غداة", "بسبب", "بعد",  "قبل", "أدى",
                                                  "أدت",  "يؤدي", "تؤدي", "أسفر", "أسفرت", "يسفر", "خلفت", "خلف"};
// Other words the code compares by id (word_id()).
constexpr std::string_view kCodeWords[] = {"أن",    "قد",     "الذي",   "التي",   "الذين", "اللذين",
                                           "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"};

// The words of a |-separated field, entered in the lexicon.
std::vector<WordId> ids_of(EventTables& t, std::string_view field) {
  std::vector<WordId> out;
  if (field == "-" || field.empty()) return out;
  for (std::string_view w : split(field, '|')) {
    std::string k = data_key(w);
    if (!k.empty()) out.push_back(enter(t, k));
  }
  return out;
}

Phrase phrase_of(EventTables& t, std::string_view form) {
  Phrase p;
  for (std::string_view w : split(form, ' ')) {
    if (!w.empty()) p.words.push_back(enter(t, data_key(w)));
  }
  return p;
}

EventTables build() {
  EventTables t;
  // Only build() inserts into the lexicon: the WordIds text words get from it stay valid.
  for (std::string_view w : kClauseBreakWords) t.lexicon.at(enter(t, data_key(w))).facts |= kClauseBreakWord;
  for (std::string_view w : kCauseMarkerWords) t.lexicon.at(enter(t, data_key(w))).facts |= kCauseMarker;
  for (std::string_view w : kCodeWords) enter(t, data_key(w));
  for_rows(kEventCodesTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 7) return;
    CameoCode k;
    k.code = c[0];
    k.name = c[1];
    k.root = c[2];
    k.goldstein = std::strtod(std::string(c[3]).c_str(), nullptr);
    std::from_chars(c[4].data(), c[4].data() + c[4].size(), k.quad_class);
    k.plover = c[5] == "-" ? "" : std::string(c[5]);
    k.plover_mode = c[6] == "-" ? "" : std::string(c[6]);
    t.codes.emplace(k.code, std::move(k));
  });
  for_rows(kEventVerbsTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 6) return;
    TriggerRow r;
    r.code = c[0];
    r.pattern = ids_of(t, c[4]);
    r.low = c[5].substr(0, 4) == "low:";
    const auto row = static_cast<uint32_t>(t.rows.size());
    for (WordId k : r.pattern) t.lexicon.at(k).facts |= kPatternWord;
    for (WordId k : ids_of(t, c[2])) t.lexicon.at(k).triggers.push_back({row, false});
    for (WordId k : ids_of(t, c[3])) t.lexicon.at(k).triggers.push_back({row, true});
    t.rows.push_back(std::move(r));
  });
  for_rows(kEventAttributionTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    Phrase p = phrase_of(t, c[0]);
    if (p.words.empty()) return;
    p.kind = c[1];
    t.lexicon.at(p.words[0]).attribution_first.push_back(static_cast<uint32_t>(t.attribution.size()));
    t.attribution.push_back(std::move(p));
  });
  for_rows(kEventModalityTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 3) return;
    Phrase p = phrase_of(t, c[0]);
    if (p.words.empty()) return;
    p.kind = c[1];
    p.clause_scope = c[2] == "clause";
    t.lexicon.at(p.words[0]).modality_first.push_back(static_cast<uint32_t>(t.modality.size()));
    t.modality.push_back(std::move(p));
  });
  XXH64_state_t* st = XXH64_createState();
  XXH64_reset(st, 0);
  for_rows(kEventSensesTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    std::string k = data_key(c[0]);
    if (k.empty()) return;
    // The first row of a word counts (as a map insert would keep it).
    std::vector<WordId> context = ids_of(t, c[1]);
    Lexeme& x = t.lexicon.at(enter(t, k));
    if (x.has_senses) return;
    x.has_senses = true;
    x.sense_context = std::move(context);
  });
  t.lexicon.for_each([](std::string_view, Lexeme& x) {
    if (!x.triggers.empty()) x.facts |= kTriggers;
    if (x.has_senses) x.facts |= kSenses;
    if (!x.attribution_first.empty()) x.facts |= kAttributionFirst;
    if (!x.modality_first.empty()) x.facts |= kModalityFirst;
  });
  t.lexicon.for_each([&](std::string_view, const Lexeme& x) { t.facts.push_back(x.facts); });
  for (std::string_view s : {kEventCodesTsv, kEventVerbsTsv, kEventAttributionTsv, kEventModalityTsv, kEventSensesTsv}) {
    XXH64_update(st, s.data(), s.size());
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "events-%016llx", static_cast<unsigned long long>(XXH64_digest(st)));
  XXH64_freeState(st);
  t.version = buf;
  return t;
}

}  // namespace

std::string data_key(std::string_view word) { return match_key(word); }

WordId word_id(std::string_view written) { return event_tables().id(data_key(written)); }

const EventTables& event_tables() {
  static const EventTables t = build();
  return t;
}

}  // namespace marsad

namespace marsad {

bool lookup_cameo(std::string_view code, CameoCode& out) {
  const auto& codes = internal::event_tables().codes;
  auto it = codes.find(std::string(code));
  if (it == codes.end()) return false;
  out = it->second;
  return true;
}

std::string_view events_tables_version() { return internal::event_tables().version; }

}  // namespace marsad
