// Internal: words of a token range and the gazetteer phrases found among them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entities/gazetteer.h"
#include "marsad/tokenize.h"

namespace marsad::internal {

struct Word {
  size_t token = 0;         // index in Tokenized::tokens
  uint32_t segment = 0;     // words in one segment have no punctuation between them
  std::string key;          // match key as written
  std::string host;         // without conjunction/preposition, article kept (بالمغرب → المغرب)
  uint8_t host_offset = 0;  // bytes of the key before the host
  bool has_article = false;
  std::string restore;      // what the written host lacks of its article: "ا" for للمغرب, "ال" for للجنة
};

struct Match {
  size_t begin, end;        // word range [begin, end)
  uint32_t entry;           // index into gazetteer().entries
  bool via_host;            // the first word matched without its clitics
};

std::vector<Word> words_of(const Tokenized& t, size_t first, size_t last);

// Longest phrases first, left to right, never across punctuation.
std::vector<Match> match_gazetteer(const std::vector<Word>& words);

}  // namespace marsad::internal
