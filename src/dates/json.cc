// The `dates` array of a record, and the compact dump the tests read.
#include <string>

#include "dates/lexicon.h"
#include "marsad/dates.h"

namespace marsad {

void write_dates_json(JsonWriter& w, const std::vector<TimeExpression>& dates) {
  w.begin_array();
  for (const TimeExpression& e : dates) {
    w.begin_object();
    if (!e.text.empty()) w.field("text", e.text);
    w.field("start", e.span.start).field("end", e.span.end);
    w.field("kind", e.kind);
    w.field("value", e.value);
    w.field("grain", e.grain);
    if (!e.from.empty()) w.field("from", e.from).field("to", e.to);
    if (!e.duration.empty()) w.field("duration", e.duration);
    w.field("calendar", e.calendar);
    w.field("resolved", e.resolved);
    if (e.conflict) w.field("conflict", true);
    if (!e.part.empty()) w.field("part", e.part);
    if (!e.holiday.empty()) w.field("holiday", e.holiday);
    if (!e.offset.empty() || !e.weekday.empty()) {
      w.key("offset").begin_object();
      for (const auto& [name, v] : e.offset) w.field(name, v);
      if (!e.weekday.empty()) w.field("weekday", e.weekday);
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
}

namespace {

// "2025-11-24T00:00:00+00:00" → "2025-11-24"; a time stays, the offset goes
// when it is +00:00.
std::string short_value(std::string_view v) {
  std::string_view zone = v.size() >= 25 ? v.substr(19) : std::string_view();
  if (zone == "+00:00") zone = {};
  if (v.size() >= 19 && v.substr(10, 9) == "T00:00:00" && zone.empty()) return std::string(v.substr(0, 10));
  if (v.size() >= 19) return std::string(v.substr(0, 16)) + std::string(zone);
  return std::string(v);
}

}  // namespace

std::string dump_dates(const std::vector<TimeExpression>& dates) {
  std::string out;
  for (const TimeExpression& e : dates) {
    if (!out.empty()) out += ' ';
    out += '[';
    out += e.text.empty() ? std::to_string(e.span.start) + "-" + std::to_string(e.span.end) : e.text;
    out += ']';
    out += e.kind;
    out += ':';
    if (!e.duration.empty()) {
      out += e.duration;
    } else if (!e.resolved) {
      out += '?';
    } else if (e.kind == "interval" || (!e.from.empty() && e.calendar == "hijri")) {
      out += short_value(e.from) + ".." + short_value(e.to);
    } else {
      out += short_value(e.value);
    }
    if (!e.grain.empty() && e.duration.empty()) out += "/" + e.grain;
    if (e.calendar == "hijri") out += " hijri";
    if (e.conflict) out += " conflict";
    if (!e.part.empty()) out += " part=" + e.part;
    if (!e.holiday.empty()) out += " " + e.holiday;
    if (!e.offset.empty() || !e.weekday.empty()) {
      out += " {";
      bool first = true;
      for (const auto& [name, v] : e.offset) {
        if (!first) out += ',';
        out.append(name).append(":").append(std::to_string(v));
        first = false;
      }
      if (!e.weekday.empty()) out.append(first ? "" : ",").append("weekday:").append(e.weekday);
      out += '}';
    }
  }
  return out;
}

std::string_view dates_lexicon_version() { return internal::DateLexicon::get().version(); }

}  // namespace marsad
