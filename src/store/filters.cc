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

}  // namespace marsad::internal
