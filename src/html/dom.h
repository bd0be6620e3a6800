// Internal: a parsed page. gumbo builds the HTML5 tree; every allocation goes
// to an arena that is dropped whole, so a 100,000-deep tree is freed without
// gumbo's recursive destructor (and faster than malloc/free per node).
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/ascii.h"

namespace marsad::internal {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;  // gumbo holds raw pointers into the blocks
  Arena& operator=(const Arena&) = delete;
  void* allocate(size_t n);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* at_ = nullptr;
  size_t left_ = 0;
};

class Dom {
 public:
  // `utf8` must be valid UTF-8 and outlive the Dom (gumbo points into it).
  explicit Dom(std::string_view utf8);
  Dom(const Dom&) = delete;  // owns the arena the tree lives in
  Dom& operator=(const Dom&) = delete;

  GumboNode* root() const { return output_->root; }
  GumboNode* document() const { return output_->document; }

 private:
  Arena arena_;
  GumboOutput* output_ = nullptr;
};

// gumbo spends time proportional to the depth of open elements on every new
// element, so a page of 100,000 nested <div>s would take minutes. Container
// tags (div, span, section, table, font ...) nested deeper than max_depth are
// removed, with their end tags; text is kept. Returns `in` itself (no copy)
// when the page is not that deep.
std::string_view limit_nesting(std::string_view in, std::string& storage, size_t max_depth = 400);

// Lower-case tag name ("div", or the original name of an unknown tag).
std::string_view tag_name(const GumboNode* n);
// Attribute value or "" when absent.
std::string_view attr(const GumboNode* n, const char* name);
bool has_attr(const GumboNode* n, const char* name);

bool is_element(const GumboNode* n);
inline GumboTag tag(const GumboNode* n) { return n->v.element.tag; }
// A node holding text: text, CDATA or white space.
inline bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE;
}

// Appends the text under n (collapsing white space to single spaces), skipping
// script/style/template; iterative, so depth does not matter.
void append_text(const GumboNode* n, std::string& out);
std::string text_of(const GumboNode* n);

// Collapses runs of white space (incl. NBSP) to one space and trims.
std::string collapse_space(std::string_view s);

}  // namespace marsad::internal
