// marsad/utf8.h — UTF-8 validation and repair: the first gate every input passes.
//
// marsad works on valid UTF-8 only. validate_utf8() names the first bad byte;
// repair_utf8() is the opt-in lossy path (`--lossy`): each maximal invalid
// subsequence becomes U+FFFD and the count is reported, never hidden.
//
//   if (Status s = marsad::validate_utf8(text); !s) return s;   // s.where().offset
//   marsad::Repaired r = marsad::repair_utf8(text);             // r.replaced
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad {

// kInvalidUtf8 at the offset of the first byte that is not UTF-8, or kBinary at
// the first NUL byte (text files do not hold NULs; binary files almost always do).
Status validate_utf8(std::string_view text);

struct Repaired {
  std::string text;     // valid UTF-8, NUL-free
  size_t replaced = 0;  // invalid sequences and NULs turned into U+FFFD
};
Repaired repair_utf8(std::string_view text);

// Decodes the code point at text[i] (text must be valid UTF-8) and advances i.
inline char32_t next_code_point(std::string_view text, size_t& i) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) { ++i; return b; }
  if (b < 0xE0) {
    char32_t c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
    i += 2;
    return c;
  }
  if (b < 0xF0) {
    char32_t c = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    i += 3;
    return c;
  }
  char32_t c = ((b & 0x07u) << 18) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 12) |
               ((static_cast<unsigned char>(text[i + 2]) & 0x3Fu) << 6) |
               (static_cast<unsigned char>(text[i + 3]) & 0x3Fu);
  i += 4;
  return c;
}

// Appends the UTF-8 encoding of c.
void append_utf8(std::string& out, char32_t c);

}  // namespace marsad
