#include "marsad/tokenize.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "marsad/utf8.h"

namespace marsad {
namespace {

enum class Cls : uint8_t { kArabic, kLetter, kDigit, kSpace, kPunct, kSymbol };

inline bool is_arabic_letter(char32_t c) {
  return (c >= 0x621 && c <= 0x64A) || (c >= 0x66E && c <= 0x6D3) || c == 0x6D5 ||
         (c >= 0x6EE && c <= 0x6FF && !(c >= 0x6F0 && c <= 0x6F9)) || (c >= 0x750 && c <= 0x77F) ||
         (c >= 0x8A0 && c <= 0x8FF);
}

Cls classify_slow(char32_t c);

// ASCII classes, computed once.
struct AsciiTable {
  Cls cls[128];
  AsciiTable() {
    for (char32_t c = 0; c < 128; ++c) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        cls[c] = Cls::kLetter;
      } else if (c >= '0' && c <= '9') {
        cls[c] = Cls::kDigit;
      } else if (c <= 0x20 || c == 0x7F) {
        cls[c] = Cls::kSpace;  // white space and other controls separate alike
      } else {
        cls[c] = u_ispunct(static_cast<UChar32>(c)) ? Cls::kPunct : Cls::kSymbol;
      }
    }
  }
};
const AsciiTable kAscii;

inline Cls classify(char32_t c) {
  if (c < 0x80) return kAscii.cls[c];
  if (c >= 0x621 && c <= 0x64A) return Cls::kArabic;  // the common case, before any table
  return classify_slow(c);
}

Cls classify_slow(char32_t c) {
  if (is_arabic_letter(c)) return Cls::kArabic;
  auto u = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(u)) return Cls::kSpace;
  if (u_isdigit(u)) return Cls::kDigit;
  if (u_isalpha(u) || u_getCombiningClass(u) != 0 || u_charType(u) == U_NON_SPACING_MARK) {
    return (c >= 0x600 && c < 0x900) ? Cls::kArabic : Cls::kLetter;
  }
  if (u_ispunct(u)) return Cls::kPunct;
  if (u_charType(u) == U_CONTROL_CHAR || u_charType(u) == U_FORMAT_CHAR) return Cls::kSpace;
  return Cls::kSymbol;
}

// U+0621..U+064A, the letters of nearly every Arabic word, are the two bytes
// D8 A1..D8 BF and D9 80..D9 8A: a run of them is scanned without decoding.
inline bool basic_arabic_at(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return false;
  const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
  return (a == 0xD8 && b >= 0xA1 && b <= 0xBF) || (a == 0xD9 && b >= 0x80 && b <= 0x8A);
}

bool is_number_joiner(char32_t c) { return c == '.' || c == ',' || c == 0x66B || c == 0x66C; }

}  // namespace

std::string_view token_kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::kArabic: return "ar";
    case TokenKind::kLatin: return "lat";
    case TokenKind::kNumber: return "num";
    case TokenKind::kPunct: return "p";
    case TokenKind::kSymbol: return "sym";
    case TokenKind::kSpace: return "sp";
  }
  return "?";
}

size_t token_at(const std::vector<Token>& tokens, uint32_t at) {
  return static_cast<size_t>(
      std::lower_bound(tokens.begin(), tokens.end(), at, [](const Token& t, uint32_t v) { return t.start < v; }) -
      tokens.begin());
}

std::vector<Token> tokenize_key(const MatchKey& mk) {
  std::vector<Token> out;
  tokenize_key(mk, out);
  return out;
}

void tokenize_key(const MatchKey& mk, std::vector<Token>& out) {
  std::string_view key = mk.key;
  out.clear();
  out.reserve(key.size() / 5 + 4);
  size_t i = 0;
  const size_t n = key.size();
  while (i < n) {
    size_t start = i;
    char32_t c = next_code_point(key, i);
    Cls cls = classify(c);
    TokenKind kind;
    switch (cls) {
      case Cls::kArabic:
      case Cls::kLetter:
      case Cls::kSpace: {
        kind = cls == Cls::kArabic ? TokenKind::kArabic
               : cls == Cls::kLetter ? TokenKind::kLatin
                                     : TokenKind::kSpace;
        while (i < n) {
          if (cls == Cls::kArabic && basic_arabic_at(key, i)) {
            i += 2;
            continue;
          }
          size_t j = i;
          if (classify(next_code_point(key, j)) != cls) break;
          i = j;
        }
        break;
      }
      case Cls::kDigit: {
        kind = TokenKind::kNumber;
        while (i < n) {
          size_t j = i;
          char32_t d = next_code_point(key, j);
          Cls dc = classify(d);
          if (dc == Cls::kDigit) { i = j; continue; }
          if (is_number_joiner(d) && j < n) {
            size_t k = j;
            if (classify(next_code_point(key, k)) == Cls::kDigit) { i = k; continue; }
          }
          break;
        }
        break;
      }
      case Cls::kPunct: kind = TokenKind::kPunct; break;
      default: kind = TokenKind::kSymbol; break;
    }
    Token t;
    t.kstart = static_cast<uint32_t>(start);
    t.kend = static_cast<uint32_t>(i);
    t.start = mk.original_begin(start);
    t.end = mk.original_end(i);
    t.kind = kind;
    out.push_back(t);
  }
  // Dropped characters that lead the text belong to the first token; if the key
  // is empty but the text is not, one space token holds them all.
  if (out.empty() && mk.orig.back() > 0) {
    Token t;
    t.end = mk.orig.back();
    out.push_back(t);
  }
}

Tokenized tokenize(std::string_view text) {
  Tokenized t;
  tokenize(text, t);
  return t;
}

void tokenize(std::string_view text, Tokenized& t) {
  make_match_key(text, t.key);
  tokenize_key(t.key, t.tokens);
  t.clitic_cache.clear();
}

const Clitics& Tokenized::analyze_clitics_of(size_t i) const {
  if (clitic_cache.size() != tokens.size()) clitic_cache.assign(tokens.size(), {});
  CachedClitics& c = clitic_cache[i];
  if (!c.known) {
    c.c = analyze_clitics(key_of(tokens[i]));
    c.known = true;
  }
  return c.c;
}

std::string dump_tokens(const Tokenized& t) {
  std::string out;
  for (const Token& tok : t.tokens) {
    if (!out.empty()) out += ' ';
    out += token_kind_name(tok.kind);
    if (tok.kind != TokenKind::kSpace) {
      out += ':';
      out += t.key_of(tok);
    }
  }
  return out;
}

}  // namespace marsad
