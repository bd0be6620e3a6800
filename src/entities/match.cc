// Gazetteer matching: longest phrase first, within runs of words that no
// punctuation breaks. The first word of a phrase may carry clitics (للمغرب,
// ونظيرتها, بالعاصمة): it is tried as written and as its host.
#include "entities/match.h"

#include "marsad/clitics.h"

namespace marsad::internal {

std::vector<Word> words_of(const Tokenized& t, size_t first, size_t last) {
  std::vector<Word> words;
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
    Word w;
    w.token = i;
    w.segment = segment;
    w.key = std::string(t.key_of(tok));
    if (tok.kind == TokenKind::kArabic) {
      Clitics c = analyze_clitics(w.key);
      w.host = c.host_of(w.key);
      w.has_article = c.has(CliticRole::kDet);
      // Where the host starts in the key: after the conjunction/preposition.
      for (uint8_t p = 0; p < c.count; ++p) {
        if (c.pieces[p].role != CliticRole::kDet) w.host_offset = c.pieces[p].end;
        if (c.pieces[p].role == CliticRole::kDet && c.pieces[p].end - c.pieces[p].begin == 2) w.restore = "ا";
      }
    } else {
      w.host = w.key;
    }
    words.push_back(std::move(w));
  }
  // لـ + لجنة or لـ + اللجنة? (ل + ال + لجنة is written للجنة: three lams
  // become two.) A definite adjective after it settles it: للجنة العسكرية is
  // ل + اللجنة العسكرية, the adjective agreeing in definiteness.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    Word& w = words[i];
    if (w.restore.empty() && w.host_offset == 2 && w.key.rfind("لل", 0) == 0 && words[i + 1].has_article &&
        words[i + 1].segment == w.segment) {
      w.restore = "ال";
      w.has_article = true;
      w.host = "ال" + w.key.substr(2);
    }
  }
  return words;
}

std::vector<Match> match_gazetteer(const std::vector<Word>& words) {
  const Gazetteer& g = gazetteer();
  std::vector<Match> out;
  std::string key;
  for (size_t i = 0; i < words.size();) {
    size_t best_n = 0;
    const std::vector<uint32_t>* best = nullptr;
    bool best_host = false;
    // Extend word by word while the words so far open some phrase; keep the
    // longest full phrase. Most words open none, so this is one lookup each.
    for (int use_host = 0; use_host < 2; ++use_host) {
      const std::string& head = use_host ? words[i].host : words[i].key;
      if (use_host && head == words[i].key) continue;
      key = head;
      for (size_t n = 1;; ++n) {
        if (const auto* hit = g.find(key); hit && n > best_n) {
          best = hit;
          best_n = n;
          best_host = use_host;
        }
        size_t next = i + n;
        if (next >= words.size() || words[next].segment != words[i].segment || !g.prefixes.count(key)) break;
        key += ' ';
        key += words[next].key;
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
