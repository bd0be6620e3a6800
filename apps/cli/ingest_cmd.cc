// marsad ingest [--db PATH] [INPUT...|-] [--jsonl|--lines|--text] [--field NAME=PATH]... [--published DATE] [--lossy]
//
// Reads, analyzes and stores articles (marsad/store.h). A progress bar on a
// terminal; always a summary line on stderr. Exit 2 when a document was
// rejected or the run stopped early (disk full ...), after keeping all else.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>

#include "commands.h"
#include "marsad/store.h"
#include "marsad/timestamp.h"

namespace marsad::cli {
namespace {

struct IngestFlags {
  std::string db = default_store_path();
  std::vector<std::string> inputs;
  bool jsonl = false, lines = false, text = false, lossy = false, quiet = false;
  std::vector<std::string> fields;
  std::string published;
  unsigned threads = 0;
  size_t batch = IngestOptions{}.batch;
  uint64_t max_article_mb = IngestOptions{}.max_article_bytes >> 20;
  size_t max_messages = 100;
};

std::string clock_time(double s) {
  if (s < 0 || s > 1e7) return "?";
  long t = static_cast<long>(s + 0.5);
  char buf[32];
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

// "[#########...........]  45%  12034 read  2310 articles/s  ETA 0:12"
void draw(const IngestProgress& p) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.ingested + p.skipped + p.rejected) / p.seconds : 0;
  std::string line = "\r";
  if (p.bytes_total) {
    const double f = std::min(1.0, static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total));
    const int width = 24, fill = static_cast<int>(f * width);
    line += "[" + std::string(static_cast<size_t>(fill), '#') + std::string(static_cast<size_t>(width - fill), '.') + "] ";
    char pct[16];
    std::snprintf(pct, sizeof pct, "%3.0f%% ", f * 100);
    line += pct;
    const double eta = f > 0.01 ? p.seconds * (1 - f) / f : -1;
    char buf[160];
    std::snprintf(buf, sizeof buf, " %llu stored  %llu skipped  %llu rejected  %.0f articles/s  ETA %s",
                  static_cast<unsigned long long>(p.ingested), static_cast<unsigned long long>(p.skipped),
                  static_cast<unsigned long long>(p.rejected), rate, clock_time(eta).c_str());
    line += buf;
  } else {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%llu stored  %llu skipped  %llu rejected  %.0f articles/s",
                  static_cast<unsigned long long>(p.ingested), static_cast<unsigned long long>(p.skipped),
                  static_cast<unsigned long long>(p.rejected), rate);
    line += buf;
  }
  line += "\x1b[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void run(const IngestFlags& f) {
  // A file size limit (ulimit -f) must be a write error, not a killed process.
  std::signal(SIGXFSZ, SIG_IGN);
  IngestOptions opt;
  if (f.jsonl + f.lines + f.text > 1) {
    report("--jsonl, --lines and --text cannot be used together");
    set_exit_code(2);
    return;
  }
  opt.format = f.jsonl ? InputFormat::kJsonl : f.lines ? InputFormat::kLines : f.text ? InputFormat::kText : InputFormat::kAuto;
  opt.lossy = f.lossy;
  for (const std::string& spec : f.fields) {
    auto m = parse_field_map(spec);
    if (!m) {
      report(m.status());
      set_exit_code(2);
      return;
    }
    opt.fields.push_back(*m);
  }
  if (!f.published.empty()) {
    if (auto t = parse_timestamp(f.published); !t) {
      report("--published: " + t.status().message());
      set_exit_code(2);
      return;
    }
    opt.analyze.published = f.published;
  }
  opt.threads = f.threads;
  opt.batch = f.batch;
  opt.max_article_bytes = f.max_article_mb << 20;

  auto store = Store::open(f.db);
  if (!store) {
    report(store.status());
    set_exit_code(2);
    return;
  }
  const bool tty = !f.quiet && isatty(2);
  bool bar_shown = false;
  if (tty) {
    opt.progress = [&](const IngestProgress& p) {
      draw(p);
      bar_shown = true;
    };
  }
  size_t messages = 0;
  opt.on_reject = [&](const Status& s) {
    if (f.quiet) return;
    if (bar_shown) std::fputs("\r\x1b[K", stderr);
    if (messages < f.max_messages) report(s);
    else if (messages == f.max_messages) report("more rejected documents are counted in the summary only");
    ++messages;
  };
  IngestReport r = store->ingest(f.inputs, opt);
  if (bar_shown) std::fputs("\r\x1b[K", stderr);

  std::string summary = "ingested " + std::to_string(r.ingested) + ", skipped " + std::to_string(r.skipped) +
                        " (already present), rejected " + std::to_string(r.rejected);
  if (!r.reasons.empty()) {
    summary += " (";
    bool first = true;
    for (const auto& [why, n] : r.reasons) {
      if (!first) summary += ", ";
      first = false;
      summary += why + " " + std::to_string(n);
    }
    summary += ")";
  }
  char tail[160];
  std::snprintf(tail, sizeof tail, " in %.1f s (%.0f articles/s; writing %.1f s) into %s", r.seconds,
                r.seconds > 0 ? static_cast<double>(r.read) / r.seconds : 0.0, r.write_seconds, f.db.c_str());
  summary += tail;
  std::fprintf(stderr, "%s\n", summary.c_str());
  if (!r.status.is_ok()) {
    report(r.status);
    report("everything counted as ingested above is committed; run the same command again to continue");
    set_exit_code(2);
    return;
  }
  if (auto st = store->stats(); st && st->stale > 0) {
    report(std::to_string(st->stale) + " stored records were made by another analyzer version; run `marsad reanalyze`");
  }
  if (r.rejected > 0) set_exit_code(2);
}

}  // namespace

void register_ingest(CLI::App& app) {
  auto f = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand("ingest", "Analyze articles and store them in a corpus database (SQLite)");
  cmd->add_option("inputs", f->inputs, "JSONL (.gz or not), text files, HTML pages, WARC crawls (.warc[.gz]), folders of these; '-' or nothing reads standard input");
  cmd->add_option("--db", f->db, "The store (created if missing); default $MARSAD_DB or marsad.db");
  cmd->add_flag("--jsonl", f->jsonl, "Read every input as JSON Lines");
  cmd->add_flag("--lines", f->lines, "Treat each input line as one document");
  cmd->add_flag("--text", f->text, "Treat each input file as one plain-text document");
  cmd->add_option("--field", f->fields,
                  "NAME=PATH: read text/title/source/url/published/author from another JSON field (a.b.c or /a/b/c); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--published", f->published, "Publication time for documents that carry none");
  cmd->add_flag("--lossy", f->lossy, "Replace invalid UTF-8 with U+FFFD instead of rejecting the document");
  cmd->add_option("--threads", f->threads, "Analysis threads (default: every core)");
  cmd->add_option("--batch", f->batch, "Articles per transaction")->check(CLI::PositiveNumber);
  cmd->add_option("--max-article-mb", f->max_article_mb, "Reject documents larger than this many MiB")->check(CLI::PositiveNumber);
  cmd->add_flag("--quiet,-q", f->quiet, "No progress bar and no per-document messages (the summary stays)");
  cmd->callback([f] { run(*f); });
}

namespace {
const Command kIngest{"ingest", 30, register_ingest};
}

}  // namespace marsad::cli
