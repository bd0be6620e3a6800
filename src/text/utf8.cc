// Validation uses simdjson's SIMD validator for the common all-good case and a
// scalar scan (ICU's U8_NEXT) only to locate the first bad byte.
#include "marsad/utf8.h"

#include <unicode/utf8.h>

#include <cstring>
#include <simdjson.h>

namespace marsad {
namespace {

// Offset of the first invalid sequence, or npos.
size_t first_invalid(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

}  // namespace

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

Status validate_utf8(std::string_view text) {
  if (!simdjson::validate_utf8(text.data(), text.size())) {
    Location at;
    at.offset = first_invalid(text);
    at.has_offset = true;
    return Status(Error::kInvalidUtf8, "invalid UTF-8 (use --lossy to replace bad bytes)", at);
  }
  if (const void* nul = std::memchr(text.data(), 0, text.size())) {
    Location at;
    at.offset = static_cast<uint64_t>(static_cast<const char*>(nul) - text.data());
    at.has_offset = true;
    return Status(Error::kBinary, "NUL byte: this looks like binary data, not text", at);
  }
  return Status::ok();
}

Repaired repair_utf8(std::string_view text) {
  Repaired r;
  r.text.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c <= 0) {  // invalid (<0) or NUL (0)
      r.text += "\xEF\xBF\xBD";
      ++r.replaced;
    } else {
      r.text.append(text.data() + start, static_cast<size_t>(i - start));
    }
  }
  return r;
}

}  // namespace marsad
