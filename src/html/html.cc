// extract_html: bytes -> UTF-8 -> gumbo tree -> metadata + main text.
#include "marsad/html.h"

#include <chrono>

#include "html/charset.h"
#include "html/content.h"
#include "html/dom.h"
#include "html/metadata.h"
#include "html/rules.h"
#include "marsad/normalize.h"
#include "marsad/timestamp.h"

namespace marsad {
namespace {

using internal::collapse_space;

int current_year() {
  auto now = std::chrono::system_clock::now();
  long days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
  int y = 0, m = 0, d = 0;
  civil_from_days(days, y, m, d);
  return y;
}

// Resolves a possibly relative URL against the page's address (enough for
// canonical links: absolute, scheme-relative and root-relative forms).
std::string resolve(std::string_view href, std::string_view base) {
  if (href.empty()) return "";
  if (href.find("://") != std::string_view::npos) return std::string(href);
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return std::string(href);
  if (href.substr(0, 2) == "//") return std::string(base.substr(0, scheme + 1)) + std::string(href);
  size_t host_end = base.find('/', scheme + 3);
  std::string root(base.substr(0, host_end));
  if (href[0] == '/') return root + std::string(href);
  return std::string(href);
}

// Chooses the title: an h1 that the <title>/og:title agrees with is the
// cleanest (no site name); else og:title, JSON-LD headline, <title>, each
// with the site name removed.
void choose_title(const internal::PageMeta& m, std::string_view host, WebArticle& a) {
  const std::string og = internal::strip_site_name(m.og_title, m.site_name, host);
  const std::string tt = internal::strip_site_name(m.title_tag, m.site_name, host);
  const std::string okey = match_key(m.og_title), tkey = match_key(m.title_tag), lkey = match_key(m.ld_headline);
  for (const std::string& h : m.h1) {
    std::string k = match_key(h);
    if (k.size() < 4) continue;
    if ((!okey.empty() && okey.find(k) != std::string::npos) || (!tkey.empty() && tkey.find(k) != std::string::npos) ||
        (!lkey.empty() && lkey.find(k) != std::string::npos)) {
      a.title = h;
      a.title_from = "h1";
      return;
    }
  }
  if (!og.empty()) {
    a.title = og;
    a.title_from = "og:title";
  } else if (!m.ld_headline.empty()) {
    a.title = m.ld_headline;
    a.title_from = "json-ld";
  } else if (!tt.empty()) {
    a.title = tt;
    a.title_from = "title";
  } else if (!m.h1.empty()) {
    a.title = m.h1.front();
    a.title_from = "h1";
  }
}

// "ar" when most letters of the text are Arabic; "" otherwise (a Latin
// script says little about the language).
std::string guess_language(const std::vector<Block>& blocks) {
  size_t arabic = 0, other = 0;
  for (const Block& b : blocks) {
    for (size_t i = 0; i < b.text.size(); ++i) {
      auto c = static_cast<unsigned char>(b.text[i]);
      if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) ++arabic;
      else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++other;
    }
    if (arabic + other > 4000) break;
  }
  return arabic > 2 * other && arabic > 20 ? "ar" : "";
}

}  // namespace

std::string_view block_kind_name(BlockKind k) {
  switch (k) {
    case BlockKind::kParagraph: return "p";
    case BlockKind::kHeading: return "h";
    case BlockKind::kListItem: return "li";
    case BlockKind::kQuote: return "quote";
    case BlockKind::kPre: return "pre";
    case BlockKind::kTable: return "td";
  }
  return "?";
}

std::string WebArticle::text(bool blank_lines) const {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out += blank_lines ? "\n\n" : "\n";
    out += b.text;
  }
  return out;
}

bool looks_like_html(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t i = head.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || head[i] != '<') return false;
  const std::string h = internal::ascii_lower(head.substr(i, 64));
  for (std::string_view p : {"<!doctype html", "<html", "<head", "<meta", "<body", "<!--", "<title", "<?xml"}) {
    if (h.compare(0, p.size(), p) == 0) return p != "<?xml" || head.find("<html", i) != std::string_view::npos;
  }
  return false;
}

Result<WebArticle> extract_html(std::string_view bytes, const HtmlOptions& opt) {
  if (bytes.size() > opt.max_bytes) {
    return Status(Error::kTooLarge, "page is larger than " + std::to_string(opt.max_bytes) + " bytes");
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status(Error::kEmpty, "empty page");
  auto dec = internal::decode_page(bytes, internal::charset_of_content_type(opt.content_type));
  if (!dec) return dec.status();
  WebArticle a;
  a.charset = dec->charset;
  a.charset_from = dec->from;
  a.replaced = dec->replaced;

  std::string shallow;
  internal::Dom dom(internal::limit_nesting(dec->text, shallow));
  const int year = current_year();
  internal::PageMeta m = internal::read_meta(dom, year);
  std::string canonical = !m.canonical.empty() ? m.canonical : m.og_url;
  a.url = resolve(canonical, opt.url);
  if (a.url.find("://") == std::string::npos) a.url = opt.url;
  std::string host = internal::host_of(opt.url.empty() ? a.url : opt.url);
  if (host.empty()) host = internal::host_of(a.url);

  a.site_name = m.site_name;
  if (!m.site_name.empty()) {
    if (const Outlet* o = find_outlet(m.site_name)) a.outlet = *o;
  }
  if (a.outlet.id.empty() && !host.empty()) {
    if (const Outlet* o = internal::outlet_of_host(host)) a.outlet = *o;
  }
  choose_title(m, host, a);
  a.published = m.published;
  a.published_from = m.published_from;
  // The fifth source, after the machine-readable ones: a date in the words
  // near the headline ("نشر في: 12 دجنبر 2020"), at day grain. Its line is
  // metadata, not body text, whichever source gave the date.
  const internal::NearDate near = internal::date_near_title(dom, a.title, year);
  if (a.published.empty() && !near.day.empty()) {
    a.published = near.day;
    a.published_from = "text";
  }
  a.modified = m.modified;
  for (const std::string& s : m.authors) {
    if (!a.author.empty()) a.author += ", ";
    a.author += s;
  }
  a.description = m.description;

  internal::ContentOptions co;
  co.host = host;
  co.title = a.title;
  co.dateline = near.line;
  co.min_block_chars = opt.min_block_chars;
  a.blocks = internal::extract_content(dom, co, &a.body_from);
  a.language = m.language.empty() ? guess_language(a.blocks) : m.language;
  return a;
}

Result<std::vector<InputDocument>> documents_from_html(std::string_view bytes, std::string_view file,
                                                       const InputOptions& opt, const HtmlOptions& html) {
  HtmlOptions h = html;
  h.max_bytes = std::min<uint64_t>(h.max_bytes, opt.max_document_bytes);
  auto a = extract_html(bytes, h);
  if (!a) return a.status().in_file(std::string(file));
  if (a->blocks.empty()) {
    // A title alone is not an article: index pages, error pages, app shells.
    return Status(Error::kEmpty, a->title.empty() ? "no article text found in the page"
                                                  : "no article text found in the page «" + a->title + "»",
                  {std::string(file)});
  }
  InputDocument d;
  d.doc.text = a->text(/*blank_lines=*/true);
  d.doc.title = a->title;
  d.doc.source = !a->outlet.id.empty() ? a->outlet.name : a->site_name;
  d.doc.url = a->url.empty() ? h.url : a->url;
  d.doc.published = a->published;
  d.doc.author = a->author;
  d.doc.file = std::string(file);
  d.replaced = a->replaced;
  std::vector<InputDocument> out;
  out.push_back(std::move(d));
  return out;
}

std::string dump_web_article(const WebArticle& a) {
  std::string out;
  auto line = [&](std::string_view k, std::string_view v) {
    if (v.empty()) return;
    out += k;
    out += ' ';
    out += v;
    out += '\n';
  };
  line("title[" + a.title_from + "]", a.title);
  line("published[" + a.published_from + "]", a.published);
  line("author", a.author);
  line("site", a.site_name);
  line("outlet", a.outlet.id);
  line("url", a.url);
  line("lang", a.language);
  line("charset[" + a.charset_from + "]", a.charset);
  for (const Block& b : a.blocks) {
    std::string k(block_kind_name(b.kind));
    if (b.kind == BlockKind::kHeading) k += std::to_string(b.level);
    line(k, b.text);
  }
  return out;
}

}  // namespace marsad
