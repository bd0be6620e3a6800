// marsad stories [--db PATH] [--min-articles N] [--min-outlets N] [--since D] [--until D]
//                [--sort articles|outlets|recent] [--limit N] [--format table|json]
//
// Stories: near-duplicate articles across outlets, clustered at ingest
// (marsad/stories.h). `marsad show --story ID` lists one story's articles.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "marsad/json.h"
#include "marsad/stories.h"

namespace marsad::cli {
namespace {

struct StoriesFlags {
  std::string db = default_store_path();
  StoryQuery q;
  std::string format = "table";
};

void run(const StoriesFlags& f) {
  if (f.format != "table" && f.format != "json") {
    report("--format must be table or json");
    set_exit_code(2);
    return;
  }
  StoreOptions so;
  so.read_only = true;
  auto store = Store::open(f.db, so);
  if (!store) {
    report(store.status());
    set_exit_code(2);
    return;
  }
  auto rows = list_stories(*store, f.q);
  if (!rows) {
    report(rows.status());
    set_exit_code(2);
    return;
  }
  std::string out;
  if (f.format == "table" && !rows->empty()) out = "story  articles outlets  first seen           title\n";
  for (const StoryRow& s : *rows) {
    if (f.format == "json") {
      JsonWriter w(out);
      w.begin_object().field("id", s.id).field("first_seen", s.first_seen).field("last_seen", s.last_seen);
      w.field("articles", s.articles).field("outlets", s.outlets).field("representative", s.representative);
      w.field("title", s.title).field("source", s.source).end_object();
      out += '\n';
    } else {
      char buf[96];
      std::snprintf(buf, sizeof buf, "%-6lld %8llu %7llu  %-19s  ", static_cast<long long>(s.id),
                    static_cast<unsigned long long>(s.articles), static_cast<unsigned long long>(s.outlets),
                    s.first_seen.substr(0, 19).c_str());
      out += buf;
      out += s.title.empty() ? "(untitled)" : s.title;
      out += '\n';
    }
    if (!emit(out)) return;
    out.clear();
  }
  if (rows->empty()) set_exit_code(1);
}

}  // namespace

void register_stories(CLI::App& app) {
  auto f = std::make_shared<StoriesFlags>();
  CLI::App* cmd = app.add_subcommand("stories", "List stories: the same news told by several articles and outlets");
  cmd->add_option("--db", f->db, "The store; default $MARSAD_DB or marsad.db");
  cmd->add_option("--min-articles", f->q.min_articles, "Only stories with at least this many articles (default 2)");
  cmd->add_option("--min-outlets", f->q.min_outlets, "Only stories told by at least this many outlets");
  cmd->add_option("--since", f->q.since, "Stories still running on or after this date");
  cmd->add_option("--until", f->q.until, "Stories first seen on or before this date");
  cmd->add_option("--sort", f->q.sort, "articles (default), outlets or recent");
  cmd->add_option("--limit,-n", f->q.limit, "Stories to show")->check(CLI::PositiveNumber);
  cmd->add_option("--format", f->format, "table (default) or json (one object per line)");
  cmd->callback([f] { run(*f); });
}

namespace {
const Command kStories{"stories", 32, register_stories};
}

}  // namespace marsad::cli
