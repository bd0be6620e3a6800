// Internal: finding the main text of a parsed page and cutting it into blocks.
#pragma once

#include <string_view>
#include <vector>

#include "html/dom.h"
#include "marsad/html.h"

namespace marsad::internal {

struct ContentOptions {
  std::string_view host;   // the page's domain, for site rules ("" = none)
  std::string_view title;  // the chosen title: a block repeating it is not body text
  std::string_view dateline;  // the date line near the title ("نشر في: 12 دجنبر 2020"): not body text either
  size_t min_block_chars = 10;
};

// The main text of the page, in document order; empty when there is none.
// `how` says which evidence chose the container: "body-rule", "readability", "page".
std::vector<Block> extract_content(const Dom& dom, const ContentOptions& opt, std::string* how = nullptr);

}  // namespace marsad::internal
