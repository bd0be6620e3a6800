// marsad/html.h — from a web page to its article: main text, title,
// publication date, author, outlet, canonical URL and language.
//
// Pages are decoded to UTF-8 first (BOM, then the HTTP Content-Type given in
// HtmlOptions, then <meta charset>/http-equiv, then a guess; windows-1256 and
// ISO-8859-6 included), parsed with gumbo (a full HTML5 parser, so tag soup
// reads the way browsers read it), and cleared of boilerplate: menus, footers,
// related links, «اقرأ أيضا» blocks, share buttons, comments, cookie banners,
// ads and newsletter boxes. The main text is chosen by structure (article
// markup, content class names) and by text and link density; site rules are
// data (data/html/*.tsv), never code.
//
//   marsad::HtmlOptions opt;
//   opt.url = "https://www.hespress.com/...";
//   marsad::Result<marsad::WebArticle> a = marsad::extract_html(page_bytes, opt);
//   if (a) {
//     std::cout << a->title << "\n" << a->published << "\n";   // 2025-11-25T10:00:00+01:00
//     for (const marsad::Block& b : a->blocks) std::cout << b.text << "\n";
//   }
//
// The publication date comes from metadata meant for it
// (article:published_time, JSON-LD datePublished, <time datetime>, date meta
// names), else from an Arabic date written near the headline («نشر في: 12
// دجنبر 2020», read by marsad/dates.h, day grain); script code and expiry
// headers are never read for dates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/article.h"
#include "marsad/input.h"
#include "marsad/json.h"
#include "marsad/status.h"

namespace marsad {

struct HtmlOptions {
  std::string url;           // the page's address (WARC target URI, --url); "" = unknown. Gives the outlet by domain.
  std::string content_type;  // an HTTP Content-Type header, if known: its charset outranks the page's own declaration
  uint64_t max_bytes = uint64_t{64} << 20;  // larger pages fail with kTooLarge rather than being cut
  size_t min_block_chars = 10;              // shorter paragraphs count only inside a chosen container
};

enum class BlockKind : uint8_t {
  kParagraph,
  kHeading,   // h1-h6 inside the article body (level in Block::level)
  kListItem,  // li, dt, dd
  kQuote,     // blockquote
  kPre,       // pre: white space kept
  kTable,     // one table row, cells separated by " | "
};
std::string_view block_kind_name(BlockKind k);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;     // heading level 1-6; 0 otherwise
  std::string text;  // white space collapsed (except kPre), never empty
};

struct WebArticle {
  std::string title;          // site-name suffix removed
  std::string title_from;     // "h1" | "og:title" | "json-ld" | "title" | ""
  std::vector<Block> blocks;  // the main text in document order
  std::string body_from;      // what chose the main text: "body-rule" (class/itemprop), "readability" (scores), "page"
  std::string published;      // ISO 8601 as known ("2025-11-25", "2025-11-25T10:00:00+01:00"); "" = not found; "text": a day
  std::string published_from; // "article:published_time" | "json-ld" | "time" | "meta:<name>" | "itemprop" | "text" | ""
  std::string modified;       // ISO 8601 last modification, when given
  std::string author;         // byline name(s), ", "-separated
  std::string site_name;      // og:site_name / JSON-LD publisher, as written
  Outlet outlet;              // known outlet (site name or domain); empty id = unknown
  std::string url;            // canonical URL (link rel=canonical, og:url), else the given one
  std::string language;       // primary language subtag: "ar", "en"; from markup, else guessed from the script
  std::string description;    // meta/og description
  std::string charset;        // the charset the bytes were read in: "utf-8", "windows-1256" ...
  std::string charset_from;   // "bom" | "http" | "meta" | "detected" | "default"
  size_t replaced = 0;        // bytes that could not be decoded (U+FFFD in the text)

  // The blocks joined by "\n" (paragraphs are separated by blank lines when `blank_lines`).
  std::string text(bool blank_lines = false) const;
};

// Extracts the article from a page's raw bytes. Fails with kEmpty (no bytes),
// kBinary (not text), kTooLarge (over max_bytes); a page with no article text
// still succeeds, with no blocks.
Result<WebArticle> extract_html(std::string_view bytes, const HtmlOptions& opt = {});

// True when the bytes start like an HTML page (<!doctype html, <html, <head,
// <meta, <body, a leading comment, after any BOM and white space).
bool looks_like_html(std::string_view head);

// One input document from a page: text = the blocks separated by blank lines,
// title, source (site name or outlet), url, published, author. The vector holds
// exactly one document (a page with no main text, even with a title, gives
// kEmpty). read_any_documents (web_input.h) calls it for files named
// *.html/*.htm/*.xhtml or whose first bytes look like HTML.
Result<std::vector<InputDocument>> documents_from_html(std::string_view bytes, std::string_view file,
                                                       const InputOptions& opt, const HtmlOptions& html = {});

// The page as one JSON object (schema "marsad.page/1", documented in
// docs/html.md): url, title, published, author, site, outlet, language,
// charset, blocks [{kind, text}] and text. `file`/`record` say where it came from.
void write_page_json(const WebArticle& a, JsonWriter& w, std::string_view file, uint64_t record = 0);

// Debug dump for tests, one line per part:
// "title[h1] …", "published[json-ld] 2025-11-25", "p …", "h2 …", "li …".
std::string dump_web_article(const WebArticle& a);

}  // namespace marsad
