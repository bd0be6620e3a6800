// marsad/sentences.h — sentence boundaries in Arabic (and mixed) text.
//
// A sentence ends at . ! ? ؟ ؛ … (runs of them count as one), after any
// closing quotes or brackets that follow (» ” " ) ]), and at every line break.
// A full stop does not end a sentence after a one-letter word (د. for Dr.,
// م. for AD, U.S.) or between digits. The comma ، never ends one.
//
//   marsad::Tokenized t = marsad::tokenize("قال: «نعم.» ثم غادر. انتهى");
//   for (marsad::Span s : marsad::split_sentences(t)) ...   // 3 spans, trimmed
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/tokenize.h"

namespace marsad {

struct Span {
  uint32_t start = 0, end = 0;  // original byte range
};

// Sentences over the whole tokenized text, trimmed of surrounding space.
std::vector<Span> split_sentences(const Tokenized& t);

// Sentences among tokens [first, last) only.
std::vector<Span> split_sentences(const Tokenized& t, size_t first, size_t last);

// Debug dump: the sentences' original text joined by " | ".
std::string dump_sentences(std::string_view text, const std::vector<Span>& spans);

}  // namespace marsad
