#include "store/fts_rank.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <vector>

namespace marsad::internal {
namespace {

constexpr double kK1 = 1.2, kB = 0.75;

// Per query: what BM25 computes once (IDF per phrase, average length), and
// the best K exact scores so far (a min-heap).
struct QueryState {
  std::vector<double> idf;
  double avgdl = 1;
  size_t k = 10;
  std::priority_queue<double, std::vector<double>, std::greater<double>> best;
};

int count_rows(const Fts5ExtensionApi*, Fts5Context*, void* n) {
  ++*static_cast<sqlite3_int64*>(n);
  return SQLITE_OK;
}

QueryState* state_of(const Fts5ExtensionApi* api, Fts5Context* ctx, size_t k, int* rc) {
  auto* s = static_cast<QueryState*>(api->xGetAuxdata(ctx, 0));
  if (s) return s;
  s = new QueryState;
  s->k = std::max<size_t>(k, 1);
  sqlite3_int64 rows = 0, tokens = 0;
  *rc = api->xRowCount(ctx, &rows);
  if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(ctx, -1, &tokens);
  s->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
  if (s->avgdl <= 0) s->avgdl = 1;
  const int phrases = api->xPhraseCount(ctx);
  for (int i = 0; i < phrases && *rc == SQLITE_OK; ++i) {
    sqlite3_int64 hits = 0;
    *rc = api->xQueryPhrase(ctx, i, &hits, count_rows);
    double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    s->idf.push_back(idf <= 0 ? 1e-6 : idf);  // as FTS5's bm25: very common terms still count a little
  }
  if (*rc != SQLITE_OK) {
    delete s;
    return nullptr;
  }
  *rc = api->xSetAuxdata(ctx, s, [](void* p) { delete static_cast<QueryState*>(p); });
  return *rc == SQLITE_OK ? s : nullptr;
}

double bm25(const QueryState& s, const std::vector<double>& freq, double length) {
  double score = 0;
  for (size_t i = 0; i < freq.size(); ++i) {
    score += s.idf[i] * (freq[i] * (kK1 + 1)) / (freq[i] + kK1 * (1 - kB + kB * length / s.avgdl));
  }
  return score;
}

void marsad_rank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* out, int argc, sqlite3_value** argv) {
  const sqlite3_int64 k = argc > 0 ? sqlite3_value_int64(argv[0]) : 10;
  int rc = SQLITE_OK;
  QueryState* s = state_of(api, ctx, static_cast<size_t>(k > 0 ? k : 1), &rc);
  if (!s) {
    sqlite3_result_error_code(out, rc == SQLITE_OK ? SQLITE_NOMEM : rc);
    return;
  }
  int n = 0;
  if ((rc = api->xInstCount(ctx, &n)) != SQLITE_OK) {
    sqlite3_result_error_code(out, rc);
    return;
  }
  thread_local std::vector<double> freq;
  freq.assign(s->idf.size(), 0.0);
  for (int i = 0; i < n; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if ((rc = api->xInst(ctx, i, &phrase, &column, &offset)) != SQLITE_OK) {
      sqlite3_result_error_code(out, rc);
      return;
    }
    if (phrase >= 0 && static_cast<size_t>(phrase) < freq.size()) freq[phrase] += column == 0 ? kTitleWeight : kBodyWeight;
  }
  // The document holds at least its matched tokens: its best possible score.
  const double bound = bm25(*s, freq, static_cast<double>(n));
  if (s->best.size() >= s->k && bound < s->best.top()) {
    sqlite3_result_double(out, -bound);
    return;
  }
  int length = 0;
  if ((rc = api->xColumnSize(ctx, -1, &length)) != SQLITE_OK) {
    sqlite3_result_error_code(out, rc);
    return;
  }
  const double score = bm25(*s, freq, static_cast<double>(length));
  s->best.push(score);
  if (s->best.size() > s->k) s->best.pop();
  sqlite3_result_double(out, -score);  // ascending order, best first, as FTS5's bm25()
}

}  // namespace

Status register_fts_rank(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  if (api == nullptr || api->xCreateFunction(api, "marsad_rank", nullptr, marsad_rank, nullptr) != SQLITE_OK) {
    return Status(Error::kInternal, "cannot register the FTS5 rank function");
  }
  return Status::ok();
}

}  // namespace marsad::internal
