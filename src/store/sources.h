// Inputs of an ingest → raw documents, with their original bytes kept.
//
// Like read_any_documents (web_input.h) — JSON Lines by name or by a leading
// '{', gzip by content, `--lines`, plain text files, web pages and WARC crawls
// sniffed by their first bytes — but each document keeps the exact bytes it
// came from (the JSON line, the whole file, the page, or the WARC record with
// its headers) for the store, lines longer than the article limit are skipped
// without being held in memory, and folders are walked for .txt,
// .jsonl[.gz], .html/.htm and .warc[.gz] files.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "marsad/input.h"
#include "marsad/status.h"

namespace marsad::internal {

struct RawDoc {
  uint64_t seq = 0;       // order of reading; the writer stores in this order
  std::string original;   // the bytes as read (JSON line without its "\n", or the file)
  std::string file;
  uint64_t line = 0;      // 1-based line for JSONL and --lines; 0 for a whole file
  bool json = false;      // original is a JSON object
  bool page = false;      // original is a web page, or one WARC record (headers, block): extracted, then analyzed
  uint64_t offset = 0;    // WARC: the record's offset in the uncompressed file
  Status error;           // unreadable: rejected as is
  int64_t existing = 0;   // reanalysis: the stored article this replaces
  size_t options = 0;     // reanalysis: index of the run options to use
  std::string seen;       // reanalysis: the time to use when the record has no publication time
};

class DocumentSource {
 public:
  // Every input must exist; folders are listed (sorted) now.
  static Result<DocumentSource> open(const std::vector<std::string>& inputs, InputFormat format, uint64_t max_doc_bytes);
  DocumentSource(DocumentSource&&) noexcept;
  ~DocumentSource();

  // The next document, or false at the end. A fatal problem (a file that
  // cannot be read, damaged gzip) is an error; a bad document is a RawDoc with
  // `error` set.
  Result<bool> next(RawDoc& out);

  uint64_t bytes_total() const;  // 0 when standard input is among the inputs
  uint64_t bytes_done() const;

 private:
  struct Impl;
  explicit DocumentSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::internal
