// marsad/search.h — full-text search over a store, the way Arabic is written.
//
// The index is SQLite FTS5 with marsad's own tokenizer: words are match keys
// (no harakat, alef forms folded), so وقع finds وقّع, and proclitics and the
// article are stripped (clitics.h), so المغرب finds والمغرب, بالمغرب and
// للمغرب. The exact written form (letters still folded) is `="…"`.
//
// Query syntax (FTS5's, with Arabic-aware terms):
//   المغرب إسرائيل            both words (AND is implied)
//   "خطة العمل"               a phrase
//   ="والمغرب"  =والمغرب      the exact form only
//   مغرب*                     a prefix (of the stem: write it without ال)
//   A OR B, A AND B, A NOT B, ( … )
// Results are ranked by BM25 and carry a snippet of the original text.
//
//   marsad::SearchQuery q;
//   q.text = "المغرب إسرائيل";
//   q.source = "hespress";
//   auto hits = marsad::search(*store, q);
//   for (const marsad::SearchHit& h : *hits) std::cout << h.title << "\n";
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marsad/json.h"
#include "marsad/status.h"
#include "marsad/store.h"

namespace marsad {

struct SearchQuery {
  std::string text;        // query, syntax above; "" = every article (filters only)
  std::string source;      // outlet id or name ("aawsat", "الشرق الأوسط"); "" = any
  std::string since;       // published on or after this date/time (ISO 8601); "" = no bound
  std::string until;       // published on or before (a date includes its whole day)
  std::string actor;       // entity id or CAMEO actor code, or its prefix ("MAR" matches MARMIL)
  std::string topic;       // the article's first topic label
  int64_t story = 0;       // only this story; 0 = any
  size_t limit = 20;
  size_t offset = 0;
  size_t snippet_words = 16;  // tokens per snippet
};

struct SearchHit {
  int64_t id = 0;
  double score = 0;        // BM25, higher is better (0 without a query)
  std::string title, source, published, url;
  int64_t story = 0;
  std::string snippet;     // original text around the best match, "…" where cut
  std::vector<std::pair<uint32_t, uint32_t>> highlights;  // matched byte ranges in snippet
};

Result<std::vector<SearchHit>> search(const Store& store, const SearchQuery& q);

// One hit as JSON, the same for the CLI (--format json) and the HTTP API:
// {"id", "score", "title", "source", "published" (null if unknown), "url",
//  "story", "snippet", "highlights": [[begin, end], ...] (bytes in snippet)}.
void write_search_hit_json(JsonWriter& w, const SearchHit& h);

// Counts matches without ranking them.
Result<uint64_t> count_matches(const Store& store, const SearchQuery& q);

// The FTS5 MATCH expression a query becomes ("" for an empty query); kBadArgument
// on a syntax error (unbalanced quote or parenthesis, an operator with no operand).
Result<std::string> fts_expression(std::string_view query);

}  // namespace marsad
