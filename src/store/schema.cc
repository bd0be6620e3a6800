#include "store/schema.h"

#include <ctime>
#include <vector>

#include "marsad/pipeline.h"
#include "marsad/store.h"
#include "store/fts_tokenizer.h"

namespace marsad::internal {
namespace {

// Version 1. Columns that queries filter on are real columns; everything else
// is in the record JSON. Side tables (mentions, topics, events) are filled from
// the record's arrays when they are present.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- One row per ingest or reanalyze run: what ran, with which options and analyzer.
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  command TEXT NOT NULL,
  options TEXT NOT NULL,          -- JSON: format, lossy, fields, published
  analyzer TEXT NOT NULL,
  ingested INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0);

CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,       -- 'url:' || url, or 'xxh3:' || hash of title and text
  run INTEGER NOT NULL REFERENCES runs(id),
  url TEXT,
  source TEXT NOT NULL,           -- outlet id, else the source as given, else ''
  published TEXT,                 -- ISO 8601 as in the record
  seen TEXT NOT NULL,             -- published, or the ingest time when unknown
  title TEXT NOT NULL,
  story INTEGER,
  analyzer TEXT NOT NULL,         -- analyzer version of `record`
  file TEXT NOT NULL,
  line INTEGER,
  format TEXT NOT NULL,           -- 'json' (original is the JSON line) | 'text' (the file) | 'html' (the page as served) | 'warc' (one WARC record, headers included)
  original BLOB NOT NULL,         -- byte for byte as read
  record TEXT NOT NULL,           -- marsad.article JSON
  ingested_at TEXT NOT NULL);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_story ON articles(story, source);
CREATE INDEX articles_analyzer ON articles(analyzer);

-- What the search index holds: the title and the kept paragraphs (original bytes).
CREATE TABLE texts(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='texts', content_rowid='id', tokenize='marsad');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(2.0, 1.0)');  -- a title match counts double

-- Stories: MinHash signatures, LSH buckets, and the stories themselves.
CREATE TABLE signatures(article INTEGER PRIMARY KEY, shingles INTEGER NOT NULL, minhash BLOB NOT NULL);
CREATE TABLE lsh(bucket INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY(bucket, article)) WITHOUT ROWID;
CREATE TABLE stories(
  id INTEGER PRIMARY KEY,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  articles INTEGER NOT NULL,
  outlets INTEGER NOT NULL,
  representative INTEGER NOT NULL);
CREATE INDEX stories_first_seen ON stories(first_seen);

-- Entity ids and actor codes named in an article (record `entities`, event actors).
CREATE TABLE mentions(key TEXT NOT NULL, article INTEGER NOT NULL, kind TEXT NOT NULL,
  PRIMARY KEY(key, article)) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions(article);

-- Record `topics`, rank 0 = the article's first topic.
CREATE TABLE topics(label TEXT NOT NULL, article INTEGER NOT NULL, score REAL NOT NULL, rank INTEGER NOT NULL,
  PRIMARY KEY(label, article)) WITHOUT ROWID;
CREATE INDEX topics_article ON topics(article);

-- Record `events`, one row per event mention; aggregated per story at query time.
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  idx INTEGER NOT NULL,           -- position in the record's events array
  code TEXT NOT NULL,
  root TEXT NOT NULL,
  plover TEXT,
  quad_class INTEGER,
  goldstein REAL,
  source_actor TEXT,
  source_country TEXT,
  target_actor TEXT,
  target_country TEXT,
  location_country TEXT,
  date TEXT,                      -- event date, else the publication date
  modality TEXT,
  negated INTEGER NOT NULL DEFAULT 0,
  confidence REAL,
  json TEXT NOT NULL);            -- the event object as in the record
CREATE INDEX events_article ON events(article);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_source ON events(source_actor);
CREATE INDEX events_target ON events(target_actor);
CREATE INDEX events_date ON events(date);
)sql";

// Version 2: the event object is read from the record (events[idx]), not
// kept a second time beside its columns (61 MB of SaudiNewsNet's store).
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE events DROP COLUMN json;
)sql";

struct Migration {
  const char* sql;
};
// migrations[i] takes a store from version i to i + 1.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> m = {{kSchemaV1}, {kSchemaV2}};
  return m;
}

}  // namespace

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::string> get_meta(Db& db, std::string_view key) {
  auto st = db.prepare("SELECT value FROM meta WHERE key = ?1");
  if (!st) return st.status();
  st->bind(1, key);
  auto row = st->step("read meta");
  if (!row) return row.status();
  return *row ? st->str(0) : std::string();
}

Status set_meta(Db& db, std::string_view key, std::string_view value) {
  auto st = db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!st) return st.status();
  st->bind(1, key).bind(2, value);
  return st->run("write meta");
}

Status migrate(Db& db) {
  auto version = db.scalar_int("PRAGMA user_version");
  if (!version) return version.status();
  const int64_t have = *version;
  const int64_t want = static_cast<int64_t>(migrations().size());
  static_assert(kStoreSchemaVersion == 2, "add the migration to migrations()");
  if (have > want) {
    return Status(Error::kCorrupt, "the store has schema version " + std::to_string(have) +
                                       "; this marsad reads up to " + std::to_string(want) + " (upgrade marsad)",
                  {db.path()});
  }
  if (have == 0) {
    // A new file must be empty: never build a store over someone else's tables.
    auto tables = db.scalar_int("SELECT count(*) FROM sqlite_schema");
    if (!tables) return tables.status();
    if (*tables > 0) {
      return Status(Error::kCorrupt, "not a marsad store: the file holds other tables", {db.path()});
    }
  }
  for (int64_t v = have; v < want; ++v) {
    if (Status s = db.exec("BEGIN IMMEDIATE", "migrate"); !s) return s;
    Status s = db.exec(migrations()[static_cast<size_t>(v)].sql, "migrate to schema " + std::to_string(v + 1));
    if (s && v == 0) {
      s = set_meta(db, "created", utc_now());
      if (s) s = set_meta(db, "record_schema", kSchema);
      if (s) s = set_meta(db, "fts_scheme", kFtsScheme);
      if (s) s = set_meta(db, "fts_analyzer", analyzer_version());
    }
    if (s) s = db.exec("PRAGMA user_version = " + std::to_string(v + 1), "migrate");
    if (s) s = db.exec("COMMIT", "migrate");
    if (!s) {
      (void)db.exec("ROLLBACK");
      return s;
    }
  }
  return Status::ok();
}

}  // namespace marsad::internal
