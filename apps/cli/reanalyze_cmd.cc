// marsad reanalyze [--db PATH] [--all] [--stories [--threshold X]] [--threads N]
//
// Re-runs analysis over the originals kept in a store: by default only the
// records made by another analyzer version. --stories reclusters every
// article (after changing --threshold, say).
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "commands.h"
#include "marsad/store.h"

namespace marsad::cli {
namespace {

struct ReanalyzeFlags {
  std::string db = default_store_path();
  ReanalyzeOptions opt;
  bool quiet = false;
};

void run(ReanalyzeFlags& f) {
  if ((f.opt.threshold >= 0 || f.opt.containment >= 0) && !f.opt.stories) {
    report("--threshold and --containment need --stories (stories are rebuilt with them)");
    set_exit_code(2);
    return;
  }
  if (f.opt.threshold > 1 || f.opt.containment > 1) {
    report("--threshold and --containment are between 0 and 1");
    set_exit_code(2);
    return;
  }
  auto store = Store::open(f.db);
  if (!store) {
    report(store.status());
    set_exit_code(2);
    return;
  }
  const bool tty = !f.quiet && isatty(2);
  if (tty) {
    f.opt.progress = [](const IngestProgress& p) {
      std::fprintf(stderr, "\r%llu reanalyzed  %llu rejected  %.0f articles/s\x1b[K",
                   static_cast<unsigned long long>(p.ingested), static_cast<unsigned long long>(p.rejected),
                   p.seconds > 0 ? static_cast<double>(p.ingested) / p.seconds : 0.0);
    };
  }
  f.opt.on_reject = [&](const Status& s) {
    if (!f.quiet) report(s);
  };
  IngestReport r = store->reanalyze(f.opt);
  if (tty) std::fputs("\r\x1b[K", stderr);
  std::fprintf(stderr, "reanalyzed %llu, rejected %llu in %.1f s with %s\n", static_cast<unsigned long long>(r.ingested),
               static_cast<unsigned long long>(r.rejected), r.seconds, std::string(analyzer_version()).c_str());
  if (!r.status.is_ok()) {
    report(r.status);
    set_exit_code(2);
  } else if (r.rejected) {
    set_exit_code(2);
  }
}

}  // namespace

void register_reanalyze(CLI::App& app) {
  auto f = std::make_shared<ReanalyzeFlags>();
  CLI::App* cmd = app.add_subcommand("reanalyze", "Re-run analysis over the originals kept in a store");
  cmd->add_option("--db", f->db, "The store; default $MARSAD_DB or marsad.db");
  cmd->add_flag("--all", f->opt.all, "Every article, not only those made by another analyzer version");
  cmd->add_flag("--stories", f->opt.stories, "Rebuild every story from scratch");
  cmd->add_option("--threshold", f->opt.threshold, "With --stories: the new similarity threshold (0-1), kept for later ingests");
  cmd->add_option("--containment", f->opt.containment,
                  "With --stories: the new containment threshold (0-1): a shorter article this much inside a longer one joins it");
  cmd->add_option("--threads", f->opt.threads, "Analysis threads (default: every core)");
  cmd->add_flag("--quiet,-q", f->quiet, "No progress and no per-document messages");
  cmd->callback([f] { run(*f); });
}

namespace {
const Command kReanalyze{"reanalyze", 35, register_reanalyze};
}

}  // namespace marsad::cli
