// Entities: gazetteer matching with clitics, composition rules, the seed.
#include <gtest/gtest.h>

#include "marsad/entities.h"
#include "marsad/io.h"
#include "marsad/pipeline.h"

namespace marsad {
namespace {

std::string dump(const std::string& text, const std::string& outlet_country = "") {
  Tokenized t = tokenize(text);
  return dump_entities(text, find_entities(text, t, {{0, t.tokens.size()}}, {outlet_country}));
}

TEST(Entities, Dumps) {
  struct Case {
    const char* in;
    const char* dump;
  } cases[] = {
      {"زار المغرب", "المغرب:MAR/country"},
      {"وللمغرب والمغرب", "لمغرب:MAR/country المغرب:MAR/country"},  // the span starts at لل's article
      {"قال وزير الخارجية المغربي", "وزير الخارجية المغربي:MARGOV/role"},
      {"هاجم الجيش المصري", "الجيش المصري:EGYMIL/armed_forces"},
      {"القوات المسلحة الملكية المغربية ونظيرتها الإسرائيلية",
       "القوات المسلحة الملكية المغربية:MARMIL/armed_forces نظيرتها الإسرائيلية:ISRMIL/armed_forces"},
      {"بين المغرب وإسرائيل في البلدين", "المغرب:MAR/country إسرائيل:ISR/country البلدين:pair:MAR+ISR/group"},
      {"بالعاصمة تل أبيب", "تل أبيب:geo:ISR:Tel_Aviv/city"},
      {"الولايات المتحدة الأمريكية", "الولايات المتحدة الأمريكية:USA/country"},
      {"اتفاقيات أبراهام", "اتفاقيات أبراهام:MISC/agreement"},
  };
  for (const Case& c : cases) EXPECT_EQ(dump(c.in), c.dump) << c.in;
}

TEST(Entities, BareKingdomIsTheOutletsCountry) {
  EXPECT_EQ(dump("أعلنت المملكة", "MAR"), "المملكة:MAR/country");
  EXPECT_EQ(dump("أعلنت المملكة"), "");
}

struct Expect {
  const char* text;
  const char* field;  // "id", "actor", "country", "kind", "type"
  const char* value;
};

TEST(Entities, SeedLinks) {
  auto text = read_file(MARSAD_SOURCE_DIR "/samples/nadorcity-joint-military-plan-2026.txt");
  ASSERT_TRUE(text.ok());
  InputDocument in;
  in.doc.text = *text;
  auto r = analyze(std::move(in), {});
  ASSERT_TRUE(r.ok());
  auto has = [&](const Expect& x) {
    for (const Entity& e : r->entities) {
      std::string_view t = std::string_view(r->doc.text).substr(e.span.start, e.span.end - e.span.start);
      if (t != x.text && e.name != x.text) continue;
      std::string_view f = x.field;
      const std::string& v = f == "id" ? e.id : f == "actor" ? e.actor : f == "country" ? e.country : f == "kind" ? e.kind : e.type;
      if (v == x.value) return true;
    }
    return false;
  };
  const Expect expects[] = {
      {"المغرب", "id", "MAR"},
      {"المغربية", "id", "MAR"},
      {"إسرائيل", "id", "ISR"},
      {"الإسرائيلية", "id", "ISR"},
      {"تل أبيب", "country", "ISR"},
      {"تل أبيب", "kind", "city"},
      {"الولايات المتحدة الأمريكية", "id", "USA"},
      {"القوات المسلحة الملكية المغربية", "actor", "MARMIL"},
      {"قوات الدفاع الإسرائيلية", "actor", "ISRMIL"},
      {"نظيرتها الإسرائيلية", "actor", "ISRMIL"},
      {"اللجنة العسكرية المشتركة", "kind", "organization"},
      {"اتفاقيات أبراهام", "type", "MISC"},
  };
  for (const Expect& x : expects) EXPECT_TRUE(has(x)) << x.text << " " << x.field << "=" << x.value;
}

}  // namespace
}  // namespace marsad
