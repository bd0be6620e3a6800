// The publication date written as prose near the headline, for pages whose
// metadata has none: "الاثنين 24 نوفمبر 2025 - 10:30", "نشر في: 12 دجنبر 2020",
// "1 شباط 2017". The dates module (marsad/dates.h) reads the lines; this file
// only decides which lines are near enough to the headline to be its date:
//   - up to 12 lines after the headline (the byline, the date line, then the
//     first lines of the body, where a long paragraph counts only by a date
//     in its first 100 bytes: "تونس في 12 دجنبر 2020 (وات) -"),
//   - up to 3 lines before it, inside the headline's grandparent (a date above
//     the title in the same header), never the masthead's "today" date,
//   - lines under a date-like class or id (date, time, meta, byline …) first.
// Only an absolute date at day grain or finer is taken: with no reference time
// a relative one ("أمس", "منذ ساعتين") stays unresolved and is passed over.
// Scripts, styles, links, menus and sidebars are never read.
#include <algorithm>
#include <cctype>
#include <optional>

#include "html/extractor.h"
#include "html/metadata.h"
#include "marsad/dates.h"
#include "marsad/tokenize.h"

namespace marsad::internal {
namespace {

constexpr size_t kAfterLines = 12, kBeforeLines = 3, kAfterBytes = 3000, kLongLine = 200, kDatelineBytes = 100;
// A date line: at most this long, with at most this many words beside the date
// ("نشر بتاريخ", "تاريخ النشر: … | التعليقات: 4").
constexpr size_t kDateLineBytes = 120, kDateLineWords = 4;

bool skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_A:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Class or id words that sites put on a date or byline line.
bool date_like(const GumboNode* n) {
  std::string v = ascii_lower(attr(n, "class"));
  v += ' ';
  v += ascii_lower(attr(n, "id"));
  for (std::string_view w : {"date", "time", "publish", "posted", "byline", "meta", "info", "tarikh", "tareekh"}) {
    if (v.find(w) != std::string::npos) return true;
  }
  return false;
}

bool heading(const GumboNode* n) {
  return is_element(n) && (tag(n) == GUMBO_TAG_H1 || tag(n) == GUMBO_TAG_H2 || tag(n) == GUMBO_TAG_H3);
}

// True when n is the only child of its element parent (white space and
// comments aside). Looks at two children at most, so it costs nothing on a
// parent with thousands.
bool only_child(const GumboNode* n) {
  const GumboNode* p = n->parent;
  if (!is_element(p)) return false;
  const GumboVector& kids = p->v.element.children;
  size_t count = 0;
  for (size_t i = 0; i < kids.length && count < 2; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type != GUMBO_NODE_WHITESPACE && k->type != GUMBO_NODE_COMMENT) ++count;
  }
  return count == 1;
}

// The headline's element: the parent of a text node that is the whole title,
// widened while it is its parent's only child (<td><font><b>title</b></font></td>).
// A match inside a heading wins over an earlier one (a breadcrumb ends with the
// title too); with no match, the first h1. Linear in the page: each text node
// climbs only its own chain of only children (a page repeating its title
// 20,000 times in one <div> took minutes when each match compared its
// parent's whole text).
const GumboNode* find_title(const GumboNode* root, std::string_view title) {
  const GumboNode *h1 = nullptr, *first = nullptr;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (is_text(n)) {
      if (n->type == GUMBO_NODE_TEXT && !title.empty() && collapse_space(n->v.text.text) == title) {
        const GumboNode* e = n->parent;
        bool in_heading = heading(e);
        while (only_child(e) && tag(e->parent) != GUMBO_TAG_BODY) {
          e = e->parent;
          in_heading = in_heading || heading(e);
        }
        if (in_heading) return e;
        if (first == nullptr) first = e;
      }
      continue;
    }
    if (!is_element(n) || (skipped(tag(n)) && tag(n) != GUMBO_TAG_A)) continue;
    if (tag(n) == GUMBO_TAG_H1 && h1 == nullptr) h1 = n;
    const GumboVector& kids = n->v.element.children;
    for (size_t i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return first != nullptr ? first : h1;
}

struct Line {
  std::string text;
  bool date_class = false;
};

// The page's text cut into lines at block elements and <br>, in document
// order, split into the lines before the headline (inside `near`) and after it.
class LineWalker {
 public:
  LineWalker(const GumboNode* title, const GumboNode* near) : title_(title), near_(near) {}

  void walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* n;
      bool date_class, in_near, close;  // close: the end of a block element
    };
    std::vector<Frame> stack{{root, false, false, false}};
    while (!stack.empty() && !full()) {
      Frame f = stack.back();
      stack.pop_back();
      if (f.close) {
        flush();
        continue;
      }
      const GumboNode* n = f.n;
      if (is_text(n)) {
        cur_.text += n->v.text.text;  // as blocks.cc joins them, so that the date line can be found there
        cur_.date_class = cur_.date_class || f.date_class;
        cur_near_ = f.in_near;
        continue;
      }
      if (!is_element(n) || skipped(tag(n))) continue;
      if (n == title_) {
        flush();
        seen_title_ = true;
        continue;
      }
      const bool block = is_block(tag(n));
      if (block) flush();
      const bool dc = f.date_class || date_like(n);
      const bool in_near = f.in_near || n == near_;
      if (block) stack.push_back({n, dc, in_near, true});
      const GumboVector& kids = n->v.element.children;
      for (size_t i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), dc, in_near, false});
    }
    flush();
  }

  std::vector<Line> before, after;

 private:
  bool full() const { return after.size() >= kAfterLines || after_bytes_ >= kAfterBytes; }

  void flush() {
    Line l{collapse_space(cur_.text), cur_.date_class};
    cur_ = {};
    if (l.text.empty()) return;
    if (seen_title_) {
      after_bytes_ += l.text.size();
      after.push_back(std::move(l));
    } else if (cur_near_) {
      before.push_back(std::move(l));
      if (before.size() > kBeforeLines) before.erase(before.begin());
    }
  }

  const GumboNode* title_;
  const GumboNode* near_;
  Line cur_;
  bool cur_near_ = false, seen_title_ = false;
  size_t after_bytes_ = 0;
};

bool day_grain(std::string_view g) { return g == "day" || g == "hour" || g == "minute" || g == "second"; }

// Words of the line outside [start, end): "نشر في:" around a date is 2.
size_t words_outside(std::string_view line, size_t start, size_t end) {
  size_t n = 0;
  auto count = [&](std::string_view part) {
    bool in_word = false;
    for (char c : part) {
      const bool letter = static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
      n += letter && !in_word;
      in_word = letter;
    }
  };
  count(line.substr(0, start));
  count(line.substr(std::min(end, line.size())));
  return n;
}

// The first absolute date of the line at day grain or finer, as YYYY-MM-DD;
// `only_date` says whether the line is little more than that date (a date
// line, not a sentence).
std::string date_in(const Line& l, int now_year, bool& only_date) {
  // A long line counts only by a date near its start: read no more of it.
  std::string_view text = l.text;
  if (text.size() > kLongLine) {
    size_t cut = kDatelineBytes + 100;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;  // a UTF-8 boundary
    text = text.substr(0, cut);
  }
  const Tokenized t = tokenize(text);
  for (const TimeExpression& e : find_dates(t, 0, t.tokens.size(), std::nullopt)) {
    if (l.text.size() > kLongLine && e.span.start > kDatelineBytes) break;
    if (e.kind != "datetime" || !e.resolved || !day_grain(e.grain) || e.value.size() < 10) continue;
    const int year = std::atoi(e.value.substr(0, 4).c_str());
    if (year < 1990 || year > now_year + 1) continue;
    only_date = l.text.size() <= kDateLineBytes && words_outside(l.text, e.span.start, e.span.end) <= kDateLineWords;
    return e.value.substr(0, 10);
  }
  return "";
}

}  // namespace

NearDate date_near_title(const Dom& dom, std::string_view title, int now_year) {
  const GumboNode* root = dom.root();
  if (root == nullptr) return {};
  const GumboNode* t = find_title(root, title);
  if (t == nullptr) return {};
  const GumboNode* near = t->parent;
  if (near != nullptr && is_element(near->parent) && tag(near->parent) != GUMBO_TAG_BODY) near = near->parent;
  LineWalker w(t, near);
  w.walk(root);
  std::vector<const Line*> order;
  for (const Line& l : w.after) order.push_back(&l);
  for (size_t i = w.before.size(); i-- > 0;) order.push_back(&w.before[i]);
  std::stable_partition(order.begin(), order.end(), [](const Line* l) { return l->date_class; });
  for (const Line* l : order) {
    bool only_date = false;
    if (std::string d = date_in(*l, now_year, only_date); !d.empty()) {
      // A line with more than the date (the body's dateline, a sentence) stays text.
      return {std::move(d), only_date ? l->text : ""};
    }
  }
  return {};
}

}  // namespace marsad::internal
