// marsad/entities.h — who is named: countries, places, organisations, armed
// forces, roles and people, linked to stable ids and CAMEO actor codes.
//
// Mentions are matched on match keys with clitics understood (للمغرب, والمغرب,
// بالعاصمة), longest first, against the gazetteers in data/entities/ and
// data/article/places.tsv. Rules then compose and resolve them:
//   - an agent, force or role followed by a nisba takes its country:
//     وزير الخارجية المغربي → MARGOV, الجيش المصري → EGYMIL;
//   - X ونظيرتها Y-ية gives Y's actor of X's kind: ... ونظيرتها الإسرائيلية → ISRMIL;
//   - البلدين / الجانبين refer back to the two countries named most so far;
//   - a bare المملكة means the outlet's own kingdom;
//   - organisation heads (اللجنة, المجلس ...) and agreement heads (اتفاقيات
//     أبراهام) make ORG and MISC mentions.
// A learned tagger (ner.h) adds people and other names the gazetteers lack.
//
//   marsad::Tokenized t = marsad::tokenize(text);
//   std::vector<marsad::Entity> es =
//       marsad::find_entities(text, t, {{0, t.tokens.size()}}, marsad::EntityContext{"MAR"});
//   for (auto& e : es) std::cout << e.actor << "\n";   // MARMIL, ISRMIL, ...
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marsad/json.h"
#include "marsad/sentences.h"
#include "marsad/tokenize.h"

namespace marsad {

struct Entity {
  Span span;                     // original bytes
  std::string name;              // the mention as a name: the span's text, with the article restored
                                 // where a preposition had absorbed it (للجنة → اللجنة ...)
  uint32_t first_token = 0;      // token range [first_token, last_token) in the Tokenized
  uint32_t last_token = 0;
  std::string type;              // PERS | LOC | ORG | MISC
  std::string kind;              // country | city | region | organization | armed_forces | person | role | agreement | group | other
  std::string form;              // name | nisba | capital | counterpart | reference | ""
  std::string id;                // stable: ISO 3166 alpha-3 for countries, "org:…", "force:…", "geo:…"
  std::string country;           // ISO alpha-3 this mention belongs to, "" if none
  std::string actor;             // CAMEO actor code (MAR, MARMIL, IGOUNO), "" if none
  std::string source;            // gazetteer | rule | model
  std::vector<std::string> refers_to;  // for البلدين/الجانبين: the two countries
};

struct EntityContext {
  std::string outlet_country;    // ISO alpha-3 of the outlet: what a bare المملكة means
};

// Token ranges to search, in document order (e.g. one per kept paragraph);
// context such as the last countries named carries across ranges.
using TokenRanges = std::vector<std::pair<size_t, size_t>>;

// `t` is tokenize(text).
std::vector<Entity> find_entities(std::string_view text, const Tokenized& t, const TokenRanges& ranges,
                                  const EntityContext& ctx = {});

// The `entities` array of the record.
void write_entities_json(JsonWriter& w, std::string_view text, const std::vector<Entity>& entities);

// Debug dump, one entity per item: "المغربية:MAR/country/nisba القوات…:MARMIL/armed_forces".
std::string dump_entities(std::string_view text, const std::vector<Entity>& entities);

}  // namespace marsad
