// Export writers: GDELT 2.0 event rows (61 tab-separated columns), PLOVER
// JSONL and CSV. docs/events.md documents each column and what fills it.
#include <cstdio>
#include <string>

#include "marsad/events.h"

namespace marsad {

void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

namespace {

// Tabs and line breaks cannot appear inside a TSV field: they become spaces.
void tsv_field(std::string& out, std::string_view s) {
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// "2025-11-24..." -> {2025, 11, 24}; false when not a date.
bool ymd(std::string_view iso, int& y, int& m, int& d) {
  return iso.size() >= 10 && std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%d-%d-%d", &y, &m, &d) == 3;
}

// CAMEO actor code -> (country part, type part): MARMIL -> MAR, MIL; GOV -> "", GOV.
void split_actor(const EventActor& a, std::string& country, std::string& type) {
  country = a.country;
  type.clear();
  const std::string& c = a.actor;
  if (c.size() >= 6 && !a.country.empty() && c.compare(0, 3, a.country) == 0) {
    type = c.substr(3, 3);
  } else if (c.size() == 3 && a.country.empty()) {
    type = c;
  }
}

// GDELT Geo_Type: 1 country, 4 world city, 5 world state/region.
std::string geo_type(const Event& e) {
  if (!e.location.present) return "";
  if (e.location.id.rfind("geo:", 0) == 0) return "4";
  if (e.location.id.size() == 3) return "1";
  return "5";
}

}  // namespace

const std::vector<std::string_view>& gdelt_columns() {
  static const std::vector<std::string_view> cols = {
      "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
      "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
      "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
      "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
      "NumMentions", "NumSources", "NumArticles", "AvgTone",
      "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
      "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
      "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
      "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
      "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
      "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
      "DATEADDED", "SOURCEURL"};
  return cols;
}

void write_gdelt_row(std::string& out, const EventExport& x, const Event& e, uint64_t id) {
  std::vector<std::string> c(kGdeltColumns);
  c[0] = std::to_string(id);
  int y, m, d;
  if (ymd(e.date.value, y, m, d)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
    c[1] = buf;
    std::snprintf(buf, sizeof buf, "%04d%02d", y, m);
    c[2] = buf;
    c[3] = std::to_string(y);
    // GDELT's approximation: year + (month * 30 + day) / 365, four decimals.
    std::snprintf(buf, sizeof buf, "%.4f", y + ((m - 1) * 30 + d) / 365.0);
    c[4] = buf;
  }
  auto actor_cols = [&](int base, const EventActor& a) {
    if (!a.present()) return;
    std::string country, type;
    split_actor(a, country, type);
    c[base] = a.actor;
    c[base + 1] = a.text;
    c[base + 2] = country;
    c[base + 7] = type;
  };
  actor_cols(5, e.source);
  actor_cols(15, e.target);
  c[25] = x.root_sentence ? "1" : "0";
  c[26] = e.code;
  c[27] = e.code.substr(0, 3);
  c[28] = e.root;
  c[29] = e.quad_class ? std::to_string(e.quad_class) : "";
  c[30] = num(e.goldstein);
  c[31] = std::to_string(x.num_mentions);
  c[32] = std::to_string(x.num_sources);
  c[33] = std::to_string(x.num_articles);
  // c[34] AvgTone: marsad does not score tone.
  if (e.location.present) {
    c[51] = geo_type(e);
    c[52] = e.location.text;
    c[53] = e.location.country;
    c[58] = e.location.id;
  }
  int py, pm, pd;
  if (ymd(x.published, py, pm, pd)) {
    char buf[32];
    int hh = 0, mi = 0, ss = 0;
    if (x.published.size() >= 19) std::sscanf(x.published.c_str() + 11, "%d:%d:%d", &hh, &mi, &ss);
    std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", py, pm, pd, hh, mi, ss);
    c[59] = buf;
  }
  c[60] = x.url.empty() ? x.doc_id : x.url;
  for (int i = 0; i < kGdeltColumns; ++i) {
    if (i) out += '\t';
    tsv_field(out, c[i]);
  }
  out += '\n';
}

void write_plover_line(std::string& out, const EventExport& x, const Event& e, uint64_t id) {
  JsonWriter w(out, false);
  w.begin_object();
  w.field("id", x.doc_id + "-" + std::to_string(id));
  w.field("event_date", e.date.value).field("date_source", e.date_source);
  w.field("event_type", e.plover).field("event_mode", e.plover_mode);
  w.field("event_text", e.trigger_text);
  w.field("source_actor", e.source.text).field("source_agent", e.source.actor).field("source_country", e.source.country);
  w.field("target_actor", e.target.text).field("target_agent", e.target.actor).field("target_country", e.target.country);
  w.key("location").begin_object().field("name", e.location.text).field("id", e.location.id)
      .field("country", e.location.country).end_object();
  w.field("modality", e.modality).field("negated", e.negated);
  w.field("cameo", e.code).field("goldstein", e.goldstein).field("quad_class", e.quad_class);
  w.field("confidence", e.confidence);
  w.field("story_date", x.published).field("url", x.url).field("doc_id", x.doc_id);
  w.end_object();
  out += '\n';
}

namespace {
const char* const kCsvColumns[] = {"id", "doc_id", "date", "date_source", "code", "root", "plover", "plover_mode",
                                   "source_text", "source_actor", "source_country", "target_text", "target_actor",
                                   "target_country", "location_text", "location_id", "location_country",
                                   "modality", "negated", "goldstein", "quad_class", "trigger", "trigger_start",
                                   "trigger_end", "sentence_start", "sentence_end", "confidence", "url"};
}

void write_csv_header(std::string& out) {
  bool first = true;
  for (const char* c : kCsvColumns) {
    if (!first) out += ',';
    out += c;
    first = false;
  }
  out += "\r\n";
}

void write_csv_row(std::string& out, const EventExport& x, const Event& e, uint64_t id) {
  const std::string cells[] = {std::to_string(id), x.doc_id, e.date.value, e.date_source, e.code, e.root, e.plover,
                               e.plover_mode, e.source.text, e.source.actor, e.source.country, e.target.text,
                               e.target.actor, e.target.country, e.location.text, e.location.id, e.location.country,
                               e.modality, e.negated ? "true" : "false", num(e.goldstein),
                               std::to_string(e.quad_class), e.trigger_text, std::to_string(e.trigger.start),
                               std::to_string(e.trigger.end), std::to_string(e.sentence.start),
                               std::to_string(e.sentence.end), std::to_string(e.confidence).substr(0, 4), x.url};
  bool first = true;
  for (const std::string& c : cells) {
    if (!first) out += ',';
    append_csv_field(out, c);
    first = false;
  }
  out += "\r\n";
}

}  // namespace marsad
