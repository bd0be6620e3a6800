// gumbo behind an arena allocator, and text helpers that never recurse.
#include "html/dom.h"

#include <cstring>

#include "marsad/utf8.h"

namespace marsad::internal {
namespace {

constexpr size_t kBlock = size_t{1} << 16;

void* arena_alloc(void* userdata, size_t n) { return static_cast<Arena*>(userdata)->allocate(n); }
void arena_free(void*, void*) {}  // everything goes when the Dom does

bool skip_text_of(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  GumboTag t = n->v.element.tag;
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_NOSCRIPT;
}

}  // namespace

void* Arena::allocate(size_t n) {
  n = (n + 15) & ~size_t{15};
  if (n > kBlock / 4) {  // big buffers get their own block, so the current one is not wasted
    blocks_.emplace_back(new char[n]);
    return blocks_.back().get();
  }
  if (n > left_) {
    blocks_.emplace_back(new char[kBlock]);
    at_ = blocks_.back().get();
    left_ = kBlock;
  }
  void* p = at_;
  at_ += n;
  left_ -= n;
  return p;
}

Dom::Dom(std::string_view utf8) {
  GumboOptions o = kGumboDefaultOptions;
  o.allocator = arena_alloc;
  o.deallocator = arena_free;
  o.userdata = &arena_;
  o.max_errors = 0;  // parse errors are not reported: recording them costs time
  output_ = gumbo_parse_with_options(&o, utf8.data(), utf8.size());
}

bool is_element(const GumboNode* n) { return n != nullptr && n->type == GUMBO_NODE_ELEMENT; }

std::string_view tag_name(const GumboNode* n) {
  if (!is_element(n)) return "";
  if (n->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n->v.element.tag);
  GumboStringPiece p = n->v.element.original_tag;
  gumbo_tag_from_original_text(&p);
  return std::string_view(p.data, p.length);
}

std::string_view attr(const GumboNode* n, const char* name) {
  if (!is_element(n)) return "";
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool has_attr(const GumboNode* n, const char* name) {
  return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t w = 1;
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) ws = true, w = 2;  // NBSP
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      auto d = static_cast<unsigned char>(s[i + 2]);
      if ((d >= 0x80 && d <= 0x8A) || d == 0xAF || d == 0xA8 || d == 0xA9) ws = true, w = 3;  // U+2000-200A, 202F, 2028/9
    }
    if (ws) {
      space = !out.empty();
      i += w;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i];
    ++i;
  }
  return out;
}

void append_text(const GumboNode* root, std::string& out) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
      continue;
    }
    if ((n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) || skip_text_of(n)) continue;
    if (n->v.element.tag == GUMBO_TAG_BR) out += ' ';
    const GumboVector& kids = n->v.element.children;
    for (size_t i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
}

std::string text_of(const GumboNode* n) {
  std::string raw;
  append_text(n, raw);
  return collapse_space(raw);
}

}  // namespace marsad::internal
