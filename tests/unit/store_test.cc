// The corpus store: the FTS tokenizer's terms, the query syntax, field maps,
// MinHash, and a store end to end (ingest, keys, search, filters, stories,
// events per story, reanalysis, migrations, bad paths).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "marsad/input.h"
#include "marsad/json.h"
#include "marsad/search.h"
#include "marsad/stories.h"
#include "marsad/store.h"
#include "marsad/tokenize.h"
#include "store/extract.h"
#include "store/fields.h"
#include "store/fts_tokenizer.h"
#include "store/impl.h"
#include "store/prepare.h"
#include "store/writer.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;
using internal::dump_fts_terms;
using internal::FtsMode;

TEST(StoreFts, Terms) {
  struct Case {
    const char* text;
    FtsMode mode;
    const char* terms;  // '|' between positions, ' ' before a colocated term
  } cases[] = {
      {"المغرب", FtsMode::kDocument, "المغرب ~مغرب"},
      {"والمغرب بالمغرب للمغرب مغرب", FtsMode::kDocument, "والمغرب ~مغرب|بالمغرب ~مغرب|للمغرب ~مغرب|مغرب"},
      {"وقّع", FtsMode::kDocument, "وقع"},
      {"بريطانيا", FtsMode::kDocument, "بريطانيا"},
      {"سيوقع الاتفاق 2026", FtsMode::kDocument, "سيوقع ~يوقع|الاتفاق ~اتفاق|2026"},
      {"Rabat, ٢٠٢٦!", FtsMode::kDocument, "rabat|2026"},
      {"المغرب", FtsMode::kQuery, "مغرب ~مغرب"},
      {"وقّع", FtsMode::kQuery, "وقع ~وقع"},
      {"=والمغرب", FtsMode::kQuery, "والمغرب"},
      {"=المغرب بالرباط", FtsMode::kQuery, "المغرب|بالرباط"},
      {"=والمغرب", FtsMode::kDocument, "والمغرب ~مغرب"},  // '=' means exact in queries only
  };
  for (const Case& c : cases) EXPECT_EQ(dump_fts_terms(c.text, c.mode), c.terms) << c.text;
}

TEST(StoreFts, OffsetsAreOriginalBytes) {
  const std::string text = "وقّع المغرب";
  auto terms = internal::fts_terms(text, FtsMode::kDocument);
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(text.substr(terms[0].start, terms[0].end - terms[0].start), "وقّع");  // shadda kept
  EXPECT_EQ(text.substr(terms[2].start, terms[2].end - terms[2].start), "المغرب");
  EXPECT_TRUE(terms[2].colocated);
}

// The index terms of a body come from the analysis' tokens (prepare.cc);
// they must be exactly those of tokenizing the body again, on real text.
TEST(StoreFts, BodyTermsFromAnalysisTokens) {
  size_t docs = 0;
  for (const char* file : {"saudinewsnet.jsonl.gz", "ant-v1.1-jawharafm-train.jsonl.gz",
                           "moroccan-febrayer_articles.jsonl", "moroccan-yabiladi_articles.jsonl"}) {
    const std::string path = std::string(MARSAD_SHARED_DIR "/data/news/") + file;
    if (!fs::exists(path)) GTEST_SKIP() << path << " is absent (../shared is not shipped); skipped";
    size_t n = 0;
    Status st = read_documents(path, {}, [&](Result<InputDocument> d) {
      if (!d) return true;
      internal::RawDoc raw;
      raw.original = d->doc.title + "\n\n" + d->doc.text;
      internal::Prepared p = internal::prepare(std::move(raw), {}, {});
      if (!p.error.is_ok()) return true;
      const internal::FtsDocTerms again = internal::fts_document_terms(p.body);
      EXPECT_EQ(p.body_terms.buf, again.buf) << file << " document " << n;
      EXPECT_EQ(p.body_terms.terms.size(), again.terms.size()) << file << " document " << n;
      for (size_t i = 0; i < std::min(p.body_terms.terms.size(), again.terms.size()); ++i) {
        const auto &a = p.body_terms.terms[i], &b = again.terms[i];
        const bool same = a.offset == b.offset && a.size == b.size && a.start == b.start && a.end == b.end &&
                          a.colocated == b.colocated;
        EXPECT_TRUE(same) << file << " document " << n << " term " << i << ": " << p.body_terms.term(a);
        if (!same) break;
      }
      ++docs;
      return ++n < 400;
    });
    ASSERT_TRUE(st.is_ok()) << st.to_string();
  }
  EXPECT_GT(docs, 1000u);
}

TEST(StoreQuery, FtsExpression) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"", ""},
      {"المغرب", "\"المغرب\""},
      {"المغرب إسرائيل", "\"المغرب\" AND \"إسرائيل\""},
      {"\"خطة العمل\"", "\"خطة العمل\""},
      {"=\"والمغرب\"", "\"=والمغرب\""},
      {"=والمغرب", "\"=والمغرب\""},
      {"مغرب*", "\"مغرب\" *"},
      {"\"خطة الع\"*", "\"خطة الع\" *"},
      {"a OR b NOT c", "\"a\" OR (\"b\" NOT \"c\")"},
      {"(a OR b) c", "(\"a\" OR \"b\") AND \"c\""},
      {"a AND b", "\"a\" AND \"b\""},
      {"المغرب ، تونس", "\"المغرب\" AND \"تونس\""},  // a term without words is dropped
      {"a OR ،", "\"a\""},
      {"fts5:col \"x\"", "\"fts5:col\" AND \"x\""},  // FTS5 syntax inside a word is quoted away
  };
  for (const Case& c : cases) {
    auto e = fts_expression(c.in);
    ASSERT_TRUE(e.ok()) << c.in << ": " << e.status().to_string();
    EXPECT_EQ(*e, c.out) << c.in;
  }
  for (const char* bad : {"\"unclosed", "(a", "a)", "NOT a", "a OR", "a AND", "OR", "،", "= a", "a NOT"}) {
    auto e = fts_expression(bad);
    EXPECT_FALSE(e.ok()) << bad;
    if (!e.ok()) {
      EXPECT_EQ(e.status().code(), Error::kBadArgument) << bad;
    }
  }
}

TEST(StoreFields, ParseAndRemap) {
  auto m = parse_field_map("title=meta.headline");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->name, "title");
  EXPECT_EQ(m->path, "/meta/headline");
  EXPECT_EQ(parse_field_map("text=/body/0/text")->path, "/body/0/text");
  for (const char* bad : {"title", "=x", "title=", "colour=x"}) EXPECT_FALSE(parse_field_map(bad).ok()) << bad;

  std::vector<FieldMap> maps = {*parse_field_map("title=meta.headline"), *parse_field_map("text=story.paras"),
                                *parse_field_map("published=meta.ts")};
  auto j = internal::remap_fields(
      R"({"title":"old","content":"old body","id":7,"meta":{"headline":"عنوان","ts":1437436800},"story":{"paras":["أ","ب"]}})",
      maps);
  ASSERT_TRUE(j.ok()) << j.status().to_string();
  EXPECT_EQ(*j,
            R"({"id":7,"meta":{"headline":"عنوان","ts":1437436800},"story":{"paras":["أ","ب"]},"title":"عنوان","text":["أ","ب"],"published":"1437436800"})");
  auto missing = internal::remap_fields(R"({"title":"x","text":"y"})", {*parse_field_map("title=meta.headline")});
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(*missing, R"({"text":"y"})");  // a mapped field that is absent is absent, not the default
  EXPECT_FALSE(internal::remap_fields("{not json", maps).ok());
  EXPECT_FALSE(internal::remap_fields(R"({"meta":{"headline":{"a":1}}})", {maps[0]}).ok());
}

Signature sig_of(const std::string& text) {
  std::vector<uint32_t> breaks{0};
  for (size_t i = text.find("\n\n"); i != std::string::npos; i = text.find("\n\n", i + 2)) {
    breaks.push_back(static_cast<uint32_t>(i + 2));
  }
  return minhash(tokenize(text), breaks, 2);
}

const char* kParaA =
    "وقع ممثلون عن القوات المسلحة الملكية المغربية ونظيرتها الإسرائيلية خطة العمل العسكري المشترك لسنة 2026 "
    "خلال اجتماع اللجنة العسكرية المشتركة الذي انعقد بالعاصمة تل أبيب";
const char* kParaB =
    "وأوضح بيان صادر عن الجيش أن هذه الخطة تشمل تبادل الخبرات والتدريب المشترك وتطوير القدرات في مجالات عدة "
    "وأن الاجتماع المقبل سيعقد في الرباط خلال السنة المقبلة";

TEST(StoreMinHash, Similarity) {
  const std::string a = std::string(kParaA) + "\n\n" + kParaB;
  const std::string reordered = std::string(kParaB) + "\n\n" + kParaA;
  Signature sa = sig_of(a);
  ASSERT_EQ(sa.mins.size(), static_cast<size_t>(StoryOptions::kHashes));
  EXPECT_DOUBLE_EQ(estimate_similarity(sa, sig_of(a)), 1.0);
  EXPECT_DOUBLE_EQ(estimate_similarity(sa, sig_of(reordered)), 1.0);  // shingles stay inside paragraphs
  // Harakat and clitics do not change shingles: وقّع = وقع, والتدريب ~ التدريب.
  std::string marked = a;
  marked.replace(0, std::string("وقع").size(), "وقّع");
  EXPECT_DOUBLE_EQ(estimate_similarity(sa, sig_of(marked)), 1.0);
  Signature other = sig_of("أعلنت وزارة الصحة عن تسجيل حالات جديدة من الإصابة بالفيروس في عدة مدن خلال الأسبوع الماضي");
  EXPECT_LT(estimate_similarity(sa, other), 0.1);
  // Containment: the first paragraph alone is inside the whole.
  Signature part = sig_of(kParaA);
  EXPECT_GT(estimate_containment(sa, part), 0.8);
  EXPECT_TRUE(sig_of("، . !").mins.empty());
  // The writer's signature comes from the index terms: the same as from tokens.
  const std::vector<uint32_t> breaks{0, static_cast<uint32_t>(std::string(kParaA).size() + 2)};
  Signature from_terms = internal::minhash_of_terms(internal::fts_document_terms(a), breaks, 2);
  EXPECT_EQ(from_terms.mins, sa.mins);
  EXPECT_EQ(from_terms.shingles, sa.shingles);
}

// A fresh folder per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("marsad-store-" + std::to_string(getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return path(name);
  }
  Store open(const std::string& name = "t.db") {
    auto s = Store::open(path(name));
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    return std::move(*s);
  }
  fs::path dir_;
};

std::string json_line(const std::string& url, const std::string& source, const std::string& published,
                      const std::string& title, const std::string& text) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  if (!url.empty()) w.field("url", url);
  w.field("source", source).field("date", published).field("title", title).field("text", text).end_object();
  return out + "\n";
}

// Five articles: each form of المغرب once, a syndicated copy of the first by
// another outlet, plus a repeated URL, a malformed line and one without text.
std::string corpus() {
  std::string a = std::string(kParaA) + "\n\n" + kParaB + "\n\nوقّع المغرب الاتفاقية.";
  std::string copy = std::string("الرباط - ") + kParaA + "\n\n" + kParaB + "\n\nتابعونا على مواقع التواصل.";
  return json_line("http://a/1", "hespress", "2025-11-24", "المغرب وإسرائيل يوقعان خطة العمل", a) +
         json_line("http://a/2", "hespress", "2025-11-25", "النقل", "أعلنت الحكومة بالمغرب عن خطة جديدة للنقل العمومي في المدن الكبرى.") +
         json_line("http://a/3", "aawsat", "2025-11-26", "الطاقة", "قدم البنك دعما للمغرب في مجال الطاقة المتجددة والرياح.") +
         json_line("", "aawsat", "2025-12-01", "سياحة", "والمغرب بلد جميل يزوره ملايين السياح كل سنة.") +
         json_line("http://b/1", "nadorcity", "2025-11-24", "خطة عسكرية مشتركة", copy) +
         json_line("http://a/2", "hespress", "2025-11-25", "النقل", "نسخة ثانية بنفس الرابط.") +  // same URL: skipped
         "{\"url\": \"http://bad\", \"text\": \n" +                                              // malformed
         json_line("http://c/1", "hespress", "2025-11-25", "", "");                               // no text, no title
}

std::vector<int64_t> ids_of(const Result<std::vector<SearchHit>>& hits) {
  std::vector<int64_t> out;
  if (hits.ok()) {
    for (const SearchHit& h : *hits) out.push_back(h.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(StoreTest, IngestSearchStoriesAndRerun) {
  const std::string in = write("in.jsonl", corpus());
  Store store = open();
  IngestOptions opt;
  opt.batch = 2;
  std::vector<std::string> rejected;
  opt.on_reject = [&](const Status& s) { rejected.push_back(s.to_string()); };
  IngestReport r = store.ingest({in}, opt);
  ASSERT_TRUE(r.status.is_ok()) << r.status.to_string();
  EXPECT_EQ(r.ingested, 5u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(r.rejected, 2u);
  EXPECT_EQ(r.reasons["bad_json"], 1u);
  EXPECT_EQ(r.reasons["empty"], 1u);
  ASSERT_EQ(rejected.size(), 2u);
  EXPECT_NE(rejected[0].find("in.jsonl:7"), std::string::npos) << rejected[0];

  // Originals byte for byte; keys by URL, else by content hash.
  auto a1 = store.article(1);
  ASSERT_TRUE(a1.ok());
  EXPECT_EQ(a1->original + "\n", json_line("http://a/1", "hespress", "2025-11-24", "المغرب وإسرائيل يوقعان خطة العمل",
                                           std::string(kParaA) + "\n\n" + kParaB + "\n\nوقّع المغرب الاتفاقية."));
  EXPECT_EQ(a1->key, "url:http://a/1");
  EXPECT_EQ(a1->source, "hespress");
  EXPECT_EQ(a1->published, "2025-11-24");
  EXPECT_EQ(a1->format, "json");
  EXPECT_EQ(a1->line, 1u);
  EXPECT_EQ(a1->analyzer, analyzer_version());
  EXPECT_EQ(store.article(4)->key.substr(0, 5), "xxh3:");

  // المغرب finds every clitic form; the exact form finds itself only.
  SearchQuery q;
  q.text = "المغرب";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{1, 2, 3, 4}));
  q.text = "=\"والمغرب\"";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{4}));
  q.text = "=للمغرب";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{3}));
  q.text = "وقع";  // وقّع in the text
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{1, 5}));
  q.text = "\"خطة العمل العسكري\"";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{1, 5}));
  q.text = "النقل OR الطاقة";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{2, 3}));
  q.text = "المغرب NOT إسرائيل";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{2, 3, 4}));
  q.text = "متجدد*";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{3}));
  q.text = "كوكب";
  EXPECT_TRUE(ids_of(search(store, q)).empty());

  // Filters.
  q.text = "المغرب";
  q.source = "الشرق الأوسط";  // a name resolves to the outlet id
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{3, 4}));
  q.source.clear();
  q.since = "2025-11-25";
  q.until = "2025-11-26";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(*count_matches(store, q), 2u);
  q.since = "bad date";
  EXPECT_FALSE(search(store, q).ok());
  q = SearchQuery();
  q.source = "hespress";  // no text: filters only, newest first
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{1, 2}));

  // Snippets show the original text, harakat included, with the match marked.
  q = SearchQuery();
  q.text = "وقع الاتفاقية";
  auto hits = search(store, q);
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  const SearchHit& h = hits->front();
  EXPECT_EQ(h.id, 1);
  ASSERT_FALSE(h.highlights.empty());
  bool shadda = false;
  for (auto [b, e] : h.highlights) shadda |= h.snippet.substr(b, e - b) == "وقّع";
  EXPECT_TRUE(shadda) << h.snippet;

  // Stories: the syndicated copy joins the first article's story.
  EXPECT_EQ(store.article(5)->story, store.article(1)->story);
  auto story = get_story(store, store.article(1)->story);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->articles, 2u);
  EXPECT_EQ(story->outlets, 2u);
  EXPECT_EQ(story->representative, 1);
  EXPECT_EQ(story->first_seen, "2025-11-24");
  auto stories = list_stories(store, {});
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ(stories->front().id, story->id);
  EXPECT_EQ(story_members(store, story->id)->size(), 2u);
  q = SearchQuery();
  q.text = "خطة";
  q.story = story->id;
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{1, 5}));

  auto problems = store.check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();

  // The same ingest again adds nothing.
  IngestReport again = store.ingest({in}, opt);
  ASSERT_TRUE(again.status.is_ok());
  EXPECT_EQ(again.ingested, 0u);
  EXPECT_EQ(again.skipped, 6u);
  EXPECT_EQ(store.stats()->articles, 5u);

  // Reanalysis of everything keeps ids, stories and the index consistent.
  ReanalyzeOptions ro;
  ro.all = true;
  IngestReport re = store.reanalyze(ro);
  ASSERT_TRUE(re.status.is_ok()) << re.status.to_string();
  EXPECT_EQ(re.ingested, 5u);
  q = SearchQuery();
  q.text = "المغرب";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_TRUE(store.check()->empty());
  ro.stories = true;
  ro.threshold = 0.99;  // stricter than the copy's similarity: it leaves the story
  ro.containment = 0.99;
  ASSERT_TRUE(store.reanalyze(ro).status.is_ok());
  EXPECT_NE(store.article(5)->story, store.article(1)->story);
  EXPECT_TRUE(store.check()->empty());
  EXPECT_TRUE(list_stories(store, {})->empty());
}

TEST_F(StoreTest, TextFoldersAndFieldMaps) {
  fs::create_directories(dir_ / "txt" / "sub");
  write("txt/a.txt", "ناظورسيتي: متابعة\n\nوقّع المغرب اتفاقية جديدة.\n");
  write("txt/sub/b.txt", "خبر ثان عن الطقس في الرباط.\n");
  write("txt/notes.md", "ignored");
  write("mapped.jsonl", R"({"id":1,"meta":{"headline":"عنوان خاص","link":"http://m/1"},"body":{"text":"نص المقال عن الرباط."}})"
                        "\n");
  Store store = open();
  IngestReport r = store.ingest({path("txt")}, {});
  ASSERT_TRUE(r.status.is_ok()) << r.status.to_string();
  EXPECT_EQ(r.ingested, 2u);
  auto a = store.article(1);
  EXPECT_EQ(a->format, "text");
  EXPECT_EQ(a->original, "ناظورسيتي: متابعة\n\nوقّع المغرب اتفاقية جديدة.\n");
  EXPECT_EQ(a->source, "nadorcity");

  IngestOptions opt;
  opt.fields = {*parse_field_map("title=meta.headline"), *parse_field_map("url=meta.link"),
                *parse_field_map("text=body.text")};
  r = store.ingest({path("mapped.jsonl")}, opt);
  ASSERT_TRUE(r.status.is_ok()) << r.status.to_string();
  EXPECT_EQ(r.ingested, 1u);
  auto m = store.article(3);
  EXPECT_EQ(m->title, "عنوان خاص");
  EXPECT_EQ(m->url, "http://m/1");
  SearchQuery q;
  q.text = "الرباط";
  EXPECT_EQ(ids_of(search(store, q)), (std::vector<int64_t>{2, 3}));
  // Reanalysis reads the original through the same field map.
  ReanalyzeOptions ro;
  ro.all = true;
  ASSERT_TRUE(store.reanalyze(ro).status.is_ok());
  EXPECT_EQ(store.article(3)->title, "عنوان خاص");
  EXPECT_TRUE(store.check()->empty());
}

// Events from records are counted per story: a copy in another outlet adds a
// source and an article, not a new event.
TEST_F(StoreTest, EventsPerStory) {
  Store store = open();
  auto writer = internal::Writer::create(store.impl());
  ASSERT_TRUE(writer.ok()) << writer.status().to_string();
  auto run = store.impl().db.exec("INSERT INTO runs(id, started, command, options, analyzer) VALUES(1, '', 'test', '{}', '')");
  ASSERT_TRUE(run.is_ok());
  const std::string event =
      R"({"code":"057","root":"05","plover":"AGREE","source":{"text":"القوات المسلحة الملكية","actor":"MARMIL","country":"MAR"},)"
      R"("target":{"text":"نظيرتها الإسرائيلية","actor":"ISRMIL","country":"ISR"},"location":{"text":"تل أبيب","country":"ISR"},)"
      R"("date":{"value":"2025-11-24","grain":"day"},"modality":"asserted","negated":false,"goldstein":8.0,"quad_class":1,"confidence":0.9})";
  const std::string other = R"({"code":"042","source":{"actor":"MARGOV"},"target":{"actor":"FRAGOV"}})";
  auto prepared = [&](const std::string& url, const std::string& source, const std::string& events) {
    internal::Prepared p;
    p.key = "url:" + url;
    p.url = url;
    p.source = source;
    p.published = p.seen = "2025-11-25";
    p.title = "t";
    p.body = std::string(kParaA) + "\n\n" + kParaB;
    p.record = R"({"schema":"marsad.article/1","events":[)" + events + "]}";
    p.original = "{}";
    p.format = "json";
    p.file = "x";
    p.signature = sig_of(p.body);
    auto side = internal::extract_side_rows(p.record, p.published);
    EXPECT_TRUE(side.ok());
    p.side = *side;
    return p;
  };
  ASSERT_TRUE(writer->begin().is_ok());
  ASSERT_TRUE(*writer->insert(prepared("http://e/1", "hespress", event + "," + event), 1));  // mentioned twice
  ASSERT_TRUE(*writer->insert(prepared("http://e/2", "nadorcity", event + "," + other), 1));
  ASSERT_TRUE(writer->commit().is_ok());
  ASSERT_EQ(store.article(1)->story, store.article(2)->story);

  auto rows = query_events(store, {});
  ASSERT_TRUE(rows.ok()) << rows.status().to_string();
  ASSERT_EQ(rows->size(), 2u);
  const EventAggregate* e = nullptr;
  for (const EventAggregate& r : *rows) {
    if (r.code == "057") e = &r;
  }
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->num_mentions, 3u);
  EXPECT_EQ(e->num_sources, 2u);
  EXPECT_EQ(e->num_articles, 2u);
  EXPECT_EQ(e->source_actor, "MARMIL");
  EXPECT_EQ(e->target_country, "ISR");
  EXPECT_EQ(e->location_country, "ISR");
  EXPECT_EQ(e->date, "2025-11-24");
  EXPECT_EQ(e->plover, "AGREE");
  EXPECT_EQ(e->quad_class, 1);
  EXPECT_EQ(e->first_article, 1);
  EXPECT_EQ(e->url, "http://e/1");

  EventQuery q;
  q.actor = "ISR";  // a prefix of ISRMIL
  EXPECT_EQ(query_events(store, q)->size(), 1u);
  q = EventQuery();
  q.dyad_source = "MAR";
  q.dyad_target = "ISR";
  EXPECT_EQ(query_events(store, q)->size(), 1u);
  q.dyad_source = "ISR";
  q.dyad_target = "MAR";
  EXPECT_TRUE(query_events(store, q)->empty());
  q = EventQuery();
  q.code = "04";
  ASSERT_EQ(query_events(store, q)->size(), 1u);
  EXPECT_EQ(query_events(store, q)->front().root, "04");  // root from the code when absent
  EXPECT_EQ(query_events(store, q)->front().date, "2025-11-25");  // publication date when the event has none
  q = EventQuery();
  q.root = "05";
  q.since = "2025-11-24";
  q.until = "2025-11-24";
  EXPECT_EQ(query_events(store, q)->size(), 1u);
  q.since = "2025-11-25";
  EXPECT_TRUE(query_events(store, q)->empty());
  q = EventQuery();
  q.story = store.article(1)->story + 100;
  EXPECT_TRUE(query_events(store, q)->empty());
  q = EventQuery();
  q.dyad_source = "MAR";
  EXPECT_FALSE(query_events(store, q).ok());

  // Event actors are searchable mentions.
  SearchQuery sq;
  sq.actor = "ISRMIL";
  EXPECT_EQ(ids_of(search(store, sq)), (std::vector<int64_t>{1, 2}));
  sq.actor = "FRA";
  EXPECT_EQ(ids_of(search(store, sq)), (std::vector<int64_t>{2}));
  EXPECT_TRUE(store.check()->empty());
}

// marsad_rank's best K are BM25's best K (bm25(fts, 2.0, 1.0)), scores and order.
TEST_F(StoreTest, RankIsBm25OnTheBestK) {
  const char* words[] = {"المغرب", "تونس", "الجزائر", "مصر", "الرباط", "اتفاقية", "وزير", "الخارجية", "حكومة", "برلمان"};
  std::string lines;
  uint64_t seed = 7;
  auto next = [&] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL, seed >> 33; };
  for (int i = 0; i < 400; ++i) {
    std::string text, title = words[next() % 10];
    const int len = 5 + static_cast<int>(next() % 200);
    for (int w = 0; w < len; ++w) text += std::string(words[next() % 10]) + (next() % 7 ? " " : " كلمة ");
    lines += json_line("http://r/" + std::to_string(i), "hespress", "2025-01-01", title, text);
  }
  Store store = open();
  ASSERT_TRUE(store.ingest({write("r.jsonl", lines)}, {}).status.is_ok());
  auto& db = store.impl().db;
  for (const char* q : {"\"المغرب\"", "\"تونس\" AND \"الرباط\"", "\"وزير الخارجية\"", "\"مصر\" OR \"برلمان\"", "\"كلمة\""}) {
    for (int k : {1, 10, 50}) {
      auto ref = db.prepare("SELECT rowid, bm25(fts, 2.0, 1.0) AS r FROM fts WHERE fts MATCH ?1 ORDER BY r, rowid LIMIT ?2");
      auto got = db.prepare("SELECT rowid, marsad_rank(fts, ?2) AS r FROM fts WHERE fts MATCH ?1 ORDER BY r, rowid LIMIT ?2");
      ASSERT_TRUE(ref.ok() && got.ok());
      for (Result<internal::Stmt>* st : {&ref, &got}) (*st)->bind(1, std::string_view(q)).bind(2, int64_t{k});
      int rows = 0;
      while (*ref->step()) {
        ASSERT_TRUE(*got->step()) << q;
        EXPECT_EQ(got->i64(0), ref->i64(0)) << q << " k=" << k << " row " << rows;
        EXPECT_NEAR(got->f64(1), ref->f64(1), 1e-9) << q;
        ++rows;
      }
      EXPECT_FALSE(*got->step());
      EXPECT_EQ(rows, k) << q;
    }
  }
}

TEST_F(StoreTest, SideRowsFromRecordJson) {
  auto rows = internal::extract_side_rows(
      R"({"entities":[{"id":"MAR","actor":"MAR"},{"id":"geo:rabat","actor":""},{"id":"MAR","actor":"MARGOV"}],)"
      R"("topics":[{"label":"politics","score":0.8},{"label":"economy","score":0.1}]})",
      "");
  ASSERT_TRUE(rows.ok());
  std::string keys;
  for (const auto& m : rows->mentions) keys += m.key + "/" + m.kind + " ";
  EXPECT_EQ(keys, "MAR/entity MARGOV/actor geo:rabat/entity ");
  ASSERT_EQ(rows->topics.size(), 2u);
  EXPECT_EQ(rows->topics[1].label, "economy");
  EXPECT_EQ(rows->topics[1].rank, 1);
  EXPECT_TRUE(internal::extract_side_rows(R"({"schema":"marsad.article/1"})", "")->events.empty());
}

TEST_F(StoreTest, OpenErrors) {
  // A folder that cannot be written.
  fs::create_directories(dir_ / "ro");
  fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  if (geteuid() != 0) {  // root writes anywhere
    auto s = Store::open(path("ro/x.db"));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), Error::kIo);
    EXPECT_NE(s.status().to_string().find("ro/x.db"), std::string::npos) << s.status().to_string();
  }
  // Not a store: another application's tables, a text file, a newer schema.
  {
    auto db = internal::Db::open(path("other.db"), false, true, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->exec("CREATE TABLE t(x)").is_ok());
  }
  auto other = Store::open(path("other.db"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), Error::kCorrupt);
  write("text.db", std::string(5000, 'x'));
  EXPECT_FALSE(Store::open(path("text.db")).ok());
  {
    Store s = open("new.db");
    ASSERT_TRUE(s.impl().db.exec("PRAGMA user_version = 99").is_ok());
  }
  auto newer = Store::open(path("new.db"));
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("schema version 99"), std::string::npos);
  // Read-only opening of a missing store fails instead of creating it.
  StoreOptions ro;
  ro.read_only = true;
  EXPECT_FALSE(Store::open(path("missing.db"), ro).ok());
  EXPECT_FALSE(fs::exists(path("missing.db")));
  // A missing input is an error before anything is written.
  Store s = open();
  IngestReport r = s.ingest({path("nope.jsonl")}, {});
  EXPECT_FALSE(r.status.is_ok());
  EXPECT_EQ(s.stats()->runs, 0u);
}

TEST_F(StoreTest, MigratesAndRecordsVersions) {
  Store s = open();
  EXPECT_EQ(*s.impl().db.scalar_int("PRAGMA user_version"), kStoreSchemaVersion);
  EXPECT_EQ(*s.impl().db.scalar_text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(*s.impl().db.scalar_text("SELECT value FROM meta WHERE key = 'fts_analyzer'"), analyzer_version());
  EXPECT_EQ(*s.impl().db.scalar_text("SELECT value FROM meta WHERE key = 'record_schema'"), kSchema);
  EXPECT_EQ(*s.impl().db.scalar_text("SELECT value FROM meta WHERE key = 'story_threshold'"), "0.45");
  EXPECT_EQ(analyzer_version().substr(0, 7), "marsad ");
  EXPECT_NE(analyzer_version().find(" data:"), std::string_view::npos);
}

// A version 1 store (events kept their JSON in a column) is brought to
// version 2 on opening for writing, keeps its articles and takes new ones.
TEST_F(StoreTest, MigratesVersion1) {
  const std::string in = write("c.jsonl", corpus());
  {
    Store s = open("v1.db");
    ASSERT_TRUE(s.ingest({in}, {}).status.is_ok());
    ASSERT_TRUE(s.impl().db.exec("ALTER TABLE events ADD COLUMN json TEXT NOT NULL DEFAULT '{}'; PRAGMA user_version = 1").is_ok());
  }
  StoreOptions ro;
  ro.read_only = true;
  auto old = Store::open(path("v1.db"), ro);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("open it for writing once to migrate"), std::string::npos);
  Store s = open("v1.db");
  EXPECT_EQ(*s.impl().db.scalar_int("PRAGMA user_version"), 2);
  EXPECT_EQ(*s.impl().db.scalar_int("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'json'"), 0);
  const uint64_t before = s.stats()->articles;
  EXPECT_GT(before, 0u);
  IngestReport r = s.ingest({write("d.jsonl", json_line("http://m/1", "hespress", "2025-12-02", "جديد", "مقال جديد بعد الترحيل."))}, {});
  ASSERT_TRUE(r.status.is_ok()) << r.status.to_string();
  EXPECT_EQ(s.stats()->articles, before + 1);
  EXPECT_TRUE(s.check()->empty());
}

TEST_F(StoreTest, TooLargeDocumentsAreRejectedNotHeld) {
  std::string big = "{\"url\":\"http://big\",\"text\":\"" + std::string(300000, 'x') + "\"}\n";
  const std::string in = write("big.jsonl", json_line("http://s/1", "hespress", "2025-01-01", "t", "نص قصير.") + big +
                                                json_line("http://s/2", "hespress", "2025-01-01", "t", "نص آخر قصير."));
  Store store = open();
  IngestOptions opt;
  opt.max_article_bytes = 100000;
  IngestReport r = store.ingest({in}, opt);
  ASSERT_TRUE(r.status.is_ok());
  EXPECT_EQ(r.ingested, 2u);
  EXPECT_EQ(r.reasons["too_large"], 1u);
}

}  // namespace
}  // namespace marsad
