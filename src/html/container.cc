// Choosing the article's container among the flattened, measured nodes
// (content.cc): the body rule (elements marked as the article body), and
// readability's paragraph scoring: parents and grandparents of paragraphs score
// by commas and length, times 1 - link density; a candidate under the headline
// is preferred, and good siblings join it. content.cc weighs the two.
#include <algorithm>
#include <cstdio>
#include <iterator>

#include "html/extractor.h"

namespace marsad::internal {

// The body-rule container: markers not nested in another marker, grouped by
// parent (a page may mark each paragraph, <p class="bodytext">); the group
// with the most non-link text wins, and a lone marker narrows to a marker
// inside it that keeps nearly all of its text.
std::vector<int> ContentExtractor::best_marker() const {
  auto content = [&](int i) { return static_cast<double>(nodes_[i].text) - nodes_[i].link_text; };
  std::vector<std::pair<int, double>> groups;  // parent, total
  std::vector<int> tops;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const PageNode& x = nodes_[i];
    if (x.dropped && !x.text_node) {
      i = x.end - 1;
      continue;
    }
    if (!x.marker || x.text_node) continue;
    tops.push_back(static_cast<int>(i));
    auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& p) { return p.first == x.parent; });
    if (g == groups.end()) groups.emplace_back(x.parent, content(static_cast<int>(i)));
    else g->second += content(static_cast<int>(i));
    i = x.end - 1;  // nested markers are considered below
  }
  if (groups.empty()) return {};
  auto best = std::max_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::vector<int> out;
  for (int t : tops) {
    if (nodes_[t].parent == best->first) out.push_back(t);
  }
  if (out.size() == 1) {
    int one = out[0];
    for (bool moved = true; moved;) {
      moved = false;
      for (uint32_t i = static_cast<uint32_t>(one) + 1; i < nodes_[one].end; ++i) {
        const PageNode& x = nodes_[i];
        if (x.marker && !x.dropped && !x.text_node && content(static_cast<int>(i)) >= 0.9 * content(one)) {
          one = static_cast<int>(i);
          moved = true;
          break;
        }
      }
    }
    out[0] = one;
  }
  return out;
}

// readability's scoring; returns the top candidate and fills `parts` with it
// and the siblings that join it, in document order.
int ContentExtractor::readability(std::vector<int>& parts) {
  auto init = [&](int i) {
    PageNode& x = nodes_[i];
    if (x.scored) return;
    x.scored = true;
    switch (x.tag) {
      case GUMBO_TAG_DIV: x.score = 5; break;
      case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: x.score = 3; break;
      case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
      case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: x.score = -3; break;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
      case GUMBO_TAG_H6: case GUMBO_TAG_TH: x.score = -5; break;
      default: break;
    }
    x.score += x.class_weight;
  };
  std::vector<int> candidates;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const PageNode& x = nodes_[i];
    if (x.dropped || x.text_node) {
      if (x.dropped && !x.text_node) i = x.end - 1;
      continue;
    }
    if (x.in_link) continue;  // a teaser's link is not a paragraph
    int para = -1;  // the element that counts as the paragraph's parent (level 0)
    uint32_t len = 0, commas = 0;
    if (x.tag == GUMBO_TAG_P || x.tag == GUMBO_TAG_PRE || x.tag == GUMBO_TAG_TD) {
      if (x.has_block_child && x.tag == GUMBO_TAG_TD) continue;  // a layout cell: its paragraphs count
      len = x.text;
      commas = x.commas;
      para = x.parent;
    } else if (x.tag == GUMBO_TAG_DIV || x.tag == GUMBO_TAG_SECTION || x.tag == GUMBO_TAG_ARTICLE ||
               x.tag == GUMBO_TAG_CENTER || x.tag == GUMBO_TAG_MAIN || x.tag == GUMBO_TAG_FORM) {
      if (!x.has_block_child) {  // a div used as a paragraph
        len = x.text;
        commas = x.commas;
        para = x.parent;
      } else if (x.direct_text >= 25) {  // loose text between blocks: a paragraph of this element
        len = x.direct_text;
        commas = x.commas;
        para = static_cast<int>(i);
      }
    }
    if (len < 25 || para < 0) continue;
    double s = 1.0 + commas + std::min(len / 100.0, 3.0);
    // A short text beside a picture is a caption (a teaser list, a photo sidebar).
    if (len < 300 && (x.has_img || (x.parent >= 0 && nodes_[x.parent].has_img))) s *= 0.3;
    int a = para;
    for (int level = 0; a >= 0 && level < 5; ++level, a = nodes_[a].parent) {
      if (nodes_[a].tag == GUMBO_TAG_HTML) break;
      if (!nodes_[a].scored) {
        init(a);
        candidates.push_back(a);
      }
      nodes_[a].score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
  }
  if (candidates.empty()) return -1;
  const int title = title_node();
  for (int c : candidates) {
    PageNode& x = nodes_[c];
    const double ld = x.text ? static_cast<double>(x.link_text) / x.text : 0.0;
    x.score *= 1.0 - ld;
    // News pages put the article right under its headline: a candidate that
    // follows it under the same parent is preferred to a
    // sidebar of captions with as many commas.
    const int p = x.parent;
    if (title >= 0 && p >= 0 && title > p && title < c) {
      x.score *= 1.5;
    }
  }
  int top = candidates[0];
  for (int c : candidates) {
    if (nodes_[c].score > nodes_[top].score) top = c;
  }
  // Walk up while a parent scores better (the article is split among children),
  // unless the candidate sits right under the headline: its parent's other
  // children are then the page's columns.
  const bool under_title = title >= 0 && nodes_[top].parent >= 0 && title > nodes_[top].parent && title < top;
  if (!under_title) {
    double last = nodes_[top].score;
    const double threshold = last / 3;
    for (int p = nodes_[top].parent; p >= 0 && nodes_[p].tag != GUMBO_TAG_BODY; p = nodes_[p].parent) {
      if (!nodes_[p].scored) continue;
      if (nodes_[p].score < threshold) break;
      if (nodes_[p].score > last) {
        top = p;
        break;
      }
      last = nodes_[p].score;
    }
  }
  const PageNode& t = nodes_[top];
  if (t.parent < 0) {
    parts.push_back(top);
    return top;
  }
  const double threshold = std::max(10.0, t.score * 0.2);
  const std::string top_class(attr(t.n, "class"));
  const PageNode& p = nodes_[t.parent];
  // With the headline under the same parent, siblings before it (a right-hand
  // column comes first in an RTL page's source) do not join.
  // (title: the headline node found above)
  const uint32_t first = title > t.parent && title < static_cast<int>(p.end) ? static_cast<uint32_t>(title) : 0;
  for (uint32_t i = static_cast<uint32_t>(t.parent) + 1; i < p.end; i = nodes_[i].end) {
    const PageNode& s = nodes_[i];
    if (s.dropped) continue;
    if (s.end <= first && static_cast<int>(i) != top) continue;
    if (static_cast<int>(i) == top) {
      parts.push_back(top);
      continue;
    }
    if (s.text_node) continue;
    double bonus = (!top_class.empty() && attr(s.n, "class") == top_class) ? t.score * 0.2 : 0;
    bool take = s.scored && s.score + bonus >= threshold;
    if (!take && s.tag == GUMBO_TAG_P) {
      const double ld = s.text ? static_cast<double>(s.link_text) / s.text : 0.0;
      take = (s.text > 80 && ld < 0.25) || (s.text > 0 && s.text <= 80 && ld == 0 && s.commas + 1 > 0 &&
                                            text_of(s.n).find_last_of(".؟!") != std::string::npos);
    }
    if (take) parts.push_back(static_cast<int>(i));
  }
  return top;
}

// The first visible element whose whole text is the title, or -1.
int ContentExtractor::title_node() const {
  if (opt_.title.empty()) return -1;
  uint32_t want = 0, commas = 0;
  count_text(opt_.title, want, commas);
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const PageNode& x = nodes_[i];
    if (x.dropped && !x.text_node) {
      i = x.end - 1;
      continue;
    }
    if (x.text_node || x.text != want || x.has_block_child) continue;
    if (text_of(x.n) == opt_.title) return static_cast<int>(i);
  }
  return -1;
}

// A lead (standfirst, excerpt, intro) often sits between the headline and the
// container the body rule or the scores chose (<div class="entry-excerpt"><p>,
// <p class="ts-intro">): up to two paragraphs of at least 60 characters there
// join the text, when little else lies between (a long stretch is another part
// of the page, not a lead).
void ContentExtractor::add_lead(int start, std::vector<Block>& out) const {
  const int title = headline_node();
  if (title < 0 || start < 0 || nodes_[title].end > static_cast<uint32_t>(start)) return;
  uint64_t between = 0;
  for (uint32_t i = nodes_[title].end; i < static_cast<uint32_t>(start); ++i) {
    if (nodes_[i].text_node && !nodes_[i].dropped) between += nodes_[i].text;
  }
  if (between == 0 || between > kMaxLead) return;
  std::vector<Block> lead;
  bool stopped = false;
  emit(static_cast<int>(nodes_[title].end), static_cast<uint32_t>(start), lead, stopped);
  std::vector<Block> keep;
  for (Block& b : lead) {
    uint32_t chars = 0, commas = 0;
    count_text(b.text, chars, commas);
    // A deck is often an h2 of a whole sentence; a subheading is shorter.
    const bool lead_like = b.kind == BlockKind::kParagraph || (b.kind == BlockKind::kHeading && b.level > 1);
    if (lead_like && chars >= kMinLead && keep.size() < 2) keep.push_back(std::move(b));
  }
  if (keep.empty()) return;
  if (debug_) std::fprintf(stderr, "lead: %zu blocks before the container\n", keep.size());
  out.insert(out.begin(), std::make_move_iterator(keep.begin()), std::make_move_iterator(keep.end()));
}

// The headline: the title's element, else the first visible h1 that holds the
// title (with a kicker beside it: <h1><span>Kicker</span> Title</h1>), else -1.
int ContentExtractor::headline_node() const {
  if (const int t = title_node(); t >= 0) return t;
  if (opt_.title.empty()) return -1;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const PageNode& x = nodes_[i];
    if (x.dropped && !x.text_node) {
      i = x.end - 1;
      continue;
    }
    if (x.tag == GUMBO_TAG_H1 && !x.text_node) {
      return text_of(x.n).find(opt_.title) != std::string::npos ? static_cast<int>(i) : -1;
    }
  }
  return -1;
}

}  // namespace marsad::internal
