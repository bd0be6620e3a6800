// Filters shared by search and the event query: dates and outlets as users
// write them → the bounds and ids the SQL compares.
#pragma once

#include <string>
#include <string_view>

#include "marsad/status.h"
#include "marsad/stories.h"
#include "store/sqlite.h"

namespace marsad::internal {

// "2015-07-21" → "2015-07-21" (inclusive lower bound on ISO strings).
Result<std::string> since_bound(std::string_view since);
// Exclusive upper bound: a date includes its whole day ("2015-07-21" →
// "2015-07-22"), a date-time itself and any offset written after it.
// Times are compared as written: offsets are not applied.
Result<std::string> until_bound(std::string_view until);
// An outlet id or any of its names/aliases → the id stored in articles.source.
std::string source_id(std::string_view source);
// Upper bound of the strings that start with `prefix`.
std::string prefix_end(std::string_view prefix);

// The WHERE clause of an EventQuery over `events e JOIN articles a`, with
// parameters ?1..?12, shared by query_events (events.cc) and the timeline
// and dyads (analytics.cc) so that a filter means the same in all of them.
extern const char* const kEventFilterSql;

// An EventQuery checked (dates parsed, a dyad given both sides), ready to bind.
struct EventFilter {
  const EventQuery* q = nullptr;
  std::string since, until;
};
Result<EventFilter> event_filter(const EventQuery& q);
// Binds ?1..?12 of kEventFilterSql.
void bind_event_filter(Stmt& st, const EventFilter& f);

}  // namespace marsad::internal
