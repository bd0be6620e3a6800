// Rows for the side tables (mentions, topics, events), read from a record's
// JSON. Stages that are not in the record yet simply give no rows, so the
// store picks up entities, topics and events as the pipeline gains them.
// The shapes read are those of docs/schema.md and the stage issues:
//   entities: [{id, actor, ...}]                 → mentions (kind entity / actor)
//   topics:   [{label, score}]                   → topics (rank by order)
//   events:   [{code, root, plover, source {actor, country}, target {…},
//               location {country}, date {value}, modality, negated,
//               goldstein, quad_class, confidence}] → events (+ actor mentions)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"

namespace marsad::internal {

struct MentionRow {
  std::string key;   // entity id or CAMEO actor code
  std::string kind;  // "entity" | "actor"
};

struct TopicRow {
  std::string label;
  double score = 0;
  int rank = 0;
};

struct EventRow {
  std::string code, root, plover;
  std::string source_actor, source_country, target_actor, target_country, location_country;
  std::string date;  // the event's date, else the publication date
  std::string modality;
  bool negated = false;
  bool has_quad = false, has_goldstein = false, has_confidence = false;
  int quad_class = 0;
  double goldstein = 0, confidence = 0;  // the event object itself stays in the record (events[idx])
};

struct SideRows {
  std::vector<MentionRow> mentions;  // distinct keys
  std::vector<TopicRow> topics;
  std::vector<EventRow> events;
};

// `published` (ISO, may be "") dates events that carry no date of their own.
// kBadJson if the record is not JSON; unknown or odd fields are skipped.
Result<SideRows> extract_side_rows(std::string_view record_json, std::string_view published);

}  // namespace marsad::internal
