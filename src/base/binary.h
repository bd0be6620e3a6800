// Little helpers for marsad's binary model files (NER, topics): fixed-size
// values and varints appended to a string, and a bounds-checked reader whose
// first failure sticks, so a parser checks `ok` once per section.
//
//   std::string out; internal::put<uint32_t>(out, 7); internal::put_varint(out, 300);
//   internal::ByteReader r{out};
//   uint32_t a = r.get<uint32_t>(), b = r.varint();   // r.ok == true
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace marsad::internal {

template <typename T>
void put(std::string& out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

inline void put_varint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

struct ByteReader {
  std::string_view in;
  size_t pos = 0;
  bool ok = true;

  template <typename T>
  T get() {
    T v{};
    if (sizeof(T) > in.size() - pos) {
      ok = false;
      return v;
    }
    std::memcpy(&v, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return v;
  }
  uint32_t varint() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos >= in.size()) break;
      auto b = static_cast<unsigned char>(in[pos++]);
      v |= static_cast<uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
  std::string_view bytes(size_t n) {
    if (n > in.size() - pos) {
      ok = false;
      return {};
    }
    std::string_view v = in.substr(pos, n);
    pos += n;
    return v;
  }
};

}  // namespace marsad::internal
