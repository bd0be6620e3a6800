// parse_article: lines -> byline, title, dateline, paragraphs, repeats.
//
// Every non-empty line is a paragraph candidate. The layout rules, in order:
//   1. a short first line that reads as a byline (ناظورسيتي: متابعة) is the byline;
//   2. the title is the given one (JSON), else a short unpunctuated first line,
//      else a short unpunctuated last line set off by a blank line (the seed's shape);
//   3. a place/agency prefix of the first paragraph (الرباط - , لندن: ) is the dateline;
//   4. repeated paragraphs are removed (dedup.cc).
#include <algorithm>

#include "article/byline.h"
#include "article/dedup.h"
#include "article/tables.h"
#include "marsad/article.h"
#include "marsad/normalize.h"
#include "marsad/tokenize.h"
#include "marsad/utf8.h"

namespace marsad {
namespace {

struct Line {
  Span span;              // trimmed
  bool after_blank = false;
};

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x200E ||
         c == 0x200F || c == 0xFEFF || c == 0x2028 || c == 0x2029 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x3000 || c == 0x202F;
}

// Trims white space (and bidi marks) from both ends of text[b, e).
Span trim(std::string_view text, uint32_t b, uint32_t e) {
  while (b < e) {
    size_t i = b;
    if (!is_space_cp(next_code_point(text, i))) break;
    b = static_cast<uint32_t>(i);
  }
  while (e > b) {
    size_t s = e - 1;
    while (s > b && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
    size_t i = s;
    if (!is_space_cp(next_code_point(text, i))) break;
    e = static_cast<uint32_t>(s);
  }
  return {b, e};
}

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> out;
  bool blank_before = false;
  uint32_t b = 0;
  const auto n = static_cast<uint32_t>(text.size());
  while (b <= n) {
    size_t nl = text.find('\n', b);
    uint32_t e = nl == std::string_view::npos ? n : static_cast<uint32_t>(nl);
    Span s = trim(text, b, e);
    if (s.start < s.end) {
      out.push_back({s, blank_before});
      blank_before = false;
    } else {
      blank_before = true;
    }
    if (nl == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string_view slice(std::string_view text, Span s) { return text.substr(s.start, s.end - s.start); }

size_t word_count(std::string_view s) {
  Tokenized t = tokenize(s);
  size_t n = 0;
  for (const Token& tok : t.tokens) n += tok.is_word() || tok.kind == TokenKind::kNumber;
  return n;
}

// Ends like a sentence, so it is prose rather than a title or byline.
bool ends_like_sentence(std::string_view s) {
  for (std::string_view end : {".", "!", "?", "؟", "…", ":", "؛", ".»", ".\"", "،", ","}) {
    if (s.size() >= end.size() && s.substr(s.size() - end.size()) == end) return true;
  }
  return false;
}

bool has_separator(std::string_view s) {
  return s.find(':') != std::string_view::npos || s.find(" - ") != std::string_view::npos ||
         s.find(" – ") != std::string_view::npos || s.find('(') != std::string_view::npos ||
         s.find(" ـ ") != std::string_view::npos;
}

bool is_title_like(std::string_view s, const ArticleOptions& opt) {
  size_t w = word_count(s);
  return w >= 2 && w <= static_cast<size_t>(opt.max_title_words) && !ends_like_sentence(s);
}

// The dateline prefix of a paragraph ("الرباط (و م ع) - "), if any: its end, or 0.
uint32_t find_dateline(std::string_view text, Span p, Dateline& d) {
  std::string_view para = slice(text, p);
  size_t limit = std::min<size_t>(para.size(), 120);
  for (std::string_view sep : {" - ", " – ", " — ", ": ", " ـ ", "- ", " -"}) {
    size_t at = para.substr(0, limit).find(sep);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view prefix = para.substr(0, at);
    if (word_count(prefix) > 6) continue;
    Dateline found;
    Source ignored;
    internal::BylineShape shape;
    if (!internal::read_byline(prefix, ignored, found, &shape)) continue;
    if (found.place.empty() && found.agencies.empty()) continue;
    if (shape.unknown_words > 3 || !ignored.kind.empty()) continue;
    d = std::move(found);
    size_t end = at + sep.size();
    while (end < para.size() && para[end] == ' ') ++end;
    d.span = {p.start, static_cast<uint32_t>(p.start + end)};
    d.has_span = true;
    return static_cast<uint32_t>(p.start + end);
  }
  return 0;
}

std::string domain_of(std::string_view url) {
  size_t b = url.find("://");
  b = b == std::string_view::npos ? 0 : b + 3;
  size_t e = url.find_first_of("/?#:", b);
  std::string_view host = url.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
  for (std::string_view pre : {"www.", "m.", "ar.", "arabic."}) {
    if (host.substr(0, pre.size()) == pre) host.remove_prefix(pre.size());
  }
  return std::string(host);
}

}  // namespace

namespace {
Result<Article> parse_article_with(const Document& doc, const Tokenized* whole, const ArticleOptions& opt);
}  // namespace

Result<Article> parse_article(const Document& doc, const ArticleOptions& opt) {
  return parse_article_with(doc, nullptr, opt);
}

Result<Article> parse_article(const Document& doc, const Tokenized& t, const ArticleOptions& opt) {
  return parse_article_with(doc, &t, opt);
}

namespace {

Result<Article> parse_article_with(const Document& doc, const Tokenized* whole, const ArticleOptions& opt) {
  const std::string_view text = doc.text;
  std::vector<Line> lines = lines_of(text);
  // A headline without a body (a JSON title, no text) is still an article.
  if (lines.empty() && doc.title.empty()) {
    return Status(Error::kEmpty, text.empty() ? "empty document (0 bytes)" : "no text: only white space",
                  {doc.file, doc.line});
  }
  Article a;
  size_t first = 0, last = lines.size();  // body lines [first, last)

  // 1. Byline line.
  if (lines.size() > 1) {
    std::string_view l0 = slice(text, lines[0].span);
    Source s;
    Dateline d;
    internal::BylineShape shape;
    if (word_count(l0) <= static_cast<size_t>(opt.max_byline_words) && has_separator(l0) &&
        !ends_like_sentence(l0) && internal::read_byline(l0, s, d, &shape) && shape.unknown_words <= 4 &&
        (!s.outlet.id.empty() || !s.kind.empty() || d.present())) {
      a.source = std::move(s);
      a.source.how = "byline";
      a.source.span = lines[0].span;
      a.source.has_span = true;
      if (a.source.name.empty() && !a.source.outlet.id.empty()) a.source.name = a.source.outlet.name;
      if (d.present()) a.dateline = std::move(d);
      first = 1;
    }
  }

  // 2. Title.
  auto take_title = [&](size_t i, const char* where) {
    a.title_span = lines[i].span;
    a.title = std::string(slice(text, lines[i].span));
    a.title_in_text = true;
    a.title_position = where;
  };
  if (!doc.title.empty()) {
    a.title = doc.title;
    a.title_position = "field";
    std::string k = match_key(doc.title);
    if (last > first && match_key(slice(text, lines[first].span)) == k) {
      take_title(first++, "first");
    } else if (last > first + 1 && match_key(slice(text, lines[last - 1].span)) == k) {
      take_title(--last, "last");
    }
  } else if (last - first >= 2) {
    std::string_view f = slice(text, lines[first].span);
    std::string_view l = slice(text, lines[last - 1].span);
    bool first_ok = is_title_like(f, opt) &&
                    (lines[first + 1].after_blank || word_count(slice(text, lines[first + 1].span)) > word_count(f));
    bool last_ok = lines[last - 1].after_blank && is_title_like(l, opt);
    if (first_ok) {
      take_title(first++, "first");
    } else if (last_ok) {
      take_title(--last, "last");
    }
  }

  // 3. Dateline at the start of the body.
  std::vector<Span> paragraphs;
  for (size_t i = first; i < last; ++i) paragraphs.push_back(lines[i].span);
  if (!paragraphs.empty()) {
    Dateline d;
    if (uint32_t body = find_dateline(text, paragraphs[0], d)) {
      // A byline's reporter or agency stays; the text's dateline adds the place.
      for (auto& ag : a.dateline.agencies) d.agencies.push_back(ag);
      if (d.person.empty()) d.person = a.dateline.person;
      a.dateline = std::move(d);
      paragraphs[0].start = body;
      if (paragraphs[0].start >= paragraphs[0].end) paragraphs.erase(paragraphs.begin());
    }
  }

  // Source and dateline from fields beside the text, where the text had none.
  if (!doc.author.empty()) {
    Source s;
    Dateline d;
    if (parse_byline(doc.author, s, d)) {
      if (a.source.outlet.id.empty() && !s.outlet.id.empty()) {
        a.source.outlet = s.outlet;
        a.source.name = s.name;
        a.source.how = "field";
      }
      if (a.source.kind.empty()) a.source.kind = s.kind;
      if (!a.dateline.present()) a.dateline = std::move(d);
    }
  }
  if (a.source.outlet.id.empty() && !doc.source.empty()) {
    if (const Outlet* o = find_outlet(doc.source)) {
      a.source.outlet = *o;
      a.source.how = "field";
    }
    if (a.source.name.empty()) a.source.name = a.source.outlet.id.empty() ? doc.source : a.source.outlet.name;
  }
  if (a.source.outlet.id.empty() && !doc.url.empty()) {
    if (const Outlet* o = find_outlet(domain_of(doc.url))) {
      a.source.outlet = *o;
      a.source.how = "url";
      if (a.source.name.empty()) a.source.name = o->name;
    }
  }

  // 4. Repeats.
  internal::dedup_paragraphs(text, paragraphs, opt.near_duplicate, a.paragraphs, a.removed, whole);
  return a;
}

}  // namespace

std::string dump_article(std::string_view text, const Article& a) {
  std::string out;
  out += "source " + a.source.name + "/" + a.source.outlet.name_latin + "/" + a.source.kind + "\n";
  if (a.dateline.present()) {
    out += "dateline " + a.dateline.place + "/" + a.dateline.country;
    for (const auto& ag : a.dateline.agencies) out += "/" + ag.name_latin;
    if (!a.dateline.person.empty()) out += "/" + a.dateline.person;
    out += "\n";
  }
  out += "title(" + a.title_position + ") " + a.title + "\n";
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    out += "p" + std::to_string(i) + " [" + std::to_string(a.paragraphs[i].start) + "," +
           std::to_string(a.paragraphs[i].end) + ") " + std::string(slice(text, a.paragraphs[i]).substr(0, 40)) + "\n";
  }
  for (const Removed& r : a.removed) {
    out += "removed " + r.reason + " of p" + std::to_string(r.duplicate_of) + " [" + std::to_string(r.span.start) +
           "," + std::to_string(r.span.end) + ")\n";
  }
  return out;
}

}  // namespace marsad
