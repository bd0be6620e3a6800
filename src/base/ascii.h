// Internal: ASCII case folding for protocol and markup names (HTML tags and
// attributes, charset labels, WARC and HTTP header names, domains). Bytes
// outside A-Z, UTF-8 included, are left as they are.
//
//   marsad::internal::ascii_lower("Windows-1256")   // "windows-1256"
#pragma once

#include <string>
#include <string_view>

namespace marsad::internal {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

}  // namespace marsad::internal
