// Internal: the entity gazetteer — every phrase of data/entities/*.tsv and the
// article layer's places, keyed by lookup_key() (match keys of the words,
// space-joined), with what each phrase names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace marsad::internal {

enum class GazKind : uint8_t {
  kCountry,    // a country's name: المغرب
  kNisba,      // a country's adjective: المغربية, المغاربة
  kPlace,      // a city or region (capitals included)
  kOrg,        // a named organisation: مجلس الأمن
  kForce,      // a named armed force or service: القوات المسلحة الملكية
  kAgent,      // a generic agent noun: الجيش, الحكومة (country comes from context)
  kRole,       // an office: وزير الخارجية
  kHeadOrg,    // heads.tsv roles, see data/entities/heads.tsv
  kHeadAgreement,
  kHeadCounterpart,
  kHeadPair,
  kHeadKingdom,
};

struct GazEntry {
  GazKind kind;
  std::string id;       // stable id (ISO3 for countries, "org:…", "force:…", "geo:…")
  std::string country;  // ISO alpha-3, "" if none
  std::string actor;    // CAMEO actor code as far as the entry knows it
  std::string agent;    // CAMEO agent code (MIL, GOV, ...) for forces, agents, roles
  std::string type;     // PERS | LOC | ORG | MISC
  std::string detail;   // place kind (capital/city/region), organisation type, gloss
};

struct Gazetteer {
  std::vector<GazEntry> entries;
  std::unordered_map<std::string, std::vector<uint32_t>> phrases;  // key -> entries, best first
  std::unordered_set<std::string> prefixes;  // every proper word prefix of a phrase: the matcher extends only these
  size_t max_words = 1;

  const std::vector<uint32_t>* find(const std::string& key) const {
    auto it = phrases.find(key);
    return it == phrases.end() ? nullptr : &it->second;
  }
};

const Gazetteer& gazetteer();

// The embedded files (generated).
extern const std::string_view kCountriesTsv;
extern const std::string_view kOrganizationsTsv;
extern const std::string_view kForcesTsv;
extern const std::string_view kAgentsTsv;
extern const std::string_view kRolesTsv;
extern const std::string_view kHeadsTsv;

}  // namespace marsad::internal
