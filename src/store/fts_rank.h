// marsad_rank(fts, K): FTS5's BM25 (k1 = 1.2, b = 0.75, a title match
// weighing double) that computes the exact score only for rows that can still
// reach the best K of the query.
//
// BM25's cost per row is the document length (one lookup in fts_docsize per
// row); on a word found in thousands of articles that lookup dominates. The
// score only grows as the document gets shorter, so a row's best possible
// score (its length taken as small as its matches allow) is cheap to compute
// from its matches alone. When that bound is below the K-th best exact score
// seen so far the row cannot be among the best K: it gets the bound (which
// ranks it below them) and its length is never read. The best K rows, and
// their order, are exactly BM25's.
//
//   SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY marsad_rank(fts, 10) LIMIT 10
#pragma once

#include <sqlite3.h>

#include "marsad/status.h"

namespace marsad::internal {

inline constexpr double kTitleWeight = 2.0;  // column weights: title, body
inline constexpr double kBodyWeight = 1.0;

Status register_fts_rank(sqlite3* db);

}  // namespace marsad::internal
