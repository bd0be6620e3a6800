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
// none, and the HTTP Content-Type's charset. Record offsets are byte offsets in
// the uncompressed stream (what `zcat crawl.warc.gz | tail -c +N` shows).
#pragma once

#include <cstdint>
#include <functional>
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
  std::string raw;           // with WarcReader::keep_raw: the record as read (headers, block), else ""

  // text/html or application/xhtml+xml, or a resource/response whose body looks like HTML.
  bool is_html() const;
  // A page worth extracting: a response (HTTP 2xx) or resource record holding HTML.
  bool is_page() const;
};

class WarcReader {
 public:
  // max_record_bytes: a longer record body is read up to the limit and marked truncated.
  static Result<WarcReader> open(std::string_view path, uint64_t max_record_bytes = uint64_t{64} << 20);
  // Records from any byte source (already uncompressed): `pull` fills up to
  // `cap` bytes and returns how many, 0 at the end. `name` is for messages.
  using Pull = std::function<Result<size_t>(char* buf, size_t cap)>;
  static WarcReader from_stream(std::string name, Pull pull, uint64_t max_record_bytes = uint64_t{64} << 20);
  // Records from memory, e.g. one record kept in a store.
  static WarcReader from_bytes(std::string name, std::string bytes, uint64_t max_record_bytes = uint64_t{64} << 20);
  WarcReader(WarcReader&&) noexcept;
  WarcReader& operator=(WarcReader&&) noexcept;
  ~WarcReader();

  // Reads the next record; false at a clean end.
  Result<bool> next(WarcRecord& rec);
  const std::string& path() const { return path_; }
  // Keep each record's own bytes in WarcRecord::raw (for a store that keeps originals).
  void keep_raw(bool keep);

 private:
  struct Impl;
  WarcReader(std::unique_ptr<Impl> impl, std::string path);
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

// True for names ending .warc or .warc.gz, or bytes starting "WARC/".
bool looks_like_warc(std::string_view path, std::string_view head);

// Every page record (WarcRecord::is_page) goes to the sink as one document; a
// page without text is a per-document kEmpty. Document::line is the record's
// ordinal (1-based) in the file; errors name the file, that ordinal and the
// record's offset.
Status read_warc(std::string_view path, const InputOptions& opt, const DocumentSink& sink);

// One page record → one document: the target URI as the URL (when the page
// has no canonical one), WARC-Date as the publication time when the page has
// none, the HTTP charset. `ordinal` is the record's number in `file`.
Result<InputDocument> document_from_warc_record(const WarcRecord& rec, std::string_view file, uint64_t ordinal,
                                                const InputOptions& opt);

}  // namespace marsad
