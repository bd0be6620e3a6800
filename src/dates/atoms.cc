#include "dates/atoms.h"

#include <string>

namespace marsad::internal {
namespace {

// Proclitic letters: each is two bytes in UTF-8, so a prefix test is one
// two-byte compare (a string_view substr compare here was a call per test, and
// every word is tested up to four times).
constexpr char kWaw[] = "و", kFa[] = "ف", kBa[] = "ب", kLam[] = "ل", kKaf[] = "ك";

bool starts(std::string_view s, const char (&p)[3]) { return s.size() > 2 && s[0] == p[0] && s[1] == p[1]; }

// Finds the lexicon entry hidden behind proclitics: [و|ف] [ب|ل|ك], and لل = ل + ال.
// The whole word is tried first, so فجر stays فجر and بعد stays بعد. Returns the
// entry's index in the lexicon, or -1.
int64_t host_of(std::string_view key, const DateLexicon& lex, bool& conj) {
  conj = false;
  int64_t k = lex.index_of(key);
  if (k >= 0) return k;
  std::string_view rest = key;
  if (starts(rest, kWaw) || starts(rest, kFa)) {
    rest.remove_prefix(2);
    conj = true;
    k = lex.index_of(rest);
    if (k >= 0) return k;
  }
  if (starts(rest, kBa) || starts(rest, kLam) || starts(rest, kKaf)) {
    bool lam = starts(rest, kLam);
    rest.remove_prefix(2);
    k = lex.index_of(rest);
    // أمس and غدا are adverbs and take no preposition: لامس is "touched", not ل + أمس.
    if (k >= 0) {
      const std::string_view host = lex.key_at(static_cast<size_t>(k));
      if (host != "امس" && host != "غدا" && host != "غد") return k;
    }
    if (lam && starts(rest, kLam) && rest.size() < 62) {  // للعام: the alef of the article is dropped after ل
      char buf[64] = "\xd8\xa7";  // ا
      rest.copy(buf + 2, rest.size());
      k = lex.index_of(std::string_view(buf, rest.size() + 2));
      if (k >= 0) return k;
    }
  }
  conj = false;
  return -1;
}

}  // namespace

void make_atoms(const Tokenized& t, size_t first, size_t last, const DateLexicon& lex, std::vector<Atom>& out) {
  out.clear();
  if (last > t.tokens.size()) last = t.tokens.size();
  out.reserve((last > first ? last - first : 0) / 2 + 1);
  bool space = false, wall = false;
  for (size_t i = first; i < last; ++i) {
    const Token& tok = t.tokens[i];
    std::string_view key = t.key_of(tok);
    if (tok.kind == TokenKind::kSpace) {
      space = true;
      // Most spaces are one ' ': no search for a line break in them.
      if (key.size() != 1 || key[0] != ' ') wall = wall || key.find('\n') != std::string_view::npos;
      continue;
    }
    // Built in place: an Atom is 80 bytes, and a copy from the stack cost as
    // much as filling it.
    Atom& a = out.emplace_back();
    a.start = tok.start;
    a.end = tok.end;
    a.key = key;
    a.host = key;
    a.kind = tok.kind;
    a.glued = !space && out.size() > 1;
    a.wall = wall;
    a.token = static_cast<uint32_t>(i);
    space = wall = false;
    if (tok.kind == TokenKind::kNumber) {
      // At most 9 digits: longer runs (phone numbers, ids) are never dates, and stay unread.
      bool plain = key.size() <= 9;
      int32_t v = 0;
      for (size_t k = 0; plain && k < key.size(); ++k) {
        if (key[k] < '0' || key[k] > '9') plain = false;
        else v = v * 10 + (key[k] - '0');
      }
      if (plain) {
        a.num = v;
        a.digits = static_cast<uint8_t>(key.size());
      }
    } else if (tok.kind == TokenKind::kArabic || tok.kind == TokenKind::kLatin || tok.kind == TokenKind::kPunct) {
      // Punctuation only as itself: the "." of ت.غ.
      const int64_t h = tok.kind == TokenKind::kPunct ? lex.index_of(key) : host_of(key, lex, a.conj);
      if (h >= 0) {
        a.host = lex.key_at(static_cast<size_t>(h));
        a.entries = lex.entries_at(static_cast<size_t>(h));
        a.roles = lex.roles_at(static_cast<size_t>(h));
      }
    }
  }
}

}  // namespace marsad::internal
