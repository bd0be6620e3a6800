// Internal: decoding a page's bytes to UTF-8 (the order of evidence is the
// HTML standard's: BOM, transport header, <meta> prescan, then a guess).
#pragma once

#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad::internal {

struct Decoded {
  std::string text;      // valid UTF-8, no NULs
  std::string charset;   // canonical lower-case name used: "utf-8", "windows-1256" ...
  std::string from;      // "bom" | "http" | "meta" | "detected" | "default"
  size_t replaced = 0;   // undecodable bytes and NULs, each now U+FFFD
};

// The charset parameter of a Content-Type value ("text/html; charset=UTF-8" -> "utf-8"), or "".
std::string charset_of_content_type(std::string_view content_type);

// Looks for <meta charset> or <meta http-equiv=content-type content=...> in the
// first bytes of the page. "" when none.
std::string prescan_meta_charset(std::string_view bytes);

// Decodes bytes. `http_charset` is the transport's charset ("" = none).
// Fails with kBinary when the bytes look like binary data rather than text.
Result<Decoded> decode_page(std::string_view bytes, std::string_view http_charset);

}  // namespace marsad::internal
