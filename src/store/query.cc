// The user's query syntax (search.h) → an FTS5 MATCH expression.
//
// Every term is quoted for FTS5, so Arabic punctuation and FTS5's own special
// characters inside words never break the syntax; exact terms carry a leading
// '=' inside the quotes, which the marsad tokenizer reads as "exact form".
// Terms with no words in them (a lone "،") are dropped with the operator that
// joined them.
#include <memory>

#include "marsad/search.h"
#include "marsad/tokenize.h"
#include "marsad/utf8.h"

namespace marsad {
namespace {

enum class Tok { kTerm, kAnd, kOr, kNot, kOpen, kClose, kEnd };

struct Lexeme {
  Tok tok = Tok::kEnd;
  std::string text;   // term text without quotes, '=' or '*'
  bool exact = false;
  bool prefix = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Result<std::vector<Lexeme>> lex(std::string_view q) {
  std::vector<Lexeme> out;
  size_t i = 0;
  auto fail = [&](const std::string& why) { return Status(Error::kBadArgument, "query: " + why); };
  while (i < q.size()) {
    char c = q[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Tok::kOpen : Tok::kClose});
      ++i;
      continue;
    }
    Lexeme l;
    l.tok = Tok::kTerm;
    if (c == '=') {
      l.exact = true;
      ++i;
      if (i == q.size() || is_space(q[i])) return fail("'=' must be followed by a word or a \"phrase\"");
      c = q[i];
    }
    if (c == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos) return fail("unclosed quote");
      l.text = std::string(q.substr(i + 1, end - i - 1));
      i = end + 1;
      if (i < q.size() && q[i] == '*') {
        l.prefix = true;
        ++i;
      }
    } else {
      size_t b = i;
      while (i < q.size() && !is_space(q[i]) && q[i] != '(' && q[i] != ')' && q[i] != '"') ++i;
      l.text = std::string(q.substr(b, i - b));
      if (!l.exact && (l.text == "AND" || l.text == "OR" || l.text == "NOT")) {
        out.push_back({l.text == "AND" ? Tok::kAnd : l.text == "OR" ? Tok::kOr : Tok::kNot});
        continue;
      }
      while (!l.text.empty() && l.text.back() == '*') {
        l.prefix = true;
        l.text.pop_back();
      }
    }
    out.push_back(std::move(l));
  }
  out.push_back({Tok::kEnd});
  return out;
}

bool has_words(std::string_view text) {
  for (const Token& t : tokenize(text).tokens) {
    if (t.is_word() || t.kind == TokenKind::kNumber) return true;
  }
  return false;
}

// Recursive descent; each function returns the FTS5 text of its subtree, ""
// when the subtree has no words. Precedence as in FTS5: NOT, then AND, then OR.
class Parser {
 public:
  explicit Parser(std::vector<Lexeme> l) : l_(std::move(l)) {}

  Result<std::string> parse() {
    auto e = parse_or();
    if (!e) return e;
    if (peek() == Tok::kClose) return Status(Error::kBadArgument, "query: unbalanced ')'");
    if (peek() != Tok::kEnd) return Status(Error::kBadArgument, "query: unexpected text after the query");
    return e;
  }

 private:
  Tok peek() const { return l_[pos_].tok; }
  Status fail(const std::string& why) const { return Status(Error::kBadArgument, "query: " + why); }

  Result<std::string> parse_or() {
    auto left = parse_and();
    if (!left) return left;
    std::string out = *left;
    while (peek() == Tok::kOr) {
      ++pos_;
      auto right = parse_and();
      if (!right) return right;
      out = join(out, " OR ", *right);
    }
    return out;
  }

  Result<std::string> parse_and() {
    auto left = parse_not();
    if (!left) return left;
    std::string out = *left;
    while (peek() == Tok::kAnd || peek() == Tok::kTerm || peek() == Tok::kOpen) {
      if (peek() == Tok::kAnd) ++pos_;
      auto right = parse_not();
      if (!right) return right;
      out = join(out, " AND ", *right);
    }
    return out;
  }

  Result<std::string> parse_not() {
    auto left = parse_primary();
    if (!left) return left;
    std::string out = *left;
    while (peek() == Tok::kNot) {
      ++pos_;
      auto right = parse_primary();
      if (!right) return right;
      if (out.empty() && !right->empty()) return fail("NOT needs something on its left: write A NOT B");
      if (!right->empty()) out = "(" + out + " NOT " + *right + ")";
    }
    return out;
  }

  Result<std::string> parse_primary() {
    const Lexeme& l = l_[pos_];
    switch (l.tok) {
      case Tok::kOpen: {
        ++pos_;
        auto e = parse_or();
        if (!e) return e;
        if (peek() != Tok::kClose) return fail("unbalanced '('");
        ++pos_;
        return e;  // join() and NOT already parenthesize what they build
      }
      case Tok::kTerm: {
        ++pos_;
        if (!validate_utf8(l.text)) return fail("not valid UTF-8");
        if (!has_words(l.text)) return std::string();
        std::string t = "\"";
        if (l.exact) t += '=';
        t += l.text;
        t += '"';
        if (l.prefix) t += " *";
        return t;
      }
      case Tok::kEnd:
        return fail("an operator at the end has nothing to apply to");
      case Tok::kClose:
        return fail("unbalanced ')'");
      default:
        return fail("two operators in a row, or an operator at the start");
    }
  }

  static std::string join(const std::string& a, const char* op, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return "(" + a + op + b + ")";
  }

  std::vector<Lexeme> l_;
  size_t pos_ = 0;
};

}  // namespace

Result<std::string> fts_expression(std::string_view query) {
  auto lexemes = lex(query);
  if (!lexemes) return lexemes.status();
  if (lexemes->size() == 1) return std::string();  // empty query: filters only
  Parser p(std::move(*lexemes));
  auto e = p.parse();
  if (!e) return e;
  if (e->empty()) return Status(Error::kBadArgument, "query: no words to search for");
  // Outer parentheses are noise for FTS5 and for people reading --explain.
  std::string& s = *e;
  if (s.size() > 2 && s.front() == '(' && s.back() == ')') {
    int depth = 0;
    bool wraps = true;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      if (s[i] == '"') {
        i = s.find('"', i + 1);
        continue;
      }
      if (s[i] == '(') ++depth;
      if (s[i] == ')' && --depth == 0) {
        wraps = false;
        break;
      }
    }
    if (wraps) s = s.substr(1, s.size() - 2);
  }
  return e;
}

}  // namespace marsad
