#include "store/filters.h"

#include "marsad/article.h"
#include "marsad/timestamp.h"

namespace marsad::internal {

Result<std::string> since_bound(std::string_view since) {
  auto t = parse_timestamp(since);
  if (!t) return Status(Error::kBadArgument, "--since: " + t.status().message());
  return t->iso();
}

Result<std::string> until_bound(std::string_view until) {
  auto t = parse_timestamp(until);
  if (!t) return Status(Error::kBadArgument, "--until: " + t.status().message());
  if (!t->has_time) {
    int y = 0, m = 0, d = 0;
    civil_from_days(t->days_since_epoch() + 1, y, m, d);
    Timestamp next;
    next.year = y;
    next.month = m;
    next.day = d;
    return next.iso();
  }
  // 0x7f sorts after every character an ISO time holds ('+', ':', digits, 'Z').
  std::string iso = t->iso();
  if (t->has_offset) iso.resize(19);
  return iso + '\x7f';
}

std::string source_id(std::string_view source) {
  if (const Outlet* o = find_outlet(source); o != nullptr) return o->id;
  return std::string(source);
}

std::string prefix_end(std::string_view prefix) { return std::string(prefix) + '\xff'; }

const char* const kEventFilterSql =
    " WHERE (?1 IS NULL OR (e.source_actor >= ?1 AND e.source_actor < ?2) OR (e.target_actor >= ?1 AND e.target_actor < ?2))"
    " AND (?3 IS NULL OR (e.source_actor >= ?3 AND e.source_actor < ?4 AND e.target_actor >= ?5 AND e.target_actor < ?6))"
    " AND (?7 IS NULL OR (e.code >= ?7 AND e.code < ?8))"
    " AND (?9 IS NULL OR e.root = ?9)"
    " AND (?10 IS NULL OR e.date >= ?10) AND (?11 IS NULL OR e.date < ?11)"
    " AND (?12 IS NULL OR a.story = ?12)";

Result<EventFilter> event_filter(const EventQuery& q) {
  EventFilter f;
  f.q = &q;
  if (!q.since.empty()) {
    auto s = since_bound(q.since);
    if (!s) return s.status();
    f.since = *s;
  }
  if (!q.until.empty()) {
    auto u = until_bound(q.until);
    if (!u) return u.status();
    f.until = *u;
  }
  if (q.dyad_source.empty() != q.dyad_target.empty()) {
    return Status(Error::kBadArgument, "--dyad needs two actors: SOURCE,TARGET");
  }
  return f;
}

void bind_event_filter(Stmt& st, const EventFilter& f) {
  const EventQuery& q = *f.q;
  auto prefix = [&](int i, const std::string& p) {
    if (p.empty()) return;
    st.bind(i, p).bind(i + 1, prefix_end(p));
  };
  prefix(1, q.actor);
  prefix(3, q.dyad_source);
  prefix(5, q.dyad_target);
  prefix(7, q.code);
  st.bind_opt(9, q.root).bind_opt(10, f.since).bind_opt(11, f.until);
  if (q.story) st.bind(12, q.story);
}

}  // namespace marsad::internal
