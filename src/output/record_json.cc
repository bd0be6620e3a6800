// The analysis record as JSON: the layout docs/schema.md documents.
#include "marsad/output.h"

namespace marsad {
namespace {

std::string_view slice(const std::string& text, Span s) {
  return std::string_view(text).substr(s.start, s.end - s.start);
}

void span_fields(JsonWriter& w, Span s) {
  w.field("start", s.start).field("end", s.end);
}

void write_outlet(JsonWriter& w, const Outlet& o) {
  w.begin_object().field("id", o.id).field("name", o.name).field("name_latin", o.name_latin);
  if (!o.country.empty()) w.field("country", o.country);
  w.end_object();
}

void write_source(JsonWriter& w, const Source& s) {
  w.key("source").begin_object();
  w.field("name", s.name);
  w.field("name_latin", s.outlet.name_latin);
  w.field("id", s.outlet.id);
  w.field("kind", s.kind);
  w.field("country", s.outlet.country);
  w.field("agency", s.outlet.agency);
  w.field("how", s.how);
  if (s.has_span) span_fields(w, s.span);
  w.end_object();
}

void write_dateline(JsonWriter& w, const Dateline& d) {
  w.key("dateline");
  if (!d.present()) {
    w.null();
    return;
  }
  w.begin_object();
  w.field("place", d.place).field("place_latin", d.place_latin).field("country", d.country);
  w.key("agencies").begin_array();
  for (const Outlet& a : d.agencies) write_outlet(w, a);
  w.end_array();
  w.field("person", d.person);
  if (d.has_span) span_fields(w, d.span);
  w.end_object();
}

}  // namespace

void write_record_json(const Record& r, JsonWriter& w) {
  const std::string& text = r.doc.text;
  const Article& a = r.article;
  w.begin_object();
  w.field("schema", kSchema);
  w.key("input").begin_object().field("file", r.doc.file);
  if (r.doc.line) w.field("line", r.doc.line);
  w.end_object();
  if (!r.doc.url.empty()) w.field("url", r.doc.url);
  write_source(w, a.source);
  write_dateline(w, a.dateline);
  w.field("title", a.title);
  w.key("title_span");
  if (a.title_in_text) {
    w.begin_object();
    span_fields(w, a.title_span);
    w.field("position", a.title_position).end_object();
  } else {
    w.null();
  }
  w.key("published");
  if (r.published) {
    w.value(r.published->iso());
    w.field("published_from", r.published_source);
  } else {
    w.null();
  }

  w.key("paragraphs").begin_array();
  for (const Span& p : a.paragraphs) {
    w.begin_object().field("text", slice(text, p));
    span_fields(w, p);
    w.end_object();
  }
  w.end_array();

  w.key("removed").begin_array();
  for (const Removed& x : a.removed) {
    w.begin_object().field("text", slice(text, x.span)).field("reason", x.reason);
    w.field("duplicate_of", x.duplicate_of).field("similarity", x.similarity);
    span_fields(w, x.span);
    w.end_object();
  }
  w.end_array();

  w.key("sentences").begin_array();
  for (const Sentence& s : r.sentences) {
    w.begin_object();
    span_fields(w, s.span);
    w.field("paragraph", s.paragraph).end_object();
  }
  w.end_array();

  w.key("dates");
  write_dates_json(w, r.dates);
  w.key("entities");
  write_entities_json(w, text, r.entities);
  w.key("events");
  write_events_json(w, r.events);
  w.key("quotes");
  write_quotes_json(w, r.quotes);
  w.key("topics");
  write_topics_json(w, r.topics);

  const Stats& st = r.stats;
  w.key("stats").begin_object();
  w.field("bytes", st.bytes).field("paragraphs", st.paragraphs).field("removed", st.removed);
  w.field("sentences", st.sentences).field("tokens", st.tokens).field("words", st.words);
  w.field("arabic_words", st.arabic_words).field("clitic_splits", st.clitic_splits);
  w.field("replaced", st.replaced);
  w.end_object();

  w.key("warnings").begin_array();
  for (const std::string& s : r.warnings) w.value(s);
  w.end_array();
  w.end_object();
}

}  // namespace marsad
