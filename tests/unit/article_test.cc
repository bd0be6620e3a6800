// Article layer: bylines, titles, datelines, repeats, JSON input.
#include <gtest/gtest.h>

#include "marsad/article.h"
#include "marsad/input.h"

namespace marsad {
namespace {

std::string byline_dump(std::string_view text) {
  Source s;
  Dateline d;
  if (!parse_byline(text, s, d)) return "-";
  std::string out = "outlet=" + s.outlet.id + " kind=" + s.kind + " place=" + d.place + " person=" + d.person +
                    " agencies=";
  for (const auto& a : d.agencies) out += a.id + ",";
  return out;
}

TEST(Byline, Reads) {
  struct Case {
    const char* in;
    const char* dump;
  } cases[] = {
      {"ناظورسيتي: متابعة", "outlet=nadorcity kind=متابعة place= person= agencies="},
      {"لندن: رنيم حنوش", "outlet= kind= place=لندن person=رنيم حنوش agencies="},
      {"واس - الرياض", "outlet=spa kind= place=الرياض person= agencies=spa,"},
      {"الرياض - الوئام :", "outlet=alweeam kind= place=الرياض person= agencies="},
      {"«الاقتصادية» من الرياض", "outlet=aleqtisadiya kind= place=الرياض person= agencies="},
      {"القاهرة - أحمد الريدي", "outlet= kind= place=القاهرة person=أحمد الريدي agencies="},
      {"الرباط (و م ع)", "outlet=map kind= place=الرباط person= agencies=map,"},
      {"مدريد - د ب أ", "outlet=dpa kind= place=مدريد person= agencies=dpa,"},
  };
  for (const Case& c : cases) EXPECT_EQ(byline_dump(c.in), c.dump) << c.in;
}

Article parse(const std::string& text) {
  Document d;
  d.text = text;
  auto a = parse_article(d);
  EXPECT_TRUE(a.ok());
  return a.ok() ? *a : Article{};
}

TEST(Article, TitleFirst) {
  std::string text = "المغرب يوقع اتفاقية جديدة\n\nالرباط (و م ع) - وقع المغرب اليوم اتفاقية للتعاون.\nوأضاف المصدر أن الاتفاقية تشمل مجالات عدة.";
  Article a = parse(text);
  EXPECT_EQ(a.title, "المغرب يوقع اتفاقية جديدة");
  EXPECT_EQ(a.title_position, "first");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(text.substr(a.paragraphs[0].start, a.paragraphs[0].end - a.paragraphs[0].start),
            "وقع المغرب اليوم اتفاقية للتعاون.");
  EXPECT_EQ(a.dateline.place, "الرباط");
  ASSERT_EQ(a.dateline.agencies.size(), 1u);
  EXPECT_EQ(a.dateline.agencies[0].id, "map");
}

TEST(Article, NoTitleWhenEveryLineIsProse) {
  Article a = parse("قال الوزير إن الحكومة ستعمل على ذلك.\nوأضاف أن المشروع سينطلق قريبا.");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST(Article, NearDuplicateIsRemovedAndPointsAtTheOriginal) {
  std::string p1 = "أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في عدد من المدن الكبرى خلال الأسبوع الماضي وفق بلاغ رسمي";
  std::string p2 = "أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في عدد من المدن الكبرى خلال الأسبوع الماضي وفق بلاغ رسمي صادر";
  Article a = parse(p1 + "\n" + "فقرة أخرى مختلفة تماما عن سابقتها.\n" + p2);
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].reason, "near_duplicate");
  EXPECT_EQ(a.removed[0].duplicate_of, 0);
  EXPECT_GE(a.removed[0].similarity, 0.9);
}

TEST(Article, ShortRepeatsMustBeExact) {
  Article a = parse("نعم.\nلا.\nنعم.");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].reason, "exact_duplicate");
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST(Article, EmptyAndWhitespaceAreErrors) {
  Document d;
  EXPECT_EQ(parse_article(d).status().code(), Error::kEmpty);
  d.text = " \n\t\n \u00a0 ";
  EXPECT_EQ(parse_article(d).status().code(), Error::kEmpty);
}

TEST(Input, JsonFieldsMap) {
  InputOptions opt;
  auto d = document_from_json(
      R"({"source": "aawsat", "date_extracted": "2015-07-21 02:51:32", "title": "عنوان", "author": "لندن: رنيم حنوش", "content": "نص المقال."})",
      opt, "x.jsonl", 7);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_EQ(d->doc.text, "نص المقال.");
  EXPECT_EQ(d->doc.source, "aawsat");
  EXPECT_EQ(d->doc.published, "2015-07-21 02:51:32");
  EXPECT_EQ(d->doc.line, 7u);
  auto a = parse_article(d->doc);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->source.outlet.id, "aawsat");
  EXPECT_EQ(a->dateline.place, "لندن");
  EXPECT_EQ(a->dateline.person, "رنيم حنوش");
}

TEST(Input, ParagraphArrays) {
  auto d = document_from_json(R"({"source": "febrayer.com", "paragraphs": ["أ ب.", "ج د."]})", {}, "m.jsonl", 1);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->doc.text, "أ ب.\n\nج د.");
}

TEST(Input, BadJsonNamesFileAndLine) {
  auto d = document_from_json("{\"text\": \"abc", {}, "bad.jsonl", 12);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Error::kBadJson);
  EXPECT_EQ(d.status().to_string().substr(0, 13), "bad.jsonl:12:");
  auto n = document_from_json(R"({"url": "x", "content": "  "})", {}, "bad.jsonl", 13);
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("no text"), std::string::npos);
  auto w = document_from_json(R"({"text": 5})", {}, "bad.jsonl", 14);
  ASSERT_FALSE(w.ok());
}

}  // namespace
}  // namespace marsad
