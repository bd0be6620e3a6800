// libFuzzer target: arbitrary bytes as a web page (charset detection, gumbo,
// metadata, boilerplate removal) and as a WARC file. Any crash, sanitizer
// report or broken invariant (invalid UTF-8 or an empty block in the output,
// JSON that is not valid UTF-8) is a bug.
#include <cstdint>
#include <string>
#include <unistd.h>

#include "marsad/html.h"
#include "check.h"
#include "marsad/utf8.h"
#include "marsad/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;  // cost guard: larger inputs add time, not coverage
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  marsad::HtmlOptions opt;
  opt.url = "https://www.hespress.com/a.html";
  if (size > 0 && (data[0] & 1)) opt.content_type = "text/html; charset=windows-1256";
  if (auto a = marsad::extract_html(bytes, opt); a) {
    for (const marsad::Block& b : a->blocks) {
      check(!b.text.empty());
      check(marsad::validate_utf8(b.text).is_ok());
    }
    check(marsad::validate_utf8(a->title).is_ok());
    std::string out;
    marsad::JsonWriter w(out);
    marsad::write_page_json(*a, w, "fuzz");
    check(marsad::validate_utf8(out).is_ok());
  }
  (void)marsad::documents_from_html(bytes, "fuzz.html", marsad::InputOptions{});

  // As a WARC file (plain; the gzip layer is zlib's).
  if (bytes.substr(0, 5) == "WARC/") {
    char path[] = "/tmp/fuzz_html_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    check(write(fd, data, size) == static_cast<ssize_t>(size));
    close(fd);
    (void)marsad::read_warc(path, marsad::InputOptions{}, [](marsad::Result<marsad::InputDocument>) { return true; });
    unlink(path);
  }
  return 0;
}
