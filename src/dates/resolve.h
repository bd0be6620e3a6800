// Internal: from what the words say (grammar.h) to values, against a
// reference time. Relative forms without a reference stay unresolved and keep
// their structured offset; nothing is guessed.
#pragma once

#include <optional>

#include "dates/grammar.h"
#include "marsad/dates.h"
#include "marsad/timestamp.h"

namespace marsad::internal {

// Fills kind, value, grain, from/to, calendar, resolved, conflict, duration,
// part, offset, weekday and holiday of `out` (span and text are the caller's).
void resolve(const Parse& p, const std::optional<Timestamp>& ref, TimeExpression& out);

}  // namespace marsad::internal
