// CoNLL reading: `token [TAG...]` lines → sentences with ANERcorp IOB2 tags.
#include <algorithm>
#include <map>

#include "marsad/io.h"
#include "marsad/ner.h"
#include "marsad/utf8.h"

namespace marsad {
namespace {

// Our type index (0 PERS, 1 LOC, 2 ORG, 3 MISC) for a corpus's entity type;
// -1 = not an entity for us. ANERcorp, AQMAR (PER, MIS) and Wojood's 21 types.
int map_type(std::string_view t) {
  static const std::map<std::string_view, int> kTypes = {
      {"PERS", 0},    {"PER", 0},     {"LOC", 1},      {"GPE", 1},      {"FAC", 1},
      {"ORG", 2},     {"MISC", 3},    {"MIS", 3},      {"EVENT", 3},    {"LAW", 3},
      {"PRODUCT", 3}, {"LANGUAGE", 3}, {"WEBSITE", 3}, {"CURR", 3},
  };
  auto it = kTypes.find(t);
  return it == kTypes.end() ? -1 : it->second;
}

struct RawTag {
  bool begin;
  std::string type;
};

struct RawToken {
  std::string text;
  std::vector<RawTag> tags;
  uint64_t line;
};

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> f;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > b) f.push_back(line.substr(b, i - b));
  }
  return f;
}

bool parse_tag(std::string_view f, RawTag& out) {
  if (f.size() < 3 || (f[0] != 'B' && f[0] != 'I') || (f[1] != '-' && f[1] != '_')) return false;
  out.begin = f[0] == 'B';
  out.type = std::string(f.substr(2));
  return true;
}

// Nested or flat raw tags → one flat IOB2 sequence: spans per raw type, mapped
// to our four types, and the longest span wins where mapped spans overlap.
std::vector<NerTag> flatten(const std::vector<RawToken>& toks) {
  struct SpanT {
    size_t a, b;
    int type;
  };
  std::vector<SpanT> spans;
  std::map<std::string, size_t> open;  // raw type → start of the open span
  auto close = [&](const std::string& type, size_t end) {
    auto it = open.find(type);
    if (it == open.end()) return;
    int t = map_type(type);
    if (t >= 0) spans.push_back({it->second, end, t});
    open.erase(it);
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    std::vector<std::string> closing;
    for (const auto& entry : open) {
      const std::string& type = entry.first;  // not a structured binding: clang 14 cannot capture one
      bool continues = std::any_of(toks[i].tags.begin(), toks[i].tags.end(),
                                   [&](const RawTag& r) { return !r.begin && r.type == type; });
      if (!continues) closing.push_back(type);
    }
    for (const std::string& type : closing) close(type, i - 1);
    for (const RawTag& r : toks[i].tags) {
      if (r.begin) close(r.type, i - 1);
      if (!open.count(r.type)) open[r.type] = i;
    }
  }
  std::vector<std::string> rest;
  for (const auto& [type, start] : open) rest.push_back(type);
  for (const std::string& type : rest) close(type, toks.size() - 1);

  std::sort(spans.begin(), spans.end(), [](const SpanT& x, const SpanT& y) {
    return x.b - x.a != y.b - y.a ? x.b - x.a > y.b - y.a : x.a < y.a;
  });
  std::vector<NerTag> tags(toks.size(), NerTag::kO);
  std::vector<bool> taken(toks.size(), false);
  for (const SpanT& s : spans) {
    bool free = true;
    for (size_t i = s.a; i <= s.b; ++i) free = free && !taken[i];
    if (!free) continue;
    for (size_t i = s.a; i <= s.b; ++i) {
      taken[i] = true;
      tags[i] = static_cast<NerTag>(1 + 2 * s.type + (i > s.a));
    }
  }
  return tags;
}

}  // namespace

Result<ConllDocument> parse_conll(std::string_view text, std::string_view name) {
  if (Status s = validate_utf8(text); !s) return s.in_file(std::string(name));
  std::vector<std::string_view> lines;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(b, e - b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    b = e + 1;
  }
  bool blank_breaks = std::any_of(lines.begin(), lines.end(), [](std::string_view l) {
    return fields(l).empty();
  });

  ConllDocument doc;
  doc.line_count = lines.size();
  std::vector<RawToken> cur;
  auto flush = [&] {
    if (cur.empty()) return;
    NerSentence s;
    std::vector<uint64_t> at;
    for (const RawToken& t : cur) {
      s.tokens.push_back(t.text);
      at.push_back(t.line);
    }
    s.tags = flatten(cur);
    doc.sentences.push_back(std::move(s));
    doc.line_of.push_back(std::move(at));
    cur.clear();
  };
  for (uint64_t n = 0; n < lines.size(); ++n) {
    std::vector<std::string_view> f = fields(lines[n]);
    if (f.empty()) {
      flush();
      continue;
    }
    RawToken t;
    t.line = n;
    size_t first_tag = 1;
    RawTag probe;
    // " O": a line whose token is empty (ANERcorp has a few).
    if (lines[n][0] == ' ' || lines[n][0] == '\t') {
      if (f.size() == 1 && (f[0] == "O" || parse_tag(f[0], probe))) first_tag = 0;
    }
    if (first_tag == 1) t.text = std::string(f[0]);
    for (size_t i = first_tag; i < f.size(); ++i) {
      RawTag r;
      if (parse_tag(f[i], r)) t.tags.push_back(std::move(r));  // "O" and malformed fields: no entity
    }
    bool stop = !blank_breaks && t.text == ".";
    cur.push_back(std::move(t));
    if (stop) flush();
  }
  flush();
  return doc;
}

Result<ConllDocument> read_conll(std::string_view path) {
  Result<std::string> text = read_file(path);
  if (!text) return text.status();
  return parse_conll(*text, path);
}

}  // namespace marsad
