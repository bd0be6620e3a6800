// Internal to src/html: the flattened page tree and the extractor that walks
// it (content.cc flattens and measures the page, container.cc chooses the
// container, blocks.cc cuts it into blocks).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "html/content.h"
#include "html/rules.h"

namespace marsad::internal {

struct PageNode {
  const GumboNode* n = nullptr;
  int parent = -1;
  uint32_t end = 0;          // one past the last node of the subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool text_node = false;
  bool in_link = false;
  bool drop_candidate = false;
  bool drop_always = false;  // a drop the size guard does not stop (comments, cookie notices ...)
  bool drop_specific = false;  // the drop rule is a run of words ("post-meta"): a content word beside it does not guard
  bool good = false;         // class/id says content
  bool marker = false;       // class/id/itemprop says article body
  bool holds_marker = false;
  bool dropped = false;
  bool has_block_child = false;
  bool in_article = false;   // inside <article>, <main> or a body marker
  bool has_img = false;      // an <img> child: a short text beside it is a caption
  int8_t class_weight = 0;
  uint32_t text = 0;         // visible code points (not white space) in the subtree
  uint32_t link_text = 0;
  uint32_t direct_text = 0;  // in text children only
  uint32_t commas = 0;
  uint32_t raw_text = 0;     // before any drop, for the size guard
  uint32_t raw_link = 0;
  double score = 0;
  bool scored = false;
};

// Block-level tags: they end a block of text.
bool is_block(GumboTag t);
// Visible code points (not white space) and commas (, and ،) in a UTF-8 text.
void count_text(std::string_view s, uint32_t& chars, uint32_t& commas);
// Drops short lines that end the text without ending a sentence (blocks.cc).
void trim_tail(std::vector<Block>& out);

// Not copyable: it holds references to the options and the page's rules.
class ContentExtractor {
 public:
  ContentExtractor(const ContentExtractor&) = delete;
  ContentExtractor& operator=(const ContentExtractor&) = delete;
  ContentExtractor(const Dom& dom, const ContentOptions& opt) : opt_(opt), rules_(page_rules()), site_(rules_.site(opt.host)) {
    flatten(dom.root());
    drop();
    measure();
  }

  std::vector<Block> run(std::string* how);

 private:
  void flatten(const GumboNode* root);
  void drop();
  void measure();
  std::vector<int> best_marker() const;
  int readability(std::vector<int>& parts);
  void emit(int first, uint32_t end, std::vector<Block>& out, bool& stopped) const;
  void add_lead(int start, std::vector<Block>& out) const;
  // A lead: paragraphs of at least kMinLead visible characters, with at most
  // kMaxLead between the headline and the container.
  static constexpr uint32_t kMinLead = 60, kMaxLead = 1500;
  void classify(PageNode& x) const;
  int title_node() const;
  int headline_node() const;
  std::string describe(int i) const {
    const PageNode& x = nodes_[i];
    return std::string(tag_name(x.n)) + "." + std::string(attr(x.n, "class")) + "#" + std::string(attr(x.n, "id"));
  }

  const ContentOptions& opt_;
  const PageRules& rules_;
  const SiteRules* site_;
  std::vector<PageNode> nodes_;
  bool debug_ = std::getenv("MARSAD_HTML_DEBUG") != nullptr;
};

}  // namespace marsad::internal
