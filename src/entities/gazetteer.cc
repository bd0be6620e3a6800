// Builds the gazetteer once from the embedded tables. Several entries may share
// a phrase (الجزائر is a country and its capital); they are kept in priority
// order so the matcher takes the first: named forces and organisations, then
// countries, nisbas, places, generic agents and roles, then heads.
#include "entities/gazetteer.h"

#include <algorithm>

#include "article/tables.h"

namespace marsad::internal {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) return out;
    b = e + 1;
  }
}

template <typename F>
void each_row(std::string_view tsv, size_t columns, F&& row) {
  for (std::string_view line : split(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    if (f.size() < columns) continue;  // tests/unit/entities_test checks every row is well-formed
    for (auto& x : f) {
      if (x == "-") x = {};
    }
    row(f);
  }
}

int priority(GazKind k) {
  switch (k) {
    case GazKind::kForce: return 0;
    case GazKind::kOrg: return 1;
    case GazKind::kCountry: return 2;
    case GazKind::kNisba: return 3;
    case GazKind::kPlace: return 4;
    case GazKind::kAgent: return 5;
    case GazKind::kRole: return 6;
    default: return 7;
  }
}

class Builder {
 public:
  uint32_t add_entry(GazEntry e) {
    g_.entries.push_back(std::move(e));
    return static_cast<uint32_t>(g_.entries.size() - 1);
  }
  void add_key(std::string k, uint32_t entry) {
    if (k.empty()) return;
    g_.max_words = std::max<size_t>(g_.max_words, 1 + static_cast<size_t>(std::count(k.begin(), k.end(), ' ')));
    auto& v = g_.phrases[k].entries;
    if (std::find(v.begin(), v.end(), entry) == v.end()) v.push_back(entry);
  }
  void add_phrase(std::string_view text, uint32_t entry) { add_key(lookup_key(text), entry); }
  void add_phrases(std::string_view list, uint32_t entry) {
    for (std::string_view p : split(list, '|')) add_phrase(p, entry);
  }
  // Agents and roles are also written without the article in construct
  // phrases: حكومة المغرب, وزير خارجية فرنسا.
  void add_with_bare_form(std::string_view list, uint32_t entry) {
    for (std::string_view p : split(list, '|')) {
      std::string k = lookup_key(p);
      if (k.rfind("ال", 0) == 0 && k.size() > 6) add_key(k.substr(4), entry);
      add_key(std::move(k), entry);
    }
  }
  Gazetteer finish() {
    std::vector<std::string> prefixes;
    g_.phrases.for_each([&](std::string_view k, GazPhrase& p) {
      for (size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1)) {
        prefixes.emplace_back(k.substr(0, sp));
      }
      std::stable_sort(p.entries.begin(), p.entries.end(), [&](uint32_t a, uint32_t b) {
        return priority(g_.entries[a].kind) < priority(g_.entries[b].kind);
      });
    });
    for (const std::string& k : prefixes) g_.phrases[k].prefix = true;
    return std::move(g_);
  }

 private:
  Gazetteer g_;
};

Gazetteer build() {
  Builder b;
  each_row(kCountriesTsv, 8, [&](const auto& f) {
    std::string id(f[0]), cameo(f[7].empty() ? f[0] : f[7]);
    uint32_t name = b.add_entry({GazKind::kCountry, id, id, cameo, "", "LOC", ""});
    b.add_phrase(f[2], name);
    b.add_phrases(f[4], name);
    uint32_t nisba = b.add_entry({GazKind::kNisba, id, id, cameo, "", "MISC", ""});
    b.add_phrases(f[5], nisba);
  });
  for (const auto& [key, place] : article_tables().places) {
    std::string id = "geo:" + place.country + ":" + place.name_latin;
    std::replace(id.begin(), id.end(), ' ', '_');
    std::string actor = place.kind == "capital" ? place.country : "";
    b.add_key(key, b.add_entry({GazKind::kPlace, id, place.country, actor, "", "LOC", place.kind}));
  }
  each_row(kOrganizationsTsv, 7, [&](const auto& f) {
    uint32_t e = b.add_entry({GazKind::kOrg, "org:" + std::string(f[0]), std::string(f[4]), std::string(f[5]), "",
                              "ORG", std::string(f[3])});
    b.add_phrase(f[1], e);
    b.add_phrase(f[2], e);
    b.add_phrases(f[6], e);
  });
  each_row(kForcesTsv, 6, [&](const auto& f) {
    uint32_t e = b.add_entry({GazKind::kForce, "force:" + std::string(f[0]), std::string(f[2]), std::string(f[4]),
                              std::string(f[3]), "ORG", ""});
    b.add_phrase(f[1], e);
    b.add_phrases(f[5], e);
  });
  each_row(kAgentsTsv, 4, [&](const auto& f) {
    uint32_t e = b.add_entry({GazKind::kAgent, "", "", "", std::string(f[1]), "ORG", std::string(f[2])});
    b.add_with_bare_form(f[0], e);
    b.add_with_bare_form(f[3], e);
  });
  each_row(kRolesTsv, 4, [&](const auto& f) {
    uint32_t e = b.add_entry({GazKind::kRole, "", "", "", std::string(f[1]), "PERS", std::string(f[2])});
    b.add_with_bare_form(f[0], e);
    b.add_with_bare_form(f[3], e);
  });
  static const std::pair<std::string_view, GazKind> kHeadRoles[] = {
      {"org", GazKind::kHeadOrg},           {"agreement", GazKind::kHeadAgreement},
      {"counterpart", GazKind::kHeadCounterpart}, {"pair", GazKind::kHeadPair},
      {"kingdom", GazKind::kHeadKingdom}};
  each_row(kHeadsTsv, 3, [&](const auto& f) {
    for (const auto& [name, kind] : kHeadRoles) {
      if (f[1] == name) b.add_phrase(f[0], b.add_entry({kind, "", "", "", "", "", std::string(f[2])}));
    }
  });
  return b.finish();
}

}  // namespace

const Gazetteer& gazetteer() {
  static const Gazetteer g = build();
  return g;
}

}  // namespace marsad::internal
