#include "dates/atoms.h"

#include <string>

namespace marsad::internal {
namespace {

constexpr std::string_view kWaw = "و", kFa = "ف", kBa = "ب", kLam = "ل", kKaf = "ك";

bool starts(std::string_view s, std::string_view p) { return s.size() > p.size() && s.substr(0, p.size()) == p; }

// Finds the lexicon key hidden behind proclitics: [و|ف] [ب|ل|ك], and لل = ل + ال.
// The whole word is tried first, so فجر stays فجر and بعد stays بعد.
std::string_view host_of(std::string_view key, const DateLexicon& lex, bool& conj) {
  conj = false;
  std::string_view k = lex.stored_key(key);
  if (!k.empty()) return k;
  std::string_view rest = key;
  if (starts(rest, kWaw) || starts(rest, kFa)) {
    rest.remove_prefix(2);
    conj = true;
    k = lex.stored_key(rest);
    if (!k.empty()) return k;
  }
  if (starts(rest, kBa) || starts(rest, kLam) || starts(rest, kKaf)) {
    bool lam = starts(rest, kLam);
    rest.remove_prefix(2);
    k = lex.stored_key(rest);
    // أمس and غدا are adverbs and take no preposition: لامس is "touched", not ل + أمس.
    if (!k.empty() && k != "امس" && k != "غدا" && k != "غد") return k;
    if (lam && starts(rest, kLam) && rest.size() < 62) {  // للعام: the alef of the article is dropped after ل
      char buf[64] = "\xd8\xa7";  // ا
      rest.copy(buf + 2, rest.size());
      k = lex.stored_key(std::string_view(buf, rest.size() + 2));
      if (!k.empty()) return k;
    }
  }
  conj = false;
  return {};
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
      if (key.find('\n') != std::string_view::npos) wall = true;
      continue;
    }
    Atom a;
    a.start = tok.start;
    a.end = tok.end;
    a.key = key;
    a.host = key;
    a.kind = tok.kind;
    a.glued = !space && !out.empty();
    a.wall = wall;
    a.token = static_cast<uint32_t>(i);
    space = wall = false;
    if (tok.kind == TokenKind::kNumber) {
      // At most 9 digits: longer runs (phone numbers, ids) are never dates, and stay unread.
      bool plain = key.size() <= 9;
      int64_t v = 0;
      for (size_t k = 0; plain && k < key.size(); ++k) {
        if (key[k] < '0' || key[k] > '9') plain = false;
        else v = v * 10 + (key[k] - '0');
      }
      if (plain) {
        a.num = v;
        a.digits = static_cast<uint8_t>(key.size());
      }
    } else if (tok.kind == TokenKind::kArabic || tok.kind == TokenKind::kLatin) {
      std::string_view h = host_of(key, lex, a.conj);
      if (!h.empty()) {
        a.host = h;
        a.entries = lex.find(h);
      }
    } else if (tok.kind == TokenKind::kPunct) {
      a.entries = lex.find(key);  // the "." of ت.غ
    }
    if (a.entries != nullptr) {
      for (const Entry& e : *a.entries) a.roles |= uint64_t{1} << static_cast<int>(e.role);
    }
    out.push_back(a);
  }
}

}  // namespace marsad::internal
