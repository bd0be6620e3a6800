// Internal: the entity gazetteer — every phrase of data/entities/*.tsv and the
// article layer's places, keyed by lookup_key() (match keys of the words,
// space-joined), with what each phrase names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_map.h"

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

// What a key is: a phrase (with its entries), the start of longer phrases, or both.
struct GazPhrase {
  std::vector<uint32_t> entries;  // best first; empty when the key is only a prefix
  bool prefix = false;            // a proper word prefix of some phrase: the matcher extends only these
};

struct Gazetteer {
  std::vector<GazEntry> entries;
  // Phrases and their word prefixes in one table, so that the matcher's step
  // (is it a phrase? may it grow?) is one probe; most words are neither.
  StringMap<GazPhrase> phrases;
  size_t max_words = 1;

  const GazPhrase* find(std::string_view key) const { return phrases.find(key); }
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
