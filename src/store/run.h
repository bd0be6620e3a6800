// The ingest machinery shared by `ingest` and `reanalyze`: one reader thread
// pulling raw documents, analysis on N threads, and the calling thread as the
// single SQLite writer, storing in reading order and committing in batches.
// Read-ahead is bounded by a count and by bytes, so memory stays flat however
// large the input.
#pragma once

#include <functional>
#include <vector>

#include "marsad/store.h"
#include "store/impl.h"
#include "store/prepare.h"
#include "store/sources.h"

namespace marsad::internal {

struct RunConfig {
  unsigned threads = 0;
  size_t batch = 1000;
  uint64_t max_inflight_bytes = uint64_t{256} << 20;
  std::vector<PrepareOptions> options;  // RawDoc::options indexes this
  bool precheck = true;                 // skip analysis of keys already stored
  bool replace = false;                 // reanalysis: RawDoc::existing is updated in place
  bool update_index = true;             // reanalysis: keep the FTS index in step row by row
  int64_t run = 0;                      // runs.id for new articles
  uint64_t bytes_total = 0;
  std::function<uint64_t()> bytes_done;
  std::function<void(const IngestProgress&)> progress;
  std::function<void(const Status&)> on_reject;
};

// `next` runs on the reader thread: fills a RawDoc and returns true, returns
// false at the end, or an error that stops the run.
using Producer = std::function<Result<bool>(RawDoc&)>;

IngestReport run_pipeline(StoreImpl& store, const Producer& next, const RunConfig& cfg);

// Runs rows: opened before a run, closed with its counts after.
Result<int64_t> begin_run(Db& db, std::string_view command, std::string_view options_json);
void end_run(Db& db, int64_t run, const IngestReport& r);

}  // namespace marsad::internal
