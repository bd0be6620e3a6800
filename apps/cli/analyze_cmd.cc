// marsad analyze [FILE...|-] [--jsonl] [--lines] [--published DATE] [--pretty] [--lossy]
//
// Inputs are text, JSON Lines, web pages or WARC crawls, sniffed by their
// first bytes (marsad/web_input.h).
#include <memory>

#include "commands.h"
#include "marsad/input.h"
#include "marsad/output.h"
#include "marsad/pipeline.h"
#include "marsad/timestamp.h"
#include "marsad/web_input.h"

namespace marsad::cli {
namespace {

struct AnalyzeFlags {
  std::vector<std::string> files;
  bool jsonl = false;
  bool lines = false;
  bool pretty = false;
  bool lossy = false;
  std::string published;
};

void run(const AnalyzeFlags& f) {
  AnalyzeOptions opt;
  if (!f.published.empty()) {
    auto t = parse_timestamp(f.published);
    if (!t) {
      report("--published: " + t.status().message());
      set_exit_code(2);
      return;
    }
    opt.published = f.published;
  }
  InputOptions in;
  in.lossy = f.lossy;
  if (f.jsonl && f.lines) {
    report("--jsonl and --lines cannot be used together");
    set_exit_code(2);
    return;
  }
  in.format = f.jsonl ? InputFormat::kJsonl : f.lines ? InputFormat::kLines : InputFormat::kAuto;

  std::vector<std::string> files = f.files.empty() ? std::vector<std::string>{"-"} : f.files;
  bool errors = false, open = true;
  std::string out;
  for (const std::string& file : files) {
    Status s = read_any_documents(file, in, [&](Result<InputDocument> doc) {
      if (!doc) {
        report(doc.status());
        errors = true;
        return true;
      }
      Result<Record> r = analyze(std::move(*doc), opt);
      if (!r) {
        report(r.status());
        errors = true;
        return true;
      }
      for (const std::string& w : r->warnings) {
        report(Status(Error::kOk, w, {r->doc.file, r->doc.line}));
      }
      out.clear();
      JsonWriter w(out, f.pretty);
      write_record_json(*r, w);
      out += '\n';
      open = emit(out);
      return open;
    });
    if (!s) {
      report(s);
      errors = true;
    }
    if (!open) break;
  }
  std::fflush(stdout);
  if (errors) set_exit_code(2);
}

}  // namespace

void register_analyze(CLI::App& app) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd = app.add_subcommand("analyze", "Turn raw articles into JSON records, one per line");
  cmd->add_option("files", flags->files, "Text, JSONL, HTML pages or WARC crawls (.gz too, sniffed by content); '-' or nothing reads standard input");
  cmd->add_flag("--jsonl", flags->jsonl, "Read every input as JSON Lines (one article object per line)");
  cmd->add_flag("--lines", flags->lines, "Treat each input line as one document");
  cmd->add_option("--published", flags->published,
                  "Publication time (YYYY-MM-DD or ISO 8601) for documents that carry none");
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON");
  cmd->add_flag("--lossy", flags->lossy, "Replace invalid UTF-8 and NUL bytes with U+FFFD (reported) instead of failing");
  cmd->callback([flags] { run(*flags); });
}

namespace {
const Command kAnalyze{"analyze", 10, register_analyze};
}

}  // namespace marsad::cli
