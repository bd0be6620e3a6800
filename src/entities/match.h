// Internal: words of a token range and the gazetteer phrases found among them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/gazetteer.h"
#include "marsad/tokenize.h"

namespace marsad::internal {

// Views into the Tokenized's key, or into the MatchWords' arena for a host that
// restores its article. (Named apart from events' internal::Word: two classes of
// one name in one namespace break the one-definition rule, and ASan sees it.)
struct MatchWord {
  size_t token = 0;          // index in Tokenized::tokens
  uint32_t segment = 0;      // words in one segment have no punctuation between them
  std::string_view key;      // match key as written
  std::string_view host;     // without conjunction/preposition, article kept (بالمغرب → المغرب)
  uint8_t host_offset = 0;   // bytes of the key before the host
  bool has_article = false;
  std::string_view restore;  // what the written host lacks of its article: "ا" for للمغرب, "ال" for للجنة
};

struct MatchWords {
  std::vector<MatchWord> w;
  std::string arena;  // hosts with a restored article; sized once, never reallocated
};

struct Match {
  size_t begin, end;        // word range [begin, end)
  uint32_t entry;           // index into gazetteer().entries
  bool via_host;            // the first word matched without its clitics
};

// The words of tokens [first, last); `out` is cleared first (callers reuse it).
void words_of(const Tokenized& t, size_t first, size_t last, MatchWords& out);

// Longest phrases first, left to right, never across punctuation.
std::vector<Match> match_gazetteer(const std::vector<MatchWord>& words);

}  // namespace marsad::internal
