// GET /api/search, /api/articles/{id}, /api/stories, /api/stories/{id}, /api/stats.
// Each route reads its parameters strictly (api.h), calls the library and
// writes through the shared JsonWriter; the stored record is passed on as the
// writer wrote it at ingest.
#include "api.h"
#include "marsad/input.h"
#include "marsad/json.h"
#include "marsad/search.h"
#include "marsad/stories.h"

namespace marsad::server::internal {
namespace {

// Writes `raw` (JSON the same writer produced) as the last member of the
// object the writer has just closed in `out`.
void append_raw_member(std::string& out, std::string_view key, std::string_view raw) {
  out.pop_back();  // the object's '}'
  out += ',';
  append_json_string(out, key);
  out += ':';
  out += raw;
  out += '}';
}

void search_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {"q", "source", "since", "until", "actor", "topic", "story", "limit", "offset", "total"});
  SearchQuery q;
  q.text = p.str("q");
  q.source = p.str("source");
  q.since = p.str("since");
  q.until = p.str("until");
  q.actor = p.str("actor");
  q.topic = p.str("topic");
  q.story = p.integer("story", 0, 0, INT64_MAX);
  q.limit = static_cast<size_t>(p.integer("limit", 20, 1, 200));
  q.offset = static_cast<size_t>(p.integer("offset", 0, 0, 100000));
  const bool total = p.integer("total", 1, 0, 1) == 1;
  if (!p.ok()) return p.answer(res);
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto hits = search(**store, q);
  if (!hits) return send_status(res, hits.status());
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("query", q.text);
  if (total) {
    auto n = count_matches(**store, q);
    if (!n) return send_status(res, n.status());
    w.field("total", *n);
  }
  w.field("offset", static_cast<uint64_t>(q.offset)).key("hits").begin_array();
  for (const SearchHit& h : *hits) write_search_hit_json(w, h);
  w.end_array().end_object();
  send_json(res, std::move(out));
}

// The document text the record's offsets point into: the file's bytes for a
// text article, the decoded text field for a JSON line (input.h reads it the
// way ingest did).
std::string document_text(const StoredArticle& a) {
  if (a.format != "json") return a.original;
  auto d = document_from_json(a.original, InputOptions{}, a.file, a.line);
  return d ? d->doc.text : std::string();
}

void article_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {});
  if (!p.ok()) return p.answer(res);
  const int64_t id = path_id(req, res);
  if (id == 0) return;
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto a = (*store)->article(id);
  if (!a) {
    if (a.status().code() == Error::kBadArgument) return send_error(res, 404, a.status().message(), "id");
    return send_status(res, a.status());
  }
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("id", a->id).field("url", a->url).field("source", a->source);
  w.field("published", a->published).field("title", a->title).field("story", a->story);
  w.field("analyzer", a->analyzer).field("ingested_at", a->ingested_at).field("format", a->format);
  w.field("text", document_text(*a)).end_object();
  append_raw_member(out, "record", a->record);
  send_json(res, std::move(out));
}

void write_story(JsonWriter& w, const StoryRow& s) {
  w.begin_object().field("id", s.id).field("first_seen", s.first_seen).field("last_seen", s.last_seen);
  w.field("articles", s.articles).field("outlets", s.outlets).field("representative", s.representative);
  w.field("title", s.title).field("source", s.source);
}

void stories_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {"min_articles", "min_outlets", "since", "until", "sort", "limit"});
  StoryQuery q;
  q.min_articles = static_cast<uint64_t>(p.integer("min_articles", 2, 1, 1000000));
  q.min_outlets = static_cast<uint64_t>(p.integer("min_outlets", 1, 1, 1000000));
  q.since = p.str("since");
  q.until = p.str("until");
  q.sort = p.choice("sort", {"articles", "outlets", "recent"});
  q.limit = static_cast<size_t>(p.integer("limit", 50, 1, 1000));
  if (!p.ok()) return p.answer(res);
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto rows = list_stories(**store, q);
  if (!rows) return send_status(res, rows.status());
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("stories").begin_array();
  for (const StoryRow& s : *rows) {
    write_story(w, s);
    w.end_object();
  }
  w.end_array().end_object();
  send_json(res, std::move(out));
}

void story_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {});
  if (!p.ok()) return p.answer(res);
  const int64_t id = path_id(req, res);
  if (id == 0) return;
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto s = get_story(**store, id);
  if (!s) {
    if (s.status().code() == Error::kBadArgument) return send_error(res, 404, s.status().message(), "id");
    return send_status(res, s.status());
  }
  auto members = story_members(**store, id);
  if (!members) return send_status(res, members.status());
  std::string out;
  JsonWriter w(out);
  write_story(w, *s);
  w.key("members").begin_array();
  for (const StoryMember& m : *members) {
    w.begin_object().field("id", m.id).field("published", m.published).field("source", m.source);
    w.field("title", m.title).field("url", m.url).end_object();
  }
  w.end_array().end_object();
  send_json(res, std::move(out));
}

void stats_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {});
  if (!p.ok()) return p.answer(res);
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto s = (*store)->stats();
  if (!s) return send_status(res, s.status());
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("schema", s->schema).field("analyzer", s->analyzer);
  w.field("fts_analyzer", s->fts_analyzer).field("articles", s->articles).field("stories", s->stories);
  w.field("multi_article_stories", s->multi_stories).field("stale", s->stale).field("events", s->events);
  w.field("mentions", s->mentions).field("topics", s->topics).field("runs", s->runs);
  w.field("first_published", s->first_published).field("last_published", s->last_published);
  w.field("file_bytes", s->file_bytes).field("writes_enabled", !ctx.opt.token.empty());
  w.key("sources").begin_array();
  for (const auto& [src, n] : s->sources) w.begin_object().field("source", src).field("articles", n).end_object();
  w.end_array().end_object();
  send_json(res, std::move(out));
}

}  // namespace

void register_read_routes(httplib::Server& http, Context& ctx) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  http.Get("/api/search", [&ctx](Req req, Res res) { search_route(ctx, req, res); });
  http.Get(R"(/api/articles/([^/]*))", [&ctx](Req req, Res res) { article_route(ctx, req, res); });
  http.Get("/api/stories", [&ctx](Req req, Res res) { stories_route(ctx, req, res); });
  http.Get(R"(/api/stories/([^/]*))", [&ctx](Req req, Res res) { story_route(ctx, req, res); });
  http.Get("/api/stats", [&ctx](Req req, Res res) { stats_route(ctx, req, res); });
}

}  // namespace marsad::server::internal
