// Properties over real corpora in ../shared (not shipped; skipped when absent):
// tokens concatenate back to the input, offset maps are monotone, every span
// lies inside the text and in order, and analysis never fails on real text.
#include <gtest/gtest.h>

#include <filesystem>

#include "marsad/input.h"
#include "marsad/pipeline.h"
#include "marsad/tokenize.h"

namespace marsad {
namespace {

const std::string kShared = MARSAD_SHARED_DIR "/data/news/";

void check_text(const std::string& text) {
  Tokenized t = tokenize(text);
  ASSERT_EQ(t.key.orig.size(), t.key.key.size() + 1);
  for (size_t i = 1; i < t.key.orig.size(); ++i) ASSERT_LE(t.key.orig[i - 1], t.key.orig[i]);
  ASSERT_EQ(t.key.orig.back(), text.size());
  uint32_t at = 0;
  for (const Token& tok : t.tokens) {
    ASSERT_EQ(tok.start, at);
    ASSERT_LE(tok.start, tok.end);
    at = tok.end;
  }
  ASSERT_EQ(at, text.size());
}

void check_record(const Record& r) {
  const auto n = static_cast<uint32_t>(r.doc.text.size());
  uint32_t last = 0;
  for (const Span& p : r.article.paragraphs) {
    ASSERT_LE(last, p.start);
    ASSERT_LT(p.start, p.end);
    ASSERT_LE(p.end, n);
    last = p.end;
  }
  for (const Removed& x : r.article.removed) {
    ASSERT_LE(x.span.end, n);
    ASSERT_GE(x.duplicate_of, 0);
    ASSERT_LT(static_cast<size_t>(x.duplicate_of), r.article.paragraphs.size());
    ASSERT_LT(r.article.paragraphs[static_cast<size_t>(x.duplicate_of)].start, x.span.start);
  }
  for (const Sentence& s : r.sentences) {
    const Span p = r.article.paragraphs[s.paragraph];
    ASSERT_LE(p.start, s.span.start);
    ASSERT_LE(s.span.end, p.end);
  }
  if (r.article.title_in_text) {
    ASSERT_LE(r.article.title_span.end, n);
  }
}

void run_corpus(const std::string& file, size_t limit) {
  std::string path = kShared + file;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent (../shared is not shipped); skipped";
  size_t docs = 0, failed = 0;
  Status s = read_documents(path, {}, [&](Result<InputDocument> d) {
    if (!d) {
      // Real corpora hold some empty articles; those must say so. Anything else is a failure.
      if (d.status().code() != Error::kEmpty) {
        ++failed;
        ADD_FAILURE() << d.status().to_string();
      }
      return true;
    }
    check_text(d->doc.text);
    auto r = analyze(std::move(*d), {});
    if (r) {
      check_record(*r);
    } else {
      EXPECT_EQ(r.status().code(), Error::kEmpty) << r.status().to_string();
    }
    return ++docs < limit && !::testing::Test::HasFatalFailure();
  });
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_GT(docs, 0u);
  EXPECT_EQ(failed, 0u) << "documents that failed to read in " << file;
}

TEST(Corpus, SaudiNewsNet) { run_corpus("saudinewsnet.jsonl.gz", 3000); }
TEST(Corpus, AntMultisource) { run_corpus("ant-v2.1-multisource-train.jsonl.gz", 3000); }
TEST(Corpus, AntJawharaFm) { run_corpus("ant-v1.1-jawharafm-train.jsonl.gz", 3000); }
TEST(Corpus, MoroccanFebrayer) { run_corpus("moroccan-febrayer_articles.jsonl", 1000); }
TEST(Corpus, MoroccanYabiladi) { run_corpus("moroccan-yabiladi_articles.jsonl", 1000); }

}  // namespace
}  // namespace marsad
