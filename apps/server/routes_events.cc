// GET /api/events, /api/timeline, /api/dyads: events per story (stories.h)
// and their aggregates for the charts (analytics.h), all with the same filters.
#include <cctype>

#include "api.h"
#include "marsad/analytics.h"
#include "marsad/json.h"
#include "marsad/stories.h"

namespace marsad::server::internal {
namespace {

// The filters every event route takes, as `marsad events` names them.
#define MARSAD_EVENT_PARAMS "actor", "dyad", "code", "root", "since", "until", "story", "limit"

EventQuery event_query(Params& p, int64_t default_limit, int64_t max_limit) {
  EventQuery q;
  q.actor = p.str("actor");
  p.pair("dyad", q.dyad_source, q.dyad_target);
  q.code = p.str("code");
  q.root = p.str("root");
  q.since = p.str("since");
  q.until = p.str("until");
  q.story = p.integer("story", 0, 0, INT64_MAX);
  q.limit = static_cast<size_t>(p.integer("limit", default_limit, 1, max_limit));
  if (!q.root.empty() && (q.root.size() != 2 || !isdigit(static_cast<unsigned char>(q.root[0])) ||
                          !isdigit(static_cast<unsigned char>(q.root[1])))) {
    p.fail("root", "root must be a two-digit CAMEO root code (\"05\"), not '" + q.root + "'");
  }
  return q;
}

void events_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {MARSAD_EVENT_PARAMS});
  EventQuery q = event_query(p, 200, 5000);
  if (!p.ok()) return p.answer(res);
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto rows = query_events(**store, q);
  if (!rows) return send_status(res, rows.status());
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("events").begin_array();
  for (const EventAggregate& e : *rows) {
    write_event_aggregate_json(w, e);
  }
  w.end_array().end_object();
  send_json(res, std::move(out));
}

void timeline_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {MARSAD_EVENT_PARAMS, "by"});
  TimelineQuery q;
  q.events = event_query(p, 5000, 100000);
  const std::string by = p.choice("by", {"root", "quad"});
  q.by = by == "root" ? TimelineQuery::By::kRoot : TimelineQuery::By::kQuadClass;
  if (!p.ok()) return p.answer(res);
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto rows = event_timeline(**store, q);
  if (!rows) return send_status(res, rows.status());
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("by", by).key("points").begin_array();
  for (const TimelinePoint& t : *rows) {
    w.begin_object().field("day", t.day).field("key", t.key).field("mentions", t.mentions);
    w.field("articles", t.articles).field("stories", t.stories).field("goldstein", t.goldstein).end_object();
  }
  w.end_array().end_object();
  send_json(res, std::move(out));
}

void dyads_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Params p(req, {MARSAD_EVENT_PARAMS, "level", "min"});
  DyadQuery q;
  q.events = event_query(p, 300, 5000);
  const std::string level = p.choice("level", {"country", "actor"});
  q.countries = level == "country";
  q.min_mentions = static_cast<uint64_t>(p.integer("min", 1, 1, 1000000));
  if (!p.ok()) return p.answer(res);
  auto store = ctx.reads.take();
  if (!store) return send_status(res, store.status());
  auto rows = event_dyads(**store, q);
  if (!rows) return send_status(res, rows.status());
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("level", level).key("dyads").begin_array();
  for (const Dyad& d : *rows) {
    w.begin_object().field("source", d.source).field("target", d.target).field("mentions", d.mentions);
    w.field("articles", d.articles).field("stories", d.stories).field("goldstein", d.goldstein);
    w.field("quad_class", d.dominant_quad).key("by_quad_class").begin_object();
    for (int c = 1; c <= 4; ++c) w.field(std::to_string(c), d.quad[c]);
    w.end_object().end_object();
  }
  w.end_array().end_object();
  send_json(res, std::move(out));
}

}  // namespace

void register_event_routes(httplib::Server& http, Context& ctx) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  http.Get("/api/events", [&ctx](Req req, Res res) { events_route(ctx, req, res); });
  http.Get("/api/timeline", [&ctx](Req req, Res res) { timeline_route(ctx, req, res); });
  http.Get("/api/dyads", [&ctx](Req req, Res res) { dyads_route(ctx, req, res); });
}

}  // namespace marsad::server::internal
