#include "store/story_index.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace marsad::internal {
namespace {

constexpr int kRows = StoryOptions::kHashes / StoryOptions::kBands;
static_assert(kRows * StoryOptions::kBands == StoryOptions::kHashes);
// A bucket shared by more articles than this (boilerplate, empty texts) gives
// only its first members as candidates: verification cost stays bounded.
constexpr int64_t kMaxBucketCandidates = 64;
constexpr size_t kMaxCandidates = 512;

}  // namespace

Result<StoryIndex> StoryIndex::create(Db& db, const StoryOptions& opt) {
  StoryIndex s(db, opt);
  struct {
    Stmt* st;
    const char* sql;
  } stmts[] = {
      {&s.find_bucket_, "SELECT article FROM lsh WHERE bucket = ?1 LIMIT ?2"},
      {&s.get_sig_, "SELECT shingles, minhash FROM signatures WHERE article = ?1"},
      {&s.put_sig_, "INSERT OR REPLACE INTO signatures(article, shingles, minhash) VALUES(?1, ?2, ?3)"},
      {&s.del_sig_, "DELETE FROM signatures WHERE article = ?1"},
      {&s.put_lsh_, "INSERT OR IGNORE INTO lsh(bucket, article) VALUES(?1, ?2)"},
      {&s.del_lsh_, "DELETE FROM lsh WHERE bucket = ?1 AND article = ?2"},
      {&s.story_of_, "SELECT story FROM articles WHERE id = ?1"},
      {&s.set_story_, "UPDATE articles SET story = ?2 WHERE id = ?1"},
      {&s.new_story_,
       "INSERT INTO stories(first_seen, last_seen, articles, outlets, representative) VALUES(?1, ?1, 1, 1, ?2)"},
      // SET expressions all see the row as it was, so first_seen is compared before it changes.
      {&s.join_story_,
       "UPDATE stories SET articles = articles + 1,"
       " outlets = (SELECT count(DISTINCT source) FROM articles WHERE story = ?1),"
       " representative = CASE WHEN ?2 < first_seen THEN ?3 ELSE representative END,"
       " first_seen = min(first_seen, ?2), last_seen = max(last_seen, ?2) WHERE id = ?1"},
  };
  for (auto& x : stmts) {
    auto st = db.prepare_persistent(x.sql);
    if (!st) return st.status();
    *x.st = std::move(*st);
  }
  // One statement run for all of an article's bands (insert_rows_sql says why).
  auto bands = db.prepare_persistent(
      insert_rows_sql("INSERT OR IGNORE INTO lsh(bucket, article)", StoryOptions::kBands, 2).c_str());
  if (!bands) return bands.status();
  s.put_bands_ = std::move(*bands);
  return s;
}

Status StoryIndex::put_buckets(int64_t id, const std::vector<int64_t>& bs) {
  if (bs.size() == static_cast<size_t>(StoryOptions::kBands)) {
    put_bands_.reset();
    for (int b = 0; b < StoryOptions::kBands; ++b) put_bands_.bind(2 * b + 1, bs[static_cast<size_t>(b)]).bind(2 * b + 2, id);
    return put_bands_.run("store LSH buckets");
  }
  for (int64_t bucket : bs) {
    put_lsh_.reset();
    put_lsh_.bind(1, bucket).bind(2, id);
    if (Status s = put_lsh_.run("store LSH buckets"); !s) return s;
  }
  return Status::ok();
}

std::vector<int64_t> StoryIndex::buckets(const Signature& sig) {
  std::vector<int64_t> out;
  if (sig.mins.size() != StoryOptions::kHashes) return out;
  out.reserve(StoryOptions::kBands);
  for (int b = 0; b < StoryOptions::kBands; ++b) {
    uint64_t h = XXH3_64bits_withSeed(sig.mins.data() + b * kRows, kRows * sizeof(uint32_t), static_cast<uint64_t>(b));
    int64_t v;
    std::memcpy(&v, &h, sizeof v);
    out.push_back(v);
  }
  return out;
}

std::string StoryIndex::blob(const Signature& sig) {
  return std::string(reinterpret_cast<const char*>(sig.mins.data()), sig.mins.size() * sizeof(uint32_t));
}

Signature StoryIndex::from_blob(std::string_view blob, uint32_t shingles) {
  Signature s;
  s.shingles = shingles;
  s.mins.resize(blob.size() / sizeof(uint32_t));
  std::memcpy(s.mins.data(), blob.data(), s.mins.size() * sizeof(uint32_t));
  return s;
}

bool StoryIndex::similar(const Signature& a, const Signature& b, double* score) const {
  const double j = estimate_similarity(a, b);
  *score = j;
  if (j >= opt_.threshold) return true;
  if (std::min(a.shingles, b.shingles) >= opt_.min_containment_shingles &&
      estimate_containment(a, b) >= opt_.containment) {
    return true;
  }
  return false;
}

Result<int64_t> StoryIndex::add(int64_t id, const Signature& sig, std::string_view seen) {
  int64_t best = 0;
  double best_score = -1;
  const std::vector<int64_t> bs = buckets(sig);
  if (!bs.empty()) {
    std::vector<int64_t> cands;
    for (int64_t bucket : bs) {
      find_bucket_.reset();
      find_bucket_.bind(1, bucket).bind(2, kMaxBucketCandidates);
      while (true) {
        auto row = find_bucket_.step("find similar articles");
        if (!row) return row.status();
        if (!*row) break;
        cands.push_back(find_bucket_.i64(0));
      }
      if (cands.size() > kMaxCandidates) break;
    }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    for (int64_t c : cands) {
      get_sig_.reset();
      get_sig_.bind(1, c);
      auto row = get_sig_.step("read a signature");
      if (!row) return row.status();
      if (!*row) continue;
      Signature other = from_blob(get_sig_.text(1), static_cast<uint32_t>(get_sig_.i64(0)));
      get_sig_.reset();
      double score = 0;
      // Ties go to the earliest article, so exact copies all join the first one's story.
      if (similar(sig, other, &score) && score > best_score) {
        best_score = score;
        best = c;
      }
    }
    put_sig_.reset();
    std::string b = blob(sig);
    put_sig_.bind(1, id).bind(2, static_cast<int64_t>(sig.shingles)).bind_blob(3, b.data(), b.size());
    if (Status s = put_sig_.run("store a signature"); !s) return s;
    if (Status s = put_buckets(id, bs); !s) return s;
  }

  int64_t story = 0;
  if (best) {
    story_of_.reset();
    story_of_.bind(1, best);
    auto row = story_of_.step("read a story");
    if (!row) return row.status();
    if (*row) story = story_of_.i64(0);
    story_of_.reset();
  }
  if (story == 0) {
    new_story_.reset();
    new_story_.bind(1, seen).bind(2, id);
    if (Status s = new_story_.run("create a story"); !s) return s;
    story = db_->last_rowid();
    set_story_.reset();
    set_story_.bind(1, id).bind(2, story);
    if (Status s = set_story_.run("assign a story"); !s) return s;
    return story;
  }
  set_story_.reset();
  set_story_.bind(1, id).bind(2, story);
  if (Status s = set_story_.run("assign a story"); !s) return s;
  join_story_.reset();
  join_story_.bind(1, story).bind(2, seen).bind(3, id);
  if (Status s = join_story_.run("update a story"); !s) return s;
  return story;
}

Status StoryIndex::replace_signature(int64_t id, const Signature& sig) {
  get_sig_.reset();
  get_sig_.bind(1, id);
  auto row = get_sig_.step("read a signature");
  if (!row) return row.status();
  if (*row) {
    Signature old = from_blob(get_sig_.text(1), static_cast<uint32_t>(get_sig_.i64(0)));
    get_sig_.reset();
    for (int64_t bucket : buckets(old)) {
      del_lsh_.reset();
      del_lsh_.bind(1, bucket).bind(2, id);
      if (Status s = del_lsh_.run("remove LSH buckets"); !s) return s;
    }
  }
  del_sig_.reset();
  del_sig_.bind(1, id);
  if (Status s = del_sig_.run("remove a signature"); !s) return s;
  if (sig.mins.empty()) return Status::ok();
  put_sig_.reset();
  std::string b = blob(sig);
  put_sig_.bind(1, id).bind(2, static_cast<int64_t>(sig.shingles)).bind_blob(3, b.data(), b.size());
  if (Status s = put_sig_.run("store a signature"); !s) return s;
  return put_buckets(id, buckets(sig));
}

Status StoryIndex::refresh_all() {
  return db_->exec(
      "DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story FROM articles WHERE story IS NOT NULL);"
      "UPDATE stories SET"
      " articles = (SELECT count(*) FROM articles a WHERE a.story = stories.id),"
      " outlets = (SELECT count(DISTINCT source) FROM articles a WHERE a.story = stories.id),"
      " first_seen = (SELECT min(seen) FROM articles a WHERE a.story = stories.id),"
      " last_seen = (SELECT max(seen) FROM articles a WHERE a.story = stories.id),"
      " representative = (SELECT id FROM articles a WHERE a.story = stories.id ORDER BY seen, id LIMIT 1);",
      "refresh stories");
}

}  // namespace marsad::internal
