// Internal: repeated-paragraph removal.
#pragma once

#include <vector>

#include "marsad/article.h"
#include "marsad/tokenize.h"

namespace marsad::internal {

// Keeps the first occurrence of each paragraph; a later one whose match-key
// words are the same (exact_duplicate) or whose word sets have Jaccard
// similarity >= `near` (near_duplicate) is moved to `removed`, pointing at the
// index (in `kept`) of the paragraph it repeats.
// With `whole` (tokenize(text)), the paragraphs' words are read from it instead of
// tokenizing each paragraph again.
void dedup_paragraphs(std::string_view text, const std::vector<Span>& paragraphs, double near,
                      std::vector<Span>& kept, std::vector<Removed>& removed, const Tokenized* whole = nullptr);

}  // namespace marsad::internal
