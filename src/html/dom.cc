// gumbo behind an arena allocator, and text helpers that never recurse.
#include "html/dom.h"

#include <algorithm>
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

// A container tag at `at` ("<div", "</div"): its name length, or 0.
size_t container_tag(std::string_view s, size_t at, bool& closing) {
  size_t i = at + 1;
  closing = i < s.size() && s[i] == '/';
  if (closing) ++i;
  size_t b = i;
  while (i < s.size() && i - b < 12 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
  if (i == b || i >= s.size()) return 0;
  char next = s[i];
  if (next != '>' && next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != '/') return 0;
  const std::string name = ascii_lower(s.substr(b, i - b));
  static constexpr std::string_view kContainers[] = {"div", "span", "section", "article", "main", "aside", "nav",
                                                     "header", "footer", "blockquote", "table", "ul", "ol", "dl",
                                                     "form", "center", "font", "b", "i", "em", "strong", "a"};
  for (std::string_view c : kContainers) {
    if (name == c) return i - at;
  }
  return 0;
}

}  // namespace

std::string_view limit_nesting(std::string_view in, std::string& storage, size_t max_depth) {
  // First pass: is the page that deep at all? (Typical pages: under 60.)
  size_t depth = 0, max_seen = 0;
  bool closing = false;
  for (size_t at = in.find('<'); at != std::string_view::npos; at = in.find('<', at + 1)) {
    if (container_tag(in, at, closing) == 0) continue;
    if (closing) depth -= depth > 0;
    else max_seen = std::max(max_seen, ++depth);
  }
  if (max_seen <= max_depth) return in;
  storage.clear();
  storage.reserve(in.size());
  depth = 0;
  size_t suppressed = 0, copied = 0;
  for (size_t at = in.find('<'); at != std::string_view::npos; at = in.find('<', at + 1)) {
    if (container_tag(in, at, closing) == 0) continue;
    bool drop = false;
    if (!closing) {
      if (depth >= max_depth) drop = true, ++suppressed;
      else ++depth;
    } else if (suppressed > 0) {
      drop = true, --suppressed;
    } else {
      depth -= depth > 0;
    }
    if (!drop) continue;
    size_t end = in.find('>', at);
    if (end == std::string_view::npos) break;
    storage.append(in.substr(copied, at - copied));
    copied = end + 1;
    at = end;
  }
  storage.append(in.substr(copied));
  return storage;
}

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
    if (is_text(n)) {
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
