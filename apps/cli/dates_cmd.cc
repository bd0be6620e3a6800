// marsad dates [--now ISO-8601] [--lines | --jsonl] [--pretty | --dump] [--month-first] [TEXT|FILE|-]
//
// Prints the time expressions of a text as a JSON array. --lines prints one
// array per input line (for evaluation); --jsonl reads article objects (the
// shared corpora as they are) and resolves each against its own publication
// time (published/date_extracted/time), falling back to --now.
#include <filesystem>
#include <memory>
#include <optional>

#include "commands.h"
#include "marsad/dates.h"
#include "marsad/input.h"
#include "marsad/io.h"
#include "marsad/json.h"
#include "marsad/timestamp.h"
#include "marsad/utf8.h"

namespace marsad::cli {
namespace {

struct DatesFlags {
  std::string input;
  std::string now;
  bool lines = false;
  bool jsonl = false;
  bool pretty = false;
  bool dump = false;
  bool month_first = false;
  bool lossy = false;
};

// A TEXT argument holds Arabic or spaces; anything else names a file.
bool looks_like_text(const std::string& s) {
  for (unsigned char c : s) {
    if (c == ' ' || c >= 0x80) return true;
  }
  return false;
}

// The expressions of one text as one output line.
std::string render(std::string_view text, const std::optional<Timestamp>& ref, const DateOptions& opt,
                   const DatesFlags& f) {
  Tokenized t = tokenize(text);
  std::vector<TimeExpression> dates = find_dates(text, t, 0, t.tokens.size(), ref, opt);
  std::string out;
  if (f.dump) {
    out = dump_dates(dates);
  } else {
    JsonWriter w(out, f.pretty);
    write_dates_json(w, dates);
  }
  out += '\n';
  return out;
}

// Valid UTF-8 or, with --lossy, repaired; false (reported) otherwise.
bool usable(std::string& text, const std::string& file, uint64_t line, bool lossy) {
  Status s = validate_utf8(text);
  if (s) return true;
  if (lossy) {
    text = repair_utf8(text).text;
    return true;
  }
  report(s.in_file(file).at_line(line));
  return false;
}

void run(const DatesFlags& f) {
  std::optional<Timestamp> now;
  if (!f.now.empty()) {
    Result<Timestamp> t = parse_timestamp(f.now);
    if (!t) {
      report("--now: " + t.status().message());
      set_exit_code(2);
      return;
    }
    now = *t;
  }
  if (f.lines && f.jsonl) {
    report("--lines and --jsonl cannot be used together");
    set_exit_code(2);
    return;
  }
  DateOptions opt;
  opt.day_first = !f.month_first;
  std::string input = f.input.empty() ? "-" : f.input;
  bool errors = false;

  if (f.jsonl) {
    InputOptions in;
    in.format = InputFormat::kJsonl;
    in.lossy = f.lossy;
    Status s = read_documents(input, in, [&](Result<InputDocument> doc) {
      if (!doc) {
        report(doc.status());
        errors = true;
        return emit("[]\n");  // keep one output line per input line
      }
      std::optional<Timestamp> ref = now;
      if (!doc->doc.published.empty()) {
        if (Result<Timestamp> t = parse_timestamp(doc->doc.published)) ref = *t;
        else report(Status(Error::kOk, "published: " + t.status().message(), {doc->doc.file, doc->doc.line}));
      }
      return emit(render(doc->doc.text, ref, opt, f));
    });
    if (!s) {
      report(s);
      errors = true;
    }
  } else if (f.lines) {
    Result<LineReader> r = LineReader::open(input);
    if (!r) {
      report(r.status());
      set_exit_code(2);
      return;
    }
    std::string line;
    while (true) {
      Result<bool> more = r->next(line);
      if (!more) {
        report(more.status());
        errors = true;
        break;
      }
      if (!*more) break;
      if (!usable(line, input, r->line_number(), f.lossy)) {
        errors = true;
        line.clear();
      }
      if (!emit(render(line, now, opt, f))) break;
    }
  } else {
    std::string text;
    if (input != "-" && !std::filesystem::exists(input) && looks_like_text(input)) {
      text = input;
    } else {
      Result<std::string> r = read_file(input);
      if (!r) {
        report(r.status());
        set_exit_code(2);
        return;
      }
      text = std::move(*r);
    }
    if (!usable(text, input, 0, f.lossy)) {
      set_exit_code(2);
      return;
    }
    emit(render(text, now, opt, f));
  }
  std::fflush(stdout);
  if (errors) set_exit_code(2);
}

}  // namespace

void register_dates(CLI::App& app) {
  auto flags = std::make_shared<DatesFlags>();
  CLI::App* cmd = app.add_subcommand("dates", "Find and resolve the time expressions of a text (JSON array)");
  cmd->add_option("input", flags->input, "Arabic text, a file, or '-' / nothing for standard input");
  cmd->add_option("--now", flags->now,
                  "Reference time for relative expressions (ISO 8601: 2025-11-25 or 2025-11-25T10:00:00+01:00); "
                  "without it they stay unresolved");
  cmd->add_flag("--lines", flags->lines, "One text per input line; prints one JSON array per line");
  cmd->add_flag("--jsonl", flags->jsonl,
                "Article objects, one per line; each resolves against its own published/date_extracted/time");
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON");
  cmd->add_flag("--dump", flags->dump, "Print the compact debug form instead of JSON");
  cmd->add_flag("--month-first", flags->month_first, "Read 10/12/2020 as October 12 (default: 10 December)");
  cmd->add_flag("--lossy", flags->lossy, "Replace invalid UTF-8 with U+FFFD instead of failing");
  cmd->callback([flags] { run(*flags); });
}

namespace {
const Command kDates{"dates", 20, register_dates};
}

}  // namespace marsad::cli
