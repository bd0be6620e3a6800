// marsad search QUERY [--db PATH] [--source S] [--since D] [--until D] [--actor A] [--topic T] [--story ID]
//                     [--limit N] [--offset N] [--format table|json] [--count] [--explain]
//
// Arabic-aware full-text search over a store (marsad/search.h). Exit 1 when
// nothing matches.
#include <unistd.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "commands.h"
#include "marsad/io.h"
#include "marsad/json.h"
#include "marsad/search.h"

namespace marsad::cli {
namespace {

struct SearchFlags {
  std::string db = default_store_path();
  std::string query;
  SearchQuery q;
  std::string format = "table";
  std::string queries;  // a file of queries, one per line
  bool query_given = false;
  bool count = false, explain = false;
};

// --queries FILE: every line a query ('#' starts a comment), each timed: the
// query, its ranking and the snippets of the page shown.
void run_batch(const Store& store, SearchFlags& f) {
  auto text = read_file(f.queries);
  if (!text) {
    report(text.status());
    set_exit_code(2);
    return;
  }
  size_t b = 0;
  std::string out;
  while (b < text->size()) {
    size_t e = text->find('\n', b);
    if (e == std::string::npos) e = text->size();
    std::string q = text->substr(b, e - b);
    b = e + 1;
    if (q.empty() || q[0] == '#') continue;
    f.q.text = q;
    // Wall time, and this thread's CPU time: on a busy shared machine the
    // second says what the query costs, the first what a user waited.
    timespec c0{}, c1{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
    const auto t0 = std::chrono::steady_clock::now();
    auto hits = search(store, f.q);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
    const double cpu_ms = (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6;
    out.clear();
    if (!hits) {
      report(f.queries + ": " + q + ": " + hits.status().message());
      set_exit_code(2);
      continue;
    }
    if (f.format == "json") {
      JsonWriter w(out);
      w.begin_object().field("query", q).field("ms", ms).field("cpu_ms", cpu_ms).key("hits").begin_array();
      for (const SearchHit& h : *hits) write_search_hit_json(w, h);
      w.end_array().end_object();
      out += '\n';
    } else {
      char buf[80];
      std::snprintf(buf, sizeof buf, "%8.2f ms (cpu %6.2f)  %3zu hits  ", ms, cpu_ms, hits->size());
      out = buf + q + "\n";
    }
    if (!emit(out)) return;
  }
}

// The snippet with its matches marked: bold on a terminal, [brackets] otherwise.
std::string marked(const SearchHit& h, bool tty) {
  const char* open = tty ? "\x1b[1m" : "[";
  const char* close = tty ? "\x1b[0m" : "]";
  std::string out;
  size_t at = 0;
  for (const auto& [b, e] : h.highlights) {
    out.append(h.snippet, at, b - at);
    out += open;
    out.append(h.snippet, b, e - b);
    out += close;
    at = e;
  }
  out.append(h.snippet, at, std::string::npos);
  return out;
}

void run(SearchFlags& f) {
  f.q.text = f.query;
  if (f.query.empty() && f.queries.empty() && !f.query_given) {
    report("search needs a QUERY (\"\" for every article) or --queries FILE");
    set_exit_code(2);
    return;
  }
  if (f.format != "table" && f.format != "json") {
    report("--format must be table or json");
    set_exit_code(2);
    return;
  }
  if (f.explain) {
    auto e = fts_expression(f.query);
    if (!e) {
      report(e.status());
      set_exit_code(2);
      return;
    }
    emit("fts5: " + *e + "\n");
  }
  StoreOptions so;
  so.read_only = true;
  auto store = Store::open(f.db, so);
  if (!store) {
    report(store.status());
    set_exit_code(2);
    return;
  }
  if (!f.queries.empty()) {
    run_batch(*store, f);
    return;
  }
  if (f.count) {
    auto n = count_matches(*store, f.q);
    if (!n) {
      report(n.status());
      set_exit_code(2);
      return;
    }
    emit(std::to_string(*n) + "\n");
    if (*n == 0) set_exit_code(1);
    return;
  }
  auto hits = search(*store, f.q);
  if (!hits) {
    report(hits.status());
    set_exit_code(2);
    return;
  }
  const bool tty = isatty(1);
  std::string out;
  size_t rank = f.q.offset;
  for (const SearchHit& h : *hits) {
    out.clear();
    if (f.format == "json") {
      JsonWriter w(out);
      write_search_hit_json(w, h);
      out += '\n';
    } else {
      char head[96];
      std::snprintf(head, sizeof head, "%zu. #%lld  %.2f  ", ++rank, static_cast<long long>(h.id), h.score);
      out += head;
      out += h.title.empty() ? "(untitled)" : h.title;
      out += "\n   " + h.source;
      if (!h.published.empty()) out += "  " + h.published;
      out += "  story " + std::to_string(h.story);
      if (!h.url.empty()) out += "  " + h.url;
      out += "\n   " + marked(h, tty) + "\n\n";
    }
    if (!emit(out)) return;
  }
  if (hits->empty()) {
    if (f.format == "table") std::fputs("marsad: no matches\n", stderr);
    set_exit_code(1);
  }
}

}  // namespace

void register_search(CLI::App& app) {
  auto f = std::make_shared<SearchFlags>();
  CLI::App* cmd = app.add_subcommand("search", "Search a store: المغرب finds والمغرب/بالمغرب, =\"…\" is exact, ranked by BM25");
  cmd->add_option("query", f->query,
                  "Words (all must match), \"a phrase\", =exact or =\"exact phrase\", prefix*, OR, NOT, ( ); "
                  "empty: every article, newest first");
  cmd->add_option("--db", f->db, "The store; default $MARSAD_DB or marsad.db");
  cmd->add_option("--source", f->q.source, "Only this outlet (id or name: aawsat, \"الشرق الأوسط\")");
  cmd->add_option("--since", f->q.since, "Published on or after (YYYY-MM-DD or ISO 8601)");
  cmd->add_option("--until", f->q.until, "Published on or before (a date includes its whole day)");
  cmd->add_option("--actor", f->q.actor, "Naming this entity id or CAMEO actor code (a prefix: MAR matches MARMIL)");
  cmd->add_option("--topic", f->q.topic, "Whose first topic is this label");
  cmd->add_option("--story", f->q.story, "Only articles of this story");
  cmd->add_option("--limit,-n", f->q.limit, "Results to show")->check(CLI::PositiveNumber);
  cmd->add_option("--offset", f->q.offset, "Skip this many results first");
  cmd->add_option("--format", f->format, "table (default) or json (one object per line)");
  cmd->add_option("--queries", f->queries, "Run every query of this file (one per line), each timed in ms");
  cmd->add_flag("--count", f->count, "Print the number of matches only");
  cmd->add_flag("--explain", f->explain, "Print the FTS5 expression the query became");
  cmd->callback([f, cmd] {
    f->query_given = cmd->count("query") > 0;
    run(*f);
  });
}

namespace {
const Command kSearch{"search", 31, register_search};
}

}  // namespace marsad::cli
