// Bylines and datelines: "ناظورسيتي: متابعة", "واس - الرياض", "لندن: رنيم حنوش",
// "«الاقتصادية» من الرياض", "عكاظ (جدة)", "الرباط (و م ع) -".
//
// The text is cut into parts at separators (: - – — | / ، , parentheses,
// quotes, a free-standing ـ), and each part is scanned for the longest known
// outlet, agency, place or byline-kind phrase. Words left over form a person's
// name. Names that are both a city and a newspaper (الرياض, المدينة) are
// settled at the end from the other parts.
#include <algorithm>

#include "article/byline.h"
#include "article/tables.h"
#include "marsad/article.h"
#include "marsad/tokenize.h"
#include "marsad/utf8.h"

namespace marsad {
namespace {

using internal::ArticleTables;
using internal::lookup_key;

bool is_separator(char32_t c) {
  return c == ':' || c == '-' || c == 0x2013 || c == 0x2014 || c == '|' || c == '/' || c == 0x060C ||
         c == ',' || c == '(' || c == ')' || c == 0xAB || c == 0xBB || c == '"' || c == 0x201C ||
         c == 0x201D || c == '[' || c == ']';
}

std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t i = 0, begin = 0;
  char32_t prev = ' ';
  while (i < text.size()) {
    size_t at = i;
    char32_t c = next_code_point(text, i);
    // A free-standing tatweel is a dash: "دبي ـ العربية.نت".
    bool tatweel_dash = c == 0x640 && (prev == ' ' || i >= text.size() || text[i] == ' ');
    if (is_separator(c) || tatweel_dash) {
      if (at > begin) parts.push_back(text.substr(begin, at - begin));
      begin = i;
    }
    prev = c;
  }
  if (begin < text.size()) parts.push_back(text.substr(begin));
  return parts;
}

struct Word {
  std::string key;        // match key, for lookups
  std::string_view text;  // as written, for what is reported
};

std::vector<Word> words_of(std::string_view part) {
  Tokenized t = tokenize(part);
  std::vector<Word> w;
  for (const Token& tok : t.tokens) {
    if (tok.is_word() || tok.kind == TokenKind::kNumber) {
      w.push_back({std::string(t.key_of(tok)), part.substr(tok.start, tok.end - tok.start)});
    }
  }
  return w;
}

std::string join(const std::vector<Word>& w, size_t b, size_t e, bool keys) {
  std::string s;
  for (size_t i = b; i < e; ++i) {
    if (i > b) s += ' ';
    s += keys ? std::string_view(w[i].key) : w[i].text;
  }
  return s;
}

struct Found {
  const Outlet* outlet = nullptr;
  const internal::Place* place = nullptr;
  std::string place_text;
};

}  // namespace

const Outlet* find_outlet(std::string_view name_or_alias) {
  const auto& t = internal::article_tables();
  auto it = t.outlets.find(lookup_key(name_or_alias));
  return it == t.outlets.end() ? nullptr : &it->second;
}

namespace internal {

bool read_byline(std::string_view text, Source& source, Dateline& dateline, BylineShape* shape) {
  const ArticleTables& t = internal::article_tables();
  std::vector<Found> ambiguous;  // both a place and an outlet
  std::vector<const Outlet*> outlets;
  std::vector<std::string> people;
  bool matched = false;

  std::vector<std::string_view> parts = split_parts(text);
  if (shape) shape->parts = parts.size();
  for (std::string_view part : parts) {
    std::vector<Word> w = words_of(part);
    if (!w.empty() && w[0].key == "من") w.erase(w.begin());  // «الاقتصادية» من الرياض
    std::vector<Word> rest;
    for (size_t i = 0; i < w.size();) {
      size_t n = std::min(t.max_words, w.size() - i);
      bool hit = false;
      for (; n > 0 && !hit; --n) {
        std::string k = join(w, i, i + n, true);
        auto o = t.outlets.find(k);
        auto p = t.places.find(k);
        auto kind = t.kinds.find(k);
        if (o != t.outlets.end() && p != t.places.end() && !o->second.agency) {
          ambiguous.push_back({&o->second, &p->second, join(w, i, i + n, false)});
        } else if (o != t.outlets.end()) {
          if (o->second.agency) {
            dateline.agencies.push_back(o->second);
          } else {
            outlets.push_back(&o->second);
          }
        } else if (p != t.places.end()) {
          if (dateline.place.empty()) {
            dateline.place = join(w, i, i + n, false);
            dateline.place_latin = p->second.name_latin;
            dateline.country = p->second.country;
          }
        } else if (kind != t.kinds.end()) {
          if (source.kind.empty()) source.kind = kind->second;
        } else {
          continue;
        }
        hit = true;
        matched = true;
        i += n;
      }
      if (!hit) rest.push_back(w[i++]);
    }
    if (shape) shape->unknown_words += rest.size();
    if (!rest.empty() && rest.size() <= 4) people.push_back(join(rest, 0, rest.size(), false));
  }

  // Settle names that are both a city and an outlet.
  for (const Found& f : ambiguous) {
    bool other_source = !outlets.empty() || !dateline.agencies.empty();
    // "الرياض - الوئام", "الرياض - فيصل الحربي": a city beside another source or a
    // reporter. "متابعة - الرياض الإلكتروني", "الرياض" alone: the newspaper.
    bool as_place = other_source || !people.empty() || (source.kind.empty() && ambiguous.size() > 1);
    if (as_place && dateline.place.empty()) {
      dateline.place = f.place_text;
      dateline.place_latin = f.place->name_latin;
      dateline.country = f.place->country;
    } else {
      outlets.push_back(f.outlet);
    }
  }
  if (!outlets.empty() && source.outlet.id.empty()) {
    source.outlet = *outlets.front();
    source.name = outlets.front()->name;
  } else if (source.outlet.id.empty() && !dateline.agencies.empty()) {
    // With no outlet named, the agency is the source: "واس - الرياض", "رويترز".
    source.outlet = dateline.agencies.front();
    source.name = source.outlet.name;
  }
  if (!people.empty() && dateline.person.empty() && matched) dateline.person = people.front();
  return matched;
}

}  // namespace internal

bool parse_byline(std::string_view text, Source& source, Dateline& dateline) {
  return internal::read_byline(text, source, dateline, nullptr);
}

}  // namespace marsad
