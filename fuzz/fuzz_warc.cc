// libFuzzer target: arbitrary bytes as a WARC stream (record headers, HTTP
// status and headers, chunked transfer encoding, gzip/deflate bodies), read
// from memory; every page record is extracted and its kept bytes read again
// the way the store's reanalysis reads them. A crash, a sanitizer report, a
// hang, or a kept record that does not read back as a page is a bug.
#include <cstdint>
#include <string>

#include "check.h"
#include "marsad/utf8.h"
#include "marsad/warc.h"
#include "marsad/web_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;  // cost guard: larger inputs add time, not coverage
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)marsad::sniff_input("fuzz.warc", bytes);
  marsad::InputOptions opt;
  opt.max_document_bytes = 1 << 20;
  marsad::WarcReader r = marsad::WarcReader::from_bytes("fuzz.warc", bytes, opt.max_document_bytes);
  r.keep_raw(true);
  marsad::WarcRecord rec;
  for (uint64_t ordinal = 1; ordinal < 1000; ++ordinal) {
    auto more = r.next(rec);
    if (!more || !*more) break;
    check(rec.raw.compare(0, 5, "WARC/") == 0);
    if (!rec.is_page()) continue;
    auto d = marsad::document_from_warc_record(rec, "fuzz.warc", ordinal, opt);
    if (d) check(marsad::validate_utf8(d->doc.text).is_ok());
    check(marsad::is_page_original(rec.raw));
    (void)marsad::document_from_page_original(rec.raw, "fuzz.warc", ordinal, opt);
  }
  return 0;
}
