// The match-key fold. The basic Arabic block (U+0600–U+06FF) and ASCII go
// through a table built once; every other code point goes through ICU's
// NFKC_Casefold, cached per code point because news text reuses few of them.
#include "marsad/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <unordered_map>

#include "marsad/utf8.h"

namespace marsad {
namespace {

// Key form of each code point U+0600..U+06FF: up to 3 bytes, 0 = dropped.
struct Fold {
  uint8_t len;
  char bytes[3];
};

struct ArabicTable {
  Fold fold[0x100];
  ArabicTable() {
    for (char32_t c = 0x600; c < 0x700; ++c) set(c, c);
    for (char32_t c = 0x610; c <= 0x61A; ++c) drop(c);  // Quranic signs above/below
    for (char32_t c = 0x64B; c <= 0x65F; ++c) drop(c);  // harakat, tanwin, shadda, sukun
    drop(0x670);                                        // superscript alef
    for (char32_t c = 0x6D6; c <= 0x6ED; ++c) {         // Quranic annotation marks
      if (c != 0x6DD && c != 0x6DE && c != 0x6E5 && c != 0x6E6) drop(c);
    }
    drop(0x640);   // tatweel
    drop(0x61C);   // Arabic letter mark (bidi)
    for (char32_t c : {0x622, 0x623, 0x625, 0x671, 0x672, 0x673}) set(c, 0x627);  // alef forms
    set(0x649, 0x64A);  // alef maqsura → ya
    set(0x629, 0x647);  // ta marbuta → ha
    set(0x624, 0x648);  // waw with hamza → waw
    set(0x626, 0x64A);  // ya with hamza → ya
    set(0x6CC, 0x64A);  // Farsi yeh → ya
    set(0x6A9, 0x643);  // keheh → kaf
    set(0x6C1, 0x647);  // heh goal → ha
    for (char32_t d = 0; d < 10; ++d) {
      set(0x660 + d, U'0' + d);  // Arabic-Indic digits
      set(0x6F0 + d, U'0' + d);  // Persian digits
    }
    set(0x66B, U'.');  // Arabic decimal separator
    set(0x66C, U',');  // Arabic thousands separator
  }
  void set(char32_t c, char32_t to) {
    std::string s;
    append_utf8(s, to);
    Fold& f = fold[c - 0x600];
    f.len = static_cast<uint8_t>(s.size());
    s.copy(f.bytes, s.size());
  }
  void drop(char32_t c) { fold[c - 0x600].len = 0; }
};

// Built before main(); nothing folds text during static initialization.
const ArabicTable kArabic;

bool is_dropped_format(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
         c == 0x00AD;
}

// NFKC_Casefold of one code point, then the Arabic fold on the result.
class OtherFold {
 public:
  const std::string& get(char32_t c) {
    auto it = cache_.find(c);
    if (it != cache_.end()) return it->second;
    return cache_.emplace(c, compute(c)).first->second;
  }

 private:
  static std::string compute(char32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(err);
    std::string utf8;
    if (U_FAILURE(err)) {
      append_utf8(utf8, c);
      return utf8;
    }
    icu::UnicodeString in(static_cast<UChar32>(c));
    icu::UnicodeString out = n->normalize(in, err);
    if (U_FAILURE(err)) out = in;
    out.toUTF8String(utf8);
    // The NFKC result may hold Arabic letters and marks (ﻷ → لأ): fold them too.
    std::string key;
    size_t i = 0;
    while (i < utf8.size()) {
      char32_t d = next_code_point(utf8, i);
      if (d >= 0x600 && d < 0x700) {
        const Fold& f = kArabic.fold[d - 0x600];
        key.append(f.bytes, f.len);
      } else if (u_getCombiningClass(static_cast<UChar32>(d)) == 0 || d >= 0x80) {
        append_utf8(key, d);
      }
    }
    return key;
  }
  std::unordered_map<char32_t, std::string> cache_;
};

// One cache per thread: no locks on the hot path; ICU's normalizer is thread-safe.
OtherFold& other_fold() {
  thread_local OtherFold f;
  return f;
}

}  // namespace

bool fold_code_point(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return true;
  }
  if (c >= 0x600 && c < 0x700) {
    const Fold& f = kArabic.fold[c - 0x600];
    out.append(f.bytes, f.len);
    return f.len != 0;
  }
  if (is_dropped_format(c)) return false;
  const std::string& f = other_fold().get(c);
  out += f;
  return !f.empty();
}

MatchKey make_match_key(std::string_view text) {
  MatchKey k;
  make_match_key(text, k);
  return k;
}

void make_match_key(std::string_view text, MatchKey& k) {
  // Written through raw pointers into buffers sized for the common case (the
  // key is never longer than the text for ASCII and the Arabic block); only an
  // NFKC expansion (ﷺ) can need more, and then the buffers grow. Buffers that
  // are already large enough are written over, not cleared first.
  const size_t n = text.size();
  if (k.key.size() < n + 64) k.key.resize(n + 64);
  if (k.orig.size() < k.key.size() + 1) k.orig.resize(k.key.size() + 1);
  char* out = k.key.data();
  uint32_t* map = k.orig.data();
  size_t w = 0;  // bytes written
  std::string scratch;
  size_t i = 0;
  while (i < n) {
    if (k.key.size() - w < 64) {
      k.key.resize(k.key.size() * 2);
      k.orig.resize(k.key.size() + 1);
      out = k.key.data();
      map = k.orig.data();
    }
    const auto b = static_cast<unsigned char>(text[i]);
    const auto start = static_cast<uint32_t>(i);
    if (b < 0x80) {  // ASCII: most separators, digits and Latin runs
      out[w] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      map[w++] = start;
      ++i;
      continue;
    }
    if (b >= 0xD8 && b <= 0xDB && i + 1 < n) {  // the basic Arabic block, two bytes
      char32_t c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      // Written whole whatever its length (0-2 here: the block folds within itself,
      // to ASCII digits or to nothing); the buffers have room to spare.
      const Fold& f = kArabic.fold[c - 0x600];
      out[w] = f.bytes[0];
      out[w + 1] = f.bytes[1];
      map[w] = start;
      map[w + 1] = start;
      w += f.len;
      i += 2;
      continue;
    }
    char32_t c = next_code_point(text, i);
    scratch.clear();
    fold_code_point(c, scratch);
    while (k.key.size() - w < scratch.size() + 64) {
      k.key.resize(k.key.size() * 2);
      k.orig.resize(k.key.size() + 1);
      out = k.key.data();
      map = k.orig.data();
    }
    for (char ch : scratch) {
      out[w] = ch;
      map[w++] = start;
    }
  }
  map[w] = static_cast<uint32_t>(n);
  k.key.resize(w);
  k.orig.resize(w + 1);
}

std::string match_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) fold_code_point(next_code_point(text, i), out);
  return out;
}

}  // namespace marsad
