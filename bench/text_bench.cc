// Text-layer throughput: marsad against Lucene++'s ArabicAnalyzer and the
// Snowball Arabic stemmer, single thread, on the same news articles.
//
//   BM_marsad           tokenize() (match key + offset map + tokens) and
//                       analyze_clitics() on every Arabic token
//   BM_lucene_arabic    ArabicAnalyzer::tokenStream() consumed with
//                       incrementToken(), reading the TermAttribute
//   BM_snowball_arabic  a byte-loop split at white space and punctuation,
//                       then sb_stemmer_stem() on every word
// and two diagnostics that are not part of the comparison:
//   BM_marsad_tokenize_only     BM_marsad without analyze_clitics()
//   BM_lucene_arabic_incl_utf8  BM_lucene_arabic plus the UTF-8 -> String
//                               conversion of each article
//
// Every benchmark iteration is one pass over the same articles, each article
// processed on its own. Throughput is UTF-8 bytes of article text (MB/s);
// "tokens/s" counts the words each system hands back (marsad: Arabic and Latin
// word tokens; Lucene: terms emitted after its stop filter; Snowball: words
// stemmed), so it is not comparable one to one: MB/s is.
//
//   text_bench [--benchmark_min_time=2] [google benchmark flags]
//   MARSAD_BENCH_CORPUS=path.jsonl[.gz]  (default ../shared/data/news/saudinewsnet.jsonl.gz,
//                                         relative to the repository root)
//   MARSAD_BENCH_MB=20                   (MiB of article text to load)
#include <benchmark/benchmark.h>
#include <libstemmer.h>
#include <simdjson.h>

// Lucene++'s headers include their siblings as "Lucene.h": the include path is
// /usr/include/lucene++ (pkg-config liblucene++).
#include <lucene++/LuceneHeaders.h>
#include <lucene++/ArabicAnalyzer.h>
#include <lucene++/StringUtils.h>
#include <lucene++/TermAttribute.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/clitics.h"
#include "marsad/io.h"
#include "marsad/normalize.h"
#include "marsad/tokenize.h"

namespace {

constexpr const char* kDefaultCorpus = "../shared/data/news/saudinewsnet.jsonl.gz";

struct Corpus {
  std::string text;                         // articles joined with "\n\n"
  std::vector<std::string_view> articles;   // views into text
  std::vector<Lucene::String> wide;         // the same articles, converted once for Lucene
  uint64_t bytes = 0;                       // UTF-8 bytes of the articles (no separators)
  std::string path;
  uint64_t lines_read = 0;
};

Corpus& corpus() {
  static Corpus c;
  return c;
}

// Loads the "content" of the first articles until `limit` bytes. Returns false
// (with a message) when the file is missing or unreadable.
bool load_corpus(const std::string& path, uint64_t limit, std::string& why) {
  auto reader = marsad::LineReader::open(path);
  if (!reader) {
    why = reader.status().to_string();
    return false;
  }
  Corpus& c = corpus();
  c.path = path;
  std::vector<std::pair<size_t, size_t>> ranges;
  simdjson::dom::parser parser;
  std::string line;
  while (c.bytes < limit) {
    auto more = reader->next(line);
    if (!more) {
      why = more.status().to_string();
      return false;
    }
    if (!*more) break;
    ++c.lines_read;
    simdjson::dom::element doc;
    if (parser.parse(line).get(doc) != simdjson::SUCCESS) continue;
    std::string_view content;
    if (doc["content"].get_string().get(content) != simdjson::SUCCESS) continue;
    if (content.empty()) continue;
    if (!c.text.empty()) c.text += "\n\n";
    ranges.emplace_back(c.text.size(), content.size());
    c.text += content;
    c.bytes += content.size();
  }
  for (auto [off, len] : ranges) c.articles.emplace_back(c.text.data() + off, len);
  // Lucene works on wide strings: convert before timing (favourable to Lucene).
  c.wide.reserve(c.articles.size());
  for (std::string_view a : c.articles) {
    c.wide.push_back(Lucene::StringUtils::toUnicode(reinterpret_cast<const uint8_t*>(a.data()),
                                                     static_cast<int32_t>(a.size())));
  }
  if (c.articles.empty()) {
    why = "no article with a non-empty \"content\" field";
    return false;
  }
  return true;
}

// ---- Snowball: a simple tokenizer in front of the stemmer --------------------

inline bool ascii_separator(unsigned char b) {
  switch (b) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case '.': case ',': case ':': case ';': case '!': case '?': case '"':
    case '(': case ')': case '-':
      return true;
    default:
      return false;
  }
}

// Length of an Arabic/guillemet separator starting at p (، ؛ ؟ « »), else 0.
inline size_t two_byte_separator(const unsigned char* p, const unsigned char* end) {
  if (end - p < 2) return 0;
  if (p[0] == 0xD8 && (p[1] == 0x8C || p[1] == 0x9B || p[1] == 0x9F)) return 2;  // ، ؛ ؟
  if (p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB)) return 2;                  // « »
  return 0;
}

// Calls f(word_ptr, word_len) for every word of text.
template <class F>
inline void split_words(std::string_view text, F&& f) {
  auto p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* end = p + text.size();
  const unsigned char* word = p;
  while (p < end) {
    size_t sep = ascii_separator(*p) ? 1 : two_byte_separator(p, end);
    if (sep == 0) {
      ++p;
      continue;
    }
    if (p > word) f(word, static_cast<int>(p - word));
    p += sep;
    word = p;
  }
  if (p > word) f(word, static_cast<int>(p - word));
}

struct Stemmer {
  sb_stemmer* s = sb_stemmer_new("arabic", "UTF_8");
  ~Stemmer() { sb_stemmer_delete(s); }
};

// ---- marsad ------------------------------------------------------------------

void BM_marsad(benchmark::State& state) {
  const Corpus& c = corpus();
  uint64_t tokens = 0;
  for (auto _ : state) {
    uint64_t n = 0;
    for (std::string_view a : c.articles) {
      marsad::Tokenized t = marsad::tokenize(a);
      for (const marsad::Token& tok : t.tokens) {
        if (tok.kind == marsad::TokenKind::kArabic) {
          marsad::Clitics cl = marsad::analyze_clitics(t.key_of(tok));
          benchmark::DoNotOptimize(cl);
        }
        n += tok.is_word();
      }
      benchmark::DoNotOptimize(t);
    }
    tokens += n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["tok/pass"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kAvgIterations);
}

// ---- Lucene++ ----------------------------------------------------------------

// Runs the analyzer over one article; returns the number of terms.
inline uint64_t lucene_consume(const Lucene::AnalyzerPtr& analyzer, const Lucene::String& text) {
  using namespace Lucene;
  uint64_t n = 0;
  TokenStreamPtr ts = analyzer->tokenStream(L"f", newLucene<StringReader>(text));
  TermAttributePtr term = ts->addAttribute<TermAttribute>();
  ts->reset();
  while (ts->incrementToken()) {
    // What an indexer reads: the term buffer and its length (term() would
    // also copy it into a new String).
    benchmark::DoNotOptimize(term->termBufferArray());
    benchmark::DoNotOptimize(term->termLength());
    ++n;
  }
  ts->end();
  ts->close();
  return n;
}

void BM_lucene_arabic(benchmark::State& state) {
  using namespace Lucene;
  const Corpus& c = corpus();
  AnalyzerPtr analyzer = newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT);
  uint64_t tokens = 0;
  for (auto _ : state) {
    uint64_t n = 0;
    for (const String& w : c.wide) n += lucene_consume(analyzer, w);
    tokens += n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["tok/pass"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kAvgIterations);
}

// ---- Snowball ----------------------------------------------------------------

void BM_snowball_arabic(benchmark::State& state) {
  const Corpus& c = corpus();
  Stemmer st;
  if (!st.s) {
    state.SkipWithError("sb_stemmer_new(\"arabic\", \"UTF_8\") failed");
    return;
  }
  uint64_t tokens = 0;
  for (auto _ : state) {
    uint64_t n = 0;
    for (std::string_view a : c.articles) {
      split_words(a, [&](const unsigned char* w, int len) {
        const sb_symbol* stem = sb_stemmer_stem(st.s, w, len);
        benchmark::DoNotOptimize(stem);
        benchmark::DoNotOptimize(sb_stemmer_length(st.s));
        ++n;
      });
    }
    tokens += n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["tok/pass"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kAvgIterations);
}

BENCHMARK(BM_marsad)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lucene_arabic)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_snowball_arabic)->Unit(benchmark::kMillisecond);

// ---- diagnostics (not part of the ratios) --------------------------------------

// marsad without clitic analysis: match key + offset map + tokens only.
void BM_marsad_tokenize_only(benchmark::State& state) {
  const Corpus& c = corpus();
  uint64_t tokens = 0;
  for (auto _ : state) {
    for (std::string_view a : c.articles) {
      marsad::Tokenized t = marsad::tokenize(a);
      tokens += t.tokens.size();
      benchmark::DoNotOptimize(t);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["tok/pass"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kAvgIterations);
}

// Lucene as a UTF-8 application pays for it: conversion to String per article.
void BM_lucene_arabic_incl_utf8(benchmark::State& state) {
  using namespace Lucene;
  const Corpus& c = corpus();
  AnalyzerPtr analyzer = newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT);
  uint64_t tokens = 0;
  for (auto _ : state) {
    for (std::string_view a : c.articles) {
      String w = StringUtils::toUnicode(reinterpret_cast<const uint8_t*>(a.data()),
                                        static_cast<int32_t>(a.size()));
      tokens += lucene_consume(analyzer, w);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["tok/pass"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kAvgIterations);
}

BENCHMARK(BM_marsad_tokenize_only)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lucene_arabic_incl_utf8)->Unit(benchmark::kMillisecond);

// ---- sanity check --------------------------------------------------------------

std::string lucene_terms(const std::string& utf8) {
  using namespace Lucene;
  AnalyzerPtr analyzer = newLucene<ArabicAnalyzer>(LuceneVersion::LUCENE_CURRENT);
  String w = StringUtils::toUnicode(reinterpret_cast<const uint8_t*>(utf8.data()),
                                    static_cast<int32_t>(utf8.size()));
  TokenStreamPtr ts = analyzer->tokenStream(L"f", newLucene<StringReader>(w));
  TermAttributePtr term = ts->addAttribute<TermAttribute>();
  ts->reset();
  std::string out;
  while (ts->incrementToken()) {
    if (!out.empty()) out += ' ';
    out += StringUtils::toUTF8(term->term());
  }
  ts->close();
  return out.empty() ? "(no token)" : out;
}

std::string snowball_stem(const std::string& word) {
  Stemmer st;
  if (!st.s) return "(no stemmer)";
  const sb_symbol* s = sb_stemmer_stem(st.s, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  return std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(st.s));
}

void sanity_check() {
  std::cerr << "sanity check (marsad clitics | Lucene ArabicAnalyzer term | Snowball stem):\n";
  for (std::string word : {"والمغرب", "وبالمغرب", "للمغرب", "وسيوقع", "بريطانيا"}) {
    std::string key = marsad::match_key(word);
    std::string m = marsad::dump_clitics(key, marsad::analyze_clitics(key));
    std::cerr << "  " << word << ":  marsad " << m << "  |  lucene " << lucene_terms(word)
              << "  |  snowball " << snowball_stem(word) << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const char* env = std::getenv("MARSAD_BENCH_CORPUS");
  std::string path = env && *env ? env : kDefaultCorpus;
#ifdef MARSAD_SOURCE_DIR
  // The default is relative to the repository root: find it from anywhere.
  if (!(env && *env)) path = std::string(MARSAD_SOURCE_DIR) + "/" + kDefaultCorpus;
#endif
  uint64_t mib = 20;
  if (const char* m = std::getenv("MARSAD_BENCH_MB"); m && *m) mib = std::strtoull(m, nullptr, 10);
  if (mib == 0) mib = 20;

  std::FILE* probe = std::fopen(path.c_str(), "rb");
  if (!probe) {
    std::cerr << "text_bench: corpus " << path
              << " not found; skipping (set MARSAD_BENCH_CORPUS to a news .jsonl[.gz] file)\n";
    return 0;
  }
  std::fclose(probe);

  std::string why;
  if (!load_corpus(path, mib << 20, why)) {
    std::cerr << "text_bench: cannot use corpus " << path << ": " << why << "\n";
    return 1;
  }
  const Corpus& c = corpus();
  std::cerr << "corpus: " << c.path << ": " << c.articles.size() << " articles, " << c.bytes
            << " bytes of content (" << c.bytes / 1e6 << " MB), from " << c.lines_read << " lines\n";
  benchmark::AddCustomContext("corpus", c.path);
  benchmark::AddCustomContext("articles", std::to_string(c.articles.size()));
  benchmark::AddCustomContext("content_bytes", std::to_string(c.bytes));

  sanity_check();

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
