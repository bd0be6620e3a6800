// marsad events [--format gdelt|plover|csv|json] [--header] [FILE...|-]
// marsad events --db PATH [--actor X] [--dyad X,Y] [--code C] [--root R] [--since D] [--until D] [--story ID]
//
// Reads `marsad analyze` records (JSON lines) and writes their coded events in an
// export format (docs/events.md). Records without an `events` array (written before the
// events stage was wired into analyze) are reported once and skipped.
// With --db the events come from a corpus store, aggregated per story (events_db_cmd.cc).
#include <simdjson.h>

#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "events_db.h"
#include "marsad/events.h"
#include "marsad/io.h"

namespace marsad::cli {
namespace {

struct EventsFlags {
  std::vector<std::string> files;
  std::string format = "gdelt";
  bool header = false;
  StoreEventsFlags store;  // used when --db or a store filter is given
};

std::string str(simdjson::ondemand::object& o, std::string_view k) {
  std::string_view v;
  if (o[k].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
  return {};
}
uint32_t u32(simdjson::ondemand::object& o, std::string_view k) {
  uint64_t v = 0;
  if (o[k].get_uint64().get(v) != simdjson::SUCCESS) return 0;
  return static_cast<uint32_t>(v);
}

EventActor read_actor(simdjson::ondemand::value v) {
  EventActor a;
  simdjson::ondemand::object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return a;
  a.text = str(o, "text");
  a.actor = str(o, "actor");
  a.country = str(o, "country");
  a.span = {u32(o, "start"), u32(o, "end")};
  int64_t ent = -1;
  if (o["entity"].get_int64().get(ent) == simdjson::SUCCESS) a.entity = static_cast<int>(ent);
  return a;
}

Result<Event> read_event(simdjson::ondemand::object o) {
  Event e;
  for (auto field : o) {
    std::string_view k;
    if (field.unescaped_key().get(k) != simdjson::SUCCESS) return Status(Error::kBadJson, "bad event key");
    simdjson::ondemand::value v = field.value();
    if (k == "code") e.code = std::string(std::string_view(v.get_string().value_unsafe()));
    else if (k == "root") e.root = std::string(std::string_view(v.get_string().value_unsafe()));
    else if (k == "plover") e.plover = std::string(std::string_view(v.get_string().value_unsafe()));
    else if (k == "plover_mode") e.plover_mode = std::string(std::string_view(v.get_string().value_unsafe()));
    else if (k == "source") e.source = read_actor(v);
    else if (k == "target") e.target = read_actor(v);
    else if (k == "location") {
      simdjson::ondemand::object l;
      if (v.get_object().get(l) == simdjson::SUCCESS) {
        e.location.present = true;
        e.location.text = str(l, "text");
        e.location.id = str(l, "id");
        e.location.country = str(l, "country");
        e.location.span = {u32(l, "start"), u32(l, "end")};
      }
    } else if (k == "date") {
      simdjson::ondemand::object d;
      if (v.get_object().get(d) == simdjson::SUCCESS) {
        e.date.value = str(d, "value");
        e.date.grain = str(d, "grain");
      }
    } else if (k == "date_source") e.date_source = std::string(std::string_view(v.get_string().value_unsafe()));
    else if (k == "modality") e.modality = std::string(std::string_view(v.get_string().value_unsafe()));
    else if (k == "negated") e.negated = v.get_bool().value_unsafe();
    else if (k == "goldstein") e.goldstein = v.get_double().value_unsafe();
    else if (k == "quad_class") e.quad_class = static_cast<int>(v.get_int64().value_unsafe());
    else if (k == "confidence") e.confidence = v.get_double().value_unsafe();
    else if (k == "sentence" || k == "trigger") {
      simdjson::ondemand::object s;
      if (v.get_object().get(s) == simdjson::SUCCESS) {
        Span sp;
        std::string t;
        for (auto f : s) {
          std::string_view sk = f.unescaped_key().value_unsafe();
          if (sk == "start") sp.start = static_cast<uint32_t>(f.value().get_uint64().value_unsafe());
          else if (sk == "end") sp.end = static_cast<uint32_t>(f.value().get_uint64().value_unsafe());
          else if (sk == "text") t = std::string(std::string_view(f.value().get_string().value_unsafe()));
        }
        if (k == "sentence") e.sentence = sp;
        else { e.trigger = sp; e.trigger_text = t; }
      }
    }
  }
  return e;
}

void run(const EventsFlags& f) {
  if (f.format != "gdelt" && f.format != "plover" && f.format != "csv" && f.format != "json") {
    report("--format: expected gdelt, plover, csv or json, got '" + f.format + "'");
    set_exit_code(2);
    return;
  }
  std::vector<std::string> files = f.files.empty() ? std::vector<std::string>{"-"} : f.files;
  simdjson::ondemand::parser parser;
  std::string out;
  uint64_t id = 0, records = 0, without = 0;
  bool errors = false, open = true;
  if (f.format == "csv") write_csv_header(out);
  if (f.header && f.format == "gdelt") {
    for (size_t i = 0; i < gdelt_columns().size(); ++i) {
      if (i) out += '\t';
      out += gdelt_columns()[i];
    }
    out += '\n';
  }
  for (const std::string& file : files) {
    Result<LineReader> reader = LineReader::open(file);
    if (!reader) {
      report(reader.status());
      errors = true;
      continue;
    }
    std::string line;
    uint64_t lineno = 0;
    for (;;) {
      Result<bool> more = reader->next(line);
      if (!more) {
        report(more.status());
        errors = true;
        break;
      }
      if (!*more) break;
      ++lineno;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      ++records;
      simdjson::padded_string ps(line);
      simdjson::ondemand::document doc;
      simdjson::ondemand::object rec;
      if (parser.iterate(ps).get(doc) || doc.get_object().get(rec)) {
        report(Status(Error::kBadJson, "not a JSON record", {file, lineno}));
        errors = true;
        continue;
      }
      EventExport x;
      x.doc_id = file + ":" + std::to_string(lineno);
      std::vector<Event> events;
      bool has_events = false;
      uint32_t first_sentence_start = UINT32_MAX;
      bool bad = false;
      for (auto field : rec) {
        std::string_view k;
        if (field.unescaped_key().get(k)) { bad = true; break; }
        if (k == "id") {
          std::string_view v;
          if (!field.value().get_string().get(v)) x.doc_id = std::string(v);
        } else if (k == "url") {
          std::string_view v;
          if (!field.value().get_string().get(v)) x.url = std::string(v);
        } else if (k == "published") {
          std::string_view v;
          if (!field.value().get_string().get(v)) x.published = std::string(v);
        } else if (k == "input") {
          simdjson::ondemand::object in;
          if (!field.value().get_object().get(in)) {
            for (auto g : in) {
              std::string_view gk = g.unescaped_key().value_unsafe();
              std::string_view v;
              if (gk == "url" && !g.value().get_string().get(v)) x.url = std::string(v);
              else if (gk == "id" && !g.value().get_string().get(v)) x.doc_id = std::string(v);
            }
          }
        } else if (k == "sentences") {
          simdjson::ondemand::array a;
          if (!field.value().get_array().get(a)) {
            for (auto s : a) {
              simdjson::ondemand::object so;
              if (!s.get_object().get(so) && first_sentence_start == UINT32_MAX) first_sentence_start = u32(so, "start");
            }
          }
        } else if (k == "events") {
          has_events = true;
          simdjson::ondemand::array a;
          if (field.value().get_array().get(a)) { bad = true; break; }
          for (auto ev : a) {
            simdjson::ondemand::object o;
            if (ev.get_object().get(o)) { bad = true; break; }
            Result<Event> e = read_event(o);
            if (!e) { bad = true; break; }
            events.push_back(std::move(*e));
          }
        }
      }
      if (bad) {
        report(Status(Error::kBadJson, "malformed events in record", {file, lineno}));
        errors = true;
        continue;
      }
      if (!has_events) {
        ++without;
        continue;
      }
      for (const Event& e : events) {
        ++id;
        x.root_sentence = e.sentence.start == first_sentence_start;
        if (f.format == "gdelt") write_gdelt_row(out, x, e, id);
        else if (f.format == "plover") write_plover_line(out, x, e, id);
        else if (f.format == "csv") write_csv_row(out, x, e, id);
        else {
          JsonWriter w(out, false);
          w.begin_object().field("doc_id", x.doc_id).field("url", x.url).field("published", x.published).key("events");
          write_events_json(w, {e});
          w.end_object();
          out += '\n';
        }
      }
      if (out.size() > (1 << 16)) {
        open = emit(out);
        out.clear();
        if (!open) break;
      }
    }
    if (!open) break;
  }
  if (open && !out.empty()) emit(out);
  std::fflush(stdout);
  if (without > 0) {
    report(std::to_string(without) + " of " + std::to_string(records) +
           " records have no events array (analyze without the events stage?)");
  }
  if (errors) set_exit_code(2);
  else if (id == 0) set_exit_code(1);
}

}  // namespace

void register_events(CLI::App& app) {
  auto flags = std::make_shared<EventsFlags>();
  CLI::App* cmd = app.add_subcommand("events", "Export the coded events of analyze records (GDELT, PLOVER, CSV, JSON)");
  cmd->add_option("files", flags->files, "analyze records (JSON lines, plain or gzip); '-' or nothing reads standard input");
  cmd->add_option("--format", flags->format, "gdelt (61-column TSV, default for records) | plover (JSONL) | csv | json | table (default with --db)")
      ->capture_default_str();
  cmd->add_flag("--header", flags->header, "gdelt: print the column names first (GDELT files have none)");
  StoreEventsFlags& s = flags->store;
  CLI::Option* db = cmd->add_option("--db", s.db, "Read a corpus store instead (events aggregated per story)");
  const char* g = "Store (with --db)";
  cmd->add_option("--actor", s.q.actor, "Either side is this CAMEO actor (a prefix: MAR matches MARMIL)")->group(g);
  cmd->add_option("--dyad", s.dyad, "SOURCE,TARGET actors (prefixes), e.g. MAR,ISR")->group(g);
  cmd->add_option("--code", s.q.code, "CAMEO code or its prefix (057, 05)")->group(g);
  cmd->add_option("--root", s.q.root, "CAMEO root code (01-20)")->group(g);
  cmd->add_option("--since", s.q.since, "Event date on or after (YYYY-MM-DD)")->group(g);
  cmd->add_option("--until", s.q.until, "Event date on or before (a date includes its whole day)")->group(g);
  cmd->add_option("--story", s.q.story, "Only this story's events")->group(g);
  cmd->add_option("--limit,-n", s.q.limit, "At most this many rows (default 1000)")->group(g)->check(CLI::PositiveNumber);
  cmd->callback([flags, cmd, db] {
    const bool store_filter = cmd->count("--actor") + cmd->count("--dyad") + cmd->count("--code") +
                                  cmd->count("--root") + cmd->count("--since") + cmd->count("--until") +
                                  cmd->count("--story") + cmd->count("--limit") > 0;
    if (db->count() == 0 && !store_filter) {
      run(*flags);
      return;
    }
    if (!flags->files.empty()) {
      report("events: give record files or --db, not both");
      set_exit_code(2);
      return;
    }
    StoreEventsFlags& s = flags->store;
    if (db->count() == 0) s.db = default_store_path();
    s.format = cmd->count("--format") ? flags->format : "table";
    s.header = flags->header;
    run_store_events(s);
  });
}

namespace {
const Command kEvents{"events", 25, register_events};
}

}  // namespace marsad::cli
