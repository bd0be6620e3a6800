// marsad/warc.h — reading web crawls: WARC files (.warc, .warc.gz), record by
// record, and the pages in them as documents.
//
// A .warc.gz is usually one gzip member per record; zlib reads the members one
// after another, and plain .warc the same way. A truncated or damaged gzip
// stream is a kCorrupt error naming the file and the record's offset, after the
// records before it have been delivered.
//
//   auto r = marsad::WarcReader::open("crawl.warc.gz");
//   if (!r) return r.status();
//   marsad::WarcRecord rec;
//   while (true) {
//     auto more = r->next(rec);
//     if (!more) return more.status();
//     if (!*more) break;
//     if (rec.type == "response" && rec.is_html()) use(rec.target_uri, rec.payload);
//   }
//
// read_warc does this and hands each page to extract_html (html.h), with the
// target URI as the URL, WARC-Date as the publication time when the page has
// none, and the HTTP Content-Type's charset.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "marsad/html.h"
#include "marsad/input.h"
#include "marsad/status.h"

namespace marsad {

struct WarcRecord {
  std::string type;          // WARC-Type: "response", "request", "warcinfo", "resource" ...
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date as written (ISO 8601)
  std::string record_id;     // WARC-Record-ID
  int http_status = 0;       // response records: the HTTP status code; 0 = not HTTP
  std::string content_type;  // the payload's Content-Type (HTTP header for responses, else the WARC one)
  std::string payload;       // the body: HTTP headers stripped, chunked and gzip/deflate encodings undone
  uint64_t offset = 0;       // where the record starts in the uncompressed stream
  bool truncated = false;    // the record was longer than the reader's limit and was cut

  // text/html or application/xhtml+xml, or a resource/response whose body looks like HTML.
  bool is_html() const;
};

class WarcReader {
 public:
  // max_record_bytes: a longer record body is read up to the limit and marked truncated.
  static Result<WarcReader> open(std::string_view path, uint64_t max_record_bytes = uint64_t{64} << 20);
  WarcReader(WarcReader&&) noexcept;
  WarcReader& operator=(WarcReader&&) noexcept;
  ~WarcReader();

  // Reads the next record; false at a clean end.
  Result<bool> next(WarcRecord& rec);
  const std::string& path() const { return path_; }

 private:
  struct Impl;
  WarcReader(std::unique_ptr<Impl> impl, std::string path);
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

// True for names ending .warc or .warc.gz, or bytes starting "WARC/".
bool looks_like_warc(std::string_view path, std::string_view head);

// Every HTML response (status 200-299, or no HTTP status for resource records)
// goes to the sink as one document; a page without text is a per-document
// kEmpty. Document::line is the record's ordinal (1-based) in the file.
Status read_warc(std::string_view path, const InputOptions& opt, const DocumentSink& sink);

}  // namespace marsad
