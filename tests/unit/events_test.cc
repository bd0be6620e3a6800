// Events: the seed golden (issue 5), the coder's rules table-driven over
// one-sentence documents, and the exports (GDELT rows have 61 columns).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "events/words.h"
#include "marsad/events.h"
#include "marsad/pipeline.h"

namespace marsad {
namespace {

struct Coded {
  Record r;
  std::vector<Event> events;
  std::vector<Quote> quotes;
};

Coded code(std::string text, const std::string& published = "") {
  InputDocument in;
  in.doc.text = std::move(text);
  AnalyzeOptions opt;
  opt.published = published;
  auto r = analyze(std::move(in), opt);
  EXPECT_TRUE(r.ok());
  Coded c{std::move(*r), {}, {}};
  std::vector<Span> sentences;
  for (const Sentence& s : c.r.sentences) sentences.push_back(s.span);
  Tokenized t = tokenize(c.r.doc.text);
  c.events = find_events(c.r.doc.text, t, sentences, c.r.entities, c.r.dates, c.r.published);
  c.quotes = find_quotes(c.r.doc.text, t, sentences, c.r.entities);
  return c;
}

std::string read(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

Coded seed() { return code(read(MARSAD_SOURCE_DIR "/samples/nadorcity-joint-military-plan-2026.txt"), "2025-11-25"); }

// The coder compares words with table words by lexicon id (build_words looks each form up
// once); the slow reference is the string compare. Every word of the seed against every
// form the tables name.
TEST(EventsLexicon, IdsAgreeWithStringCompares) {
  const Coded c = seed();
  std::vector<Span> sentences;
  for (const Sentence& s : c.r.sentences) sentences.push_back(s.span);
  const Tokenized t = tokenize(c.r.doc.text);
  const internal::DocWords d = internal::build_words(c.r.doc.text, t, sentences, c.r.entities, &c.r.dates);
  const internal::EventTables& tab = internal::event_tables();
  ASSERT_GT(d.w.size(), 100u);
  size_t matches = 0;
  tab.lexicon.for_each([&](std::string_view k, const internal::Lexeme&) {
    const internal::WordId id = tab.id(k);
    ASSERT_NE(id, internal::kNoWord) << k;
    for (const internal::Word& w : d.w) {
      ASSERT_EQ(w.is(id), w.is(k)) << k << " vs " << w.key;
      matches += w.is(k);
    }
  });
  EXPECT_GT(matches, 10u);
}

TEST(EventsSeed, SignsAgreementBetweenMarmilAndIsrmilInTelAvivYesterday) {
  Coded c = seed();
  const Event* found = nullptr;
  for (const Event& e : c.events) {
    if (e.code == "057" && e.source.actor == "MARMIL" && e.target.actor == "ISRMIL") found = &e;
  }
  ASSERT_NE(found, nullptr) << dump_events(c.events);
  EXPECT_EQ(found->root, "05");
  EXPECT_EQ(found->plover, "SUPPORT");  // data/events/cameo_codes.tsv (PLOVER 2021 table)
  EXPECT_DOUBLE_EQ(found->goldstein, 8.0);
  EXPECT_EQ(found->quad_class, 1);
  ASSERT_TRUE(found->location.present);
  EXPECT_EQ(found->location.country, "ISR");
  EXPECT_EQ(found->location.text, "تل أبيب");
  EXPECT_EQ(found->date.value, "2025-11-24");
  EXPECT_EQ(found->date.grain, "day");
  EXPECT_EQ(found->date_source, "text");
  EXPECT_EQ(found->modality, "asserted");
  EXPECT_FALSE(found->negated);
  EXPECT_EQ(found->trigger_text, "وقّع");
  const std::string& text = c.r.doc.text;
  EXPECT_EQ(text.substr(found->trigger.start, found->trigger.end - found->trigger.start), "وقّع");
  EXPECT_GT(found->confidence, 0.7);
}

TEST(EventsSeed, QuoteOfTheIdfStatement) {
  Coded c = seed();
  const Quote* q = nullptr;
  for (const Quote& x : c.quotes) {
    if (x.text == "خطوة إضافية نحو تعزيز الاستقرار الإقليمي") q = &x;
  }
  ASSERT_NE(q, nullptr) << dump_quotes(c.quotes);
  EXPECT_EQ(q->speaker.actor, "ISRMIL");
  EXPECT_EQ(c.r.doc.text.substr(q->span.start, q->span.end - q->span.start), q->text);
}

TEST(EventsSeed, NoEventCrossesASentence) {
  Coded c = seed();
  ASSERT_FALSE(c.events.empty());
  for (const Event& e : c.events) {
    auto inside = [&](const Span& s) { return s.start >= e.sentence.start && s.end <= e.sentence.end; };
    EXPECT_TRUE(inside(e.trigger)) << dump_events({e});
    if (e.source.entity >= 0) EXPECT_TRUE(inside(e.source.span)) << dump_events({e});
    if (e.target.entity >= 0) EXPECT_TRUE(inside(e.target.span)) << dump_events({e});
    if (e.location.present) EXPECT_TRUE(inside(e.location.span)) << dump_events({e});
  }
}

TEST(EventsSeed, GdeltExportIsTsvWith61Columns) {
  Coded c = seed();
  EventExport x{"seed", "https://www.nadorcity.com/seed", "2025-11-25", false};
  std::string out;
  uint64_t id = 1;
  for (const Event& e : c.events) write_gdelt_row(out, x, e, id++);
  ASSERT_FALSE(out.empty());
  std::istringstream in(out);
  std::string line;
  int rows = 0;
  bool saw_057 = false;
  while (std::getline(in, line)) {
    ++rows;
    std::vector<std::string> cols;
    size_t b = 0;
    for (;;) {
      size_t e = line.find('\t', b);
      cols.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
      if (e == std::string::npos) break;
      b = e + 1;
    }
    ASSERT_EQ(cols.size(), 61u) << line;
    EXPECT_EQ(cols[59], "20251125000000");
    EXPECT_EQ(cols[60], "https://www.nadorcity.com/seed");
    if (cols[26] == "057" && cols[5] == "MARMIL" && cols[15] == "ISRMIL") {
      saw_057 = true;
      EXPECT_EQ(cols[1], "20251124");
      EXPECT_EQ(cols[2], "202511");
      EXPECT_EQ(cols[3], "2025");
      EXPECT_EQ(cols[7], "MAR");
      EXPECT_EQ(cols[12], "MIL");
      EXPECT_EQ(cols[17], "ISR");
      EXPECT_EQ(cols[28], "05");
      EXPECT_EQ(cols[29], "1");
      EXPECT_EQ(cols[30], "8.0");
      EXPECT_EQ(cols[53], "ISR");
    }
  }
  EXPECT_EQ(rows, static_cast<int>(c.events.size()));
  EXPECT_TRUE(saw_057);
  EXPECT_EQ(gdelt_columns().size(), 61u);
}

TEST(EventsExport, PloverAndCsv) {
  Coded c = seed();
  EventExport x{"seed", "", "2025-11-25", true};
  std::string p, csv;
  write_csv_header(csv);
  for (const Event& e : c.events) {
    write_plover_line(p, x, e, 1);
    write_csv_row(csv, x, e, 1);
  }
  EXPECT_NE(p.find("\"event_type\":\"SUPPORT\""), std::string::npos) << p;
  EXPECT_NE(csv.find("057,05,SUPPORT"), std::string::npos) << csv;
}

// One-sentence documents: the rules, as "dump_events" expectations (a substring must appear).
struct Row {
  const char* text;
  const char* expect;  // substring of dump_events
  const char* published = "2024-03-10";
};

class EventsRules : public ::testing::TestWithParam<Row> {};

TEST_P(EventsRules, Dump) {
  const Row& r = GetParam();
  Coded c = code(r.text, r.published);
  EXPECT_NE(dump_events(c.events).find(r.expect), std::string::npos)
      << r.text << "\n  got: " << dump_events(c.events) << "\n  want: " << r.expect;
}

INSTANTIATE_TEST_SUITE_P(
    Table, EventsRules,
    ::testing::Values(
        Row{"وقع المغرب وإسرائيل اتفاقية للتعاون العسكري.", "057 MAR>ISR"},
        Row{"المغرب وإسرائيل يوقعان اتفاقية للتعاون العسكري.", "057 MAR>ISR"},
        Row{"شهدت الرباط توقيع اتفاقية بين المغرب وإسبانيا.", "057 MAR>ESP"},
        Row{"لم يوقع المغرب الاتفاقية مع إسبانيا.", "057 MAR>ESP 2024-03-10/day(published) negated"},
        Row{"سيوقع المغرب اتفاقية مع إسبانيا الأسبوع المقبل.", "future"},
        Row{"من المقرر أن يزور الرئيس الفرنسي المغرب.", "042 FRAGOV>MAR 2024-03-10/day(published) planned"},
        Row{"زار الرئيس الفرنسي المغرب أمس.", "042 FRAGOV>MAR 2024-03-09/day(text) asserted"},
        Row{"شنت إسرائيل غارات على غزة.", "ISR>"},
        Row{"تظاهر آلاف المغاربة في الرباط احتجاجا على غلاء الأسعار.", "141 MAR> @"},
        Row{"اعتقلت الشرطة المصرية عشرات المتظاهرين في القاهرة.", "173 EGYCOP>"},
        Row{"إذا هاجمت إيران إسرائيل فسترد الولايات المتحدة.", "conditional"}));

// The sentence's own event, and nothing from its background: what the rows say must be the
// whole dump ("" = no event at all).
class EventsMainEvent : public ::testing::TestWithParam<Row> {};

TEST_P(EventsMainEvent, WholeDump) {
  const Row& r = GetParam();
  Coded c = code(r.text, r.published);
  std::string brief;
  for (const Event& e : c.events) {
    if (!brief.empty()) brief += " | ";
    brief += e.code + " " + e.source.actor + ">" + e.target.actor + " [" + e.trigger_text + "]";
  }
  EXPECT_EQ(brief, r.expect) << r.text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, EventsMainEvent,
    ::testing::Values(
        // احتجاجا على مقتل: the killing is what the protest is about, not a second event.
        Row{"تظاهر مئات الطلاب في الرباط احتجاجا على مقتل زميلهم.", "141 EDU> [تظاهر]"},
        // Protesters burning things riot (145), they do not "destroy property" (1712).
        Row{"أحرق المتظاهرون مقر الحزب في القاهرة.", "145 OPP> [أحرق]"},
        // وهتف: the clitic analyser leaves it whole; the trigger table still finds هتف.
        Row{"وهتف المتظاهرون في تونس مطالبين برحيل الحكومة.", "141 OPP>GOV [وهتف]"},
        // تظاهرة among festival words is a cultural event (senses.tsv), not a demonstration.
        Row{"انطلقت في سوسة فعاليات الدورة الخامسة من تظاهرة المدينة الثقافية.", ""},
        // على تجمع: the gathering is the shell's target, not a protest.
        Row{"أطلقت دبابة إسرائيلية قذيفة على تجمع للمواطنين في غزة.", "190 ISR> [أطلقت]"},
        // Nobody identifiable thanks anybody: no event.
        Row{"شكرا لكم على الحضور.", ""},
        // The speech verb yields to the event it reports.
        Row{"وقال الوزير إن الشرطة اعتقلت عشرة أشخاص في الرباط.", "173 COP> [اعتقلت]"},
        // الذكرى الخامسة لتوقيع: an anniversary, not a signing today.
        Row{"احتفل البلدان بالذكرى الخامسة لتوقيع اتفاقية السلام بين مصر وإسرائيل.", ""}));

}  // namespace
}  // namespace marsad
