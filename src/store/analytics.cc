// Timeline and dyad aggregates over the events table. The WHERE clause and its
// binds are query_events' (store/filters.h), so a filter means the same
// thing in `marsad events`, /api/events, /api/timeline and /api/dyads.
#include "marsad/analytics.h"

#include "store/filters.h"
#include "store/impl.h"

namespace marsad {

Result<std::vector<TimelinePoint>> event_timeline(const Store& store, const TimelineQuery& q) {
  auto b = internal::event_filter(q.events);
  if (!b) return b.status();
  const char* key = q.by == TimelineQuery::By::kRoot ? "e.root" : "coalesce(e.quad_class, 0)";
  auto st = store.impl().db.prepare(
      std::string("SELECT substr(e.date, 1, 10) AS day, ") + key +
      " AS k, count(*), count(DISTINCT a.id), count(DISTINCT a.story), coalesce(avg(e.goldstein), 0)"
      " FROM events e JOIN articles a ON a.id = e.article" + internal::kEventFilterSql +
      " AND e.date IS NOT NULL AND e.date <> '' GROUP BY day, k ORDER BY day, k LIMIT ?13");
  if (!st) return st.status();
  internal::bind_event_filter(*st, *b);
  st->bind(13, static_cast<int64_t>(q.events.limit));
  std::vector<TimelinePoint> out;
  while (true) {
    auto row = st->step("event timeline");
    if (!row) return row.status();
    if (!*row) break;
    TimelinePoint p;
    p.day = st->str(0);
    p.key = st->str(1);
    p.mentions = static_cast<uint64_t>(st->i64(2));
    p.articles = static_cast<uint64_t>(st->i64(3));
    p.stories = static_cast<uint64_t>(st->i64(4));
    p.goldstein = st->f64(5);
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<Dyad>> event_dyads(const Store& store, const DyadQuery& q) {
  auto b = internal::event_filter(q.events);
  if (!b) return b.status();
  const char* src = q.countries ? "e.source_country" : "e.source_actor";
  const char* tgt = q.countries ? "e.target_country" : "e.target_actor";
  auto st = store.impl().db.prepare(
      std::string("SELECT ") + src + " AS s, " + tgt +
      " AS t, count(*), count(DISTINCT a.id), count(DISTINCT a.story), coalesce(avg(e.goldstein), 0),"
      " sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4)"
      " FROM events e JOIN articles a ON a.id = e.article" + internal::kEventFilterSql +
      " AND s IS NOT NULL AND s <> '' AND t IS NOT NULL AND t <> '' AND s <> t"
      " GROUP BY s, t HAVING count(*) >= ?14 ORDER BY count(*) DESC, s, t LIMIT ?13");
  if (!st) return st.status();
  internal::bind_event_filter(*st, *b);
  st->bind(13, static_cast<int64_t>(q.events.limit)).bind(14, static_cast<int64_t>(q.min_mentions));
  std::vector<Dyad> out;
  while (true) {
    auto row = st->step("event dyads");
    if (!row) return row.status();
    if (!*row) break;
    Dyad d;
    d.source = st->str(0);
    d.target = st->str(1);
    d.mentions = static_cast<uint64_t>(st->i64(2));
    d.articles = static_cast<uint64_t>(st->i64(3));
    d.stories = static_cast<uint64_t>(st->i64(4));
    d.goldstein = st->f64(5);
    uint64_t known = 0;
    for (int c = 1; c <= 4; ++c) {
      d.quad[c] = static_cast<uint64_t>(st->i64(5 + c));
      known += d.quad[c];
      if (d.quad[c] > d.quad[d.dominant_quad]) d.dominant_quad = c;  // quad[0] is still 0 here: any count wins
    }
    d.quad[0] = d.mentions - known;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace marsad
