// marsad/io.h — reading inputs: whole files or line by line, plain or gzip.
//
// Compression is detected from the bytes, not the name, so `a.jsonl.gz`,
// `a.jsonl` and standard input ("-") all read the same way. A truncated or
// damaged gzip stream is an error (kCorrupt) naming the file, never a silent
// short read.
//
//   auto r = marsad::LineReader::open("news.jsonl.gz");
//   if (!r) return r.status();
//   std::string line;
//   while (true) {
//     auto more = r->next(line);
//     if (!more) return more.status();
//     if (!*more) break;
//     handle(line, r->line_number());
//   }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad {

// Reads all of `path` ("-" = standard input), gunzipping if needed.
// Fails with kTooLarge past `max_bytes`.
Result<std::string> read_file(std::string_view path, uint64_t max_bytes = uint64_t{1} << 32);

class LineReader {
 public:
  static Result<LineReader> open(std::string_view path);
  LineReader(LineReader&&) noexcept;
  LineReader& operator=(LineReader&&) noexcept;
  ~LineReader();

  // Reads the next line without its "\n" (and "\r\n"). Returns false at end.
  Result<bool> next(std::string& line);
  uint64_t line_number() const { return line_no_; }  // of the line last read, 1-based
  const std::string& path() const { return path_; }

 private:
  struct Impl;
  LineReader(std::unique_ptr<Impl> impl, std::string path);
  std::unique_ptr<Impl> impl_;
  std::string path_;
  uint64_t line_no_ = 0;
};

}  // namespace marsad
