// WARC records → documents: which records are pages, and what the WARC
// headers add to the page (its address, its crawl date, the HTTP charset).
#include <algorithm>

#include "base/ascii.h"
#include "marsad/warc.h"

namespace marsad {
namespace {

}  // namespace

bool WarcRecord::is_html() const {
  std::string ct = internal::ascii_lower(content_type);
  if (ct.find("text/html") != std::string::npos || ct.find("application/xhtml") != std::string::npos) return true;
  if (!ct.empty() && ct.find("text/plain") == std::string::npos && ct.find("octet-stream") == std::string::npos) {
    return false;
  }
  return looks_like_html(std::string_view(payload).substr(0, 512));
}

bool WarcRecord::is_page() const {
  if (type != "response" && type != "resource") return false;
  if (http_status != 0 && (http_status < 200 || http_status >= 300)) return false;
  return is_html();
}

bool looks_like_warc(std::string_view path, std::string_view head) {
  std::string p = internal::ascii_lower(path);
  return p.ends_with(".warc") || p.ends_with(".warc.gz") || head.substr(0, 5) == "WARC/";
}

Result<InputDocument> document_from_warc_record(const WarcRecord& rec, std::string_view file, uint64_t ordinal,
                                                const InputOptions& opt) {
  const Location at{std::string(file), ordinal, rec.offset, true};
  if (rec.truncated) {
    return Status(Error::kTooLarge, "WARC record is larger than " + std::to_string(opt.max_document_bytes) + " bytes",
                  at);
  }
  HtmlOptions h;
  h.url = rec.target_uri;
  h.content_type = rec.content_type;
  auto docs = documents_from_html(rec.payload, file, opt, h);
  if (!docs) {
    // The record's place is more useful than the page's: a page has no lines here.
    return Status(docs.status().code(), docs.status().message(), at);
  }
  InputDocument d = std::move(docs->front());
  d.doc.line = ordinal;
  if (d.doc.url.empty()) d.doc.url = rec.target_uri;
  if (d.doc.published.empty()) d.doc.published = rec.date;
  return d;
}

Status read_warc(std::string_view path, const InputOptions& opt, const DocumentSink& sink) {
  auto r = WarcReader::open(path, opt.max_document_bytes);
  if (!r) return r.status();
  WarcRecord rec;
  for (uint64_t ordinal = 1;; ++ordinal) {
    auto more = r->next(rec);
    if (!more) return more.status();
    if (!*more) return Status::ok();
    if (!rec.is_page()) continue;
    if (!sink(document_from_warc_record(rec, path, ordinal, opt))) return Status::ok();
  }
}

}  // namespace marsad
