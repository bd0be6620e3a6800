// The single writer: every row of an article goes in through here, inside the
// transaction the caller opened, so an article is stored whole or not at all.
#pragma once

#include <cstdint>

#include "store/impl.h"
#include "store/prepare.h"
#include "store/story_index.h"

namespace marsad::internal {

class Writer {
 public:
  static Result<Writer> create(StoreImpl& store);

  Status begin() { return db_->exec("BEGIN IMMEDIATE", "begin a transaction"); }
  Status commit() { return db_->exec("COMMIT", "commit"); }
  void rollback() { (void)db_->exec("ROLLBACK", "roll back"); }

  // Stores a new article; false (and nothing written) when its key is already stored.
  Result<bool> insert(const Prepared& p, int64_t run);
  // Replaces the analysis of a stored article from its reanalysis. With
  // `update_index` false the caller rebuilds the search index afterwards
  // (needed when the tokenizer changed: old terms cannot be deleted with it).
  Status replace(const Prepared& p, bool update_index);

  StoryIndex& stories() { return stories_; }

 private:
  Writer(Db& db, StoryIndex stories) : db_(&db), stories_(std::move(stories)) {}
  Status index(int64_t id, const Prepared& p);
  Status side_rows(int64_t id, const SideRows& side);

  Db* db_;
  StoryIndex stories_;
  static constexpr int kMentionsPerInsert = 8;
  Stmt exists_, ins_article_, ins_text_, ins_fts_, ins_mention_, ins_mentions_, ins_topic_, ins_event_;
  Stmt old_text_, del_fts_, upd_article_, upd_text_, del_mentions_, del_topics_, del_events_;
};

}  // namespace marsad::internal
