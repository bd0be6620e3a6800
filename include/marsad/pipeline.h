// marsad/pipeline.h — the one place that knows the order of the stages.
//
//   document -> UTF-8 check (input.h) -> article (byline, title, dateline,
//   paragraphs, repeats) -> tokens and sentences -> dates -> entities ->
//   events and quotes -> record
//
// Later stages (dates, entities, events, quotes, topics) add their results to
// the same Record here, each as one more small stage.
//
//   marsad::AnalyzeOptions opt;
//   opt.published = "2025-11-25";
//   marsad::Result<marsad::Record> r = marsad::analyze(std::move(input_doc), opt);
//   if (r) marsad::write_record_json(*r, writer);   // output.h
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "marsad/article.h"
#include "marsad/dates.h"
#include "marsad/entities.h"
#include "marsad/events.h"
#include "marsad/input.h"
#include "marsad/sentences.h"
#include "marsad/status.h"
#include "marsad/timestamp.h"
#include "marsad/topics.h"

namespace marsad {

inline constexpr const char* kSchema = "marsad.article/1";

struct AnalyzeOptions {
  ArticleOptions article;
  DateOptions dates;
  std::string published;  // default publication time for documents that carry none ("" = none)
  // Topics: the best `max_topics` labels of `topic_model` (nullptr: the
  // bundled model, TopicModel::builtin()); 0 leaves `topics` empty.
  const TopicModel* topic_model = nullptr;
  size_t max_topics = 3;
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;  // index into Article::paragraphs
};

struct Stats {
  uint64_t bytes = 0;           // of the document text
  uint64_t paragraphs = 0;      // kept
  uint64_t removed = 0;         // repeated paragraphs removed
  uint64_t sentences = 0;
  uint64_t tokens = 0;          // non-space tokens in kept paragraphs
  uint64_t words = 0;           // word tokens in kept paragraphs
  uint64_t arabic_words = 0;
  uint64_t clitic_splits = 0;   // Arabic words with at least one proclitic (article included)
  uint64_t replaced = 0;        // invalid UTF-8 sequences replaced (--lossy)
};

struct Record {
  Document doc;
  Article article;
  std::optional<Timestamp> published;
  std::string published_source;        // "document" | "option" | ""
  std::vector<Sentence> sentences;
  std::vector<TimeExpression> dates;   // time expressions, resolved against `published` when known
  std::vector<Entity> entities;        // countries, places, organisations, forces, roles, people
  std::vector<Event> events;           // who did what to whom, where and when (CAMEO/PLOVER)
  std::vector<Quote> quotes;           // quoted and reported speech with speakers
  std::vector<TopicScore> topics;      // best first, calibrated probabilities (title + kept paragraphs)
  Stats stats;
  std::vector<std::string> warnings;   // things changed or ignored, never silently
};

Result<Record> analyze(InputDocument in, const AnalyzeOptions& opt);
// The same, also handing back the tokenization of record.doc.text that every
// stage read (with the clitic analyses they asked for), for a caller that
// tokenizes the same text again: the store's search index does.
Result<Record> analyze(InputDocument in, const AnalyzeOptions& opt, Tokenized& tokens);

}  // namespace marsad
