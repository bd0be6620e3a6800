// marsad extract PAGE.html... [--url URL] [--json] [--pretty] [--charset NAME]
//
// Prints the article of each web page: the title, then the main text, one
// paragraph per blank-line-separated block; with --json one object per page
// (docs/html.md). Pages may be gzipped; a WARC file (.warc, .warc.gz) gives
// every HTML response in it.
#include <memory>

#include "commands.h"
#include "marsad/html.h"
#include "marsad/io.h"
#include "marsad/warc.h"

namespace marsad::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> files;
  std::string url;
  std::string charset;
  bool json = false;
  bool pretty = false;
};

struct Run {
  const ExtractFlags& f;
  std::string out;
  bool errors = false, open = true, any_text = false, many = false;

  void show(const WebArticle& a, std::string_view file, uint64_t record) {
    out.clear();
    if (f.json || f.pretty) {
      JsonWriter w(out, f.pretty);
      write_page_json(a, w, file, record);
      out += '\n';
    } else {
      if (many) {
        out += "==> ";
        out += file;
        if (record) out += " #" + std::to_string(record);
        out += " <==\n";
      }
      if (!a.title.empty()) out += a.title + "\n\n";
      std::string body = a.text(/*blank_lines=*/true);
      if (!body.empty()) out += body + "\n";
      if (many) out += '\n';
    }
    any_text = any_text || !a.blocks.empty();
    open = emit(out);
  }

  void page(const std::string& file) {
    if (file != "-" && looks_like_warc(file, "")) {  // by name: streamed, never read whole
      auto r = WarcReader::open(file);
      if (!r) {
        report(r.status());
        errors = true;
        return;
      }
      warc(*r, file);
      return;
    }
    auto bytes = read_file(file);
    if (!bytes) {
      report(bytes.status());
      errors = true;
      return;
    }
    if (looks_like_warc(file, std::string_view(*bytes).substr(0, 8))) {
      WarcReader r = WarcReader::from_bytes(file, std::move(*bytes));
      warc(r, file);
      return;
    }
    HtmlOptions opt;
    opt.url = f.url;
    if (!f.charset.empty()) opt.content_type = "text/html; charset=" + f.charset;
    auto a = extract_html(*bytes, opt);
    if (!a) {
      report(a.status().in_file(file));
      errors = true;
      return;
    }
    show(*a, file, 0);
  }

  void warc(WarcReader& r, const std::string& file) {
    WarcRecord rec;
    for (uint64_t n = 1; open; ++n) {
      auto more = r.next(rec);
      if (!more) {
        report(more.status());
        errors = true;
        return;
      }
      if (!*more) return;
      if (!rec.is_page()) continue;
      HtmlOptions opt;
      opt.url = rec.target_uri;
      opt.content_type = f.charset.empty() ? rec.content_type : "text/html; charset=" + f.charset;
      auto a = extract_html(rec.payload, opt);
      if (!a) {
        Location at{file, n, rec.offset, true};
        report(Status(a.status().code(), a.status().message(), at));
        errors = true;
        continue;
      }
      if (a->published.empty() && !rec.date.empty()) {
        a->published = rec.date;
        a->published_from = "warc-date";
      }
      show(*a, file, n);
    }
  }
};

void run(const ExtractFlags& f) {
  Run r{f};
  std::vector<std::string> files = f.files.empty() ? std::vector<std::string>{"-"} : f.files;
  r.many = files.size() > 1;
  for (const std::string& file : files) {
    r.page(file);
    if (!r.open) break;
  }
  std::fflush(stdout);
  if (r.errors) set_exit_code(2);
  else if (!r.any_text && r.open) set_exit_code(1);
}

}  // namespace

void register_extract(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the article of web pages (HTML, gzipped HTML, WARC)");
  cmd->add_option("files", flags->files, "HTML pages (.gz too) or WARC files; '-' or nothing reads standard input");
  cmd->add_option("--url", flags->url, "The page's address: names the outlet by domain and resolves relative links");
  cmd->add_option("--charset", flags->charset, "Read the page in this charset whatever it declares (windows-1256 ...)");
  cmd->add_flag("--json", flags->json, "One JSON object per page (title, published, author, outlet, blocks ...)");
  cmd->add_flag("--pretty", flags->pretty, "Indented JSON (implies --json)");
  cmd->callback([flags] { run(*flags); });
}

namespace {
const Command kExtract{"extract", 15, register_extract};
}

}  // namespace marsad::cli
