#include "store/writer.h"

#include "store/schema.h"

namespace marsad::internal {

Result<Writer> Writer::create(StoreImpl& store) {
  auto stories = StoryIndex::create(store.db, store.stories);
  if (!stories) return stories.status();
  Writer w(store.db, std::move(*stories));
  struct {
    Stmt* st;
    const char* sql;
  } stmts[] = {
      {&w.exists_, "SELECT 1 FROM articles WHERE key = ?1"},
      {&w.ins_article_,
       "INSERT INTO articles(key, run, url, source, published, seen, title, analyzer, file, line, format, original, "
       "record, ingested_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
      {&w.ins_text_, "INSERT INTO texts(id, title, body) VALUES(?1, ?2, ?3)"},
      {&w.ins_fts_, "INSERT INTO fts(rowid, title, body) VALUES(?1, ?2, ?3)"},
      {&w.ins_mention_, "INSERT OR IGNORE INTO mentions(key, article, kind) VALUES(?1, ?2, ?3)"},
      {&w.ins_topic_, "INSERT OR REPLACE INTO topics(label, article, score, rank) VALUES(?1, ?2, ?3, ?4)"},
      {&w.ins_event_,
       "INSERT INTO events(article, idx, code, root, plover, quad_class, goldstein, source_actor, source_country, "
       "target_actor, target_country, location_country, date, modality, negated, confidence) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"},
      {&w.old_text_, "SELECT title, body FROM texts WHERE id = ?1"},
      {&w.del_fts_, "INSERT INTO fts(fts, rowid, title, body) VALUES('delete', ?1, ?2, ?3)"},
      {&w.upd_article_,
       "UPDATE articles SET url = ?2, source = ?3, published = ?4, seen = ?5, title = ?6, analyzer = ?7, record = ?8 "
       "WHERE id = ?1"},
      {&w.upd_text_, "UPDATE texts SET title = ?2, body = ?3 WHERE id = ?1"},
      {&w.del_mentions_, "DELETE FROM mentions WHERE article = ?1"},
      {&w.del_topics_, "DELETE FROM topics WHERE article = ?1"},
      {&w.del_events_, "DELETE FROM events WHERE article = ?1"},
  };
  for (auto& x : stmts) {
    auto st = store.db.prepare_persistent(x.sql);
    if (!st) return st.status();
    *x.st = std::move(*st);
  }
  auto st = store.db.prepare_persistent(
      insert_rows_sql("INSERT OR IGNORE INTO mentions(key, article, kind)", kMentionsPerInsert, 3).c_str());
  if (!st) return st.status();
  w.ins_mentions_ = std::move(*st);
  return w;
}

Result<bool> Writer::insert(const Prepared& p, int64_t run) {
  exists_.reset();
  exists_.bind_static(1, p.key);
  auto row = exists_.step("look up the article key");
  exists_.reset();
  if (!row) return row.status();
  if (*row) return false;

  static const std::string analyzer(analyzer_version());
  const std::string now = utc_now();
  Stmt& a = ins_article_;
  a.reset();
  a.bind_static(1, p.key).bind(2, run).bind_opt(3, p.url).bind_static(4, p.source).bind_opt(5, p.published);
  a.bind_static(6, p.seen).bind_static(7, p.title).bind_static(8, analyzer).bind_static(9, p.file);
  if (p.line) a.bind(10, static_cast<int64_t>(p.line));
  a.bind_static(11, p.format).bind_blob(12, p.original.data(), p.original.size()).bind_static(13, p.record);
  a.bind_static(14, now);
  if (Status s = a.run("store an article"); !s) return s;
  const int64_t id = db_->last_rowid();

  ins_text_.reset();
  ins_text_.bind(1, id).bind_static(2, p.title).bind_static(3, p.body);
  if (Status s = ins_text_.run("store the article text"); !s) return s;
  if (Status s = index(id, p); !s) return s;
  if (Status s = side_rows(id, p.side); !s) return s;
  auto story = stories_.add(id, p.signature, p.seen);
  if (!story) return story.status();
  return true;
}

Status Writer::index(int64_t id, const Prepared& p) {
  // FTS5 tokenizes what it is given; the terms were computed on an analysis
  // thread, and the tokenizer replays them instead of tokenizing again here.
  PretokenizedScope pre(p.title, p.title_terms, p.body, p.body_terms);
  ins_fts_.reset();
  ins_fts_.bind(1, id).bind_static(2, p.title).bind_static(3, p.body);
  return ins_fts_.run("index the article");
}

Status Writer::side_rows(int64_t id, const SideRows& side) {
  // Mentions by kMentionsPerInsert rows per statement run (insert_rows_sql says why), the rest
  // one by one.
  size_t i = 0;
  for (; i + kMentionsPerInsert <= side.mentions.size(); i += kMentionsPerInsert) {
    ins_mentions_.reset();
    for (int r = 0; r < kMentionsPerInsert; ++r) {
      const MentionRow& m = side.mentions[i + static_cast<size_t>(r)];
      ins_mentions_.bind_static(3 * r + 1, m.key).bind(3 * r + 2, id).bind_static(3 * r + 3, m.kind);
    }
    if (Status s = ins_mentions_.run("store mentions"); !s) return s;
  }
  for (; i < side.mentions.size(); ++i) {
    const MentionRow& m = side.mentions[i];
    ins_mention_.reset();
    ins_mention_.bind_static(1, m.key).bind(2, id).bind_static(3, m.kind);
    if (Status s = ins_mention_.run("store mentions"); !s) return s;
  }
  for (const TopicRow& t : side.topics) {
    ins_topic_.reset();
    ins_topic_.bind_static(1, t.label).bind(2, id).bind(3, t.score).bind(4, static_cast<int64_t>(t.rank));
    if (Status s = ins_topic_.run("store topics"); !s) return s;
  }
  int64_t idx = 0;
  for (const EventRow& e : side.events) {
    Stmt& st = ins_event_;
    st.reset();
    st.bind(1, id).bind(2, idx++).bind_static(3, e.code).bind_static(4, e.root).bind_opt(5, e.plover);
    if (e.has_quad) st.bind(6, static_cast<int64_t>(e.quad_class));
    if (e.has_goldstein) st.bind(7, e.goldstein);
    st.bind_opt(8, e.source_actor).bind_opt(9, e.source_country).bind_opt(10, e.target_actor);
    st.bind_opt(11, e.target_country).bind_opt(12, e.location_country).bind_opt(13, e.date).bind_opt(14, e.modality);
    st.bind(15, static_cast<int64_t>(e.negated));
    if (e.has_confidence) st.bind(16, e.confidence);
    if (Status s = st.run("store events"); !s) return s;
  }
  return Status::ok();
}

Status Writer::replace(const Prepared& p, bool update_index) {
  const int64_t id = p.existing;
  static const std::string analyzer(analyzer_version());
  if (update_index) {
    old_text_.reset();
    old_text_.bind(1, id);
    auto row = old_text_.step("read the indexed text");
    if (!row) return row.status();
    if (*row) {
      std::string title = old_text_.str(0), body = old_text_.str(1);
      old_text_.reset();
      del_fts_.reset();
      del_fts_.bind(1, id).bind_static(2, title).bind_static(3, body);
      if (Status s = del_fts_.run("remove the old index entries"); !s) return s;
    }
    old_text_.reset();
  }
  Stmt& u = upd_article_;
  u.reset();
  u.bind(1, id).bind_opt(2, p.url).bind_static(3, p.source).bind_opt(4, p.published).bind_static(5, p.seen);
  u.bind_static(6, p.title).bind_static(7, analyzer).bind_static(8, p.record);
  if (Status s = u.run("update an article"); !s) return s;
  upd_text_.reset();
  upd_text_.bind(1, id).bind_static(2, p.title).bind_static(3, p.body);
  if (Status s = upd_text_.run("update the article text"); !s) return s;
  if (update_index) {
    if (Status s = index(id, p); !s) return s;
  }
  for (Stmt* d : {&del_mentions_, &del_topics_, &del_events_}) {
    d->reset();
    d->bind(1, id);
    if (Status s = d->run("remove old side rows"); !s) return s;
  }
  if (Status s = side_rows(id, p.side); !s) return s;
  return stories_.replace_signature(id, p.signature);
}

}  // namespace marsad::internal
