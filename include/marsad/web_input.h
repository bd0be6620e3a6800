// marsad/web_input.h — every input `analyze` and `ingest` take, in one call:
// plain text, --lines and JSON Lines (read_documents, input.h), web pages and
// WARC crawls (html.h, warc.h).
//
// The kind is sniffed from the first bytes (after gunzipping), and the name
// only breaks ties: a page saved as `article.txt` that starts with
// `<!DOCTYPE html>` is a page, and `crawl.warc.gz` is a crawl. An explicit
// format (--jsonl, --lines) is obeyed as given.
//
//   marsad::InputOptions opt;
//   marsad::Status s = marsad::read_any_documents("crawl.warc.gz", opt,
//       [&](marsad::Result<marsad::InputDocument> d) {
//         if (!d) { report(d.status()); return true; }   // file:record: byte N: …
//         analyze(std::move(*d)); return true;
//       });
//
// This lives in the html module, above article: read_documents (article) can
// not call the HTML reader without a cycle, so the dispatch sits here.
#pragma once

#include <string_view>

#include "marsad/input.h"
#include "marsad/status.h"

namespace marsad {

enum class InputKind : uint8_t {
  kDocuments,  // text, lines or JSON Lines: read_documents
  kHtml,       // one web page: documents_from_html
  kWarc,       // a web crawl: read_warc
};

// What an input is, from its name and its first bytes (gunzipped; 1 KiB is
// plenty). Names: .warc[.gz] → kWarc; .html/.htm/.xhtml[.gz] → kHtml; the
// bytes win over any other name ("WARC/1." → kWarc, an HTML start → kHtml).
InputKind sniff_input(std::string_view path, std::string_view head);

// Reads `path` ("-" = standard input) as sniff_input says, unless opt.format
// is kJsonl or kLines. Per-document problems (not an article, binary, a page
// with no main text) go to the sink naming the file, and for WARC the record
// ordinal and offset; the return is an error only when the input as a whole
// could not be read (or a WARC's gzip is damaged, after the records before).
Status read_any_documents(std::string_view path, const InputOptions& opt, const DocumentSink& sink);

// One stored original read again: an HTML page or one WARC record (headers
// and block, as WarcRecord::raw keeps it). kEmpty when it is neither or has
// no article text. For the store's reanalysis.
Result<InputDocument> document_from_page_original(std::string_view original, std::string_view file, uint64_t line,
                                                  const InputOptions& opt);

// True when a whole-file original is a page or a WARC record, by its bytes.
bool is_page_original(std::string_view original);

}  // namespace marsad
