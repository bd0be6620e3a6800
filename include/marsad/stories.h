// marsad/stories.h — one story told by many outlets, and the events in it.
//
// Near-duplicate articles (syndicated copies, lightly edited rewrites) are
// clustered into stories with MinHash over word shingles of the body's match
// key stems, indexed by LSH. Clustering is incremental: each new article joins
// the story of its most similar stored article when their estimated
// similarity reaches the threshold, or opens a new story. A story records its
// first-seen time, its number of articles and outlets, and a representative
// article (the earliest published). Events are counted per story, as GDELT
// does (NumMentions / NumSources / NumArticles), so copies do not inflate them.
//
//   marsad::Signature s = marsad::minhash(marsad::tokenize(body), {});
//   marsad::estimate_similarity(s, other);               // ≈ Jaccard of shingle sets
//   auto stories = marsad::list_stories(*store, {.min_articles = 2});
//   auto events = marsad::query_events(*store, {.actor = "MAR"});
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "marsad/json.h"
#include "marsad/status.h"
#include "marsad/store.h"
#include "marsad/tokenize.h"

namespace marsad {

// How articles are compared. Stored in the store when it is created; changing
// the threshold later takes `marsad reanalyze --stories --threshold X`.
struct StoryOptions {
  static constexpr int kHashes = 128;  // one-permutation MinHash bins (fixed: signatures are stored)
  static constexpr int kBands = 32;    // LSH bands of kHashes / kBands rows each
  int shingle = 2;                     // words per shingle
  double threshold = 0.45;             // estimated similarity at or above which an article joins
  double containment = 0.8;            // ... or estimated containment of the shorter in the longer,
  uint32_t min_containment_shingles = 12;  //   when the shorter has at least this many shingles
};

struct Signature {
  std::vector<uint32_t> mins;  // kHashes values; empty when the text has no words
  uint32_t shingles = 0;       // distinct shingles hashed
};

// Shingles of the words of `t` (stems for Arabic, keys otherwise; shingles do
// not cross `breaks`, byte offsets where a paragraph starts).
Signature minhash(const Tokenized& t, const std::vector<uint32_t>& breaks, int shingle = 2);

// Fraction of equal bins: an unbiased estimate of the Jaccard similarity.
double estimate_similarity(const Signature& a, const Signature& b);
// Estimated share of the smaller set's shingles that are in the other.
double estimate_containment(const Signature& a, const Signature& b);

struct StoryRow {
  int64_t id = 0;
  std::string first_seen, last_seen;  // publication times (ingest time when unknown)
  uint64_t articles = 0, outlets = 0;
  int64_t representative = 0;         // article id
  std::string title;                  // the representative's
  std::string source;                 // the representative's outlet
};

struct StoryQuery {
  uint64_t min_articles = 2;
  uint64_t min_outlets = 1;
  std::string since, until;           // on first_seen
  std::string sort = "articles";      // articles | outlets | recent
  size_t limit = 50;
};

Result<std::vector<StoryRow>> list_stories(const Store& store, const StoryQuery& q);
Result<StoryRow> get_story(const Store& store, int64_t id);
// Articles of a story, earliest first: (id, published, source, title).
struct StoryMember {
  int64_t id = 0;
  std::string published, source, title, url;
};
Result<std::vector<StoryMember>> story_members(const Store& store, int64_t id, size_t limit = 1000);

// Events as stored from the records' `events` arrays, aggregated per story:
// one row per (story, code, source actor, target actor, date, modality,
// negated), counting every mention, distinct outlets and distinct articles.
struct EventQuery {
  std::string actor;        // either side; a prefix of the CAMEO code ("MAR" matches MARMIL)
  std::string dyad_source;  // --dyad A,B: source A and target B (prefixes)
  std::string dyad_target;
  std::string code;         // CAMEO code or its prefix ("05" for all of 05x)
  std::string root;         // CAMEO root code ("05")
  std::string since, until; // on the event date (publication date when the event has none)
  int64_t story = 0;
  size_t limit = 1000;
};

struct EventAggregate {
  int64_t story = 0;
  std::string date, code, root, plover;
  std::string source_actor, source_country, target_actor, target_country;
  std::string location_country;
  std::string modality;
  bool negated = false;
  double goldstein = 0;
  int quad_class = 0;
  uint64_t num_mentions = 0;   // event mentions across the story's articles
  uint64_t num_sources = 0;    // distinct outlets
  uint64_t num_articles = 0;   // distinct articles
  int64_t first_article = 0;   // earliest published article carrying it
  std::string url;             // that article's URL
};

Result<std::vector<EventAggregate>> query_events(const Store& store, const EventQuery& q);

// One aggregate as a JSON object, the same for `marsad events --db --format
// json` and /api/events: {"story", "date", "code", "root", "plover",
// "source_actor", "source_country", "target_actor", "target_country",
// "location_country", "modality", "negated", "goldstein", "quad_class",
// "num_mentions", "num_sources", "num_articles", "first_article", "url"}.
void write_event_aggregate_json(JsonWriter& w, const EventAggregate& e);

}  // namespace marsad
