// marsad/store.h — the corpus store: articles analyzed once and kept in one
// SQLite file, ready to search (search.h) and grouped into stories (stories.h).
//
// Per article the store keeps the original bytes exactly as read (a JSON line
// or a text file), the analysis record (output.h) as JSON, the columns queries
// filter on (outlet, publication time, title, story), a full-text index built
// with marsad's own tokenizer, and the article's place in a story. The file is
// in WAL mode; the schema is versioned and migrated on open; every record notes
// the analyzer version that produced it, so `reanalyze` can bring old records
// up to date from the stored originals.
//
// Ingest streams: one reader, analysis on every core, one writer committing in
// batches. Articles are keyed by URL, or by a content hash when they have none,
// so running the same ingest twice (or again after a crash) adds nothing twice.
//
//   auto store = marsad::Store::open("marsad.db");
//   if (!store) return store.status();
//   marsad::IngestOptions opt;
//   marsad::IngestReport r = store->ingest({"news.jsonl.gz"}, opt);
//   r.ingested; r.skipped; r.rejected;  // r.status: why it stopped early, if it did
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/input.h"
#include "marsad/pipeline.h"
#include "marsad/status.h"

namespace marsad {

// Schema version this build reads and writes (PRAGMA user_version).
inline constexpr int kStoreSchemaVersion = 2;

// The analyzer that produced a record: "marsad 0.1.0 data:1a2b3c4d5e6f", the
// program version plus a hash of every data file (lexicons, tables, models).
// A code change that alters analysis without a version bump is not seen.
std::string_view analyzer_version();

// The store a command uses when none is named: $MARSAD_DB, else "marsad.db".
std::string default_store_path();

struct StoreOptions {
  bool read_only = false;        // queries only; the file must exist
  int busy_timeout_ms = 10000;   // wait this long for another process's write lock
};

// `--field name=path`: read document field `name` (text, title, source, url,
// published, author) from a JSON pointer ("/meta/headline") or dotted path
// ("meta.headline") instead of the usual names.
struct FieldMap {
  std::string name;
  std::string path;  // JSON pointer form, "/meta/headline"
};
Result<FieldMap> parse_field_map(std::string_view spec);

struct IngestProgress {
  uint64_t read = 0;         // documents read so far
  uint64_t ingested = 0, skipped = 0, rejected = 0;
  uint64_t bytes_done = 0;   // of the inputs (compressed bytes for gzip)
  uint64_t bytes_total = 0;  // 0 = unknown (standard input)
  double seconds = 0;
};

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;  // as `marsad analyze`: --jsonl, --lines, or by name/content
  bool lossy = false;                       // replace invalid UTF-8 instead of rejecting the document
  std::vector<FieldMap> fields;             // field overrides for JSON inputs
  AnalyzeOptions analyze;                   // analyze.published: default publication time
  unsigned threads = 0;                     // analysis threads; 0 = every core
  size_t batch = 1000;                      // articles per transaction
  uint64_t max_article_bytes = uint64_t{64} << 20;  // a larger document is rejected (too_large)
  uint64_t max_inflight_bytes = uint64_t{256} << 20;  // read-ahead bound: memory stays flat
  std::function<void(const IngestProgress&)> progress;  // about 5 times a second, from the writer
  std::function<void(const Status&)> on_reject;         // each rejected document, from the writer
};

struct IngestReport {
  uint64_t read = 0;
  uint64_t ingested = 0;  // new articles committed
  uint64_t skipped = 0;   // already present (same URL, or same content without URL)
  uint64_t rejected = 0;  // could not be read or analyzed
  std::map<std::string, uint64_t> reasons;  // rejected, by error name ("bad_json": 3)
  double seconds = 0;
  double write_seconds = 0;  // of which the writer spent writing (the rest it waited for analysis)
  Status status;          // ok, or what stopped the run (disk full, unreadable input ...);
                          // everything counted as ingested is committed either way
};

// One stored article.
struct StoredArticle {
  int64_t id = 0;
  std::string key;         // "url:…" or "xxh3:…"
  std::string url, source, published, title;
  int64_t story = 0;
  std::string analyzer;    // analyzer_version() of the record
  std::string file;        // where it was read from
  uint64_t line = 0;
  std::string format;      // "json" | "text"
  std::string original;    // the bytes as read
  std::string record;      // the record JSON (output.h)
  std::string body;        // the kept paragraphs, a blank line between (what search indexes)
  std::string ingested_at; // UTC, ISO 8601
};

struct StoreStats {
  int schema = 0;
  std::string analyzer;             // this build's
  std::string fts_analyzer;         // the one the search index was built with
  uint64_t articles = 0, stories = 0, multi_stories = 0;  // multi: two or more articles
  uint64_t stale = 0;               // records made by another analyzer version
  uint64_t events = 0, mentions = 0, topics = 0;
  std::string first_published, last_published;
  std::vector<std::pair<std::string, uint64_t>> sources;  // articles per outlet, most first
  uint64_t runs = 0;
  uint64_t file_bytes = 0;
};

struct ReanalyzeOptions {
  bool all = false;        // every article, not only those made by another analyzer version
  bool stories = false;    // also recluster every article from scratch (after a threshold change)
  double threshold = -1;   // with stories: new similarity threshold (< 0 keeps the stored one)
  double containment = -1; // with stories: new containment threshold (< 0 keeps the stored one)
  unsigned threads = 0;
  size_t batch = 1000;
  std::function<void(const IngestProgress&)> progress;
  std::function<void(const Status&)> on_reject;
};

namespace internal {
struct StoreImpl;
}

class Store {
 public:
  // Opens or creates `path`, migrating an older schema. Fails (kIo) on a path
  // that cannot be written unless read_only, and (kCorrupt) on a file that is
  // not a marsad store or was made by a newer schema.
  static Result<Store> open(std::string_view path, const StoreOptions& opt = {});
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& path() const;

  // Reads, analyzes and stores every document of `inputs` (files, folders of
  // .txt and .jsonl files, "-" for standard input).
  IngestReport ingest(const std::vector<std::string>& inputs, const IngestOptions& opt);

  // Re-runs analysis over stored originals (by default only stale records).
  IngestReport reanalyze(const ReanalyzeOptions& opt);

  Result<StoredArticle> article(int64_t id) const;
  Result<StoreStats> stats() const;
  // PRAGMA integrity_check, the FTS index check and the store's own invariants
  // (each article once, in exactly one story, story counts right). Returns the
  // problems found; empty means healthy.
  Result<std::vector<std::string>> check() const;

  internal::StoreImpl& impl() const { return *impl_; }

 private:
  explicit Store(std::unique_ptr<internal::StoreImpl> impl);
  std::unique_ptr<internal::StoreImpl> impl_;
};

}  // namespace marsad
