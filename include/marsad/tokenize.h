// marsad/tokenize.h — split a text into tokens that cover it exactly.
//
// Tokens are found on the match key (so a shadda or tatweel inside a word never
// splits it: وقّع is one token) and carry both their key range and their
// original byte range. Every byte of the input belongs to exactly one token:
// spaces are tokens too, so the tokens concatenate back to the input.
//
//   marsad::Tokenized t = marsad::tokenize("وقّع 3 اتفاقيات.");
//   for (const marsad::Token& tok : t.tokens)
//     if (tok.is_word()) std::cout << t.key_of(tok) << "\n";   // وقع / اتفاقيات
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/clitics.h"
#include "marsad/normalize.h"

namespace marsad {

enum class TokenKind : uint8_t {
  kArabic,  // a run of Arabic letters (marks and tatweel inside it included)
  kLatin,   // a run of letters of any other script
  kNumber,  // digits of any script, with inner "." "," "٫" "٬" between digits
  kPunct,   // one punctuation character
  kSymbol,  // one other character (currency, emoji, ...)
  kSpace,   // a run of white space, line breaks included
};
std::string_view token_kind_name(TokenKind k);

struct Token {
  uint32_t start = 0, end = 0;    // original byte range
  uint32_t kstart = 0, kend = 0;  // match-key byte range
  TokenKind kind = TokenKind::kSpace;
  bool is_word() const { return kind == TokenKind::kArabic || kind == TokenKind::kLatin; }
};

struct Tokenized {
  MatchKey key;
  std::vector<Token> tokens;
  std::string_view key_of(const Token& t) const {
    return std::string_view(key.key).substr(t.kstart, t.kend - t.kstart);
  }
  // analyze_clitics(key_of(tokens[i])), computed on the first request and kept:
  // the stages after tokenizing (entities, NER, events, quotes) all read it, and
  // the analysis costs several lexicon probes per word. Meant for Arabic tokens.
  // The first request for a token writes the cache, so a Tokenized shared
  // between threads must not be asked for clitics concurrently (the pipeline
  // keeps each document on one thread).
  const Clitics& clitics(size_t i) const {
    if (clitic_cache.size() == tokens.size() && clitic_cache[i].known) return clitic_cache[i].c;
    return analyze_clitics_of(i);
  }

  // The cache behind clitics(); valid only for the tokens it was filled for.
  struct CachedClitics {
    Clitics c;
    bool known = false;
  };
  mutable std::vector<CachedClitics> clitic_cache;

 private:
  const Clitics& analyze_clitics_of(size_t i) const;  // the first request for token i
};

// Builds the match key of `text` and tokenizes it. `text` must be valid UTF-8.
Tokenized tokenize(std::string_view text);
// The same into `out`, reusing its buffers (for loops over many texts).
void tokenize(std::string_view text, Tokenized& out);

// Index of the first token starting at or after byte `at` of the text (tokens.size() if none):
// the token range of a span [b, e) is [token_at(b), token_at(e)).
size_t token_at(const std::vector<Token>& tokens, uint32_t at);

// Tokenizes an existing match key (the caller keeps the key alive).
std::vector<Token> tokenize_key(const MatchKey& key);
void tokenize_key(const MatchKey& key, std::vector<Token>& out);

// Compact debug dump, one token per item: "ar:وقع sp num:3 sp ar:اتفاقيات p:."
std::string dump_tokens(const Tokenized& t);

}  // namespace marsad
