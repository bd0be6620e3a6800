// Internal: the article layer's lookup tables, built once from data/article/*.tsv
// (embedded at build time) and keyed by lookup_key().
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/article.h"

namespace marsad::internal {

struct Place {
  std::string name, name_latin, country, kind;
};

struct ArticleTables {
  std::unordered_map<std::string, Outlet> outlets;   // outlets and agencies by every alias
  std::unordered_map<std::string, Place> places;
  std::unordered_map<std::string, std::string> kinds;  // variant -> kind as reported
  size_t max_words = 1;                                // longest key in words, for scanning
};

const ArticleTables& article_tables();

// Match key with everything but letters and digits turned into single spaces
// and trimmed: «الاقتصادية» -> الاقتصاديه, "و.م.ع" -> "و م ع".
std::string lookup_key(std::string_view text);

// The embedded files (generated).
extern const std::string_view kOutletsTsv;
extern const std::string_view kAgenciesTsv;
extern const std::string_view kPlacesTsv;
extern const std::string_view kBylineKindsTsv;

}  // namespace marsad::internal
