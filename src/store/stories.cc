// Story queries: lists, one story, its articles.
#include "marsad/stories.h"

#include "store/filters.h"
#include "store/impl.h"

namespace marsad {
namespace {

using internal::Stmt;

constexpr const char* kStoryColumns =
    "SELECT s.id, s.first_seen, s.last_seen, s.articles, s.outlets, s.representative, a.title, a.source "
    "FROM stories s LEFT JOIN articles a ON a.id = s.representative ";

StoryRow story_row(const Stmt& st) {
  StoryRow r;
  r.id = st.i64(0);
  r.first_seen = st.str(1);
  r.last_seen = st.str(2);
  r.articles = static_cast<uint64_t>(st.i64(3));
  r.outlets = static_cast<uint64_t>(st.i64(4));
  r.representative = st.i64(5);
  r.title = st.str(6);
  r.source = st.str(7);
  return r;
}

}  // namespace

Result<std::vector<StoryRow>> list_stories(const Store& store, const StoryQuery& q) {
  std::string order;
  if (q.sort == "articles") order = "s.articles DESC, s.outlets DESC, s.first_seen DESC";
  else if (q.sort == "outlets") order = "s.outlets DESC, s.articles DESC, s.first_seen DESC";
  else if (q.sort == "recent") order = "s.last_seen DESC, s.articles DESC";
  else return Status(Error::kBadArgument, "--sort must be articles, outlets or recent, not '" + q.sort + "'");
  std::string since, until;
  if (!q.since.empty()) {
    auto s = internal::since_bound(q.since);
    if (!s) return s.status();
    since = *s;
  }
  if (!q.until.empty()) {
    auto u = internal::until_bound(q.until);
    if (!u) return u.status();
    until = *u;
  }
  auto st = store.impl().db.prepare(std::string(kStoryColumns) +
                                    "WHERE s.articles >= ?1 AND s.outlets >= ?2 AND (?3 IS NULL OR s.last_seen >= ?3) "
                                    "AND (?4 IS NULL OR s.first_seen < ?4) ORDER BY " + order + ", s.id LIMIT ?5");
  if (!st) return st.status();
  st->bind(1, static_cast<int64_t>(q.min_articles)).bind(2, static_cast<int64_t>(q.min_outlets));
  st->bind_opt(3, since).bind_opt(4, until).bind(5, static_cast<int64_t>(q.limit));
  std::vector<StoryRow> out;
  while (true) {
    auto row = st->step("list stories");
    if (!row) return row.status();
    if (!*row) break;
    out.push_back(story_row(*st));
  }
  return out;
}

Result<StoryRow> get_story(const Store& store, int64_t id) {
  auto st = store.impl().db.prepare(std::string(kStoryColumns) + "WHERE s.id = ?1");
  if (!st) return st.status();
  st->bind(1, id);
  auto row = st->step("read a story");
  if (!row) return row.status();
  if (!*row) return Status(Error::kBadArgument, "no story " + std::to_string(id) + " in the store", {store.path()});
  return story_row(*st);
}

Result<std::vector<StoryMember>> story_members(const Store& store, int64_t id, size_t limit) {
  auto st = store.impl().db.prepare(
      "SELECT id, coalesce(published, ''), source, title, coalesce(url, '') FROM articles WHERE story = ?1 "
      "ORDER BY seen, id LIMIT ?2");
  if (!st) return st.status();
  st->bind(1, id).bind(2, static_cast<int64_t>(limit));
  std::vector<StoryMember> out;
  while (true) {
    auto row = st->step("list story articles");
    if (!row) return row.status();
    if (!*row) break;
    out.push_back({st->i64(0), st->str(1), st->str(2), st->str(3), st->str(4)});
  }
  return out;
}

}  // namespace marsad
