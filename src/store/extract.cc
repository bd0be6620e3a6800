#include "store/extract.h"

#include <simdjson.h>

#include <algorithm>

namespace marsad::internal {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string str(element e, std::string_view key) {
  std::string_view v;
  if (e[key].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
  return {};
}

double num(element e, std::string_view key, bool* present) {
  double d = 0;
  auto v = e[key];
  if (v.error()) return 0;
  if (v.get_double().get(d) == simdjson::SUCCESS) {
    *present = true;
    return d;
  }
  int64_t i = 0;
  if (v.get_int64().get(i) == simdjson::SUCCESS) {
    *present = true;
    return static_cast<double>(i);
  }
  return 0;
}

// An actor given as {actor, country, ...} or as a plain code string.
void actor_of(element e, std::string_view key, std::string& actor, std::string& country) {
  auto v = e[key];
  if (v.error()) return;
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) {
    actor = std::string(s);
    return;
  }
  element obj = v.value_unsafe();
  if (!obj.is_object()) return;
  actor = str(obj, "actor");
  if (actor.empty()) actor = str(obj, "code");
  country = str(obj, "country");
}

}  // namespace

Result<SideRows> extract_side_rows(std::string_view record_json, std::string_view published) {
  SideRows rows;
  // Records are our own JSON: a key appears as "key": only at the top of an
  // object (inside strings quotes are escaped). Most records today have none.
  const bool any = record_json.find("\"entities\":") != std::string_view::npos ||
                   record_json.find("\"topics\":") != std::string_view::npos ||
                   record_json.find("\"events\":") != std::string_view::npos;
  if (!any) return rows;
  thread_local simdjson::dom::parser parser;
  element doc;
  if (auto e = parser.parse(record_json.data(), record_json.size()).get(doc); e) {
    return Status(Error::kBadJson, std::string("record is not JSON: ") + simdjson::error_message(e));
  }
  auto add_mention = [&](std::string key, const char* kind) {
    if (!key.empty()) rows.mentions.push_back({std::move(key), kind});
  };

  simdjson::dom::array arr;
  if (doc["entities"].get_array().get(arr) == simdjson::SUCCESS) {
    for (element e : arr) {
      if (!e.is_object()) continue;
      add_mention(str(e, "id"), "entity");
      add_mention(str(e, "actor"), "actor");
    }
  }
  if (doc["topics"].get_array().get(arr) == simdjson::SUCCESS) {
    int rank = 0;
    for (element e : arr) {
      if (!e.is_object()) continue;
      TopicRow t;
      t.label = str(e, "label");
      bool has = false;
      t.score = num(e, "score", &has);
      if (t.label.empty()) continue;
      t.rank = rank++;
      rows.topics.push_back(std::move(t));
    }
  }
  if (doc["events"].get_array().get(arr) == simdjson::SUCCESS) {
    for (element e : arr) {
      if (!e.is_object()) continue;
      EventRow ev;
      ev.code = str(e, "code");
      if (ev.code.empty()) continue;
      ev.root = str(e, "root");
      if (ev.root.empty()) ev.root = ev.code.substr(0, 2);
      ev.plover = str(e, "plover");
      actor_of(e, "source", ev.source_actor, ev.source_country);
      actor_of(e, "target", ev.target_actor, ev.target_country);
      std::string ignored;
      actor_of(e, "location", ignored, ev.location_country);
      if (auto d = e["date"]; !d.error()) {
        std::string_view v;
        if (d.get_string().get(v) == simdjson::SUCCESS) ev.date = std::string(v);
        else if (d.value_unsafe().is_object()) ev.date = str(d.value_unsafe(), "value");
      }
      if (ev.date.empty()) ev.date = std::string(published);
      ev.modality = str(e, "modality");
      bool b = false;
      if (e["negated"].get_bool().get(b) == simdjson::SUCCESS) ev.negated = b;
      ev.goldstein = num(e, "goldstein", &ev.has_goldstein);
      ev.quad_class = static_cast<int>(num(e, "quad_class", &ev.has_quad));
      ev.confidence = num(e, "confidence", &ev.has_confidence);
      add_mention(ev.source_actor, "actor");
      add_mention(ev.target_actor, "actor");
      rows.events.push_back(std::move(ev));
    }
  }
  std::stable_sort(rows.mentions.begin(), rows.mentions.end(),
            [](const MentionRow& a, const MentionRow& b) { return a.key < b.key; });
  rows.mentions.erase(std::unique(rows.mentions.begin(), rows.mentions.end(),
                                  [](const MentionRow& a, const MentionRow& b) { return a.key == b.key; }),
                      rows.mentions.end());
  return rows;
}

}  // namespace marsad::internal
