// Store::reanalyze: stored originals → analysis → records replaced in place;
// optionally every story rebuilt from the stored signatures.
#include <simdjson.h>

#include <map>

#include "marsad/json.h"
#include "store/fts_tokenizer.h"
#include "store/run.h"
#include "store/schema.h"
#include "store/story_index.h"

namespace marsad {
namespace internal {
namespace {

// The options a run read its inputs with (runs.options, see ingest.cc).
PrepareOptions options_of_run(std::string_view json, int shingle) {
  PrepareOptions po;
  po.shingle = shingle;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json.data(), json.size()).get(doc)) return po;
  bool lossy = false;
  if (doc["lossy"].get_bool().get(lossy) == simdjson::SUCCESS) po.lossy = lossy;
  std::string_view published;
  if (doc["published"].get_string().get(published) == simdjson::SUCCESS) po.analyze.published = std::string(published);
  uint64_t max = 0;
  if (doc["max_article_bytes"].get_uint64().get(max) == simdjson::SUCCESS && max) po.max_article_bytes = max;
  simdjson::dom::array fields;
  if (doc["fields"].get_array().get(fields) == simdjson::SUCCESS) {
    for (simdjson::dom::element f : fields) {
      std::string_view name, path;
      if (f["name"].get_string().get(name) || f["path"].get_string().get(path)) continue;
      po.fields.push_back({std::string(name), std::string(path)});
    }
  }
  return po;
}

// Every article again, in id order, into fresh stories.
Status recluster(StoreImpl& store, IngestReport& report) {
  Db& db = store.db;
  auto index = StoryIndex::create(db, store.stories);
  if (!index) return index.status();
  if (Status s = db.exec("BEGIN IMMEDIATE; DELETE FROM lsh; DELETE FROM stories; UPDATE articles SET story = NULL;",
                         "reset stories");
      !s) {
    (void)db.exec("ROLLBACK");
    return s;
  }
  auto st = db.prepare(
      "SELECT a.id, a.seen, g.shingles, g.minhash FROM articles a LEFT JOIN signatures g ON g.article = a.id ORDER BY a.id");
  if (!st) return st.status();
  uint64_t n = 0;
  while (true) {
    auto row = st->step("read signatures");
    if (!row) {
      (void)db.exec("ROLLBACK");
      return row.status();
    }
    if (!*row) break;
    Signature sig;
    if (!st->is_null(2)) sig = StoryIndex::from_blob(st->text(3), static_cast<uint32_t>(st->i64(2)));
    auto story = index->add(st->i64(0), sig, st->text(1));
    if (!story) {
      (void)db.exec("ROLLBACK");
      return story.status();
    }
    ++n;
  }
  st = Stmt();
  if (Status s = db.exec("COMMIT", "commit stories"); !s) {
    (void)db.exec("ROLLBACK");
    return s;
  }
  if (report.ingested == 0) report.ingested = n;
  return Status::ok();
}

}  // namespace
}  // namespace internal

IngestReport Store::reanalyze(const ReanalyzeOptions& opt) {
  using namespace internal;
  IngestReport report;
  StoreImpl& store = *impl_;
  if (store.opt.read_only) {
    report.status = Status(Error::kBadArgument, "the store was opened read-only", {store.path});
    return report;
  }
  const std::string current(analyzer_version());
  auto fts_analyzer = get_meta(store.db, "fts_analyzer");
  auto fts_scheme = get_meta(store.db, "fts_scheme");
  if (!fts_analyzer || !fts_scheme) {
    report.status = !fts_analyzer ? fts_analyzer.status() : fts_scheme.status();
    return report;
  }
  // Terms made by another tokenizer cannot be deleted row by row: rebuild.
  const bool rebuild = *fts_analyzer != current || *fts_scheme != kFtsScheme;

  // Options of every run, by run id.
  std::vector<PrepareOptions> options;
  std::map<int64_t, size_t> run_index;
  {
    auto st = store.db.prepare("SELECT id, options FROM runs ORDER BY id");
    if (!st) {
      report.status = st.status();
      return report;
    }
    while (true) {
      auto row = st->step("read runs");
      if (!row) {
        report.status = row.status();
        return report;
      }
      if (!*row) break;
      run_index[st->i64(0)] = options.size();
      options.push_back(options_of_run(st->text(1), store.stories.shingle));
    }
    if (options.empty()) options.emplace_back();
  }

  auto run = begin_run(store.db, opt.stories ? "reanalyze --stories" : "reanalyze", "{}");
  if (!run) {
    report.status = run.status();
    return report;
  }
  // The reader pages through the articles on its own connection, one short
  // read transaction per page, while the writer updates them.
  auto reader_db = Db::open(store.path, /*read_only=*/true, /*create=*/false, store.opt.busy_timeout_ms);
  if (!reader_db) {
    report.status = reader_db.status();
    return report;
  }
  auto page = reader_db->prepare(
      "SELECT id, original, file, line, format, run, ingested_at FROM articles "
      "WHERE id > ?1 AND (?2 OR analyzer != ?3) ORDER BY id LIMIT 256");
  if (!page) {
    report.status = page.status();
    return report;
  }
  struct Pending {
    std::vector<RawDoc> docs;
    size_t next = 0;
    int64_t last_id = 0;
    bool end = false;
  } pending;
  Stmt& pg = *page;
  auto producer = [&](RawDoc& raw) -> Result<bool> {
    if (pending.next == pending.docs.size()) {
      if (pending.end) return false;
      pending.docs.clear();
      pending.next = 0;
      pg.reset();
      pg.bind(1, pending.last_id).bind(2, static_cast<int64_t>(opt.all)).bind(3, current);
      while (true) {
        auto row = pg.step("read stored originals");
        if (!row) return row.status();
        if (!*row) break;
        RawDoc d;
        d.existing = pg.i64(0);
        d.original = pg.str(1);
        d.file = pg.str(2);
        d.line = static_cast<uint64_t>(pg.i64(3));
        d.json = pg.text(4) == "json";
        d.page = pg.text(4) == "html" || pg.text(4) == "warc";
        auto it = run_index.find(pg.i64(5));
        d.options = it == run_index.end() ? 0 : it->second;
        d.seen = pg.str(6);
        pending.last_id = d.existing;
        pending.docs.push_back(std::move(d));
      }
      pg.reset();
      if (pending.docs.empty()) {
        pending.end = true;
        return false;
      }
    }
    raw = std::move(pending.docs[pending.next++]);
    return true;
  };

  const bool analyze_any = opt.all || [&] {
    auto st = store.db.prepare("SELECT count(*) FROM articles WHERE analyzer != ?1");
    if (!st) return true;
    st->bind(1, current);
    auto row = st->step();
    return !row || st->i64(0) > 0;
  }() || rebuild;
  if (analyze_any) {
    RunConfig cfg;
    cfg.threads = opt.threads;
    cfg.batch = opt.batch ? opt.batch : 1;
    cfg.options = options;
    cfg.replace = true;
    cfg.update_index = !rebuild;
    cfg.run = *run;
    cfg.progress = opt.progress;
    cfg.on_reject = opt.on_reject;
    report = run_pipeline(store, producer, cfg);
  }
  if (report.status.is_ok()) {
    Status s = Status::ok();
    if (rebuild) {
      s = store.db.exec("BEGIN IMMEDIATE; INSERT INTO fts(fts) VALUES('rebuild');", "rebuild the search index");
      if (s) s = set_meta(store.db, "fts_analyzer", current);
      if (s) s = set_meta(store.db, "fts_scheme", kFtsScheme);
      if (s) s = store.db.exec("COMMIT", "rebuild the search index");
      if (!s) (void)store.db.exec("ROLLBACK");
    }
    if (s && opt.stories) {
      if (opt.threshold >= 0 || opt.containment >= 0) {
        if (opt.threshold >= 0) store.stories.threshold = opt.threshold;
        if (opt.containment >= 0) store.stories.containment = opt.containment;
        s = save_story_options(store.db, store.stories);
      }
      if (s) s = recluster(store, report);
    } else if (s && report.ingested > 0) {
      auto index = StoryIndex::create(store.db, store.stories);
      s = index ? index->refresh_all() : index.status();
    }
    report.status = s;
  }
  end_run(store.db, *run, report);
  return report;
}

}  // namespace marsad
