// The learned NER tagger: model files, CoNLL reading, the bundled model on
// real sentences, and `marsad ner --conll`.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "marsad/ner.h"
#include "marsad/tokenize.h"
#include "ner/model_impl.h"

namespace marsad {
namespace {

// "دونالد ترامب/PERS | المغرب/LOC": the spans the model finds in `text`.
std::string dump_ner(const NerModel& m, std::string_view text, const std::vector<uint8_t>* gaz = nullptr) {
  const Tokenized t = tokenize(text);
  std::string out;
  for (const NerSpan& s : m.tag(t, 0, t.tokens.size(), gaz)) {
    if (!out.empty()) out += " | ";
    out += text.substr(t.tokens[s.first_token].start, t.tokens[s.last_token].end - t.tokens[s.first_token].start);
    out += "/" + s.type;
  }
  return out;
}

std::string dump_tags(const NerSentence& s) {
  std::string out;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (i) out += ' ';
    out += s.tokens[i] + ":" + std::string(ner_tag_name(s.tags[i]));
  }
  return out;
}

// A small model trained in memory, for file-format tests.
const NerModel& tiny_model() {
  static const NerModel* m = [] {
    auto doc = parse_conll(
        "قال O\nالرئيس O\nدونالد B-PERS\nترامب I-PERS\nفي O\nواشنطن B-LOC\n. O\n\n"
        "زار O\nالسيد O\nأحمد B-PERS\nالقاهرة B-LOC\n. O\n");
    NerTrainOptions opt;
    opt.epochs = 3;
    opt.hash_bits = 14;
    opt.clusters = {{"ترامب", 1, 7, 3}, {"قاهره", 2, 9, 0}};
    return new NerModel(NerModel::train(doc->sentences, opt));
  }();
  return *m;
}

std::string temp_path(const char* name) { return ::testing::TempDir() + name; }

void write(const std::string& path, std::string_view bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(NerModel, RoundTripsThroughItsFile) {
  const NerModel& m = tiny_model();
  std::string path = temp_path("ner_roundtrip.bin");
  ASSERT_TRUE(m.save(path).is_ok());
  Result<NerModel> back = NerModel::load(path);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->serialize(), m.serialize());
  EXPECT_EQ(back->describe(), m.describe());
  std::vector<std::string> toks = {"قال", "الرئيس", "دونالد", "ترامب", "."};
  EXPECT_EQ(back->tag_tokens(toks), m.tag_tokens(toks));
}

// The tagger sums most feature rows once per word (src/ner/emissions.cc); the
// scores must be exactly those of the listed features that training sees.
void expect_cached_emissions_exact(const NerModel& m, std::string_view text) {
  const Tokenized t = tokenize(text);
  std::vector<internal::NerUnit> units;
  for (const Token& tok : t.tokens) {
    if (tok.kind == TokenKind::kSpace) continue;
    units.push_back({t.key_of(tok), static_cast<uint8_t>(units.size() % 7 == 3 ? units.size() % 4 : 0)});
  }
  // Whole text, a short prefix (pads on both sides of few units), one unit.
  for (size_t n : {units.size(), std::min<size_t>(units.size(), 3), std::min<size_t>(units.size(), 1)}) {
    std::vector<internal::NerUnit> part(units.begin(), units.begin() + static_cast<long>(n));
    internal::SentenceFeatures f;
    internal::extract_features(part, m.impl().lex, (1u << m.impl().w.bits) - 1, f);
    std::vector<float> want, got;
    m.impl().emissions(f, want);
    std::vector<uint8_t> only_o;
    for (int pass = 0; pass < 2; ++pass) {  // a cold and a warm cache
      m.impl().cached_emissions(part, got, only_o);
      EXPECT_EQ(got, want) << "n=" << n << " pass " << pass;
      EXPECT_EQ(only_o, f.punct);
    }
  }
}

TEST(NerModel, CachedEmissionsEqualTheListedFeatures) {
  const char* text =
      "قال الرئيس الأمريكي دونالد ترامب، في واشنطن يوم الاثنين، إن «الاتفاق» وُقّع مع 3 دول. "
      "وأضاف السيد أحمد بن علي للصحفيين بالرياض: سنواصل العمل مع الأمم المتحدة و NATO عام 2024!";
  expect_cached_emissions_exact(NerModel::builtin(), text);
  // Another model in the same thread: the cache must not serve the first one's sums.
  expect_cached_emissions_exact(tiny_model(), text);
  expect_cached_emissions_exact(NerModel::builtin(), text);
}

TEST(NerModel, BadFilesAreCorruptWithAClearMessage) {
  const std::string good = tiny_model().serialize();
  std::string wrong_version = good;
  wrong_version[8] = 99;
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x40;
  struct Case {
    const char* name;
    std::string bytes;
    const char* says;
  } cases[] = {
      {"empty", "", "bad magic"},
      {"garbage", "this is not a model at all, just some text", "bad magic"},
      {"header only", good.substr(0, 12), "truncated header"},
      {"truncated", good.substr(0, good.size() / 2), "truncated"},
      {"last byte missing", good.substr(0, good.size() - 1), "truncated"},
      {"other version", wrong_version, "version 99"},
      {"flipped bit", flipped, "checksum"},
  };
  for (const Case& c : cases) {
    std::string path = temp_path("ner_bad.bin");
    write(path, c.bytes);
    Result<NerModel> m = NerModel::load(path);
    ASSERT_FALSE(m.ok()) << c.name;
    EXPECT_EQ(m.status().code(), Error::kCorrupt) << c.name;
    EXPECT_NE(m.status().message().find(c.says), std::string::npos) << c.name << ": " << m.status().message();
    EXPECT_NE(m.status().to_string().find("ner_bad.bin"), std::string::npos) << c.name;
  }
  Result<NerModel> missing = NerModel::load(temp_path("no_such_model.bin"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Error::kIo);
}

TEST(NerModel, BuiltinFindsTheObviousNames) {
  const NerModel& m = NerModel::builtin();
  struct Case {
    const char* text;
    const char* spans;
  } cases[] = {
      {"قال الرئيس الأمريكي دونالد ترامب إن بلاده ستدعم المغرب.", "دونالد ترامب/PERS | المغرب/LOC"},
      {"وأكد وزير الخارجية ناصر بوريطة أن المملكة تعمل مع الأمم المتحدة.",
       "ناصر بوريطة/PERS | الأمم المتحدة/ORG"},
      {"التقى الشيخ محمد بن زايد بالرئيس الفرنسي إيمانويل ماكرون في باريس.",
       "محمد بن زايد/PERS | إيمانويل ماكرون/PERS | باريس/LOC"},
      {"وقّع الرئيسُ الأمريكيُّ دونالد ترامب الاتفاق.", "دونالد ترامب/PERS"},  // harakat
      {"", ""},
      {"...", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(dump_ner(m, c.text), c.spans) << c.text;
}

TEST(NerModel, SpansAreWordsInsideTheRange) {
  const NerModel& m = NerModel::builtin();
  std::string text = "«دونالد ترامب» قال: باريس، لندن. ثم غادر السيد أحمد.";
  const Tokenized t = tokenize(text);
  std::vector<uint8_t> gaz(t.tokens.size(), 0);
  for (size_t first : {size_t{0}, size_t{3}}) {
    for (const NerSpan& s : m.tag(t, first, t.tokens.size(), &gaz)) {
      EXPECT_GE(s.first_token, first);
      EXPECT_LE(s.first_token, s.last_token);
      EXPECT_NE(t.tokens[s.first_token].kind, TokenKind::kPunct);
      EXPECT_NE(t.tokens[s.last_token].kind, TokenKind::kPunct);
      EXPECT_GE(s.score, 0.0);
      EXPECT_LE(s.score, 1.0);
    }
  }
  EXPECT_TRUE(m.tag(t, 5, 5).empty());
}

TEST(Conll, MapsCorporaToTheAnercorpTagSet) {
  struct Case {
    const char* in;
    const char* sentences;  // sentences joined by " || "
  } cases[] = {
      // ANERcorp: no blank lines, "." ends a sentence.
      {"زار B-PERS\nعمان B-LOC\n. O\nثم O\n", "زار:B-PERS عمان:B-LOC .:O || ثم:O"},
      // AQMAR: blank lines, PER and MIS.
      {"أحمد B-PER\nزويل I-PER\n. O\n\nنوبل B-MIS\n", "أحمد:B-PERS زويل:I-PERS .:O || نوبل:B-MISC"},
      // IOB1-style I- without B- starts a span.
      {"x O\nأحمد I-PERS\nزويل I-PERS\n", "x:O أحمد:B-PERS زويل:I-PERS"},
      // Wojood: nested; the longest kept span wins; OCC and NORP are not ours.
      {"سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n\n",
       "سكرتير:O اللجنة:B-ORG القومية:I-ORG في:O نابلس:B-LOC"},
      {"مجلس B-ORG\nالأمن I-ORG\nالأسد I-ORG B-PERS\nالفلسطينيين B-NORP\n",
       "مجلس:B-ORG الأمن:I-ORG الأسد:I-ORG الفلسطينيين:O"},
      // A line whose token is empty (ANERcorp has some), and one without a tag.
      {"a O\n O\nb\n", "a:O :O b:O"},
  };
  for (const Case& c : cases) {
    Result<ConllDocument> d = parse_conll(c.in);
    ASSERT_TRUE(d.ok()) << c.in;
    std::string got;
    for (const NerSentence& s : d->sentences) got += (got.empty() ? "" : " || ") + dump_tags(s);
    EXPECT_EQ(got, c.sentences) << c.in;
  }
  EXPECT_EQ(parse_conll("a O\n\xff O\n").status().code(), Error::kInvalidUtf8);
}

// `marsad ner --conll` prints one line per input line, in order.
TEST(NerCli, ConllOutputHasOneLinePerInputLine) {
  std::string in = std::string(MARSAD_SOURCE_DIR) + "/tests/data/ner/sample.conll";
  std::string out = temp_path("ner_cli.out");
  std::string cmd = std::string(MARSAD_BIN) + " ner --conll '" + in + "' > '" + out + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream a(in), b(out);
  std::string la, lb;
  size_t n = 0, persons = 0;
  while (std::getline(a, la)) {
    ASSERT_TRUE(std::getline(b, lb)) << "output ends at line " << n + 1;
    ++n;
    if (la.empty()) {
      EXPECT_EQ(lb, "") << "line " << n;
      continue;
    }
    std::string token = la.substr(0, la.find(' '));
    EXPECT_EQ(lb.substr(0, lb.find('\t')), token) << "line " << n;
    std::string tag = lb.substr(lb.find('\t') + 1);
    EXPECT_TRUE(tag == "O" || tag.rfind("B-", 0) == 0 || tag.rfind("I-", 0) == 0) << tag;
    persons += tag == "B-PERS";
  }
  EXPECT_FALSE(std::getline(b, lb)) << "extra output line: " << lb;
  EXPECT_EQ(n, 22u);
  EXPECT_EQ(persons, 2u);  // دونالد ترامب, ناصر بوريطة
}

}  // namespace
}  // namespace marsad
