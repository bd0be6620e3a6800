// Internal: a document seen as words (spaces dropped), each with its match
// key, its host (proclitics stripped, article kept) and its stem (article
// stripped too), their ids in the event lexicon, and the entity or date that
// covers it. The coder and the quote finder both work on this view: each form
// is hashed once here, and every later question is an integer compare.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/dates.h"
#include "marsad/entities.h"
#include "marsad/events.h"
#include "marsad/sentences.h"
#include "marsad/tokenize.h"
#include "tables.h"

namespace marsad::internal {

struct Word {
  uint32_t start = 0, end = 0;  // original bytes
  std::string_view key;         // the token's match key
  std::string_view host;        // without و ف ب ك ل س (article kept): in the key, or in DocWords::arena
  std::string_view stem;        // without the article as well (points into host)
  char prep = 0;                // 'b' | 'l' | 'k' when a preposition clitic is attached
  bool conj = false;            // و or ف attached
  bool future = false;          // the future proclitic س
  bool punct = false;           // a punctuation token (key holds it)
  bool word = false;            // letters or digits
  bool clause_break = false;    // is_clause_break(), decided once
  uint8_t facts = 0;            // the Fact bits of its forms (tables.h), ORed
  int entity = -1;              // entity covering this word
  int date = -1;                // date covering this word
  int sentence = -1;
  WordId id[3] = {kNoWord, kNoWord, kNoWord};  // of key, host and stem in EventTables::lexicon
  bool is(std::string_view k) const { return k == key || k == host || k == stem; }
  // As is(k) for a word k of the lexicon (k == kNoWord: never).
  bool is(WordId k) const { return k != kNoWord && (k == id[0] || k == id[1] || k == id[2]); }

  // The lexicon entry of the first form (key, host, stem) with Fact f; a word without
  // clitics has all three the same.
  const Lexeme* first_form(const EventTables& tab, Fact f) const {
    if (!(facts & f)) return nullptr;
    for (WordId k : id) {
      if (k != kNoWord && (tab.facts[k] & f)) return &tab.at(k);
    }
    return nullptr;
  }

};

struct DocWords {
  std::vector<Word> w;
  std::string arena;  // hosts with a restored article (ل + ال written لل); sized once, never reallocated
  // Word ranges of the sentences, [first, last), parallel to the sentences given.
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  // Per entity: its word range [first, last).
  std::vector<std::pair<int, int>> entity_words;
};

DocWords build_words(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                     const std::vector<Entity>& entities, const std::vector<TimeExpression>* dates);

// The quote finder over a prepared word view (quotes.cc).
std::vector<Quote> quotes_in(std::string_view text, const DocWords& d, const std::vector<Entity>& entities);

// Match keys of written words (for the small closed word lists in the code).
std::vector<std::string> keys(std::initializer_list<std::string_view> words);

// A word that starts a subordinate or relative clause, or punctuation that ends one.
inline bool is_clause_break(const Word& w) { return w.clause_break; }

// The preposition governing word i: an attached ب/ل/ك ("b", "l", "k") or the word before
// ("في", "على", "الى", ...); "" when none.
std::string_view preposition_before(const DocWords& d, int i);

}  // namespace marsad::internal
