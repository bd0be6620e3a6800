// Internal: byline reading with the detail the article parser needs to decide
// whether a line is a byline at all.
#pragma once

#include <cstddef>
#include <string_view>

#include "marsad/article.h"

namespace marsad::internal {

struct BylineShape {
  size_t parts = 0;          // pieces between separators
  size_t unknown_words = 0;  // words that matched no table (a reporter's name, or prose)
};

bool read_byline(std::string_view text, Source& source, Dateline& dateline, BylineShape* shape);

}  // namespace marsad::internal
