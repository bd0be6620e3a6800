// The store side of `marsad events`: with --db, events come from a corpus
// store (query_events in marsad/stories.h) instead of analyze records.
#pragma once

#include <string>

#include "marsad/stories.h"
#include "marsad/store.h"

namespace marsad::cli {

struct StoreEventsFlags {
  std::string db;
  EventQuery q;
  std::string dyad;             // "SOURCE,TARGET"
  std::string format = "table";
  bool header = false;          // gdelt: column names first
};

// Prints the store's events; exit code 1 when none match, 2 on errors.
void run_store_events(const StoreEventsFlags& f);

}  // namespace marsad::cli
