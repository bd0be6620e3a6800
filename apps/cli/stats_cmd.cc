// marsad stats [--db PATH] [--check] [--format table|json]
//
// What a store holds: articles, stories, outlets, dates, versions. --check
// also runs SQLite's integrity check, the search index's own check and the
// store's invariants; exit 2 if any fails.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "marsad/json.h"
#include "marsad/store.h"

namespace marsad::cli {
namespace {

struct StatsFlags {
  std::string db = default_store_path();
  bool check = false;
  std::string format = "table";
  size_t sources = 20;
};

void run(const StatsFlags& f) {
  if (f.format != "table" && f.format != "json") {
    report("--format must be table or json");
    set_exit_code(2);
    return;
  }
  StoreOptions so;
  so.read_only = !f.check;  // the FTS check writes nothing but needs a writable handle
  auto store = Store::open(f.db, so);
  if (!store) {
    report(store.status());
    set_exit_code(2);
    return;
  }
  auto s = store->stats();
  if (!s) {
    report(s.status());
    set_exit_code(2);
    return;
  }
  std::vector<std::string> problems;
  if (f.check) {
    auto c = store->check();
    if (!c) {
      report(c.status());
      set_exit_code(2);
      return;
    }
    problems = *c;
  }
  std::string out;
  if (f.format == "json") {
    JsonWriter w(out);
    w.begin_object().field("db", f.db).field("schema", s->schema).field("analyzer", s->analyzer);
    w.field("fts_analyzer", s->fts_analyzer).field("articles", s->articles).field("stories", s->stories);
    w.field("multi_article_stories", s->multi_stories).field("stale", s->stale).field("events", s->events);
    w.field("mentions", s->mentions).field("topics", s->topics).field("runs", s->runs);
    w.field("first_published", s->first_published).field("last_published", s->last_published);
    w.field("file_bytes", s->file_bytes);
    w.key("sources").begin_object();
    for (const auto& [src, n] : s->sources) w.field(src.empty() ? "(unknown)" : src, n);
    w.end_object();
    if (f.check) {
      w.key("problems").begin_array();
      for (const std::string& p : problems) w.value(p);
      w.end_array();
    }
    w.end_object();
    out += '\n';
  } else {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "store      %s (%.1f MB, schema %d)\n"
                  "articles   %llu from %zu sources, published %s … %s\n"
                  "stories    %llu (%llu with two or more articles)\n"
                  "events     %llu   mentions %llu   topics %llu\n"
                  "analyzer   %s%s\n",
                  f.db.c_str(), static_cast<double>(s->file_bytes) / 1e6, s->schema,
                  static_cast<unsigned long long>(s->articles), s->sources.size(),
                  s->first_published.empty() ? "?" : s->first_published.c_str(),
                  s->last_published.empty() ? "?" : s->last_published.c_str(),
                  static_cast<unsigned long long>(s->stories), static_cast<unsigned long long>(s->multi_stories),
                  static_cast<unsigned long long>(s->events), static_cast<unsigned long long>(s->mentions),
                  static_cast<unsigned long long>(s->topics), s->analyzer.c_str(),
                  s->stale ? (", " + std::to_string(s->stale) + " records from another version: run marsad reanalyze").c_str() : "");
    out = buf;
    if (s->fts_analyzer != s->analyzer) out += "index      built by " + s->fts_analyzer + ": marsad reanalyze rebuilds it\n";
    out += "sources   ";
    size_t shown = 0;
    for (const auto& [src, n] : s->sources) {
      if (shown++ == f.sources) {
        out += " …";
        break;
      }
      out += " " + (src.empty() ? std::string("(unknown)") : src) + " " + std::to_string(n);
    }
    out += "\n";
    if (f.check) {
      out += problems.empty() ? "check      ok (integrity_check, FTS index, stories)\n" : "check      FAILED\n";
      for (const std::string& p : problems) out += "  " + p + "\n";
    }
  }
  emit(out);
  if (!problems.empty()) set_exit_code(2);
}

}  // namespace

void register_stats(CLI::App& app) {
  auto f = std::make_shared<StatsFlags>();
  CLI::App* cmd = app.add_subcommand("stats", "What a store holds; --check verifies it");
  cmd->add_option("--db", f->db, "The store; default $MARSAD_DB or marsad.db");
  cmd->add_flag("--check", f->check, "Run integrity checks (SQLite, search index, stories); exit 2 on a problem");
  cmd->add_option("--format", f->format, "table (default) or json");
  cmd->callback([f] { run(*f); });
}

namespace {
const Command kStats{"stats", 34, register_stats};
}

}  // namespace marsad::cli
