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

std::vector<std::string> keys_of(std::string_view field) {
  std::vector<std::string> out;
  if (field == "-" || field.empty()) return out;
  for (std::string_view w : split(field, '|')) {
    std::string k = data_key(w);
    if (!k.empty()) out.push_back(std::move(k));
  }
  return out;
}

Phrase phrase_of(std::string_view form) {
  Phrase p;
  for (std::string_view w : split(form, ' ')) {
    if (!w.empty()) p.words.push_back(data_key(w));
  }
  return p;
}

EventTables build() {
  EventTables t;
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
    r.pattern = keys_of(c[4]);
    r.low = c[5].substr(0, 4) == "low:";
    const auto row = static_cast<uint32_t>(t.rows.size());
    for (const std::string& k : keys_of(c[2])) t.triggers[k].push_back({row, false});
    for (const std::string& k : keys_of(c[3])) t.triggers[k].push_back({row, true});
    for (const std::string& k : r.pattern) t.pattern_words[k].push_back(row);
    t.rows.push_back(std::move(r));
  });
  for_rows(kEventAttributionTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    Phrase p = phrase_of(c[0]);
    if (p.words.empty()) return;
    p.kind = c[1];
    t.attribution_first[p.words[0]].push_back(static_cast<uint32_t>(t.attribution.size()));
    t.attribution.push_back(std::move(p));
  });
  for_rows(kEventModalityTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 3) return;
    Phrase p = phrase_of(c[0]);
    if (p.words.empty()) return;
    p.kind = c[1];
    p.clause_scope = c[2] == "clause";
    t.modality_first[p.words[0]].push_back(static_cast<uint32_t>(t.modality.size()));
    t.modality.push_back(std::move(p));
  });
  XXH64_state_t* st = XXH64_createState();
  XXH64_reset(st, 0);
  for_rows(kEventSensesTsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    std::string k = data_key(c[0]);
    if (!k.empty()) t.senses.insert(k, keys_of(c[1]));
  });
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
