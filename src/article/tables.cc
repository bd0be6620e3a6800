#include "article/tables.h"

#include "marsad/normalize.h"
#include "marsad/tokenize.h"

namespace marsad::internal {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) return out;
    b = e + 1;
  }
}

// Calls row(fields) for each data line of a TSV.
template <typename F>
void each_row(std::string_view tsv, size_t columns, F&& row) {
  for (std::string_view line : split(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    if (f.size() < columns) continue;  // tests/unit/article_test checks every row is well-formed
    for (auto& x : f) {
      if (x == "-") x = {};
    }
    row(f);
  }
}

size_t words_in(std::string_view key) {
  size_t n = key.empty() ? 0 : 1;
  for (char c : key) n += c == ' ';
  return n;
}

ArticleTables build() {
  ArticleTables t;
  auto add = [&](auto& map, std::string_view name, const auto& value) {
    std::string k = lookup_key(name);
    if (k.empty()) return;
    t.max_words = std::max(t.max_words, words_in(k));
    map.emplace(std::move(k), value);  // the first row to claim a key keeps it
  };
  auto add_outlet = [&](const std::vector<std::string_view>& f, bool agency) {
    Outlet o{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), agency};
    add(t.outlets, f[1], o);
    add(t.outlets, f[2], o);
    add(t.outlets, f[0], o);
    for (size_t col = 4; col < f.size(); ++col) {
      for (std::string_view alias : split(f[col], '|')) add(t.outlets, alias, o);
    }
  };
  // Agencies first: "واس" is the agency even where an outlet lists it.
  each_row(kAgenciesTsv, 6, [&](const auto& f) { add_outlet(f, true); });
  each_row(kOutletsTsv, 6, [&](const auto& f) { add_outlet(f, false); });
  each_row(kPlacesTsv, 5, [&](const auto& f) {
    Place p{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3])};
    add(t.places, f[0], p);
    for (std::string_view v : split(f[4], '|')) add(t.places, v, p);
  });
  each_row(kBylineKindsTsv, 3, [&](const auto& f) {
    add(t.kinds, f[0], std::string(f[0]));
    for (std::string_view v : split(f[2], '|')) add(t.kinds, v, std::string(f[0]));
  });
  return t;
}

}  // namespace

std::string lookup_key(std::string_view text) {
  Tokenized t = tokenize(text);
  std::string out;
  for (const Token& tok : t.tokens) {
    if (!tok.is_word() && tok.kind != TokenKind::kNumber) continue;
    if (!out.empty()) out += ' ';
    out += t.key_of(tok);
  }
  return out;
}

const ArticleTables& article_tables() {
  static const ArticleTables t = build();
  return t;
}

}  // namespace marsad::internal
