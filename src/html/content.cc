// The main text of a page, in four linear passes over a flattened tree:
//   1. flatten: pre-order list of elements and text nodes, invisible and
//      always-boilerplate subtrees (script, nav, footer, form controls,
//      hidden elements) left out; class/id rules read once per element;
//   2. drop: elements whose class/id/role says boilerplate go, unless they hold
//      an article body marker or also say content (so "main-content has-sidebar"
//      stays);
//   3. measure: text, link text and commas per subtree;
//   4. choose: the best body-rule container (entry-content, articleBody ...)
//      against readability's paragraph scoring (container.cc), else the page;
//      blocks.cc cuts the container into blocks and drops link lists,
//      «اقرأ أيضا» lines, cookie notices and everything after a late
//      "related articles"/comments heading.
// The tree is never walked recursively: a subtree is a range of the list.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "html/extractor.h"
#include "marsad/normalize.h"

namespace marsad::internal {
namespace {

bool always_dropped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_LABEL: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool hidden(const GumboNode* n) {
  if (has_attr(n, "hidden")) return true;
  if (attr(n, "aria-hidden") == "true") return true;
  std::string_view style = attr(n, "style");
  if (style.empty()) return false;
  std::string s = ascii_lower(style);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool boilerplate_role(std::string_view role) {
  return role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
         role == "search" || role == "menu" || role == "menubar" || role == "dialog" || role == "alertdialog" ||
         role == "toolbar";
}

size_t text_size(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const Block& b : blocks) n += b.text.size();
  return n;
}

}  // namespace

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_BR:
    case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

// Visible code points (not white space) and commas (, and ،) in a UTF-8 text.
void count_text(std::string_view s, uint32_t& chars, uint32_t& commas) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) continue;
    ++chars;
    if (c == ',' || (c == 0xD8 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x8C)) ++commas;
  }
}

void ContentExtractor::classify(PageNode& x) const {
  const GumboNode* n = x.n;
  std::string v = ascii_lower(attr(n, "class"));
  v += ' ';
  v += ascii_lower(attr(n, "id"));
  std::string_view itemprop = attr(n, "itemprop");
  if (itemprop == "articleBody" || itemprop == "articlebody" || itemprop == "reviewBody") x.marker = true;
  if (v.size() > 1) {
    const bool always = rules_.always.matches(v) || (site_ && site_->drop.matches(v));
    const bool drop = always || rules_.drop.matches(v);
    x.drop_always = always;
    x.drop_specific = rules_.always.matches_run(v) || rules_.drop.matches_run(v);
    const bool weak = rules_.weak.matches(v);
    x.good = rules_.good.matches(v);
    x.marker = x.marker || rules_.body.matches(v) || (site_ && site_->body.matches(v));
    x.drop_candidate = drop;
    x.class_weight = static_cast<int8_t>((x.good ? 25 : 0) + (x.marker ? 25 : 0) - (drop || weak ? 25 : 0));
  }
  if (boilerplate_role(ascii_lower(attr(n, "role"))) || hidden(n) || x.tag == GUMBO_TAG_NOSCRIPT) x.drop_candidate = true;
  if (x.tag == GUMBO_TAG_ARTICLE || x.tag == GUMBO_TAG_MAIN) x.good = true;
}

void ContentExtractor::flatten(const GumboNode* root) {
  if (root == nullptr) return;
  struct Frame {
    const GumboNode* n;
    int parent;
  };
  std::vector<Frame> stack{{root, -1}};
  std::vector<int> open;  // indices whose subtree is still being listed
  nodes_.reserve(4096);
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    // Close the subtrees that this node is not inside.
    while (!open.empty() && open.back() != f.parent) {
      nodes_[open.back()].end = static_cast<uint32_t>(nodes_.size());
      open.pop_back();
    }
    const GumboNode* n = f.n;
    PageNode x;
    x.n = n;
    x.parent = f.parent;
    if (is_text(n)) {
      x.text_node = true;
      x.in_link = f.parent >= 0 && nodes_[f.parent].in_link;
      x.end = static_cast<uint32_t>(nodes_.size() + 1);
      nodes_.push_back(x);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    x.tag = n->v.element.tag;
    if (always_dropped(x.tag)) continue;
    // A date line (<time> on its own, not inside a sentence) is metadata, not text.
    if (x.tag == GUMBO_TAG_TIME && f.parent >= 0 && nodes_[f.parent].tag != GUMBO_TAG_P &&
        nodes_[f.parent].tag != GUMBO_TAG_SPAN && nodes_[f.parent].tag != GUMBO_TAG_LI) {
      continue;
    }
    x.in_link = x.tag == GUMBO_TAG_A || (f.parent >= 0 && nodes_[f.parent].in_link);
    if (x.tag == GUMBO_TAG_IMG && f.parent >= 0) nodes_[f.parent].has_img = true;
    classify(x);
    const bool parent_article = f.parent >= 0 && nodes_[f.parent].in_article;
    // A page's <header> is masthead and menu; an article's holds its lead.
    if (x.tag == GUMBO_TAG_HEADER && !parent_article) x.drop_candidate = true;
    // An <aside> is a sidebar, unless a page wraps its article in one (the
    // size guard and the body marker keep it then).
    if (x.tag == GUMBO_TAG_ASIDE) x.drop_candidate = true;
    x.in_article = parent_article || x.tag == GUMBO_TAG_ARTICLE || x.tag == GUMBO_TAG_MAIN || x.marker;
    const int me = static_cast<int>(nodes_.size());
    nodes_.push_back(x);
    open.push_back(me);
    const GumboVector& kids = n->v.element.children;
    for (size_t i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), me});
  }
  while (!open.empty()) {
    nodes_[open.back()].end = static_cast<uint32_t>(nodes_.size());
    open.pop_back();
  }
}

void ContentExtractor::drop() {
  measure();  // nothing dropped yet: raw sizes
  for (PageNode& x : nodes_) {
    x.raw_text = x.text;
    x.raw_link = x.link_text;
    x.text = x.link_text = x.direct_text = x.commas = 0;
    x.has_block_child = false;
  }
  const double page_text = nodes_.empty() ? 0 : nodes_[0].raw_text;
  for (size_t i = nodes_.size(); i-- > 0;) {
    PageNode& x = nodes_[i];
    if (x.marker) x.holds_marker = true;
    if (x.holds_marker && x.parent >= 0) nodes_[x.parent].holds_marker = true;
  }
  for (PageNode& x : nodes_) {
    const bool parent_dropped = x.parent >= 0 && nodes_[x.parent].dropped;
    // An element with most of the page's prose in it is not boilerplate,
    // whatever its class says (an unclosed <header>, a "field--label-hidden").
    // (A quarter: measured on the trafilatura set, 0.4 dropped article rows
    // that sat beside long teaser columns.)
    const bool most_text = x.raw_text > 0.25 * page_text && x.raw_link < 0.35 * x.raw_text && page_text > 0;
    // Comment threads, cookie dialogs and share bars go even when they hold a
    // "content" marker (comment-content, gdpr-tab-main-content).
    // A share bar left unclosed around the article body does not take it along.
    const bool big = x.raw_text > 0.3 * page_text && x.raw_link < 0.35 * x.raw_text;
    const bool guarded = x.tag == GUMBO_TAG_BODY || x.tag == GUMBO_TAG_HTML || (x.drop_always && x.holds_marker && big) ||
                         (!x.drop_always && (x.holds_marker || (x.good && !x.drop_specific) || most_text));
    x.dropped = parent_dropped || (x.drop_candidate && !guarded);
    if (debug_ && x.dropped && !parent_dropped) {
      std::string t = text_of(x.n);
      std::replace(t.begin(), t.end(), '\n', ' ');
      std::fprintf(stderr, "drop %s end=%u\t%s\n", describe(static_cast<int>(&x - nodes_.data())).c_str(), x.end, t.c_str());
    }
  }
}

void ContentExtractor::measure() {
  for (size_t i = nodes_.size(); i-- > 0;) {
    PageNode& x = nodes_[i];
    if (x.dropped) continue;
    if (x.text_node) {
      count_text(x.n->v.text.text, x.text, x.commas);
      if (x.in_link) x.link_text = x.text;
    }
    if (x.parent < 0) continue;
    PageNode& p = nodes_[x.parent];
    p.text += x.text;
    p.link_text += x.link_text;
    p.commas += x.commas;
    if (x.text_node) p.direct_text += x.text;
    if (!x.text_node && is_block(x.tag) && x.tag != GUMBO_TAG_BR) p.has_block_child = true;
  }
}

// Both the body-rule container and readability's choice are cut into blocks;
// the body rule wins unless it came out much poorer (a marker on a teaser, a
// cookie dialog's "main-content").
std::vector<Block> ContentExtractor::run(std::string* how) {
  std::vector<Block> by_rule, by_score;
  if (nodes_.empty()) return by_rule;
  std::vector<int> parts;
  const std::vector<int> markers = best_marker();
  const int top = readability(parts);
  bool stopped = false;
  // From the first part to the end of the last: what lies between joined
  // siblings (a list, a table, a subheading) is part of the article.
  if (!markers.empty()) emit(markers.front(), nodes_[markers.back()].end, by_rule, stopped);
  stopped = false;
  if (!parts.empty()) emit(parts.front(), nodes_[parts.back()].end, by_score, stopped);
  const size_t rule_size = text_size(by_rule), score_size = text_size(by_score);
  if (debug_) {
    for (int m : markers) std::fprintf(stderr, "marker %s end=%u\n", describe(m).c_str(), nodes_[m].end);
    for (int p : parts) std::fprintf(stderr, "part %s end=%u\n", describe(p).c_str(), nodes_[p].end);
    std::fprintf(stderr, "rule %zu bytes, readability %zu bytes\n", rule_size, score_size);
  }
  std::vector<Block> all;
  stopped = false;
  emit(0, nodes_[0].end, all, stopped);
  // Measured on the trafilatura set: 0.3 gains a point of F1 over no
  // fallback; 0.2 and 0.4 gain less.
  const double ratio = 0.3;
  // A container holding a small part of the page's remaining text is one
  // column of several (a recipe's steps without its ingredients, a lead
  // without the story): the page, minus what was dropped, is the better guess.
  const double page_size = static_cast<double>(text_size(all));
  if (!markers.empty() && rule_size > 0 && rule_size * 4 >= score_size && rule_size >= ratio * page_size) {
    if (how) *how = "body-rule " + describe(markers[0]);
    add_lead(markers.front(), by_rule);
    return by_rule;
  }
  if (top >= 0 && score_size > 0 && score_size >= ratio * page_size) {
    if (how) *how = "readability " + describe(top);
    add_lead(parts.front(), by_score);
    return by_score;
  }
  if (how) *how = "page";
  // The whole page starts with its masthead: from the headline on, if it is found.
  if (const int title = title_node(); title >= 0) {
    std::vector<Block> after;
    stopped = false;
    emit(title, nodes_[0].end, after, stopped);
    if (!after.empty()) return after;
  }
  return all;
}

std::vector<Block> extract_content(const Dom& dom, const ContentOptions& opt, std::string* how) {
  ContentExtractor e(dom, opt);
  std::vector<Block> out = e.run(how);
  trim_tail(out);
  return out;
}

}  // namespace marsad::internal
