// Search: one ranked query for the ids (FTS5's BM25, filters joined in), then
// one snippet query per hit, so snippets are built for the page shown only.
#include "marsad/search.h"

#include <algorithm>
#include <unordered_map>

#include "store/filters.h"
#include "store/impl.h"

namespace marsad {
namespace {

using internal::Db;
using internal::Stmt;

// Bound values of the filters, NULL where a filter is off.
struct Bounds {
  std::string match, source, since, until, actor, actor_end, topic;
  int64_t story = 0;
};

Result<Bounds> bounds_of(const SearchQuery& q) {
  Bounds b;
  auto m = fts_expression(q.text);
  if (!m) return m.status();
  b.match = std::move(*m);
  if (!q.source.empty()) b.source = internal::source_id(q.source);
  if (!q.since.empty()) {
    auto s = internal::since_bound(q.since);
    if (!s) return s.status();
    b.since = *s;
  }
  if (!q.until.empty()) {
    auto u = internal::until_bound(q.until);
    if (!u) return u.status();
    b.until = *u;
  }
  if (!q.actor.empty()) {
    b.actor = q.actor;
    b.actor_end = internal::prefix_end(q.actor);
  }
  b.topic = q.topic;
  b.story = q.story;
  return b;
}

// ?2 source, ?3 since, ?4 until (exclusive), ?5/?6 actor prefix range, ?7 topic, ?8 story.
constexpr const char* kFilters =
    " AND (?2 IS NULL OR a.source = ?2)"
    " AND (?3 IS NULL OR a.published >= ?3)"
    " AND (?4 IS NULL OR a.published < ?4)"
    " AND (?5 IS NULL OR a.id IN (SELECT article FROM mentions WHERE key >= ?5 AND key < ?6))"
    " AND (?7 IS NULL OR a.id IN (SELECT article FROM topics WHERE label = ?7 AND rank = 0))"
    " AND (?8 IS NULL OR a.story = ?8)";

void bind_filters(Stmt& st, const Bounds& b) {
  st.bind_opt(2, b.source).bind_opt(3, b.since).bind_opt(4, b.until);
  st.bind_opt(5, b.actor).bind_opt(6, b.actor_end).bind_opt(7, b.topic);
  if (b.story) st.bind(8, b.story);
}

// FTS5 snippet markers → clean text plus highlighted byte ranges.
void unmark(std::string_view marked, SearchHit& h) {
  h.snippet.clear();
  uint32_t open = 0;
  for (char c : marked) {
    if (c == '\x01') {
      open = static_cast<uint32_t>(h.snippet.size());
    } else if (c == '\x02') {
      h.highlights.emplace_back(open, static_cast<uint32_t>(h.snippet.size()));
    } else {
      h.snippet += c;
    }
  }
}

// The first `words` words of a text (space-separated), "…" if cut.
std::string lead(std::string_view text, size_t words) {
  size_t i = 0, n = 0;
  while (i < text.size() && n < words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    ++n;
  }
  std::string out(text.substr(0, i));
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  if (i < text.size()) out += "…";
  return out;
}

}  // namespace

Result<std::vector<SearchHit>> search(const Store& store, const SearchQuery& q) {
  auto b = bounds_of(q);
  if (!b) return b.status();
  Db& db = store.impl().db;
  const bool ranked = !b->match.empty();
  const bool filtered = !b->source.empty() || !b->since.empty() || !b->until.empty() || !b->actor.empty() ||
                        !b->topic.empty() || b->story != 0;
  // Without filters FTS5 ranks on its own (its sorter, no join per match).
  // marsad_rank (fts_rank.h) is BM25 computing exact scores for the best ?11 rows only.
  std::string sql = ranked && !filtered
                        ? "SELECT rowid, marsad_rank(fts, ?11) AS r FROM fts WHERE fts MATCH ?1 ORDER BY r LIMIT ?9 OFFSET ?10"
                    : ranked ? std::string("SELECT a.id, marsad_rank(fts, ?11) AS r FROM fts JOIN articles a ON a.id = fts.rowid "
                                           "WHERE fts MATCH ?1") +
                                   kFilters + " ORDER BY r LIMIT ?9 OFFSET ?10"
                           : std::string("SELECT a.id, 0 FROM articles a WHERE ?1 IS NULL") + kFilters +
                                 " ORDER BY a.published DESC, a.id DESC LIMIT ?9 OFFSET ?10";
  auto st = db.prepare(sql);
  if (!st) return st.status();
  st->bind_opt(1, b->match);
  if (filtered || !ranked) bind_filters(*st, *b);
  st->bind(9, static_cast<int64_t>(q.limit)).bind(10, static_cast<int64_t>(q.offset));
  if (ranked) st->bind(11, static_cast<int64_t>(q.limit + q.offset));
  std::vector<SearchHit> hits;
  while (true) {
    auto row = st->step("search");
    if (!row) return row.status();
    if (!*row) break;
    SearchHit h;
    h.id = st->i64(0);
    h.score = -st->f64(1);  // FTS5 ranks ascending: more negative is better
    hits.push_back(std::move(h));
  }

  if (hits.empty()) return hits;

  auto detail = db.prepare("SELECT title, source, coalesce(published, ''), coalesce(url, ''), story FROM articles WHERE id = ?1");
  if (!detail) return detail.status();
  for (SearchHit& h : hits) {
    detail->reset();
    detail->bind(1, h.id);
    auto row = detail->step("read a hit");
    if (!row) return row.status();
    if (!*row) continue;
    h.title = detail->str(0);
    h.source = detail->str(1);
    h.published = detail->str(2);
    h.url = detail->str(3);
    h.story = detail->i64(4);
  }

  // Snippets for the page in one pass over the query's matches in the hits'
  // rowid range: one query setup (a prefix is expanded once), and snippet()
  // runs for the hits only. The unary + keeps SQLite from handing the IN
  // list to FTS5 as one lookup per id.
  const int64_t words = static_cast<int64_t>(std::min<size_t>(std::max<size_t>(q.snippet_words, 1), 64));
  int64_t lo = hits.front().id, hi = lo;
  std::string ids = "[";
  for (const SearchHit& h : hits) {
    lo = std::min(lo, h.id);
    hi = std::max(hi, h.id);
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(h.id);
  }
  ids += ']';
  auto snip = db.prepare(
      ranked ? "SELECT rowid, snippet(fts, -1, char(1), char(2), '…', ?4) FROM fts WHERE fts MATCH ?1 "
               "AND rowid BETWEEN ?2 AND ?3 AND +rowid IN (SELECT value FROM json_each(?5))"
             : "SELECT id, body FROM texts WHERE ?1 IS NULL AND id BETWEEN ?2 AND ?3 AND ?4 IS NOT NULL "
               "AND +id IN (SELECT value FROM json_each(?5))");
  if (!snip) return snip.status();
  snip->bind_opt(1, b->match).bind(2, lo).bind(3, hi).bind(4, words).bind(5, ids);
  std::unordered_map<int64_t, SearchHit*> by_id;
  for (SearchHit& h : hits) by_id[h.id] = &h;
  while (true) {
    auto row = snip->step("search snippets");
    if (!row) return row.status();
    if (!*row) break;
    auto it = by_id.find(snip->i64(0));
    if (it == by_id.end()) continue;
    if (ranked) unmark(snip->text(1), *it->second);
    else it->second->snippet = lead(snip->text(1), static_cast<size_t>(words));
  }
  return hits;
}

Result<uint64_t> count_matches(const Store& store, const SearchQuery& q) {
  auto b = bounds_of(q);
  if (!b) return b.status();
  std::string sql = b->match.empty()
                        ? std::string("SELECT count(*) FROM articles a WHERE ?1 IS NULL") + kFilters
                        : std::string("SELECT count(*) FROM fts f JOIN articles a ON a.id = f.rowid WHERE fts MATCH ?1") +
                              kFilters;
  auto st = store.impl().db.prepare(sql);
  if (!st) return st.status();
  st->bind_opt(1, b->match);
  bind_filters(*st, *b);
  auto row = st->step("count");
  if (!row) return row.status();
  return static_cast<uint64_t>(st->i64(0));
}

void write_search_hit_json(JsonWriter& w, const SearchHit& h) {
  w.begin_object().field("id", h.id).field("score", h.score).field("title", h.title).field("source", h.source);
  w.key("published");
  if (h.published.empty()) w.null();
  else w.value(h.published);
  w.field("url", h.url).field("story", h.story).field("snippet", h.snippet);
  w.key("highlights").begin_array();
  for (const auto& [b, e] : h.highlights) w.begin_array().value(b).value(e).end_array();
  w.end_array().end_object();
}

}  // namespace marsad
