#include "marsad/entities.h"

namespace marsad {

void write_entities_json(JsonWriter& w, std::string_view text, const std::vector<Entity>& entities) {
  w.begin_array();
  for (const Entity& e : entities) {
    w.begin_object();
    w.field("text", text.substr(e.span.start, e.span.end - e.span.start));
    w.field("start", e.span.start).field("end", e.span.end);
    if (e.name != text.substr(e.span.start, e.span.end - e.span.start)) w.field("name", e.name);
    w.field("type", e.type).field("kind", e.kind);
    if (!e.form.empty()) w.field("form", e.form);
    w.field("id", e.id).field("country", e.country).field("actor", e.actor).field("source", e.source);
    if (!e.refers_to.empty()) {
      w.key("refers_to").begin_array();
      for (const std::string& c : e.refers_to) w.value(c);
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
}

std::string dump_entities(std::string_view text, const std::vector<Entity>& entities) {
  std::string out;
  for (const Entity& e : entities) {
    if (!out.empty()) out += ' ';
    out += text.substr(e.span.start, e.span.end - e.span.start);
    out += ':';
    out += e.actor.empty() ? (e.id.empty() ? e.type : e.id) : e.actor;
    out += '/';
    out += e.kind;
  }
  return out;
}

}  // namespace marsad
