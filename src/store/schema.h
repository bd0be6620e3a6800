// The store's schema and its migrations. PRAGMA user_version holds the schema
// version; each migration takes a store from version i to i + 1 inside one
// transaction, so a store is always at some whole version.
#pragma once

#include <string>
#include <string_view>

#include "store/sqlite.h"

namespace marsad::internal {

// Brings a new or older store to kStoreSchemaVersion; kCorrupt for a newer one
// or a file whose tables are not a marsad store's.
Status migrate(Db& db);

// The meta table: versions, options and provenance ("" when absent).
Result<std::string> get_meta(Db& db, std::string_view key);
Status set_meta(Db& db, std::string_view key, std::string_view value);

// UTC now, "2025-11-25T10:00:00Z".
std::string utc_now();

}  // namespace marsad::internal
