// marsad/article.h — from one scraped document to a clean article.
//
// Scrapers hand over text in many shapes: a byline line first
// (ناظورسيتي: متابعة), the title first or last, paragraphs repeated, a
// dateline opening the body (الرباط - , لندن: رنيم حنوش, (و م ع)). parse_article
// finds the outlet, byline kind, dateline, title and paragraphs, and removes
// repeated paragraphs, listing each removal with its reason. It never edits
// text: every part is a byte range of Document::text.
//
//   marsad::Document doc;
//   doc.text = read_whole_file();
//   marsad::Result<marsad::Article> a = marsad::parse_article(doc);
//   if (a) for (marsad::Span p : a->paragraphs) show(doc.text.substr(p.start, p.end - p.start));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/sentences.h"
#include "marsad/status.h"
#include "marsad/tokenize.h"

namespace marsad {

// One input document. Offsets everywhere refer to `text`.
struct Document {
  std::string text;       // the body as given (a file's bytes, or a JSON text field)
  std::string title;      // a title given beside the text (JSON), if any
  std::string source;     // an outlet name or corpus id given beside the text, if any
  std::string url;
  std::string published;  // as given (JSON field or --published), not yet parsed
  std::string author;     // a byline given beside the text (JSON `author`), if any
  std::string file;       // where it came from, for messages and provenance
  uint64_t line = 0;      // 1-based line in `file` for line-based inputs; 0 = whole file
};

// A known outlet or agency, from data/article/*.tsv.
struct Outlet {
  std::string id;          // stable slug: "nadorcity", "map"
  std::string name;        // Arabic name
  std::string name_latin;  // Latin name
  std::string country;     // ISO 3166-1 alpha-3, or ""
  bool agency = false;     // a news agency rather than an outlet
};

struct Source {
  Outlet outlet;           // empty id = unknown outlet
  std::string name;        // as written in the document ("" if none)
  std::string kind;        // byline kind as reported: متابعة، خاص، وكالات ...
  std::string how;         // "byline" (first line), "field" (JSON source/author), "url" (domain), "" = none
  Span span;               // the byline line, when it came from the text
  bool has_span = false;
};

struct Dateline {
  std::string place;       // as written: الرباط
  std::string place_latin; // Rabat, when the place is known
  std::string country;     // ISO alpha-3 of the place, when known
  std::vector<Outlet> agencies;  // (و م ع), (أ ف ب) ...
  std::string person;      // reporter named in it: رنيم حنوش
  Span span;               // its bytes in the text, when it came from the text
  bool has_span = false;
  bool present() const { return !place.empty() || !agencies.empty() || !person.empty(); }
};

struct Removed {
  Span span;
  std::string reason;      // "exact_duplicate" | "near_duplicate"
  int duplicate_of = -1;   // index into Article::paragraphs of the paragraph kept
  double similarity = 1.0;
};

struct Article {
  Source source;
  Dateline dateline;
  std::string title;            // the title text, exactly as written
  Span title_span;              // its bytes in the text, when it came from the text
  bool title_in_text = false;
  std::string title_position;   // "first" | "last" | "field" | ""
  std::vector<Span> paragraphs; // in original order, duplicates removed, dateline excluded
  std::vector<Removed> removed;
};

struct ArticleOptions {
  double near_duplicate = 0.9;  // word-set Jaccard at or above which a paragraph is a repeat
  int max_title_words = 30;     // a longer line is a paragraph, not a title
  int max_byline_words = 8;     // a longer first line is not a byline
};

// Fails (kEmpty) when the text has no visible characters; never on odd layout.
Result<Article> parse_article(const Document& doc, const ArticleOptions& opt = {});
// The same with t = tokenize(doc.text), made once and shared with later stages: the
// repeat finder reads the paragraphs' words from it instead of tokenizing them again.
Result<Article> parse_article(const Document& doc, const Tokenized& t, const ArticleOptions& opt = {});

// Reads a byline such as "لندن: رنيم حنوش", "واس - الرياض", "ناظورسيتي: متابعة",
// "«الاقتصادية» من الرياض" into source and dateline parts. Returns false if no
// part of it is a known outlet, agency, place or byline kind.
bool parse_byline(std::string_view text, Source& source, Dateline& dateline);

// Lookups in the outlet and agency tables, by any alias, domain or corpus id.
const Outlet* find_outlet(std::string_view name_or_alias);

// Debug dump, one line per part: "source ناظورسيتي/Nadorcity/متابعة", "p 0 [34,300)", ...
std::string dump_article(std::string_view text, const Article& a);

}  // namespace marsad
