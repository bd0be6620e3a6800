// The extracted page as JSON (docs/html.md), written through the one JsonWriter.
#include "marsad/html.h"

namespace marsad {

void write_page_json(const WebArticle& a, JsonWriter& w, std::string_view file, uint64_t record) {
  w.begin_object();
  w.field("schema", "marsad.page/1");
  w.key("input").begin_object().field("file", file);
  if (record) w.field("record", record);
  w.end_object();
  w.field("url", a.url);
  w.field("title", a.title).field("title_from", a.title_from);
  w.field("published", a.published).field("published_from", a.published_from);
  if (!a.modified.empty()) w.field("modified", a.modified);
  w.field("author", a.author);
  w.field("site_name", a.site_name);
  w.key("outlet");
  if (a.outlet.id.empty()) {
    w.null();
  } else {
    w.begin_object().field("id", a.outlet.id).field("name", a.outlet.name).field("name_latin", a.outlet.name_latin);
    if (!a.outlet.country.empty()) w.field("country", a.outlet.country);
    w.end_object();
  }
  w.field("language", a.language);
  w.field("description", a.description);
  w.field("charset", a.charset).field("charset_from", a.charset_from);
  if (a.replaced) w.field("replaced", static_cast<uint64_t>(a.replaced));
  w.field("body_from", a.body_from);
  w.key("blocks").begin_array();
  for (const Block& b : a.blocks) {
    w.begin_object().field("kind", block_kind_name(b.kind));
    if (b.level) w.field("level", b.level);
    w.field("text", b.text).end_object();
  }
  w.end_array();
  w.field("text", a.text());
  w.end_object();
}

}  // namespace marsad
