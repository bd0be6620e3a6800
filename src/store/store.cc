// Opening a store, reading articles back, statistics and health checks.
#include <sys/stat.h>

#include <charconv>
#include <cstdio>

#include "store/fts_tokenizer.h"
#include "store/impl.h"
#include "store/schema.h"

namespace marsad {
namespace internal {
namespace {

double parse_double(const std::string& s, double fallback) {
  if (s.empty()) return fallback;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  return end && *end == '\0' ? v : fallback;
}

}  // namespace

Status configure_connection(Db& db, bool writer) {
  // WAL: readers never block the writer, and a crash (kill -9) loses at most
  // the transaction in flight. synchronous=NORMAL keeps that guarantee for
  // process crashes; a power cut may lose the last commits, never consistency.
  std::string sql = "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;";
  // Pages stay at SQLite's 4 KB: 64 KB pages cut the ingest's WAL system
  // calls 14-fold but doubled search p95 (FTS5 reads its index 4 KB at a
  // time); 8 and 16 KB were as bad for search (bench/results/store.md).
  if (writer) sql += "PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536;";
  else sql += "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456;";
  return db.exec(sql, "configure the store");
}

Result<StoryOptions> load_story_options(Db& db, bool read_only) {
  StoryOptions o;
  auto shingle = get_meta(db, "story_shingle");
  if (!shingle) return shingle.status();
  if (shingle->empty()) {
    if (!read_only) {
      if (Status s = save_story_options(db, o); !s) return s;
    }
    return o;
  }
  o.shingle = static_cast<int>(parse_double(*shingle, o.shingle));
  auto get = [&](const char* key, double fallback) -> double {
    auto v = get_meta(db, key);
    return v ? parse_double(*v, fallback) : fallback;
  };
  o.threshold = get("story_threshold", o.threshold);
  o.containment = get("story_containment", o.containment);
  o.min_containment_shingles = static_cast<uint32_t>(get("story_min_containment_shingles", o.min_containment_shingles));
  return o;
}

Status save_story_options(Db& db, const StoryOptions& o) {
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return std::string(buf);
  };
  Status s = set_meta(db, "story_shingle", std::to_string(o.shingle));
  if (s) s = set_meta(db, "story_threshold", num(o.threshold));
  if (s) s = set_meta(db, "story_containment", num(o.containment));
  if (s) s = set_meta(db, "story_min_containment_shingles", std::to_string(o.min_containment_shingles));
  if (s) s = set_meta(db, "story_hashes", std::to_string(StoryOptions::kHashes));
  if (s) s = set_meta(db, "story_bands", std::to_string(StoryOptions::kBands));
  return s;
}

}  // namespace internal

using internal::Db;

Store::Store(std::unique_ptr<internal::StoreImpl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }

Result<Store> Store::open(std::string_view path, const StoreOptions& opt) {
  auto impl = std::make_unique<internal::StoreImpl>();
  impl->path = std::string(path);
  impl->opt = opt;
  if (path.empty()) return Status(Error::kBadArgument, "no store path given");
  auto db = Db::open(path, opt.read_only, /*create=*/true, opt.busy_timeout_ms);
  if (!db) return db.status();
  impl->db = std::move(*db);
  if (Status s = internal::configure_connection(impl->db, !opt.read_only); !s) return s.in_file(impl->path);
  if (opt.read_only) {
    auto v = impl->db.scalar_int("PRAGMA user_version");
    if (!v) return v.status().in_file(impl->path);
    if (*v != kStoreSchemaVersion) {
      return Status(Error::kCorrupt,
                    "the store has schema version " + std::to_string(*v) + ", this marsad reads " +
                        std::to_string(kStoreSchemaVersion) + (*v < kStoreSchemaVersion ? " (open it for writing once to migrate)" : ""),
                    {impl->path});
    }
  } else if (Status s = internal::migrate(impl->db); !s) {
    return s.in_file(impl->path);
  }
  auto so = internal::load_story_options(impl->db, opt.read_only);
  if (!so) return so.status().in_file(impl->path);
  impl->stories = *so;
  return Store(std::move(impl));
}

Result<StoredArticle> Store::article(int64_t id) const {
  auto st = impl_->db.prepare(
      "SELECT a.id, a.key, a.url, a.source, a.published, a.title, a.story, a.analyzer, a.file, a.line, a.format, "
      "a.original, a.record, a.ingested_at, t.body FROM articles a LEFT JOIN texts t ON t.id = a.id WHERE a.id = ?1");
  if (!st) return st.status();
  st->bind(1, id);
  auto row = st->step("read article");
  if (!row) return row.status();
  if (!*row) return Status(Error::kBadArgument, "no article " + std::to_string(id) + " in the store", {impl_->path});
  StoredArticle a;
  a.id = st->i64(0);
  a.key = st->str(1);
  a.url = st->str(2);
  a.source = st->str(3);
  a.published = st->str(4);
  a.title = st->str(5);
  a.story = st->i64(6);
  a.analyzer = st->str(7);
  a.file = st->str(8);
  a.line = static_cast<uint64_t>(st->i64(9));
  a.format = st->str(10);
  a.original = st->str(11);
  a.record = st->str(12);
  a.ingested_at = st->str(13);
  a.body = st->str(14);
  return a;
}

Result<StoreStats> Store::stats() const {
  Db& db = impl_->db;
  StoreStats s;
  s.schema = kStoreSchemaVersion;
  s.analyzer = std::string(analyzer_version());
  auto fa = internal::get_meta(db, "fts_analyzer");
  if (!fa) return fa.status();
  s.fts_analyzer = *fa;
  struct Count {
    const char* sql;
    uint64_t* out;
  } counts[] = {
      {"SELECT count(*) FROM articles", &s.articles},
      {"SELECT count(*) FROM stories", &s.stories},
      {"SELECT count(*) FROM stories WHERE articles > 1", &s.multi_stories},
      {"SELECT count(*) FROM events", &s.events},
      {"SELECT count(*) FROM mentions", &s.mentions},
      {"SELECT count(*) FROM topics", &s.topics},
      {"SELECT count(*) FROM runs", &s.runs},
  };
  for (const Count& c : counts) {
    auto v = db.scalar_int(c.sql);
    if (!v) return v.status();
    *c.out = static_cast<uint64_t>(*v);
  }
  {
    auto st = db.prepare("SELECT count(*) FROM articles WHERE analyzer != ?1");
    if (!st) return st.status();
    st->bind(1, analyzer_version());
    auto row = st->step();
    if (!row) return row.status();
    s.stale = static_cast<uint64_t>(st->i64(0));
  }
  auto first = db.scalar_text("SELECT min(published) FROM articles");
  auto last = db.scalar_text("SELECT max(published) FROM articles");
  if (!first) return first.status();
  if (!last) return last.status();
  s.first_published = *first;
  s.last_published = *last;
  auto st = db.prepare("SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source");
  if (!st) return st.status();
  while (true) {
    auto row = st->step();
    if (!row) return row.status();
    if (!*row) break;
    s.sources.emplace_back(st->str(0), static_cast<uint64_t>(st->i64(1)));
  }
  struct stat sb{};
  if (::stat(impl_->path.c_str(), &sb) == 0) s.file_bytes = static_cast<uint64_t>(sb.st_size);
  std::string wal = impl_->path + "-wal";
  if (::stat(wal.c_str(), &sb) == 0) s.file_bytes += static_cast<uint64_t>(sb.st_size);
  return s;
}

Result<std::vector<std::string>> Store::check() const {
  Db& db = impl_->db;
  std::vector<std::string> problems;
  {
    auto st = db.prepare("PRAGMA integrity_check");
    if (!st) return st.status();
    while (true) {
      auto row = st->step("integrity check");
      if (!row) return row.status();
      if (!*row) break;
      if (st->text(0) != "ok") problems.push_back("integrity_check: " + st->str(0));
    }
  }
  if (!impl_->opt.read_only) {
    // FTS5's own check re-tokenizes every row and compares with the index.
    if (Status s = db.exec("INSERT INTO fts(fts) VALUES('integrity-check')", "FTS index check"); !s) {
      problems.push_back("fts: " + s.message());
    }
  }
  struct Invariant {
    const char* what;
    const char* sql;  // counts violations
  } invariants[] = {
      {"articles without a story", "SELECT count(*) FROM articles WHERE story IS NULL OR story NOT IN (SELECT id FROM stories)"},
      {"stories whose article count is wrong",
       "SELECT count(*) FROM stories s WHERE articles != (SELECT count(*) FROM articles a WHERE a.story = s.id)"},
      {"stories whose outlet count is wrong",
       "SELECT count(*) FROM stories s WHERE outlets != (SELECT count(DISTINCT source) FROM articles a WHERE a.story = s.id)"},
      {"stories whose representative is not theirs",
       "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.representative AND a.story = s.id)"},
      {"articles without indexed text", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.id = a.id)"},
      {"indexed texts without an article", "SELECT count(*) FROM texts t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.id)"},
      {"side rows without an article",
       "SELECT (SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article)) + "
       "(SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article)) + "
       "(SELECT count(*) FROM signatures g WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = g.article))"},
  };
  for (const Invariant& inv : invariants) {
    auto n = db.scalar_int(inv.sql);
    if (!n) return n.status();
    if (*n) problems.push_back(std::to_string(*n) + " " + inv.what);
  }
  return problems;
}

}  // namespace marsad
