#include "marsad/sentences.h"

namespace marsad {
namespace {

bool is_terminator(std::string_view k) {
  return k == "." || k == "!" || k == "?" || k == "؟" || k == "؛" || k == "…" || k == ";";
}

bool is_closer(std::string_view k) {
  return k == "»" || k == "”" || k == "\"" || k == ")" || k == "]" || k == "’" || k == "'" || k == "›";
}

// Letters in a word key, counting each UTF-8 lead byte.
size_t letters(std::string_view k) {
  size_t n = 0;
  for (unsigned char c : k) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::vector<Span> split_sentences(const Tokenized& t, size_t first, size_t last) {
  std::vector<Span> out;
  const auto& toks = t.tokens;
  size_t begin = first;  // first token of the current sentence
  auto emit = [&](size_t end_tok) {  // tokens [begin, end_tok)
    size_t b = begin, e = end_tok;
    while (b < e && toks[b].kind == TokenKind::kSpace) ++b;
    while (e > b && toks[e - 1].kind == TokenKind::kSpace) --e;
    if (b < e) out.push_back({toks[b].start, toks[e - 1].end});
    begin = end_tok;
  };
  for (size_t i = first; i < last; ++i) {
    const Token& tok = toks[i];
    if (tok.kind == TokenKind::kSpace) {
      std::string_view k = t.key_of(tok);
      if (k.find('\n') != std::string_view::npos || k.find("\u2029") != std::string_view::npos) emit(i + 1);
      continue;
    }
    if (tok.kind != TokenKind::kPunct || !is_terminator(t.key_of(tok))) continue;
    std::string_view k = t.key_of(tok);
    if (k == ".") {
      // "د." "U.S." — a one-letter word right before the stop.
      if (i > first && toks[i - 1].is_word() && letters(t.key_of(toks[i - 1])) == 1) continue;
      // "3." followed by a digit was already merged by the tokenizer; "1." at the
      // start of a list item is a stop like any other.
    }
    size_t j = i + 1;
    while (j < last && toks[j].kind == TokenKind::kPunct &&
           (is_terminator(t.key_of(toks[j])) || is_closer(t.key_of(toks[j])))) {
      ++j;
    }
    emit(j);
    i = j - 1;
  }
  emit(last);
  return out;
}

std::vector<Span> split_sentences(const Tokenized& t) { return split_sentences(t, 0, t.tokens.size()); }

std::string dump_sentences(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) {
    if (!out.empty()) out += " | ";
    out += text.substr(s.start, s.end - s.start);
  }
  return out;
}

}  // namespace marsad
