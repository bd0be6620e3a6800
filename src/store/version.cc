#include <cstdlib>

#include "marsad/store.h"

namespace marsad {
namespace internal {
extern const char* const kAnalyzerVersion;  // gen_store_version.cc (src/store/data_hash.cmake)
}

std::string_view analyzer_version() { return internal::kAnalyzerVersion; }

std::string default_store_path() {
  const char* env = std::getenv("MARSAD_DB");
  return env && *env ? env : "marsad.db";
}

}  // namespace marsad
