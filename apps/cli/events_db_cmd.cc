// marsad events --db PATH [--actor X] [--dyad X,Y] [--code C] [--root R]
//                         [--since D] [--until D] [--story ID] [--limit N]
//                         [--format table|json|csv|gdelt|plover]
//
// The store's events, one row per distinct event of a story (GDELT's way:
// a wire story copied by ten outlets is one event with NumSources = 10).
// events_cmd.cc calls run_store_events when --db is given; the query is
// query_events (marsad/stories.h).
#include <cstdio>

#include "commands.h"
#include "events_db.h"
#include "marsad/events.h"
#include "marsad/json.h"

namespace marsad::cli {
namespace {

// An aggregate as an Event, for the shared GDELT/PLOVER writers.
Event as_event(const EventAggregate& a) {
  Event e;
  e.code = a.code;
  e.root = a.root;
  e.plover = a.plover;
  e.source.actor = a.source_actor;
  e.source.country = a.source_country;
  e.target.actor = a.target_actor;
  e.target.country = a.target_country;
  if (!a.location_country.empty()) {
    e.location.present = true;
    e.location.country = a.location_country;
    e.location.id = a.location_country;
  }
  e.date.value = a.date;
  e.date.grain = "day";
  e.modality = a.modality;
  e.negated = a.negated;
  e.goldstein = a.goldstein;
  e.quad_class = a.quad_class;
  e.confidence = 1;
  return e;
}

void write_csv(std::string& out, const EventAggregate& a) {
  char num[64];
  std::snprintf(num, sizeof num, "%.1f", a.goldstein);
  const std::string cells[] = {std::to_string(a.story), a.date, a.code, a.root, a.plover, a.source_actor,
                               a.source_country, a.target_actor, a.target_country, a.location_country, a.modality,
                               a.negated ? "true" : "false", num, std::to_string(a.quad_class),
                               std::to_string(a.num_mentions), std::to_string(a.num_sources),
                               std::to_string(a.num_articles), std::to_string(a.first_article), a.url};
  bool first = true;
  for (const std::string& c : cells) {
    if (!first) out += ',';
    append_csv_field(out, c);
    first = false;
  }
  out += "\r\n";
}

constexpr const char* kCsvHeader =
    "story,date,code,root,plover,source_actor,source_country,target_actor,target_country,location_country,"
    "modality,negated,goldstein,quad_class,num_mentions,num_sources,num_articles,first_article,url\r\n";

void write_table(std::string& out, const EventAggregate& a) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-10s %-5s %-10s %-10s %-4s %5.1f %4llu %4llu %6lld  %s\n", a.date.c_str(),
                a.code.c_str(), a.source_actor.empty() ? "-" : a.source_actor.c_str(),
                a.target_actor.empty() ? "-" : a.target_actor.c_str(),
                a.location_country.empty() ? "-" : a.location_country.c_str(), a.goldstein,
                static_cast<unsigned long long>(a.num_articles), static_cast<unsigned long long>(a.num_sources),
                static_cast<long long>(a.story), a.modality.empty() ? (a.negated ? "negated" : "") : a.modality.c_str());
  out += buf;
}

}  // namespace

void run_store_events(const StoreEventsFlags& f) {
  const std::string& fmt = f.format;
  if (fmt != "table" && fmt != "json" && fmt != "csv" && fmt != "gdelt" && fmt != "plover") {
    report("--format: expected table, json, csv, gdelt or plover, got '" + fmt + "'");
    set_exit_code(2);
    return;
  }
  EventQuery q = f.q;
  if (!f.dyad.empty()) {
    const size_t comma = f.dyad.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == f.dyad.size()) {
      report("--dyad: expected SOURCE,TARGET (e.g. MAR,ISR), got '" + f.dyad + "'");
      set_exit_code(2);
      return;
    }
    q.dyad_source = f.dyad.substr(0, comma);
    q.dyad_target = f.dyad.substr(comma + 1);
  }
  StoreOptions so;
  so.read_only = true;
  auto store = Store::open(f.db, so);
  if (!store) {
    report(store.status());
    set_exit_code(2);
    return;
  }
  auto rows = query_events(*store, q);
  if (!rows) {
    report(rows.status());
    set_exit_code(2);
    return;
  }
  std::string out;
  if (fmt == "csv") out = kCsvHeader;
  if (fmt == "table" && !rows->empty()) out = "date       code  source     target     loc  gold  art  src  story  modality\n";
  if (fmt == "gdelt" && f.header) {
    for (size_t i = 0; i < gdelt_columns().size(); ++i) {
      if (i) out += '\t';
      out += gdelt_columns()[i];
    }
    out += '\n';
  }
  uint64_t id = 0;
  for (const EventAggregate& a : *rows) {
    ++id;
    if (fmt == "json") {
      JsonWriter w(out, false);
      write_event_aggregate_json(w, a);
      out += '\n';
    }
    else if (fmt == "csv") write_csv(out, a);
    else if (fmt == "table") write_table(out, a);
    else {
      EventExport x;
      x.doc_id = "story-" + std::to_string(a.story);
      x.url = a.url;
      x.num_mentions = a.num_mentions;
      x.num_sources = a.num_sources;
      x.num_articles = a.num_articles;
      if (fmt == "gdelt") write_gdelt_row(out, x, as_event(a), id);
      else write_plover_line(out, x, as_event(a), id);
    }
    if (out.size() > (1 << 16)) {
      if (!emit(out)) return;
      out.clear();
    }
  }
  if (!out.empty() && !emit(out)) return;
  if (rows->empty()) set_exit_code(1);
}

}  // namespace marsad::cli
