#include "words.h"

#include <algorithm>

#include "marsad/clitics.h"
#include "tables.h"

namespace marsad::internal {

std::vector<std::string> keys(std::initializer_list<std::string_view> words) {
  std::vector<std::string> out;
  for (std::string_view w : words) out.push_back(data_key(w));
  return out;
}

namespace {

bool clause_break(const EventTables& tab, const Word& w) {
  if (w.punct) {
    return w.key == "؛" || w.key == ";" || w.key == ":" || w.key == "«" || w.key == "»" || w.key == "(" ||
           w.key == ")" || w.key == "\"" || w.key == "“" || w.key == "”";
  }
  // The key's entry, or the host's (the stem's does not count: الذين is not ذين).
  for (WordId k : {w.id[0], w.id[1]}) {
    if (k != kNoWord && (tab.facts[k] & kClauseBreakWord)) return true;
  }
  return false;
}

}  // namespace

DocWords build_words(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                     const std::vector<Entity>& entities, const std::vector<TimeExpression>* dates) {
  const EventTables& tab = event_tables();
  DocWords d;
  d.w.reserve(t.tokens.size());  // at most one word per token: never reallocated
  // A restored host ("ال" + the stem after لل) is never longer than its key.
  d.arena.reserve(t.key.key.size() + 16);
  for (size_t i = 0; i < t.tokens.size(); ++i) {
    const Token& tok = t.tokens[i];
    if (tok.kind == TokenKind::kSpace) continue;
    Word& w = d.w.emplace_back();
    w.start = tok.start;
    w.end = tok.end;
    w.key = t.key_of(tok);
    w.word = tok.is_word() || tok.kind == TokenKind::kNumber;
    w.punct = tok.kind == TokenKind::kPunct || tok.kind == TokenKind::kSymbol;
    if (w.punct) w.key = text.substr(tok.start, tok.end - tok.start);
    w.host = w.key;
    if (tok.kind == TokenKind::kArabic) {
      const Clitics& c = t.clitics(i);
      for (uint8_t p = 0; p < c.count; ++p) {
        const Clitics::Piece& pc = c.pieces[p];
        std::string_view s = w.key.substr(pc.begin, pc.end - pc.begin);
        if (pc.role == CliticRole::kConj) w.conj = true;
        if (pc.role == CliticRole::kFuture) w.future = true;
        if (pc.role == CliticRole::kPrep) w.prep = s == "ب" ? 'b' : s == "ل" ? 'l' : 'k';
      }
      // As Clitics::host_of, without allocating: لل + stem is ل + ال + stem.
      if (c.article_contracted()) {
        const size_t at = d.arena.size();
        d.arena += "ال";
        d.arena += w.key.substr(c.stem_begin);
        w.host = std::string_view(d.arena).substr(at);
      } else {
        w.host = w.key.substr(c.host_begin());
      }
    }
    const std::string_view h = w.host;
    w.stem = h.size() > 4 && h.substr(0, 4) == "ال" ? h.substr(4) : h;
    // The host is the key, or a suffix of it, or "ال" + a suffix (never equal to the key); the
    // stem is the host or a shorter suffix of it: a form equal to an earlier one is the same view.
    auto same = [](std::string_view x, std::string_view y) { return x.data() == y.data() && x.size() == y.size(); };
    w.id[0] = tab.id(w.key);
    w.id[1] = same(w.host, w.key) ? w.id[0] : tab.id(w.host);
    w.id[2] = same(w.stem, w.host) ? w.id[1] : tab.id(w.stem);
    w.clause_break = clause_break(tab, w);
    for (WordId k : w.id) {
      if (k != kNoWord) w.facts |= tab.facts[k];
    }
  }
  auto first_word_at_or_after = [&](uint32_t byte) {
    return static_cast<uint32_t>(std::lower_bound(d.w.begin(), d.w.end(), byte,
                                                  [](const Word& w, uint32_t b) { return w.start < b; }) -
                                 d.w.begin());
  };
  for (size_t s = 0; s < sentences.size(); ++s) {
    uint32_t a = first_word_at_or_after(sentences[s].start), b = first_word_at_or_after(sentences[s].end);
    d.sentences.emplace_back(a, b);
    for (uint32_t i = a; i < b; ++i) d.w[i].sentence = static_cast<int>(s);
  }
  // A span may start inside a word (the entity إسرائيل in وإسرائيل): it covers the words it touches.
  auto word_containing = [&](uint32_t byte) {
    auto it = std::upper_bound(d.w.begin(), d.w.end(), byte, [](uint32_t b, const Word& w) { return b < w.start; });
    if (it != d.w.begin() && (it - 1)->end > byte) --it;
    return static_cast<uint32_t>(it - d.w.begin());
  };
  d.entity_words.assign(entities.size(), {-1, -1});
  for (size_t e = 0; e < entities.size(); ++e) {
    uint32_t a = word_containing(entities[e].span.start), b = first_word_at_or_after(entities[e].span.end);
    if (a >= b) continue;
    d.entity_words[e] = {static_cast<int>(a), static_cast<int>(b)};
    for (uint32_t i = a; i < b; ++i) d.w[i].entity = static_cast<int>(e);
  }
  if (dates) {
    for (size_t k = 0; k < dates->size(); ++k) {
      uint32_t a = word_containing((*dates)[k].span.start), b = first_word_at_or_after((*dates)[k].span.end);
      for (uint32_t i = a; i < b; ++i) d.w[i].date = static_cast<int>(k);
    }
  }
  return d;
}

std::string_view preposition_before(const DocWords& d, int i) {
  if (i < 0 || i >= static_cast<int>(d.w.size())) return "";
  const Word& w = d.w[i];
  if (w.prep == 'b') return "b";
  if (w.prep == 'l') return "l";
  if (w.prep == 'k') return "k";
  if (i == 0) return "";
  const Word& p = d.w[i - 1];
  static const std::vector<std::string> kPreps =
      keys({"في", "على", "ضد", "إلى", "مع", "عن", "من", "بين", "لدى", "تجاه", "نحو", "عبر", "داخل", "قرب", "عند"});
  for (const std::string& k : kPreps) {
    if (p.key == k || p.host == k) return k;
  }
  return "";
}

}  // namespace marsad::internal
