// Internal: the words a date grammar reads, made from tokens.
//
// Spaces are dropped (an atom remembers whether one came before it), a line
// break becomes a wall no expression crosses, and each Arabic word is looked
// up in the date lexicon after the proclitics that hide it are taken off:
// بدجنبر → دجنبر, وفي → (not a date word), للعام → العام, لسنة → سنة. The
// stripping is tried only against the closed date lexicon, so it cannot turn
// an ordinary word into a date word unless the rest is one.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "dates/lexicon.h"
#include "marsad/tokenize.h"

namespace marsad::internal {

// Fields ordered to pack into 80 bytes: one is made per token, and most are
// never read again.
struct Atom {
  uint32_t start = 0, end = 0;  // original byte range
  uint32_t token = 0;           // index into Tokenized::tokens
  int32_t num = -1;             // value of a plain run of at most 9 digits, else -1
  std::string_view key;         // the token's match key
  std::string_view host;        // the lexicon key found after proclitics (== key when none were taken)
  std::span<const Entry> entries;  // lexicon entries of host (empty: not a date word)
  uint64_t roles = 0;           // bit (1 << Role) for every role of `entries`
  TokenKind kind = TokenKind::kSpace;
  bool glued = false;           // no space before it
  bool wall = false;            // a line break before it: expressions stop here
  bool conj = false;            // a conjunction (و/ف) was taken off
  uint8_t digits = 0;           // digits in that run

  bool is(Role r) const { return (roles >> static_cast<int>(r)) & 1; }
  bool number() const { return num >= 0; }
  bool punct(std::string_view p) const { return kind == TokenKind::kPunct && key == p; }
  // Sentence-final punctuation: nothing matches across it.
  bool stop() const {
    return kind == TokenKind::kPunct && (key == "." || key == "!" || key == "?" || key == "؟" || key == "؛" || key == ";");
  }
};

// Atoms of tokens [first, last) of t, into `out` (cleared first; callers reuse it).
void make_atoms(const Tokenized& t, size_t first, size_t last, const DateLexicon& lex, std::vector<Atom>& out);

}  // namespace marsad::internal
