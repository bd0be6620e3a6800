// Quotes: marked quotes, reported speech and their speakers, as dump_quotes rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "marsad/events.h"
#include "marsad/pipeline.h"

namespace marsad {
namespace {

std::string quotes_of(std::string text) {
  InputDocument in;
  in.doc.text = std::move(text);
  auto r = analyze(std::move(in), AnalyzeOptions{});
  EXPECT_TRUE(r.ok());
  std::vector<Span> sentences;
  for (const Sentence& s : r->sentences) sentences.push_back(s.span);
  Tokenized t = tokenize(r->doc.text);
  return dump_quotes(find_quotes(r->doc.text, t, sentences, r->entities));
}

struct Row {
  const char* text;
  const char* expect;
};

class Quotes : public ::testing::TestWithParam<Row> {};

TEST_P(Quotes, Dump) {
  const Row& r = GetParam();
  EXPECT_EQ(quotes_of(r.text), r.expect) << r.text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Quotes,
    ::testing::Values(
        Row{"قال وزير الخارجية المغربي: «نحن ملتزمون بالسلام».", "[نحن ملتزمون بالسلام]<MARGOV|قال>"},
        Row{"وأكد الجيش المصري أن الوضع تحت السيطرة الكاملة في سيناء.",
            "[الوضع تحت السيطرة الكاملة في سيناء]<EGYMIL|وأكد>"},
        Row{"واعتبرت القوات الإسرائيلية أن الخطة «خطوة إضافية نحو الاستقرار»، وفق ما جاء في البلاغ.",
            "[خطوة إضافية نحو الاستقرار]<ISRMIL|وفق ما جاء في>"},
        Row{"رفع المتظاهرون لافتة كتب عليها «لا».", ""}));

}  // namespace
}  // namespace marsad
