// Filters shared by search and the event query: dates and outlets as users
// write them → the bounds and ids the SQL compares.
#pragma once

#include <string>
#include <string_view>

#include "marsad/status.h"

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

}  // namespace marsad::internal
