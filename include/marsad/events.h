// marsad/events.h — who did what to whom, where and when: sentence-level
// event coding in CAMEO and PLOVER, quotes with their speakers, and the
// GDELT / PLOVER / CSV exports of coded events.
//
// The coder reads the tokens, the entities and the dates the earlier stages
// found. A trigger (a verb form, a masdar or an event noun from
// data/events/verbs.tsv, matched on match keys with proclitics stripped) gives
// the CAMEO code; its actors, place and date are taken from the trigger's own
// clause only (never from another sentence):
//   - VSO, SVO, passive (من قبل / على يد X) and بين X و Y roles;
//   - joint actions (X و Y وقّعا, وقّع ممثلون عن X ونظيرتها Y) give X as
//     source and Y as target;
//   - the place is a city, region or country named with في / ب in the clause;
//   - the date is the clause's time expression nearest the trigger, else the
//     publication date (date_source says which);
//   - modality from data/events/modality.tsv (لم، لن، سـ، من المقرر، إذا، زعم ...).
//
//   marsad::Tokenized t = marsad::tokenize(text);
//   auto events = marsad::find_events(text, t, sentences, entities, dates, published);
//   for (const marsad::Event& e : events)
//     std::cout << e.code << " " << e.source.actor << " -> " << e.target.actor << "\n";
//   // 057 MARMIL -> ISRMIL
//   auto quotes = marsad::find_quotes(text, t, sentences, entities);
//   // «خطوة إضافية نحو تعزيز الاستقرار الإقليمي» speaker ISRMIL
//
// Exports (one writer per format, shared by the CLI and the server):
//   marsad::EventExport x{...};  marsad::write_gdelt_row(out, x, e, 1);
// docs/events.md documents every field and column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/dates.h"
#include "marsad/entities.h"
#include "marsad/json.h"
#include "marsad/sentences.h"
#include "marsad/timestamp.h"
#include "marsad/tokenize.h"

namespace marsad {

struct EventActor {
  std::string text;     // the mention as a name ("" when the role is empty)
  std::string actor;    // CAMEO actor code (MARMIL, ISR, GOV), "" if the entity has none
  std::string country;  // ISO 3166 alpha-3, "" if unknown
  Span span;
  int entity = -1;      // index into the entities vector; -1 for none (or a country of a group)
  bool present() const { return !text.empty() || !actor.empty(); }
};

struct Event {
  std::string code, root, plover;  // CAMEO code (057), its root (05), PLOVER type ("" for root 01)
  std::string plover_mode;         // PLOVER mode where the table gives one
  EventActor source, target;
  struct {
    std::string text, id, country;
    Span span;
    bool present = false;
  } location;
  struct {
    std::string value, grain;
  } date;
  std::string date_source;  // "text" | "published" | ""
  std::string modality;     // asserted | negated | future | planned | conditional | reported | possible
  bool negated = false;
  double goldstein = 0;
  int quad_class = 0;
  Span sentence, trigger;
  std::string trigger_text;
  double confidence = 0;
};

struct Quote {
  std::string text;  // what was said, without the quote marks
  Span span;
  struct {
    std::string text, actor;
    Span span;
    int entity = -1;
  } speaker;
  std::string verb;  // the attribution verb or phrase as written ("" when none was found)
};

// `sentences`: sentence spans of the kept text in document order; `entities` and
// `dates`: what the earlier stages found (any order). Spans are original byte offsets
// into `text`, and t = tokenize(text). `published` may be empty.
std::vector<Event> find_events(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                               const std::vector<Entity>& entities, const std::vector<TimeExpression>& dates,
                               const std::optional<Timestamp>& published);

std::vector<Quote> find_quotes(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                               const std::vector<Entity>& entities);

// Both over one word view of the text (what analyze does): the same results as find_events
// and find_quotes called apart, with the words, clitics and entity cover prepared once.
struct EventsAndQuotes {
  std::vector<Event> events;
  std::vector<Quote> quotes;
};
EventsAndQuotes find_events_and_quotes(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                                       const std::vector<Entity>& entities, const std::vector<TimeExpression>& dates,
                                       const std::optional<Timestamp>& published);

// The `events` and `quotes` arrays of the record (docs/events.md).
void write_events_json(JsonWriter& w, const std::vector<Event>& events);
void write_quotes_json(JsonWriter& w, const std::vector<Quote>& quotes);

// Debug dump for tests, one item per event:
// "057 MARMIL>ISRMIL @geo:ISR:Tel_Aviv 2025-11-24/day(text) asserted [وقّع]".
std::string dump_events(const std::vector<Event>& events);
// "[خطوة إضافية …]<ISRMIL|وفق ما جاء في>".
std::string dump_quotes(const std::vector<Quote>& quotes);

// CAMEO codebook lookups (data/events/cameo_codes.tsv); false when the code is unknown.
struct CameoCode {
  std::string code, name, root, plover, plover_mode;
  double goldstein = 0;
  int quad_class = 0;
};
bool lookup_cameo(std::string_view code, CameoCode& out);

// ---- Exports ---------------------------------------------------------------
// What an export row needs besides the event: the article it came from.
struct EventExport {
  std::string doc_id;      // record id (or input file:line)
  std::string url;         // SOURCEURL: the article's URL, or its id when it has none
  std::string published;   // ISO publication time of the article ("" if unknown)
  bool root_sentence = false;  // the event is in the article's first sentence (GDELT IsRootEvent)
  // GDELT's NumMentions/NumSources/NumArticles: 1 for an event of one record,
  // the story's counts for an event aggregated by the store (stories.h).
  uint64_t num_mentions = 1, num_sources = 1, num_articles = 1;
};

inline constexpr int kGdeltColumns = 61;
// GDELT 2.0 event table column names, in order.
const std::vector<std::string_view>& gdelt_columns();
// One tab-separated row of 61 columns, '\n'-terminated. `id` is GLOBALEVENTID.
void write_gdelt_row(std::string& out, const EventExport& x, const Event& e, uint64_t id);
// One PLOVER JSON object (a line of PLOVER JSONL), '\n'-terminated.
void write_plover_line(std::string& out, const EventExport& x, const Event& e, uint64_t id);
// CSV (RFC 4180) with a header line written by write_csv_header.
void write_csv_header(std::string& out);
void write_csv_row(std::string& out, const EventExport& x, const Event& e, uint64_t id);
// One RFC 4180 field: quoted (quotes doubled) when it holds , " or a line break.
void append_csv_field(std::string& out, std::string_view s);

// Versions of the event tables compiled in (a hash of data/events/*.tsv).
std::string_view events_tables_version();

}  // namespace marsad
