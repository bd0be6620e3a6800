// Page metadata. The publication date is taken only from places meant for
// it, in this order of trust: article:published_time, JSON-LD datePublished,
// itemprop=datePublished, date <meta> names, then <time datetime>; when none
// gives one, html.cc asks prose_date.cc for an Arabic date near the headline.
// Script code is never read (a cookie script's "expires" date is not a
// publication date), nor are http-equiv headers (Expires, Last-Modified).
#include "html/metadata.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "marsad/normalize.h"
#include "marsad/timestamp.h"

namespace marsad::internal {
namespace {

// Date <meta> names (name, property or itemprop), most specific first.
constexpr std::string_view kDateNames[] = {
    "article:published_time", "og:published_time", "article:published", "datepublished", "publishdate",
    "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "date", "article.published",
    "original-publication-date", "publication_date", "release_date", "datecreated", "created"};
constexpr std::string_view kModifiedNames[] = {"article:modified_time", "og:updated_time", "datemodified",
                                               "dcterms.modified", "last-modified-date"};
constexpr std::string_view kAuthorNames[] = {"author", "article:author", "dc.creator", "byl", "parsely-author",
                                             "sailthru.author", "citation_author", "twitter:creator"};

int rank_of(std::string_view name) {
  for (size_t i = 0; i < std::size(kDateNames); ++i) {
    if (kDateNames[i] == name) return static_cast<int>(i);
  }
  return -1;
}

bool looks_like_url(std::string_view s) {
  return s.substr(0, 4) == "http" || s.substr(0, 1) == "/" || s.find("www.") != std::string_view::npos;
}

// "By Jane Doe", "بقلم: فلان", "كتب - فلان" -> the name.
std::string clean_author(std::string_view s) {
  std::string a = collapse_space(s);
  for (std::string_view p : {"by ", "By ", "BY ", "von ", "Von ", "بقلم:", "بقلم", "كتب:", "كتب -", "كتب", "كتبت:",
                             "كتبت", "إعداد:", "اعداد:", "تحرير:"}) {
    if (a.size() > p.size() && a.compare(0, p.size(), p) == 0) {
      a = collapse_space(std::string_view(a).substr(p.size()));
      break;
    }
  }
  while (!a.empty() && (a.front() == ':' || a.front() == '-' || a.front() == ' ')) a.erase(0, 1);
  if (a.size() > 120 || looks_like_url(a)) return "";
  return a;
}

void add_author(PageMeta& m, std::string_view s) {
  std::string a = clean_author(s);
  if (a.empty()) return;
  if (std::find(m.authors.begin(), m.authors.end(), a) == m.authors.end()) m.authors.push_back(a);
}

struct DateFound {
  std::string value, from;
  int rank = 1000;  // lower is better
};

void offer(DateFound& d, std::string value, std::string from, int rank) {
  if (!value.empty() && rank < d.rank) d = {std::move(value), std::move(from), rank};
}

// JSON-LD: the first Article-like object's fields (WebPage only when nothing better).
class LdReader {
 public:
  LdReader(PageMeta& m, DateFound& pub, DateFound& mod, int now_year) : m_(m), pub_(pub), mod_(mod), now_(now_year) {}

  void read(std::string_view json) {
    simdjson::padded_string p(json);
    simdjson::dom::element root;
    if (parser_.parse(p).get(root)) return;
    visit(root, 0);
  }

 private:
  static bool type_is(simdjson::dom::element t, bool& article) {
    auto check = [&](std::string_view s) {
      if (s.size() >= 7 && s.substr(s.size() - 7) == "Article") article = true;
      if (s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting" || s == "SocialMediaPosting") article = true;
      return article || s == "WebPage" || s == "ItemPage";
    };
    std::string_view s;
    if (!t.get(s)) return check(s);
    simdjson::dom::array a;
    bool any = false;
    if (!t.get(a)) {
      for (auto e : a) {
        if (!e.get(s)) any = check(s) || any;
      }
    }
    return any;
  }

  static std::string name_of(simdjson::dom::element e) {
    std::string_view s;
    if (!e.get(s)) return std::string(s);
    simdjson::dom::object o;
    if (!e.get(o)) {
      if (!o["name"].get(s)) return std::string(s);
    }
    return "";
  }

  void visit(simdjson::dom::element e, int depth) {
    if (depth > 8) return;
    simdjson::dom::array arr;
    if (!e.get(arr)) {
      for (auto x : arr) visit(x, depth + 1);
      return;
    }
    simdjson::dom::object o;
    if (e.get(o)) return;
    simdjson::dom::element g;
    if (!o["@graph"].get(g)) visit(g, depth + 1);
    simdjson::dom::element t;
    bool article = false;
    if (o["@type"].get(t) || !type_is(t, article)) return;
    const int rank = article ? 1 : 8;  // WebPage dates rank below <meta> date names
    std::string_view s;
    if (!o["headline"].get(s) && (article || m_.ld_headline.empty())) {
      if (m_.ld_headline.empty() || (article && !had_article_)) m_.ld_headline = collapse_space(s);
    }
    if (!o["datePublished"].get(s)) offer(pub_, normalize_date(s, now_), "json-ld", rank);
    if (!o["dateModified"].get(s)) offer(mod_, normalize_date(s, now_), "json-ld", rank);
    if (article && !had_article_) {
      simdjson::dom::element a;
      if (!o["author"].get(a)) {
        simdjson::dom::array list;
        if (!a.get(list)) {
          for (auto x : list) add_author(m_, name_of(x));
        } else {
          add_author(m_, name_of(a));
        }
      }
      simdjson::dom::element pub;
      if (m_.site_name.empty() && !o["publisher"].get(pub)) m_.site_name = collapse_space(name_of(pub));
      had_article_ = true;
    }
  }

  PageMeta& m_;
  DateFound& pub_;
  DateFound& mod_;
  int now_;
  bool had_article_ = false;
  simdjson::dom::parser parser_;
};

}  // namespace

std::string normalize_date(std::string_view s, int now_year) {
  std::string v = collapse_space(s);
  if (v.size() == 8 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    v = v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2);
  }
  if (v.size() >= 10 && v[4] == '/' && v[7] == '/') v[4] = v[7] = '-';
  if (v.size() > 10 && v[4] == '-' && v[10] == ' ' && v.find(':') == 13) v[10] = 'T';
  // "+0200" -> "+02:00"
  if (v.size() >= 5) {
    size_t z = v.size() - 5;
    if ((v[z] == '+' || v[z] == '-') && z > 10 && std::all_of(v.begin() + static_cast<long>(z) + 1, v.end(), ::isdigit)) {
      v.insert(z + 3, ":");
    }
  }
  auto t = parse_timestamp(v);
  if (!t) {
    if (v.size() > 10 && v[4] == '-' && v[7] == '-') t = parse_timestamp(v.substr(0, 10));
    if (!t) return "";
  }
  if (t->year < 1990 || t->year > now_year + 1) return "";
  return t->iso();
}

std::string strip_site_name(std::string_view title, std::string_view site_name, std::string_view host) {
  static constexpr std::string_view kSeps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " || ", " // "};
  std::string t = collapse_space(title);
  const std::string site_key = match_key(site_name);
  std::string brand(host.substr(0, host.find('.')));
  auto names_site = [&](std::string_view part) {
    std::string k = match_key(part);
    if (k.empty()) return false;
    if (!site_key.empty() && (k.find(site_key) != std::string::npos || site_key.find(k) != std::string::npos)) return true;
    std::string flat;
    for (char c : k) {
      if (c != ' ' && c != '-' && c != '.') flat += c;
    }
    return brand.size() >= 3 && flat.find(brand) != std::string::npos;
  };
  for (int round = 0; round < 3; ++round) {
    size_t best = std::string::npos, sep_len = 0;
    for (std::string_view sep : kSeps) {
      size_t at = t.rfind(sep);
      if (at != std::string::npos && (best == std::string::npos || at > best)) best = at, sep_len = sep.size();
    }
    if (best == std::string::npos) break;
    std::string_view head = std::string_view(t).substr(0, best), tail = std::string_view(t).substr(best + sep_len);
    if (names_site(tail) || (site_key.empty() && std::count(tail.begin(), tail.end(), ' ') < 3 &&
                              head.size() > 2 * tail.size() && round == 0)) {
      t = std::string(head);
      continue;
    }
    // "Site | Title"
    size_t first = std::string::npos;
    for (std::string_view sep : kSeps) {
      size_t at = t.find(sep);
      if (at != std::string::npos && (first == std::string::npos || at < first)) first = at, sep_len = sep.size();
    }
    if (first != std::string::npos && names_site(std::string_view(t).substr(0, first))) {
      t = t.substr(first + sep_len);
      continue;
    }
    break;
  }
  return t;
}

PageMeta read_meta(const Dom& dom, int now_year) {
  PageMeta m;
  DateFound pub, mod, time_tag;
  LdReader ld(m, pub, mod, now_year);
  if (const GumboNode* html = dom.root()) m.language = ascii_lower(attr(html, "lang"));
  std::string og_locale, content_language;
  std::vector<const GumboNode*> stack{dom.root()};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr || n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_META) {
      std::string key = ascii_lower(attr(n, "property"));
      if (key.empty()) key = ascii_lower(attr(n, "name"));
      if (key.empty()) key = ascii_lower(attr(n, "itemprop"));
      std::string_view content = attr(n, "content");
      if (key.empty()) {
        if (ascii_lower(attr(n, "http-equiv")) == "content-language") content_language = ascii_lower(content);
        continue;  // other http-equiv (expires, refresh, last-modified) say nothing about the article
      }
      if (key == "og:title") m.og_title = collapse_space(content);
      else if (key == "twitter:title") m.twitter_title = collapse_space(content);
      else if (key == "og:site_name" || (key == "application-name" && m.site_name.empty())) m.site_name = collapse_space(content);
      else if (key == "og:url") m.og_url = collapse_space(content);
      else if (key == "og:locale") og_locale = ascii_lower(content);
      else if (key == "description" || (key == "og:description" && m.description.empty())) m.description = collapse_space(content);
      if (int r = rank_of(key); r >= 0) offer(pub, normalize_date(content, now_year), key == "article:published_time" ? key : (key == "datepublished" ? "itemprop" : "meta:" + key), r == 0 ? 0 : r + 2);
      for (std::string_view k : kModifiedNames) {
        if (key == k) offer(mod, normalize_date(content, now_year), key, 5);
      }
      for (std::string_view k : kAuthorNames) {
        if (key == k && !looks_like_url(content)) add_author(m, content);
      }
      continue;
    }
    if (t == GUMBO_TAG_LINK) {
      std::string rel = ascii_lower(attr(n, "rel"));
      if (rel == "canonical" && m.canonical.empty()) m.canonical = collapse_space(attr(n, "href"));
      continue;
    }
    if (t == GUMBO_TAG_TITLE) {
      if (m.title_tag.empty()) m.title_tag = text_of(n);
      continue;
    }
    if (t == GUMBO_TAG_SCRIPT) {
      if (ascii_lower(attr(n, "type")) == "application/ld+json" && n->v.element.children.length > 0) {
        const auto* c = static_cast<const GumboNode*>(n->v.element.children.data[0]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
          ld.read(c->v.text.text);
        }
      }
      continue;  // never read script code for anything else
    }
    if (t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE) continue;
    if (t == GUMBO_TAG_H1 && m.h1.size() < 8) {
      std::string h = text_of(n);
      if (!h.empty()) m.h1.push_back(std::move(h));
    }
    std::string_view itemprop = attr(n, "itemprop");
    if (t == GUMBO_TAG_TIME || itemprop == "datePublished") {
      std::string_view dt = attr(n, "datetime");
      if (dt.empty()) dt = attr(n, "content");
      if (itemprop == "datePublished") offer(pub, normalize_date(dt, now_year), "itemprop", 2);
      else if (itemprop == "dateModified") offer(mod, normalize_date(dt, now_year), "itemprop", 2);
      else if (has_attr(n, "pubdate")) offer(time_tag, normalize_date(dt, now_year), "time", 0);
      else offer(time_tag, normalize_date(dt, now_year), "time", 1);
    }
    if (itemprop == "author" || ascii_lower(attr(n, "rel")) == "author") {
      std::string a;
      // <span itemprop="author"><span itemprop="name">…</span></span>
      a = text_of(n);
      if (a.size() < 100) add_author(m, a);
    }
    const GumboVector& kids = n->v.element.children;
    for (size_t i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  if (pub.value.empty() && !time_tag.value.empty()) pub = time_tag;
  m.published = pub.value;
  m.published_from = pub.from;
  m.modified = mod.value;
  if (m.language.empty()) m.language = content_language;
  if (m.language.empty()) m.language = og_locale;
  if (size_t cut = m.language.find_first_of("-_,; "); cut != std::string::npos) m.language.resize(cut);
  if (m.language.size() > 3) m.language.clear();
  return m;
}

}  // namespace marsad::internal
