// Incremental story assignment inside the writer's transaction: LSH buckets
// in the `lsh` table find candidates, stored signatures verify them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "marsad/stories.h"
#include "store/sqlite.h"

namespace marsad::internal {

class StoryIndex {
 public:
  static Result<StoryIndex> create(Db& db, const StoryOptions& opt);

  // Stores the signature of article `id` (already inserted, story NULL), puts
  // it in the story of its most similar article or a new one, and updates
  // that story. Returns the story id.
  Result<int64_t> add(int64_t id, const Signature& sig, std::string_view seen);
  // Replaces a stored signature and its LSH rows (reanalysis); the story stays.
  Status replace_signature(int64_t id, const Signature& sig);
  // Recomputes every story's counts, times and representative from its articles.
  Status refresh_all();

  // LSH bucket of each band of a signature.
  static std::vector<int64_t> buckets(const Signature& sig);
  static std::string blob(const Signature& sig);
  static Signature from_blob(std::string_view blob, uint32_t shingles);

 private:
  StoryIndex(Db& db, const StoryOptions& opt) : db_(&db), opt_(opt) {}
  bool similar(const Signature& a, const Signature& b, double* score) const;
  Status put_buckets(int64_t id, const std::vector<int64_t>& bs);  // the article's LSH rows

  Db* db_;
  StoryOptions opt_;
  Stmt find_bucket_, get_sig_, put_sig_, del_sig_, put_lsh_, del_lsh_, story_of_, set_story_;
  Stmt new_story_, join_story_, put_bands_;
};

}  // namespace marsad::internal
