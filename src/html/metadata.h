// Internal: what a page says about itself — <meta>, <link>, <title>, JSON-LD,
// <time>, h1 — read in one walk of the tree.
#pragma once

#include <string>
#include <vector>

#include "html/dom.h"

namespace marsad::internal {

struct PageMeta {
  std::string og_title, twitter_title, title_tag, ld_headline;
  std::vector<std::string> h1;  // texts of the h1 elements, in order
  std::string published, published_from, modified;
  std::vector<std::string> authors;
  std::string site_name, canonical, og_url, language, description;
};

// `now_year`: dates after it (plus one) are not publication dates.
PageMeta read_meta(const Dom& dom, int now_year);

// The publication date written as prose near the headline element (the one
// whose text is `title`, else the first h1), found by prose_date.cc.
struct NearDate {
  std::string day;   // "YYYY-MM-DD", or "" when none was found
  std::string line;  // the line it was read from when that line is little more than the date, else ""
};
NearDate date_near_title(const Dom& dom, std::string_view title, int now_year);

// Normalizes a machine date ("2019-10-16T06:00:09.123Z", "2019/10/16",
// "20191016") to ISO 8601; "" if it is not one.
std::string normalize_date(std::string_view s, int now_year);

// Title without the site name: "Title | Site", "Site - Title", "Title - Section - Site".
std::string strip_site_name(std::string_view title, std::string_view site_name, std::string_view host);

}  // namespace marsad::internal
