// Gazetteer matching: longest phrase first, within runs of words that no
// punctuation breaks. The first word of a phrase may carry clitics (للمغرب,
// ونظيرتها, بالعاصمة): it is tried as written and as its host.
#include "entities/match.h"

#include "marsad/clitics.h"

namespace marsad::internal {
namespace {

constexpr std::string_view kAlef = "ا", kAl = "ال";

// "ال" + rest, appended to the arena (whose capacity was reserved up front, so
// earlier views stay valid).
std::string_view with_article(std::string& arena, std::string_view rest) {
  const size_t at = arena.size();
  arena += kAl;
  arena += rest;
  return std::string_view(arena).substr(at);
}

}  // namespace

void words_of(const Tokenized& t, size_t first, size_t last, MatchWords& out) {
  std::vector<MatchWord>& words = out.w;
  words.clear();
  out.arena.clear();
  // A host with a restored article is at most its key + 2 bytes, and every
  // Arabic word has at least 2 bytes: twice the key bytes of the range suffice.
  if (first < last) out.arena.reserve(2 * (t.tokens[last - 1].kend - t.tokens[first].kstart) + 16);
  uint32_t segment = 0;
  for (size_t i = first; i < last; ++i) {
    const Token& tok = t.tokens[i];
    if (tok.kind == TokenKind::kSpace) {
      continue;
    }
    if (!tok.is_word() && tok.kind != TokenKind::kNumber) {
      ++segment;
      continue;
    }
    MatchWord w;
    w.token = i;
    w.segment = segment;
    w.key = t.key_of(tok);
    w.host = w.key;
    if (tok.kind == TokenKind::kArabic) {
      const Clitics& c = t.clitics(i);
      w.has_article = c.has(CliticRole::kDet);
      w.host_offset = c.host_begin();
      // As Clitics::host_of: لل + stem is ل + ال + stem.
      if (c.article_contracted()) {
        w.restore = kAlef;
        w.host = with_article(out.arena, w.key.substr(c.stem_begin));
      } else {
        w.host = w.key.substr(w.host_offset);
      }
    }
    words.push_back(w);
  }
  // لـ + لجنة or لـ + اللجنة? (ل + ال + لجنة is written للجنة: three lams
  // become two.) A definite adjective after it settles it: للجنة العسكرية is
  // ل + اللجنة العسكرية, the adjective agreeing in definiteness.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    MatchWord& w = words[i];
    if (w.restore.empty() && w.host_offset == 2 && w.key.starts_with("لل") && words[i + 1].has_article &&
        words[i + 1].segment == w.segment) {
      w.restore = kAl;
      w.has_article = true;
      w.host = with_article(out.arena, w.key.substr(2));
    }
  }
}

std::vector<Match> match_gazetteer(const std::vector<MatchWord>& words) {
  const Gazetteer& g = gazetteer();
  std::vector<Match> out;
  thread_local std::string key;
  for (size_t i = 0; i < words.size();) {
    size_t best_n = 0;
    const std::vector<uint32_t>* best = nullptr;
    bool best_host = false;
    // Extend word by word while the words so far open some phrase; keep the
    // longest full phrase. Most words open none, so this is one probe each.
    for (int use_host = 0; use_host < 2; ++use_host) {
      const std::string_view head = use_host ? words[i].host : words[i].key;
      if (use_host && head == words[i].key) continue;
      const GazPhrase* p = g.find(head);
      if (!p) continue;
      key = head;
      for (size_t n = 1;; ++n) {
        if (!p->entries.empty() && n > best_n) {
          best = &p->entries;
          best_n = n;
          best_host = use_host;
        }
        size_t next = i + n;
        if (next >= words.size() || words[next].segment != words[i].segment || !p->prefix) break;
        key += ' ';
        key += words[next].key;
        p = g.find(key);
        if (!p) break;
      }
    }
    if (!best) {
      ++i;
      continue;
    }
    out.push_back({i, i + best_n, (*best)[0], best_host});
    i += best_n;
  }
  return out;
}

}  // namespace marsad::internal
