// What a Store holds: its connection (used by one thread at a time) and the
// options read from its meta table.
#pragma once

#include <string>

#include "marsad/stories.h"
#include "marsad/store.h"
#include "store/sqlite.h"

namespace marsad::internal {

struct StoreImpl {
  Db db;
  std::string path;
  StoreOptions opt;
  StoryOptions stories;  // as stored in meta (story_*)
};

// The story options of a store (meta story_*), written with the defaults on creation.
Result<StoryOptions> load_story_options(Db& db, bool read_only);
Status save_story_options(Db& db, const StoryOptions& o);

// Connection-level settings shared by every connection of a store.
Status configure_connection(Db& db, bool writer);

}  // namespace marsad::internal
