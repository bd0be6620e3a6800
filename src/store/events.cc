// Events aggregated per story, GDELT's way: one row per distinct event in a
// story, with the number of mentions, distinct outlets and distinct articles,
// so a wire story copied by ten outlets is one event with NumSources = 10.
#include <cstdlib>

#include "marsad/stories.h"
#include "store/filters.h"
#include "store/impl.h"

namespace marsad {

Result<std::vector<EventAggregate>> query_events(const Store& store, const EventQuery& q) {
  auto filter = internal::event_filter(q);
  if (!filter) return filter.status();
  auto st = store.impl().db.prepare(
      "SELECT a.story, coalesce(e.date, ''), e.code, e.root, coalesce(max(e.plover), ''),"
      " coalesce(e.source_actor, ''), coalesce(max(e.source_country), ''),"
      " coalesce(e.target_actor, ''), coalesce(max(e.target_country), ''),"
      " coalesce(max(e.location_country), ''), coalesce(e.modality, ''), e.negated,"
      " coalesce(avg(e.goldstein), 0), coalesce(max(e.quad_class), 0),"
      " count(*), count(DISTINCT a.source), count(DISTINCT a.id),"
      " min(a.seen || ' ' || printf('%020d', a.id))"
      " FROM events e JOIN articles a ON a.id = e.article" +
      std::string(internal::kEventFilterSql) +
      " GROUP BY a.story, e.date, e.code, e.source_actor, e.target_actor, e.modality, e.negated"
      " ORDER BY e.date, a.story, e.code, e.source_actor, e.target_actor LIMIT ?13");
  if (!st) return st.status();
  internal::bind_event_filter(*st, *filter);
  st->bind(13, static_cast<int64_t>(q.limit));

  std::vector<EventAggregate> out;
  std::vector<int64_t> firsts;
  while (true) {
    auto row = st->step("query events");
    if (!row) return row.status();
    if (!*row) break;
    EventAggregate e;
    e.story = st->i64(0);
    e.date = st->str(1);
    e.code = st->str(2);
    e.root = st->str(3);
    e.plover = st->str(4);
    e.source_actor = st->str(5);
    e.source_country = st->str(6);
    e.target_actor = st->str(7);
    e.target_country = st->str(8);
    e.location_country = st->str(9);
    e.modality = st->str(10);
    e.negated = st->i64(11) != 0;
    e.goldstein = st->f64(12);
    e.quad_class = static_cast<int>(st->i64(13));
    e.num_mentions = static_cast<uint64_t>(st->i64(14));
    e.num_sources = static_cast<uint64_t>(st->i64(15));
    e.num_articles = static_cast<uint64_t>(st->i64(16));
    std::string first = st->str(17);
    e.first_article = std::strtoll(first.c_str() + (first.rfind(' ') + 1), nullptr, 10);
    out.push_back(std::move(e));
  }
  auto url = store.impl().db.prepare("SELECT coalesce(url, '') FROM articles WHERE id = ?1");
  if (!url) return url.status();
  for (EventAggregate& e : out) {
    url->reset();
    url->bind(1, e.first_article);
    auto row = url->step("read an article URL");
    if (!row) return row.status();
    if (*row) e.url = url->str(0);
  }
  return out;
}

void write_event_aggregate_json(JsonWriter& w, const EventAggregate& e) {
  w.begin_object().field("story", e.story).field("date", e.date).field("code", e.code).field("root", e.root);
  w.field("plover", e.plover).field("source_actor", e.source_actor).field("source_country", e.source_country);
  w.field("target_actor", e.target_actor).field("target_country", e.target_country);
  w.field("location_country", e.location_country).field("modality", e.modality).field("negated", e.negated);
  w.field("goldstein", e.goldstein).field("quad_class", e.quad_class).field("num_mentions", e.num_mentions);
  w.field("num_sources", e.num_sources).field("num_articles", e.num_articles);
  w.field("first_article", e.first_article).field("url", e.url).end_object();
}

}  // namespace marsad
