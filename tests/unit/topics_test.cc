// The topic classifier: features against their slow reference, the model
// file, training and data errors, calibration, the bundled model on the seed
// article, and `marsad topics` as a user meets it.
#include <gtest/gtest.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "marsad/io.h"
#include "marsad/tokenize.h"
#include "marsad/topics.h"
#include "topics/features.h"

namespace marsad {
namespace {

// ctest runs each test in its own process, several at once: the pid keeps
// their files apart.
std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "topics_" + std::to_string(::getpid()) + "_" + name;
}

std::string write(const std::string& name, std::string_view bytes) {
  const std::string path = temp_path(name);
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

TopicFeatures words_only() {
  TopicFeatures f;
  f.char_min = f.char_max = 0;
  f.punct = false;
  return f;
}

TopicFeatures with_chars(uint8_t lo, uint8_t hi) {
  TopicFeatures f;
  f.char_min = lo;
  f.char_max = hi;
  return f;
}

// "w:وقع w:الرئيس b:وقع الرئيس s:رئيس ...": the features of `text`, in order.
std::string dump_features(std::string_view text, const TopicFeatures& f) {
  std::string out;
  for (const std::string& s : internal::topic_feature_strings(tokenize(text), f)) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

// A handful of short articles in three sections, enough to learn from.
std::vector<TopicExample> tiny_corpus() {
  const char* sport[] = {
      "فاز الفريق الوطني على منافسه بهدفين في المباراة النهائية للبطولة",
      "سجل المهاجم هدف الفوز في الدقيقة الأخيرة من مباراة الدوري",
      "المنتخب يستعد لمباراة كأس العالم بمعسكر تدريبي والمدرب يعلن القائمة",
      "تأهل النادي إلى نصف النهائي بعد فوزه بركلات الترجيح على ملعبه",
  };
  const char* economy[] = {
      "ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزون الأمريكي",
      "البنك المركزي يرفع سعر الفائدة لمواجهة التضخم وتراجع العملة",
      "نمو الاقتصاد الوطني بنسبة ثلاثة بالمئة وارتفاع الصادرات والاستثمار",
      "البورصة تغلق على انخفاض وأسهم البنوك تتراجع مع ارتفاع الدين",
  };
  const char* politics[] = {
      "وقع الرئيس اتفاقية تعاون مع نظيره خلال زيارة رسمية إلى العاصمة",
      "البرلمان يصادق على مشروع قانون الانتخابات بعد نقاش بين الأحزاب",
      "وزير الخارجية يبحث مع السفير العلاقات الثنائية والأزمة الإقليمية",
      "الحكومة تعلن تعديلا وزاريا والمعارضة تطالب بانتخابات مبكرة",
  };
  std::vector<TopicExample> out;
  for (const char* t : sport) out.push_back({"sport", t});
  for (const char* t : economy) out.push_back({"economy", t});
  for (const char* t : politics) out.push_back({"politics", t});
  return out;
}

TopicTrainOptions tiny_options() {
  TopicTrainOptions opt;
  opt.features.hash_bits = 14;
  return opt;
}

const TopicModel& tiny_model() {
  static const TopicModel* m = [] {
    const std::vector<TopicExample> data = tiny_corpus();
    Result<TopicModel> r = TopicModel::train(data, tiny_options());
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return new TopicModel(std::move(*r));
  }();
  return *m;
}

std::string top_label(const TopicModel& m, std::string_view text) {
  auto s = m.predict(tokenize(text), 1);
  return s.empty() ? "(none)" : s[0].label;
}

// --- features --------------------------------------------------------------

TEST(TopicFeatures, ReadLikeATable) {
  struct Case {
    const char* text;
    TopicFeatures f;
    const char* want;
  } cases[] = {
      // Features are on match keys: no shadda, ئ folded to ي.
      {"وقّع الرئيس", words_only(), "w:وقع s:وقع w:الرييس b:وقع الرييس s:رييس"},
      // Clitics come off the stem: وبالمغرب and المغرب share s:مغرب.
      {"وبالمغرب المغرب", words_only(), "w:وبالمغرب s:مغرب w:المغرب b:وبالمغرب المغرب s:مغرب"},
      // Latin words have no stem; numbers and punctuation are not words (no
      // bigram across them) but features of their own.
      {"Apple، 2026 ربح", words_only(), "w:apple w:ربح b:apple ربح s:ربح"},
      {"Apple، 2026 ربح", TopicFeatures{}, "w:apple p:، p:2026 w:ربح b:apple ربح s:ربح"},
      {"كرة", [] { TopicFeatures f; f.words = f.bigrams = f.stems = false; f.char_min = 3; f.char_max = 4; return f; }(),
       "c:^كر c:كره c:ره$ c:^كره c:كره$"},
      {"واحد اثنان ثلاثة", [] { TopicFeatures f = words_only(); f.max_words = 2; f.stems = false; return f; }(),
       "w:واحد w:اثنان b:واحد اثنان"},
      {"...", words_only(), ""},
  };
  for (const Case& c : cases) EXPECT_EQ(dump_features(c.text, c.f), c.want) << c.text;
}

// The fast path (per-thread word cache, dense accumulator) against the
// reference strings hashed one by one.
std::map<uint32_t, float> reference_terms(const Tokenized& t, const TopicFeatures& f) {
  std::map<uint32_t, std::pair<int, float>> hits;
  for (const std::string& s : internal::topic_feature_strings(t, f)) {
    auto& h = hits[internal::topic_feature_bucket(s, f)];
    ++h.first;
    h.second += s[0] == 'c' ? f.char_weight : 1.0f;
  }
  std::map<uint32_t, float> out;
  for (const auto& [b, h] : hits) {
    const float tf = f.sublinear_tf ? 1.0f + std::log(static_cast<float>(h.first)) : static_cast<float>(h.first);
    out[b] = tf * h.second / h.first;
  }
  return out;
}

std::map<uint32_t, float> fast_terms(const Tokenized& t, const TopicFeatures& f) {
  std::vector<internal::TopicFeature> terms;
  internal::topic_terms(t, f, terms);
  std::map<uint32_t, float> out;
  for (const auto& x : terms) EXPECT_TRUE(out.emplace(x.bucket, x.value).second) << "bucket listed twice";
  return out;
}

void expect_same_terms(const std::map<uint32_t, float>& a, const std::map<uint32_t, float>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (const auto& [bucket, v] : a) {
    auto it = b.find(bucket);
    ASSERT_NE(it, b.end()) << what << ": bucket " << bucket;
    EXPECT_NEAR(v, it->second, 1e-5) << what << ": bucket " << bucket;
  }
}

TEST(TopicFeatures, FastPathMatchesReference) {
  const std::string texts[] = {
      "وقّع ممثلون عن القوات المسلحة الملكية المغربية ونظيرتها الإسرائيلية، أمس الاثنين بالعاصمة تل أبيب",
      "الفريق الفريق الفريق يفوز وبالفوز يتأهل للنهائي",
      "Le match de football: الترجي vs النجم 2-1",
      "كلمةطويلةجدابدونمسافاتتتجاوزالحدالاقصىللحروفالتييقطعهاالمستخرجعادة ثم كلمة",
  };
  TopicFeatures variants[4];
  variants[1] = with_chars(3, 5);
  variants[2] = with_chars(2, 4);
  variants[2].sublinear_tf = true;
  variants[2].char_weight = 1.0f;
  variants[3] = words_only();
  for (int k = 0; k < 2; ++k) {  // the second round reads from the warm word cache
    for (const std::string& text : texts) {
      for (const TopicFeatures& f : variants) {
        const Tokenized t = tokenize(text);
        expect_same_terms(reference_terms(t, f), fast_terms(t, f), text);
      }
    }
  }
}

// Terms are listed in first-seen order (punctuation first: it is read while
// the words are collected), and scores() sums them in that order: a change of
// order changes the float sums, hence the records. A text with more features
// than the accumulator's first table makes it grow.
TEST(TopicFeatures, TermsKeepFirstSeenOrder) {
  std::string text = "قال، الوزير: ";
  for (int i = 0; i < 1500; ++i) text += "كلمة" + std::to_string(i % 97) + " وبالمغرب" + std::string(i % 3 ? " " : "، ");
  const char* letters[] = {"ب", "ت", "ج", "د", "ر", "س", "ع", "ف", "ق", "ك", "م", "ن", "ه", "ي"};
  for (int i = 0; i < 14 * 14 * 4; ++i) {  // distinct words
    text += std::string("و") + letters[i % 14] + letters[i / 14 % 14] + letters[i / 196] + "ات ";
  }
  for (const TopicFeatures& f : {TopicFeatures{}, with_chars(3, 5)}) {
    const Tokenized t = tokenize(text);
    std::vector<std::string> strings = internal::topic_feature_strings(t, f);
    std::stable_partition(strings.begin(), strings.end(), [](const std::string& s) { return s[0] == 'p'; });
    std::vector<uint32_t> want;
    std::set<uint32_t> seen;
    for (const std::string& s : strings) {
      const uint32_t b = internal::topic_feature_bucket(s, f);
      if (seen.insert(b).second) want.push_back(b);
    }
    std::vector<internal::TopicFeature> terms;
    internal::topic_terms(t, f, terms);
    std::vector<uint32_t> got;
    for (const auto& x : terms) got.push_back(x.bucket);
    EXPECT_EQ(want, got);
  }
}

// Without n-grams topic_terms takes the stems from Tokenized::clitics (which
// the pipeline has filled before topics run), with them from its word cache:
// the terms, values and order must not depend on what is memoized already.
TEST(TopicFeatures, MemoizedCliticsGiveTheSameTerms) {
  const std::string text =
      "وقّع ممثلون عن القوات المسلحة الملكية المغربية ونظيرتها الإسرائيلية، أمس الاثنين بالعاصمة تل أبيب "
      "Le match de football: الترجي vs النجم 2-1 وبالمغرب للمغرب والمغرب";
  for (const TopicFeatures& f : {TopicFeatures{}, words_only(), with_chars(3, 5)}) {
    const Tokenized fresh = tokenize(text);
    std::vector<internal::TopicFeature> want, got;
    internal::topic_terms(fresh, f, want);
    for (int every : {1, 2, 3}) {  // all, half, a third of the Arabic words memoized
      const Tokenized t = tokenize(text);
      for (size_t i = 0; i < t.tokens.size(); i += every) {
        if (t.tokens[i].kind == TokenKind::kArabic) (void)t.clitics(i);
      }
      internal::topic_terms(t, f, got);
      ASSERT_EQ(want.size(), got.size()) << every;
      for (size_t k = 0; k < want.size(); ++k) {
        EXPECT_EQ(want[k].bucket, got[k].bucket) << every << " " << k;
        EXPECT_EQ(want[k].value, got[k].value) << every << " " << k;
      }
    }
  }
}

TEST(TopicFeatures, PrefixTokenizingSeesTheSameWords) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += (i % 7 ? "كلمة" : "وبالمغرب") + std::string(i % 5 ? " " : "،\n");
  for (uint32_t n : {1u, 2u, 10u, 77u, 299u, 300u, 1000u}) {
    TopicFeatures f = with_chars(3, 5);
    f.max_words = n;
    const Tokenized whole = tokenize(text), prefix = internal::tokenize_prefix(text, n);
    EXPECT_LE(prefix.key.key.size(), whole.key.key.size());
    expect_same_terms(fast_terms(whole, f), fast_terms(prefix, f), "max_words " + std::to_string(n));
  }
}

// --- training, prediction, calibration ------------------------------------

TEST(TopicModel, LearnsTheTinyCorpus) {
  const TopicModel& m = tiny_model();
  EXPECT_EQ(m.labels(), (std::vector<std::string>{"economy", "politics", "sport"}));
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"المهاجم يسجل هدفين في المباراة", "sport"},
      {"تراجع أسعار النفط والعملة", "economy"},
      {"الرئيس يستقبل وزير الخارجية", "politics"},
  };
  for (const Case& c : cases) EXPECT_EQ(top_label(m, c.text), c.want) << c.text;
}

TEST(TopicModel, ScoresAreProbabilitiesBestFirst) {
  const TopicModel& m = tiny_model();
  const auto all = m.predict(tokenize("المنتخب يفوز بالمباراة"), 0);
  ASSERT_EQ(all.size(), 3u);
  double sum = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_GT(all[i].score, 0.0);
    if (i) EXPECT_GE(all[i - 1].score, all[i].score);
    sum += all[i].score;
  }
  EXPECT_NEAR(sum, 1.0, 1e-5);
  EXPECT_EQ(m.predict(tokenize("المنتخب يفوز بالمباراة"), 1).size(), 1u);
  // No words, or only words never seen in training: no scores, not a guess.
  EXPECT_TRUE(m.predict(tokenize(""), 3).empty());
  EXPECT_TRUE(m.predict(tokenize("... 2026 !"), 3).empty());
  // predict_text reads the same words as predict on the whole text.
  const std::string text = "البنك المركزي يرفع سعر الفائدة";
  EXPECT_EQ(m.predict_text(text, 0)[0].score, m.predict(tokenize(text), 0)[0].score);
}

TEST(TopicModel, TemperatureIsFittedOnHeldOutDocuments) {
  std::vector<TopicExample> data;
  for (int copy = 0; copy < 8; ++copy) {  // 96 documents: enough for a held-out share
    for (TopicExample e : tiny_corpus()) {
      e.text += " " + std::to_string(copy) + " نص" + std::to_string(copy);
      data.push_back(std::move(e));
    }
  }
  TopicTrainOptions opt = tiny_options();
  opt.calibration_share = 0.3;
  TopicTrainReport rep;
  Result<TopicModel> m = TopicModel::train(data, opt, &rep);
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(rep.documents, 96u);
  EXPECT_GE(rep.held_out, 20u);
  EXPECT_GT(rep.temperature, 0.0);
  EXPECT_NE(rep.temperature, 1.0);
  EXPECT_EQ(m->temperature(), rep.temperature);
}

TEST(TopicModel, RoundTripsThroughItsFile) {
  const TopicModel& m = tiny_model();
  const std::string path = temp_path("roundtrip.model");
  ASSERT_TRUE(m.save(path).is_ok());
  Result<TopicModel> back = TopicModel::load(path);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->serialize(), m.serialize());
  EXPECT_EQ(back->labels(), m.labels());
  EXPECT_EQ(back->describe(), m.describe());
  for (const char* text : {"المهاجم يسجل هدفين", "تراجع أسعار النفط", "الرئيس يستقبل الوزير"}) {
    const auto a = m.predict(tokenize(text), 0), b = back->predict(tokenize(text), 0);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].label, b[i].label);
      EXPECT_EQ(a[i].score, b[i].score);
    }
  }
}

// --- bad model files --------------------------------------------------------

TEST(TopicModel, RejectsBadFiles) {
  const std::string good = tiny_model().serialize();
  auto with_byte = [&](size_t at, char v) {
    std::string s = good;
    s[at] = v;
    return s;
  };
  struct Case {
    const char* name;
    std::string bytes;
    const char* message;
  } cases[] = {
      {"empty", "", "not a marsad topic model"},
      {"foreign", "{\"weights\": [1, 2, 3]}", "not a marsad topic model"},
      {"another model's", "MRSDNER\n" + good.substr(8), "not a marsad topic model"},
      {"other version", with_byte(8, 2), "format version 2, but this marsad reads version 1"},
      {"truncated", good.substr(0, good.size() / 2), "truncated"},
      {"header only", good.substr(0, 20), "truncated"},
      {"damaged", with_byte(good.size() - 10, static_cast<char>(good[good.size() - 10] ^ 0x5A)), "checksum mismatch"},
      {"trailing bytes", good + "x", "trailing bytes"},
  };
  for (const Case& c : cases) {
    Result<TopicModel> r = TopicModel::from_bytes(c.bytes);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), Error::kCorrupt) << c.name;
    EXPECT_NE(r.status().message().find(c.message), std::string::npos) << c.name << ": " << r.status().message();
  }
  Result<TopicModel> missing = TopicModel::load(temp_path("no-such.model"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Error::kIo);
  Result<TopicModel> named = TopicModel::load(write("bad.model", "MRSDTOPC"));
  ASSERT_FALSE(named.ok());
  EXPECT_NE(named.status().to_string().find("bad.model"), std::string::npos) << "the message names the file";
}

// --- bad training input -----------------------------------------------------

TEST(TopicModel, RejectsBadTrainingInput) {
  const std::vector<TopicExample> good = tiny_corpus();
  auto with = [&](auto edit) {
    std::vector<TopicExample> d = good;
    edit(d);
    return d;
  };
  std::vector<TopicExample> thousand_labels;
  for (int i = 0; i < 1000; ++i) thousand_labels.push_back({"label" + std::to_string(i), "نص قصير"});
  struct Case {
    const char* name;
    std::vector<TopicExample> data;
    TopicTrainOptions opt;
    Error code;
    const char* message;
  } cases[] = {
      {"nothing", {}, tiny_options(), Error::kBadArgument, "no examples"},
      {"one class", with([](auto& d) { for (auto& e : d) e.label = "sport"; }), tiny_options(), Error::kBadArgument,
       "only one class (\"sport\")"},
      {"empty label", with([](auto& d) { d[3].label.clear(); }), tiny_options(), Error::kBadArgument,
       "example 4 has an empty label"},
      {"no words", with([](auto& d) { d[5].text = "2026 ... !"; }), tiny_options(), Error::kBadArgument,
       "example 6 has no words"},
      {"empty text", with([](auto& d) { d[0].text.clear(); }), tiny_options(), Error::kBadArgument,
       "example 1 has no words"},
      {"a million classes requested", good, [] { auto o = tiny_options(); o.max_classes = 1000000; return o; }(),
       Error::kTooLarge, "1000000 classes requested; a topic model holds at most 1024"},
      {"too many labels", thousand_labels, tiny_options(), Error::kTooLarge, "more than 256 distinct labels"},
      {"hash bits", good, [] { auto o = tiny_options(); o.features.hash_bits = 40; return o; }(), Error::kBadArgument,
       "hash bits"},
      {"no features", good,
       [] { auto o = tiny_options(); o.features = words_only(); o.features.words = o.features.bigrams = o.features.stems = false; return o; }(),
       Error::kBadArgument, "no feature group"},
  };
  for (const Case& c : cases) {
    Result<TopicModel> r = TopicModel::train(c.data, c.opt);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), c.code) << c.name;
    EXPECT_NE(r.status().message().find(c.message), std::string::npos) << c.name << ": " << r.status().message();
  }
}

// --- labelled JSON Lines ----------------------------------------------------

TEST(TopicData, ReadsLabelsAndTexts) {
  const std::string path = write("good.jsonl",
                                 "{\"cat\": \"sport\", \"title\": \"فوز\", \"text\": \"الفريق يفوز\"}\n"
                                 "\n"
                                 "{\"cat\": 7, \"text\": [\"فقرة أولى\", \"فقرة ثانية\"], \"title\": null}\n");
  Result<TopicData> d = read_topic_data(path, {});
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  ASSERT_EQ(d->examples.size(), 2u);
  EXPECT_EQ(d->examples[0].label, "sport");
  EXPECT_EQ(d->examples[0].text, "فوز\nالفريق يفوز");
  EXPECT_EQ(d->examples[1].label, "7");
  EXPECT_EQ(d->examples[1].text, "فقرة أولى\nفقرة ثانية");
}

TEST(TopicData, BadLinesAreNamed) {
  auto map = [] {
    TopicDataOptions o;
    o.label_map = {{"sport", "sport"}, {"diverse", ""}};
    return o;
  };
  struct Case {
    const char* name;
    std::string jsonl;
    TopicDataOptions opt;
    Error code;
    const char* where;
  } cases[] = {
      {"label missing", "{\"cat\":\"a\",\"text\":\"نص\"}\n{\"text\":\"نص\"}\n", {}, Error::kBadArgument,
       ":2: no label: the field \"cat\" is missing (see --label-field)"},
      {"label not text", "{\"cat\":[1],\"text\":\"نص\"}\n", {}, Error::kBadArgument, ":1: the label field \"cat\""},
      {"empty text", "{\"cat\":\"a\",\"title\":\" \",\"text\":\"\"}\n", {}, Error::kEmpty,
       ":1: empty text: nothing in title, text"},
      {"text of numbers", "{\"cat\":\"a\",\"text\":7}\n", {}, Error::kBadArgument, ":1: text field \"text\""},
      {"not JSON", "{\"cat\":\"a\",\"text\":\"نص\"}\nnot json\n", {}, Error::kBadJson, ":2: not JSON"},
      {"unmapped label", "{\"cat\":\"economy\",\"text\":\"نص\"}\n", map(), Error::kBadArgument,
       ":1: label \"economy\" is not in the label map"},
      {"nothing", "\n\n", {}, Error::kEmpty, "no labelled documents"},
      {"all dropped", "{\"cat\":\"diverse\",\"text\":\"نص\"}\n", map(), Error::kEmpty, "no labelled documents"},
  };
  for (const Case& c : cases) {
    const std::string path = write("bad.jsonl", c.jsonl);
    Result<TopicData> d = read_topic_data(path, c.opt);
    ASSERT_FALSE(d.ok()) << c.name;
    EXPECT_EQ(d.status().code(), c.code) << c.name;
    EXPECT_NE(d.status().to_string().find(c.where), std::string::npos) << c.name << ": " << d.status().to_string();
  }
  TopicDataOptions skip;
  skip.skip_bad = true;
  Result<TopicData> d = read_topic_data(write("skip.jsonl", "{\"text\":\"نص\"}\n{\"cat\":\"a\",\"text\":\"نص\"}\n"), skip);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->examples.size(), 1u);
  EXPECT_EQ(d->skipped, 1u);
  EXPECT_NE(d->first_skip.to_string().find(":1:"), std::string::npos);
}

TEST(TopicData, LabelMaps) {
  auto m = parse_topic_label_map("# raw\tmodel\npolitic\tpolitics\r\ndiverse\t-\n\n");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->at("politic"), "politics");
  EXPECT_EQ(m->at("diverse"), "");
  auto bad = parse_topic_label_map("ok\tfine\nno tab here\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().to_string().find("2"), std::string::npos);
  // The bundled taxonomy maps both ANT corpora.
  Result<std::string> tsv = read_file(MARSAD_SOURCE_DIR "/data/topics/taxonomy.tsv");
  ASSERT_TRUE(tsv.ok());
  auto tax = parse_topic_label_map(*tsv);
  ASSERT_TRUE(tax.ok()) << tax.status().to_string();
  for (const char* raw : {"politic", "internationalNews", "middleEast", "localNews", "sport", "economy"}) {
    EXPECT_TRUE(tax->count(raw)) << raw;
  }
}

// --- evaluation -------------------------------------------------------------

TEST(TopicEvaluation, CountsLikeATable) {
  const TopicModel& m = tiny_model();
  const std::vector<TopicExample> data = {
      {"sport", "المهاجم يسجل هدفين في المباراة"},
      {"sport", "تراجع أسعار النفط والعملة"},       // predicted economy
      {"economy", "البنك المركزي يرفع سعر الفائدة"},
      {"weather", "الرئيس يستقبل وزير الخارجية"},   // a label the model does not know
  };
  const TopicEvaluation ev = evaluate_topics(m, data);
  EXPECT_EQ(ev.labels, (std::vector<std::string>{"economy", "politics", "sport", "weather"}));
  EXPECT_EQ(ev.documents, 4u);
  EXPECT_DOUBLE_EQ(ev.accuracy, 0.5);
  // rows gold, columns predicted: economy politics sport weather
  EXPECT_EQ(ev.confusion, (std::vector<std::vector<uint64_t>>{{1, 0, 0, 0}, {0, 0, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 0}}));
  EXPECT_DOUBLE_EQ(ev.f1[0], 2 * 0.5 * 1.0 / 1.5);  // economy: precision 1/2, recall 1/1
  EXPECT_DOUBLE_EQ(ev.f1[2], 2 * 1.0 * 0.5 / 1.5);  // sport: precision 1/1, recall 1/2
  // Macro-F1 over the labels seen as gold or prediction (all four here).
  EXPECT_DOUBLE_EQ(ev.macro_f1, (ev.f1[0] + ev.f1[1] + ev.f1[2] + ev.f1[3]) / 4);
  EXPECT_GT(ev.log_loss, 0.0);
  EXPECT_GT(ev.seconds, 0.0);
}

TEST(TopicJson, WritesTheTopicsArray) {
  std::string out;
  JsonWriter w(out);
  write_topics_json(w, {{"politics", 0.81234}, {"international", 0.1}});
  EXPECT_EQ(out, "[{\"label\":\"politics\",\"score\":0.812},{\"label\":\"international\",\"score\":0.1}]");
  out.clear();
  JsonWriter e(out);
  write_topics_json(e, {});
  EXPECT_EQ(out, "[]");
}

// --- the bundled model ------------------------------------------------------

TEST(TopicBuiltin, SeedArticleIsPoliticsOrInternational) {
  Result<std::string> seed = read_file(MARSAD_SOURCE_DIR "/samples/nadorcity-joint-military-plan-2026.txt");
  ASSERT_TRUE(seed.ok());
  const auto top = TopicModel::builtin().predict(tokenize(*seed), 3);
  ASSERT_FALSE(top.empty());
  EXPECT_TRUE(top[0].label == "politics" || top[0].label == "international") << top[0].label << " " << top[0].score;
  EXPECT_GT(top[0].score, 0.3);
}

TEST(TopicBuiltin, KnowsTheTaxonomy) {
  const TopicModel& m = TopicModel::builtin();
  EXPECT_EQ(m.labels(), (std::vector<std::string>{"culture", "economy", "international", "local", "misc", "politics",
                                                  "society", "sport", "technology"}));
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"الترجي يفوز على النجم الساحلي في الدوري التونسي لكرة القدم ويعزز صدارته", "sport"},
      {"ارتفاع نسبة التضخم وتراجع الدينار أمام الأورو وفق البنك المركزي", "economy"},
      {"الرئيس الأمريكي يهدد كوريا الشمالية بعقوبات جديدة في مجلس الأمن", "international"},
  };
  for (const Case& c : cases) EXPECT_EQ(top_label(m, c.text), c.want) << c.text;
}

// --- the CLI ----------------------------------------------------------------

struct Outcome {
  int code = -1;
  std::string out, err;
};

Outcome marsad(const std::string& args) {
  const std::string out = temp_path("cli.out"), err = temp_path("cli.err");
  const std::string cmd = "cd '" MARSAD_SOURCE_DIR "' && '" MARSAD_BIN "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  Outcome r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out).ok() ? *read_file(out) : "";
  r.err = read_file(err).ok() ? *read_file(err) : "";
  return r;
}

std::string tiny_jsonl() {
  std::string out;
  for (const TopicExample& e : tiny_corpus()) out += "{\"cat\": \"" + e.label + "\", \"text\": \"" + e.text + "\"}\n";
  return out;
}

TEST(TopicCli, TrainEvalPredict) {
  const std::string data = write("cli.jsonl", tiny_jsonl()), model = temp_path("cli.model");
  Outcome t = marsad("topics train --hash-bits 14 --data '" + data + "' --out '" + model + "'");
  ASSERT_EQ(t.code, 0) << t.err;
  EXPECT_NE(t.err.find("12 documents, 3 labels"), std::string::npos) << t.err;
  Outcome e = marsad("topics eval --model '" + model + "' --data '" + data + "'");
  ASSERT_EQ(e.code, 0) << e.err;
  for (const char* part : {"accuracy: 1.0000", "macro-F1: 1.0000", "precision  recall      F1", "confusion"}) {
    EXPECT_NE(e.out.find(part), std::string::npos) << part << "\n" << e.out;
  }
  Outcome p = marsad("topics predict -k 1 samples/nadorcity-joint-military-plan-2026.txt");
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(p.out.rfind("{\"input\":{\"file\":\"samples/nadorcity-joint-military-plan-2026.txt\"},\"topics\":[{\"label\":\"", 0), 0u)
      << p.out;
}

TEST(TopicCli, BadInputsGetClearErrors) {
  const std::string data = write("cli2.jsonl", tiny_jsonl());
  const std::string one_class = write("one.jsonl", "{\"cat\":\"a\",\"text\":\"نص أول\"}\n{\"cat\":\"a\",\"text\":\"نص ثان\"}\n");
  const std::string no_label = write("nolabel.jsonl", "{\"cat\":\"a\",\"text\":\"نص\"}\n{\"text\":\"نص\"}\n");
  const std::string empty = write("empty.jsonl", "{\"cat\":\"a\",\"text\":\"\"}\n");
  const std::string corrupt = write("corrupt.model", "MRSDTOPC\x01\0\0\0garbage");
  const std::string empty_doc = write("empty.txt", "...\n");
  struct Case {
    std::string args;
    const char* message;
  } cases[] = {
      {"topics train --data " + one_class + " --out /dev/null", "only one class (\"a\")"},
      {"topics train --data " + no_label + " --out /dev/null", "nolabel.jsonl:2: no label: the field \"cat\" is missing"},
      {"topics train --data " + data + " --label-field docno --out /dev/null", ":1: no label: the field \"docno\""},
      {"topics train --data " + empty + " --out /dev/null", "empty.jsonl:1: empty text"},
      {"topics train --data " + data + " --max-classes 1000000 --out /dev/null",
       "1000000 classes requested; a topic model holds at most 1024"},
      {"topics train --data " + data + " --chars 9-2 --out /dev/null", "--chars"},
      {"topics eval --model " + corrupt + " --data " + data, "corrupt.model: topic model: truncated"},
      {"topics predict --model " + data, "not a marsad topic model"},
      {"topics predict " + empty_doc, "empty text: no words to classify"},
  };
  for (const Case& c : cases) {
    Outcome r = marsad(c.args);
    EXPECT_EQ(r.code, 2) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
  }
}

}  // namespace
}  // namespace marsad
