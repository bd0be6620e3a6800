// Internal: the page rules of data/html/*.tsv (embedded at build time),
// parsed once: class/id patterns, boilerplate phrases, the domain map.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/article.h"

namespace marsad::internal {

// One class/id pattern list (see the header of data/html/rules.tsv).
struct PatternSet {
  std::unordered_set<std::string> words;   // whole words
  std::vector<std::string> prefixes;       // word*
  std::vector<std::string> substrings;     // *text*
  std::vector<std::string> runs;           // whole words in a row: "post-meta" in "single post-meta"
  bool empty() const { return words.empty() && prefixes.empty() && substrings.empty() && runs.empty(); }
  // `value` is the lower-cased class + " " + id.
  bool matches(std::string_view value) const;
  // Only the runs ("post-meta", "author-bio"): a match names what the element is
  // more precisely than a content word beside it ("post") does.
  bool matches_run(std::string_view value) const;
};

struct SiteRules {
  PatternSet drop, body;
};

struct PageRules {
  PatternSet always, drop, weak, good, body;
  std::unordered_map<std::string, SiteRules> sites;  // by domain
  std::vector<std::string> line_phrases, stop_phrases, cookie_phrases, credit_phrases;  // match keys
  std::unordered_map<std::string, Outlet> outlets;   // by domain (data/html/outlets.tsv)

  // Site rules for a host, looking at parent domains too; nullptr if none.
  const SiteRules* site(std::string_view host) const;
};

const PageRules& page_rules();

// "https://www.Hespress.com/x" -> "hespress.com"; "" when there is no host.
std::string host_of(std::string_view url);

// The outlet of a host: data/html/outlets.tsv first, then the article tables'
// domains, trying parent domains (arabic.cnn.com -> cnn.com). nullptr if unknown.
const Outlet* outlet_of_host(std::string_view host);

extern const std::string_view kHtmlRulesTsv;
extern const std::string_view kHtmlPhrasesTsv;
extern const std::string_view kHtmlOutletsTsv;

}  // namespace marsad::internal
