// The `events` and `quotes` arrays of the record, and the debug dumps.
#include "marsad/events.h"

namespace marsad {
namespace {

void span_fields(JsonWriter& w, const Span& s) { w.field("start", s.start).field("end", s.end); }

void actor(JsonWriter& w, std::string_view name, const EventActor& a) {
  w.key(name);
  if (!a.present()) {
    w.null();
    return;
  }
  w.begin_object().field("text", a.text).field("actor", a.actor).field("country", a.country);
  span_fields(w, a.span);
  if (a.entity >= 0) w.field("entity", a.entity);
  w.end_object();
}

}  // namespace

void write_events_json(JsonWriter& w, const std::vector<Event>& events) {
  w.begin_array();
  for (const Event& e : events) {
    w.begin_object().field("code", e.code).field("root", e.root).field("plover", e.plover);
    if (!e.plover_mode.empty()) w.field("plover_mode", e.plover_mode);
    actor(w, "source", e.source);
    actor(w, "target", e.target);
    w.key("location");
    if (e.location.present) {
      w.begin_object().field("text", e.location.text).field("id", e.location.id).field("country", e.location.country);
      span_fields(w, e.location.span);
      w.end_object();
    } else {
      w.null();
    }
    w.key("date");
    if (e.date.value.empty()) {
      w.null();
    } else {
      w.begin_object().field("value", e.date.value).field("grain", e.date.grain).end_object();
    }
    w.field("date_source", e.date_source).field("modality", e.modality).field("negated", e.negated);
    w.field("goldstein", e.goldstein).field("quad_class", e.quad_class);
    w.key("sentence").begin_object();
    span_fields(w, e.sentence);
    w.end_object();
    w.key("trigger").begin_object().field("text", e.trigger_text);
    span_fields(w, e.trigger);
    w.end_object();
    w.field("confidence", e.confidence).end_object();
  }
  w.end_array();
}

void write_quotes_json(JsonWriter& w, const std::vector<Quote>& quotes) {
  w.begin_array();
  for (const Quote& q : quotes) {
    w.begin_object().field("text", q.text);
    span_fields(w, q.span);
    w.key("speaker");
    if (q.speaker.text.empty()) {
      w.null();
    } else {
      w.begin_object().field("text", q.speaker.text).field("actor", q.speaker.actor);
      span_fields(w, q.speaker.span);
      if (q.speaker.entity >= 0) w.field("entity", q.speaker.entity);
      w.end_object();
    }
    w.field("verb", q.verb).end_object();
  }
  w.end_array();
}

std::string dump_events(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    if (!out.empty()) out += ' ';
    out += e.code + ' ' + (e.source.actor.empty() ? e.source.text : e.source.actor) + '>' +
           (e.target.actor.empty() ? e.target.text : e.target.actor);
    if (e.location.present) out += " @" + (e.location.id.empty() ? e.location.text : e.location.id);
    if (!e.date.value.empty()) out += ' ' + e.date.value + '/' + e.date.grain + '(' + e.date_source + ')';
    out += ' ' + e.modality + " [" + e.trigger_text + ']';
  }
  return out;
}

std::string dump_quotes(const std::vector<Quote>& quotes) {
  std::string out;
  for (const Quote& q : quotes) {
    if (!out.empty()) out += ' ';
    out += '[' + q.text + "]<" + (q.speaker.actor.empty() ? q.speaker.text : q.speaker.actor) + '|' + q.verb + '>';
  }
  return out;
}

}  // namespace marsad
