// The reference article (samples/nadorcity-joint-military-plan-2026.txt):
// byline first, four repeated paragraphs, title last.
#include <gtest/gtest.h>

#include "marsad/io.h"
#include "marsad/pipeline.h"

namespace marsad {
namespace {

Record analyze_seed() {
  auto text = read_file(MARSAD_SOURCE_DIR "/samples/nadorcity-joint-military-plan-2026.txt");
  EXPECT_TRUE(text.ok());
  InputDocument in;
  in.doc.text = *text;
  in.doc.file = "seed.txt";
  AnalyzeOptions opt;
  opt.published = "2025-11-25";
  auto r = analyze(std::move(in), opt);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return std::move(*r);
}

std::string_view slice(const Record& r, Span s) {
  return std::string_view(r.doc.text).substr(s.start, s.end - s.start);
}

TEST(Seed, SourceFromTheBylineLine) {
  Record r = analyze_seed();
  EXPECT_EQ(r.article.source.name, "ناظورسيتي");
  EXPECT_EQ(r.article.source.outlet.name_latin, "Nadorcity");
  EXPECT_EQ(r.article.source.kind, "متابعة");
  EXPECT_EQ(r.article.source.outlet.country, "MAR");
  EXPECT_EQ(slice(r, r.article.source.span), "ناظورسيتي: متابعة");
}

TEST(Seed, TitleIsTheLastLineExactly) {
  Record r = analyze_seed();
  EXPECT_EQ(r.article.title, "المغرب وإسرائيل يوقعان خطة العمل العسكري المشترك لسنة 2026");
  EXPECT_EQ(r.article.title_position, "last");
  EXPECT_EQ(slice(r, r.article.title_span), r.article.title);
}

TEST(Seed, FiveParagraphsInOrderAndFourRemovals) {
  Record r = analyze_seed();
  const auto& a = r.article;
  ASSERT_EQ(a.paragraphs.size(), 5u);
  const char* starts[] = {"وقّع ممثلون", "وأفادت قوات الدفاع", "وأوضح البلاغ", "وأشار المصدر", "واعتبرت القوات"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(slice(r, a.paragraphs[i]).substr(0, std::string_view(starts[i]).size()), starts[i]) << i;
    if (i) {
      EXPECT_LT(a.paragraphs[i - 1].end, a.paragraphs[i].start);
    }
  }
  ASSERT_EQ(a.removed.size(), 4u);
  const int originals[] = {0, 1, 3, 4};
  for (size_t i = 0; i < 4; ++i) {
    const Removed& x = a.removed[i];
    EXPECT_EQ(x.reason, "exact_duplicate");
    EXPECT_EQ(x.duplicate_of, originals[i]);
    EXPECT_EQ(slice(r, x.span), slice(r, a.paragraphs[static_cast<size_t>(x.duplicate_of)]));
    EXPECT_GT(x.span.start, a.paragraphs[static_cast<size_t>(x.duplicate_of)].end);
  }
}

TEST(Seed, SentencesStayInsideTheirParagraphs) {
  Record r = analyze_seed();
  ASSERT_GE(r.sentences.size(), 5u);
  for (const Sentence& s : r.sentences) {
    const Span p = r.article.paragraphs[s.paragraph];
    EXPECT_LE(p.start, s.span.start);
    EXPECT_LE(s.span.end, p.end);
  }
  EXPECT_EQ(r.published->iso(), "2025-11-25");
}

// The seed is a news item on Moroccan-Israeli military cooperation: the
// bundled model's best labels are news sections, with calibrated scores.
TEST(Seed, CarriesTopicsFromTheBundledModel) {
  Record r = analyze_seed();
  ASSERT_EQ(r.topics.size(), 3u);
  EXPECT_EQ(r.topics[0].label, "international");
  double sum = 0;
  for (size_t i = 0; i < r.topics.size(); ++i) {
    sum += r.topics[i].score;
    if (i > 0) {
      EXPECT_GE(r.topics[i - 1].score, r.topics[i].score);
    }
    EXPECT_NE(r.topics[i].label, "sport");
  }
  EXPECT_LE(sum, 1.0 + 1e-6);
  EXPECT_GT(r.topics[0].score, 0.3);
}

}  // namespace
}  // namespace marsad
