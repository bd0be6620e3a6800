// marsad/analytics.h — events over time and between actors, for charts.
//
// Two aggregate queries over a store's events (stories.h has the per-story
// rows): a timeline, event mentions per day grouped by CAMEO root code or by
// QuadClass with their mean Goldstein score, and dyads, (source, target) pairs
// of countries or actor codes weighted by their events and broken down by
// QuadClass, for a network drawing. Both take the filters of EventQuery
// (actor, dyad, code, root, since, until, story), so the dashboard's charts
// and `marsad events` agree on what an event filter means.
//
//   marsad::TimelineQuery t;
//   t.by = marsad::TimelineQuery::By::kQuadClass;
//   t.events.actor = "MAR";
//   auto days = marsad::event_timeline(*store, t);   // rows by day, then key
//   marsad::DyadQuery d;
//   auto pairs = marsad::event_dyads(*store, d);     // heaviest pair first
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "marsad/stories.h"
#include "marsad/store.h"

namespace marsad {

struct TimelineQuery {
  enum class By { kRoot, kQuadClass };
  By by = By::kRoot;           // the series: CAMEO root code ("05") or QuadClass ("1".."4")
  EventQuery events;           // filters; events.limit bounds the rows returned
};

struct TimelinePoint {
  std::string day;             // YYYY-MM-DD of the event date (publication date when the event has none)
  std::string key;             // root code or QuadClass, as text
  uint64_t mentions = 0;       // event mentions that day
  uint64_t articles = 0;       // distinct articles carrying them
  uint64_t stories = 0;        // distinct stories: copies of one wire story count once
  double goldstein = 0;        // mean Goldstein score of the mentions
};

// Rows ordered by day, then key. Events without any date are left out.
Result<std::vector<TimelinePoint>> event_timeline(const Store& store, const TimelineQuery& q);

struct DyadQuery {
  bool countries = true;       // true: source/target countries (MAR, ISR); false: full actor codes (MARMIL)
  EventQuery events;           // filters; events.limit bounds the pairs returned
  uint64_t min_mentions = 1;   // leave out pairs with fewer mentions
};

struct Dyad {
  std::string source, target;
  uint64_t mentions = 0;       // the edge weight
  uint64_t articles = 0, stories = 0;
  std::array<uint64_t, 5> quad{};  // mentions per QuadClass 1..4 (index 0: none given)
  int dominant_quad = 0;       // the QuadClass with the most mentions (ties: the lower class)
  double goldstein = 0;        // mean
};

// Pairs with both sides known and different, heaviest first.
Result<std::vector<Dyad>> event_dyads(const Store& store, const DyadQuery& q);

}  // namespace marsad
