#include "store/fts_tokenizer.h"

#include <algorithm>

#include "marsad/clitics.h"
#include "marsad/tokenize.h"
#include "marsad/utf8.h"

namespace marsad::internal {
namespace {

constexpr char kStemMark = '~';
constexpr char kExactMark = '=';

// Calls emit(term, start, end, colocated) for each term of tokens [first, last)
// of t; `clitics(i, key)` gives token i's analysis. Offsets are t's.
template <typename Clitics_, typename Emit>
int for_each_token_term(const Tokenized& t, size_t first, size_t last, FtsMode mode, Clitics_&& clitics,
                        Emit&& emit) {
  std::string buf;
  for (size_t i = first; i < last; ++i) {
    const Token& tok = t.tokens[i];
    if (!tok.is_word() && tok.kind != TokenKind::kNumber) continue;
    const std::string_view key = t.key_of(tok);
    if (key.empty()) continue;
    Clitics c;
    if (tok.kind == TokenKind::kArabic && mode != FtsMode::kQueryExact) c = clitics(i, key);
    if (mode == FtsMode::kDocument) {
      if (int rc = emit(key, tok.start, tok.end, false); rc != SQLITE_OK) return rc;
      if (c.count > 0) {
        buf.assign(1, kStemMark).append(c.stem_of(key));
        if (int rc = emit(buf, tok.start, tok.end, true); rc != SQLITE_OK) return rc;
      }
    } else if (mode == FtsMode::kQueryExact || tok.kind != TokenKind::kArabic) {
      if (int rc = emit(key, tok.start, tok.end, false); rc != SQLITE_OK) return rc;
    } else {
      const std::string_view stem = c.stem_of(key);
      if (int rc = emit(stem, tok.start, tok.end, false); rc != SQLITE_OK) return rc;
      buf.assign(1, kStemMark).append(stem);
      if (int rc = emit(buf, tok.start, tok.end, true); rc != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
}

// Calls emit(term, start, end, colocated) for each term of `text`.
template <typename Emit>
int for_each_term(std::string_view text, FtsMode mode, Emit&& emit) {
  if (mode != FtsMode::kDocument && !text.empty() && text.front() == kExactMark) {
    mode = FtsMode::kQueryExact;
    text.remove_prefix(1);
  }
  // Stored texts were validated on the way in; a query may not have been.
  if (!validate_utf8(text)) return SQLITE_OK;
  const Tokenized t = tokenize(text);
  return for_each_token_term(
      t, 0, t.tokens.size(), mode, [](size_t, std::string_view key) { return analyze_clitics(key); }, emit);
}

struct Pretokenized {
  std::string_view text[2];
  const FtsDocTerms* terms[2] = {nullptr, nullptr};
};
thread_local Pretokenized* t_pre = nullptr;

const FtsDocTerms* pretokenized(std::string_view text) {
  if (!t_pre) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (t_pre->terms[i] && t_pre->text[i].size() == text.size() &&
        (t_pre->text[i].data() == text.data() || t_pre->text[i] == text)) {
      return t_pre->terms[i];
    }
  }
  return nullptr;
}

int x_create(void*, const char**, int, Fts5Tokenizer** out) {
  static int instance = 0;  // stateless: any non-null handle will do
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void x_delete(Fts5Tokenizer*) {}

int x_tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
               int (*token)(void*, int, const char*, int, int, int)) {
  const FtsMode mode = (flags & FTS5_TOKENIZE_QUERY) ? FtsMode::kQuery : FtsMode::kDocument;
  const std::string_view view(text ? text : "", text ? static_cast<size_t>(n) : 0);
  if (mode == FtsMode::kDocument) {
    if (const FtsDocTerms* pre = pretokenized(view)) {
      for (const FtsDocTerms::Term& t : pre->terms) {
        if (int rc = token(ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, pre->buf.data() + t.offset,
                           static_cast<int>(t.size), static_cast<int>(t.start), static_cast<int>(t.end));
            rc != SQLITE_OK) {
          return rc;
        }
      }
      return SQLITE_OK;
    }
  }
  // Exact-mode '=' shifts query offsets by one; FTS5 does not use query offsets.
  return for_each_term(view, mode, [&](std::string_view term, uint32_t b, uint32_t e, bool colocated) {
    return token(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(), static_cast<int>(term.size()),
                 static_cast<int>(b), static_cast<int>(e));
  });
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

}  // namespace

Status register_fts_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr || api->iVersion < 2) {
    return Status(Error::kInternal, "this SQLite has no FTS5 (marsad needs SQLite 3.20 or later with FTS5)");
  }
  static fts5_tokenizer tok{x_create, x_delete, x_tokenize};
  if (api->xCreateTokenizer(api, kFtsTokenizerName, nullptr, &tok, nullptr) != SQLITE_OK) {
    return Status(Error::kInternal, "cannot register the FTS5 tokenizer");
  }
  return Status::ok();
}

std::vector<FtsTerm> fts_terms(std::string_view text, FtsMode mode) {
  std::vector<FtsTerm> out;
  for_each_term(text, mode, [&](std::string_view term, uint32_t b, uint32_t e, bool colocated) {
    out.push_back({std::string(term), b, e, colocated});
    return SQLITE_OK;
  });
  return out;
}

void append_document_terms(const Tokenized& t, size_t first, size_t last, uint32_t to, FtsDocTerms& out) {
  last = std::min(last, t.tokens.size());
  if (first >= last) return;
  const auto delta = static_cast<int64_t>(to) - static_cast<int64_t>(t.tokens[first].start);
  for_each_token_term(
      t, first, last, FtsMode::kDocument, [&](size_t i, std::string_view) { return t.clitics(i); },
      [&](std::string_view term, uint32_t b, uint32_t e, bool colocated) {
        out.add(term, static_cast<uint32_t>(b + delta), static_cast<uint32_t>(e + delta), colocated);
        return SQLITE_OK;
      });
}

FtsDocTerms fts_document_terms(std::string_view text) {
  FtsDocTerms out;
  out.buf.reserve(text.size());
  for_each_term(text, FtsMode::kDocument, [&](std::string_view term, uint32_t b, uint32_t e, bool colocated) {
    out.add(term, b, e, colocated);
    return SQLITE_OK;
  });
  return out;
}

PretokenizedScope::PretokenizedScope(std::string_view a, const FtsDocTerms& ta, std::string_view b,
                                     const FtsDocTerms& tb) {
  static thread_local Pretokenized slot;
  slot = Pretokenized{{a, b}, {&ta, &tb}};
  t_pre = &slot;
}

PretokenizedScope::~PretokenizedScope() { t_pre = nullptr; }

std::string dump_fts_terms(std::string_view text, FtsMode mode) {
  std::string out;
  for (const FtsTerm& t : fts_terms(text, mode)) {
    if (!out.empty()) out += t.colocated ? " " : "|";
    out += t.term;
  }
  return out;
}

}  // namespace marsad::internal
