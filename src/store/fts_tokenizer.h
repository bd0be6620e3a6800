// The FTS5 tokenizer "marsad": marsad's tokenizer and clitic analysis inside
// SQLite's full-text index.
//
// Terms (the scheme is versioned by kFtsScheme; the index must be rebuilt
// when it or the analyzer changes):
//   document word without proclitics   its match key            مغرب
//   document word with proclitics      its match key            والمغرب
//                                      + "~" stem, colocated    ~مغرب
//   query word                         stem OR "~" stem         مغرب | ~مغرب
//   query word in ="…"                 its match key            والمغرب
// so a plain query matches every clitic form of the word, and an exact one
// only the form as written (letters still folded: harakat never matter).
// Latin words and numbers are their match key alone. Offsets reported to FTS5
// are original byte offsets, so snippets and highlights show the text as written.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"
#include "marsad/tokenize.h"

namespace marsad::internal {

inline constexpr const char* kFtsTokenizerName = "marsad";
inline constexpr const char* kFtsScheme = "marsad-fts/1";

Status register_fts_tokenizer(sqlite3* db);

enum class FtsMode : uint8_t { kDocument, kQuery, kQueryExact };

struct FtsTerm {
  std::string term;
  uint32_t start = 0, end = 0;  // original bytes
  bool colocated = false;       // same position as the previous term
};

// The terms the tokenizer hands FTS5 (for tests and debugging). In query mode
// a text starting with '=' is tokenized as exact, as FTS5 would see it.
std::vector<FtsTerm> fts_terms(std::string_view text, FtsMode mode);

// "والمغرب ~مغرب|بالرباط ~رباط": terms of a text, colocated ones after a space.
std::string dump_fts_terms(std::string_view text, FtsMode mode);

// A document's terms in one buffer (no allocation per term), computed on an
// analysis thread and replayed by the tokenizer on the writer thread.
struct FtsDocTerms {
  struct Term {
    uint32_t offset, size;  // in buf
    uint32_t start, end;    // original bytes
    bool colocated;
  };
  std::string buf;
  std::vector<Term> terms;
  std::string_view term(const Term& t) const { return std::string_view(buf).substr(t.offset, t.size); }
  void add(std::string_view term, uint32_t start, uint32_t end, bool colocated) {
    terms.push_back({static_cast<uint32_t>(buf.size()), static_cast<uint32_t>(term.size()), start, end, colocated});
    buf += term;
  }
};
FtsDocTerms fts_document_terms(std::string_view text);
// Appends the document terms of tokens [first, last) of t (a tokenization
// already made, with its clitic cache), their offsets moved so that the first
// token starts at byte `to` of the text being indexed. The same terms as
// fts_document_terms() on that stretch of text when the stretch begins and
// ends at token boundaries of t: tokens never depend on the text around them.
void append_document_terms(const Tokenized& t, size_t first, size_t last, uint32_t to, FtsDocTerms& out);

// While alive, the tokenizer on this thread replays `terms` for a document
// text equal to `text` (the writer binds the same bytes it was computed from).
class PretokenizedScope {
 public:
  PretokenizedScope(std::string_view a, const FtsDocTerms& ta, std::string_view b, const FtsDocTerms& tb);
  ~PretokenizedScope();
  PretokenizedScope(const PretokenizedScope&) = delete;  // restores the thread's state once
  PretokenizedScope& operator=(const PretokenizedScope&) = delete;
};

}  // namespace marsad::internal
