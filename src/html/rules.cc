// Parsing data/html/*.tsv once, at first use.
#include "html/rules.h"

#include "base/ascii.h"
#include "marsad/normalize.h"

namespace marsad::internal {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t b = 0;
  while (true) {
    size_t e = line.find('\t', b);
    f.push_back(line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return f;
}

template <typename F>
void each_row(std::string_view tsv, F&& row) {
  size_t b = 0;
  while (b < tsv.size()) {
    size_t e = tsv.find('\n', b);
    if (e == std::string_view::npos) e = tsv.size();
    std::string_view line = tsv.substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    b = e + 1;
    if (line.empty() || line[0] == '#') continue;
    row(split_tabs(line));
  }
}

void add_pattern(PatternSet& set, std::string_view p) {
  std::string l = ascii_lower(p);
  if (l.size() > 2 && l.front() == '*' && l.back() == '*') {
    set.substrings.push_back(l.substr(1, l.size() - 2));
  } else if (l.size() > 1 && l.back() == '*') {
    set.prefixes.push_back(l.substr(0, l.size() - 1));
  } else if (l.find_first_of(" -_:/") != std::string::npos) {
    // The value is split into words at these separators, so a word pattern
    // holding one ("post-meta") is looked for as a run of whole words.
    set.runs.push_back(l);
  } else if (!l.empty()) {
    set.words.insert(l);
  }
}

PageRules build() {
  PageRules r;
  each_row(kHtmlRulesTsv, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return;
    std::string_view kind = f[0];
    std::string domain = f.size() > 2 ? ascii_lower(f[2]) : "";
    if (!domain.empty()) {
      SiteRules& s = r.sites[domain];
      if (kind == "drop" || kind == "always") add_pattern(s.drop, f[1]);
      if (kind == "body") add_pattern(s.body, f[1]);
      return;
    }
    PatternSet* set = kind == "always" ? &r.always : kind == "drop" ? &r.drop : kind == "weak" ? &r.weak : kind == "good" ? &r.good
                      : kind == "body" ? &r.body : nullptr;
    if (set != nullptr) add_pattern(*set, f[1]);
  });
  each_row(kHtmlPhrasesTsv, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return;
    std::string key = match_key(f[1]);
    if (f[0] == "line") r.line_phrases.push_back(key);
    if (f[0] == "stop") r.stop_phrases.push_back(key);
    if (f[0] == "cookie") r.cookie_phrases.push_back(key);
    if (f[0] == "credit") r.credit_phrases.push_back(key);
  });
  each_row(kHtmlOutletsTsv, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return;
    if (const Outlet* known = find_outlet(f[1])) {
      r.outlets.emplace(ascii_lower(f[0]), *known);
    } else if (f.size() >= 5) {
      r.outlets.emplace(ascii_lower(f[0]), Outlet{std::string(f[1]), std::string(f[2]), std::string(f[3]),
                                            std::string(f[4]), false});
    }
  });
  return r;
}

bool is_word_sep(char c) { return c == ' ' || c == '-' || c == '_' || c == ':' || c == '\t' || c == '\n' || c == '/'; }

}  // namespace

bool PatternSet::matches_run(std::string_view value) const {
  for (const std::string& r : runs) {
    for (size_t at = value.find(r); at != std::string_view::npos; at = value.find(r, at + 1)) {
      const size_t end = at + r.size();
      if ((at == 0 || is_word_sep(value[at - 1])) && (end == value.size() || is_word_sep(value[end])) &&
          !(at >= 4 && value.substr(at - 4, 4) == "non-")) {
        return true;
      }
    }
  }
  return false;
}

bool PatternSet::matches(std::string_view value) const {
  for (const std::string& s : substrings) {
    if (value.find(s) != std::string_view::npos) return true;
  }
  if (matches_run(value)) return true;
  size_t b = 0;
  bool negated = false;  // the word before said "non", "no", "not" or "without": non-paywall, no-sidebar
  while (b < value.size()) {
    while (b < value.size() && is_word_sep(value[b])) ++b;
    size_t e = b;
    while (e < value.size() && !is_word_sep(value[e])) ++e;
    if (e > b) {
      std::string_view w = value.substr(b, e - b);
      if (!negated) {
        if (words.count(std::string(w))) return true;
        for (const std::string& p : prefixes) {
          if (w.size() >= p.size() && w.substr(0, p.size()) == p) return true;
        }
      }
      negated = w == "non" || w == "no" || w == "not" || w == "without";
    }
    b = e;
  }
  return false;
}

const PageRules& page_rules() {
  static const PageRules r = build();
  return r;
}

const SiteRules* PageRules::site(std::string_view host) const {
  if (sites.empty()) return nullptr;
  while (!host.empty()) {
    if (auto it = sites.find(std::string(host)); it != sites.end()) return &it->second;
    size_t dot = host.find('.');
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return nullptr;
}

std::string host_of(std::string_view url) {
  size_t s = url.find("://");
  if (s == std::string_view::npos) {
    if (url.substr(0, 2) != "//") return "";
    s = 0;
  }
  url.remove_prefix(s + (url.substr(s, 3) == "://" ? 3 : 2));
  size_t e = url.find_first_of("/?#");
  std::string_view h = url.substr(0, e);
  if (size_t at = h.rfind('@'); at != std::string_view::npos) h.remove_prefix(at + 1);
  if (size_t colon = h.find(':'); colon != std::string_view::npos) h = h.substr(0, colon);
  std::string out = ascii_lower(h);
  if (out.substr(0, 4) == "www.") out.erase(0, 4);
  return out;
}

const Outlet* outlet_of_host(std::string_view host) {
  const PageRules& r = page_rules();
  std::string_view h = host;
  while (h.find('.') != std::string_view::npos) {
    if (auto it = r.outlets.find(std::string(h)); it != r.outlets.end()) return &it->second;
    if (const Outlet* o = find_outlet(h)) return o;
    h.remove_prefix(h.find('.') + 1);
  }
  return nullptr;
}

}  // namespace marsad::internal
