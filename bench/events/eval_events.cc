// Event coder evaluation and throughput driver (issue 5).
//
//   eval_events up   ../shared/data/events/up-arabic-gold-dev.jsonl [--errors N]
//   eval_events hand tests/data/events/hand.tsv ../shared        [--errors N]
//   eval_events bench FILE.jsonl[.gz] [--max N] [--mb MiB]  full analyze + events + quotes, one thread
//   eval_events entities FILE.jsonl[.gz] [--max N] [--mb MiB]  tokenize + gazetteer + NER model only
//   eval_events records FILE.jsonl[.gz] [--max N]  each document's full record (analyze's JSON, one line
//                                                    each): diff two builds' outputs without the CLI
//
// Throughput is CPU time of this process (user + sys), not wall time: the machines are
// shared, and a loaded machine must not be charged to marsad. One document is run before
// the clock starts, so that loading the tables and models is not counted (Lucene's
// figure excludes its set-up too). Peak RSS is ru_maxrss.
//   eval_events seed FILE --published DATE         prints events and quotes of one document
//
// Each gold sentence is analyzed as its own document (as `marsad analyze --lines` does) and
// coded with find_events; see docs/events.md for what the figures mean.
#include <simdjson.h>
#include <sys/resource.h>

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/entities.h"
#include "marsad/events.h"
#include "marsad/input.h"
#include "marsad/output.h"
#include "marsad/pipeline.h"

namespace {

struct Coded {
  std::vector<marsad::Event> events;
  std::vector<marsad::Quote> quotes;
  std::vector<marsad::Span> sentences;
  std::string text;
};

Coded code_text(const std::string& text, const std::string& published) {
  Coded c;
  marsad::InputDocument in;
  in.doc.text = text;
  in.doc.published = published;
  marsad::AnalyzeOptions opt;
  opt.published = published;
  auto r = marsad::analyze(std::move(in), opt);
  if (!r) return c;
  std::vector<marsad::Span> sentences;
  for (const auto& s : r->sentences) sentences.push_back(s.span);
  // The pipeline runs the events stage itself (src/pipeline/analyze.cc, body sentences only).
  c.events = std::move(r->events);
  c.quotes = std::move(r->quotes);
  c.text = r->doc.text;
  c.sentences = std::move(sentences);
  return c;
}

// "USA MIL" -> "USA"; "None None" -> "".
std::string gold_country(std::string_view code) {
  std::string c(code.substr(0, code.find(' ')));
  return c == "None" ? "" : c;
}

struct Tally {
  int n = 0, category = 0, countries = 0, predicted = 0, extra = 0, none_expected = 0, none_coded = 0;
  // --min-category / --max-extra: the floors ctest holds the coder to (0 = not checked).
  static inline double min_category = 0, max_extra = 0;
  int verdict() const {
    const double cat = static_cast<double>(category) / std::max(1, n), ex = static_cast<double>(extra) / std::max(1, n);
    if (min_category > 0 && cat < min_category) {
      std::printf("FAIL: category correct %.3f < %.3f\n", cat, min_category);
      return 1;
    }
    if (max_extra > 0 && ex > max_extra) {
      std::printf("FAIL: extra events per sentence %.3f > %.3f\n", ex, max_extra);
      return 1;
    }
    return 0;
  }
  void print(const char* name) const {
    std::printf("%s: %d sentences, category correct %d (%.1f%%), source+target countries correct %d (%.1f%%), "
                "events coded %d, extra %d (%.1f%% per sentence)\n",
                name, n, category, 100.0 * category / n, countries, 100.0 * countries / n, predicted, extra,
                100.0 * extra / n);
    if (none_expected) {
      std::printf("  of which %d expect an event: category %d (%.1f%%); %d expect none: %d wrongly coded (%.1f%%)\n",
                  n - none_expected, category - (none_expected - none_coded),
                  100.0 * (category - (none_expected - none_coded)) / std::max(1, n - none_expected), none_expected,
                  none_coded, 100.0 * none_coded / none_expected);
    }
  }
};

// Scores one sentence: a coded event of the gold category (PLOVER, or CAMEO prefix when the gold
// gives a code) counts once; every other coded event is extra.
void score(Tally& t, const std::vector<marsad::Event>& evs, const std::string& plover, const std::string& cameo,
           const std::string& src, const std::string& tgt, bool check_countries, int errors_left,
           const std::string& text) {
  ++t.n;
  t.predicted += static_cast<int>(evs.size());
  int match = -1;
  bool countries = false;
  for (size_t i = 0; i < evs.size(); ++i) {
    const auto& e = evs[i];
    bool cat = cameo.empty() ? e.plover == plover : e.code.rfind(cameo, 0) == 0;
    if (cameo == "-") cat = false;
    if (!cat) continue;
    bool cc = e.source.country == src && e.target.country == tgt;
    if (match < 0 || (cc && !countries)) {
      match = static_cast<int>(i);
      countries = cc;
    }
  }
  if (cameo == "-") {  // no event expected: right when none is coded
    if (evs.empty()) {
      ++t.category;
      ++t.countries;
    }
    t.extra += static_cast<int>(evs.size());
    ++t.none_expected;
    t.none_coded += !evs.empty();
  } else if (match >= 0) {
    ++t.category;
    if (countries) ++t.countries;
    t.extra += static_cast<int>(evs.size()) - 1;
  } else {
    t.extra += static_cast<int>(evs.size());
  }
  static const bool show_extra = std::getenv("EVAL_SHOW_EXTRA") != nullptr;
  if (show_extra && evs.size() > 1 && match >= 0) {
    std::printf("  EXTRA want %s%s | %s\n    got %s\n", plover.c_str(), cameo.c_str(), text.c_str(),
                marsad::dump_events(evs).c_str());
  }
  if (errors_left > 0 && (match < 0 || (check_countries && !countries))) {
    std::printf("  MISS want %s%s %s>%s | %s\n    got %s\n", plover.c_str(), cameo.c_str(), src.c_str(), tgt.c_str(),
                text.c_str(), marsad::dump_events(evs).c_str());
  }
}

int up(const char* path, int errors) {
  std::ifstream f(path);
  if (!f) {
    std::printf("SKIP: %s absent\n", path);
    return 77;
  }
  simdjson::ondemand::parser p;
  Tally t;
  std::string line;
  int shown = 0;
  while (std::getline(f, line)) {
    simdjson::padded_string ps(line);
    auto doc = p.iterate(ps);
    std::string text{std::string_view(doc["text"])};
    std::string plover, src, tgt;
    for (auto ev : doc["events"].get_array()) {
      plover = std::string(std::string_view(ev["plover"]));
      src = gold_country(std::string_view(ev["sourcecode"]));
      tgt = gold_country(std::string_view(ev["targetcode"]));
      break;
    }
    Coded c = code_text(text, "2008-01-01");
    int before = t.category + t.countries;
    score(t, c.events, plover, "", src, tgt, true, errors - shown, text);
    if (t.category + t.countries - before < 2) ++shown;
  }
  t.print("UP Arabic gold (dev)");
  return t.verdict();
}

// tests/data/events/hand.tsv: corpus<TAB>file<TAB>docno|line<TAB>sentence index<TAB>code<TAB>source<TAB>target<TAB>note
int hand(const char* tsv, const std::string& shared, int errors) {
  std::ifstream f(tsv);
  std::map<std::string, std::map<std::string, std::string>> docs;  // file -> key -> text
  struct Row { std::string corpus, file, key, code, src, tgt; int sent; };
  std::vector<Row> rows;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) c.push_back(x);
    if (c.size() < 7) continue;
    rows.push_back({c[0], c[1], c[2], c[4], c[5] == "-" ? "" : c[5], c[6] == "-" ? "" : c[6], std::atoi(c[3].c_str())});
  }
  // Read the referenced documents.
  for (const Row& r : rows) docs[r.file][r.key];
  for (auto& [file, keys] : docs) {
    std::string path = shared + "/" + file;
    marsad::InputOptions in;
    bool lines = file.find(".jsonl") == std::string::npos;
    in.format = lines ? marsad::InputFormat::kLines : marsad::InputFormat::kJsonl;
    auto st = marsad::read_documents(path, in, [&](marsad::Result<marsad::InputDocument> d) {
      if (!d) return true;
      std::string key = std::to_string(d->doc.line);
      auto it = keys.find(key);
      if (it != keys.end()) it->second = d->doc.text;
      return true;
    });
    if (!st) {
      std::printf("SKIP: %s absent (%s)\n", path.c_str(), st.message().c_str());
      return 77;
    }
  }
  Tally t;
  int shown = 0;
  std::map<std::string, Coded> cache;
  for (const Row& r : rows) {
    const std::string& text = docs[r.file][r.key];
    std::string ck = r.file + ":" + r.key;
    if (!cache.count(ck)) cache[ck] = code_text(text, "");
    const Coded& c = cache[ck];
    // The events of the record's sentence r.sent only.
    std::vector<marsad::Event> in;
    std::string stext;
    if (r.sent >= 0 && r.sent < static_cast<int>(c.sentences.size())) {
      const marsad::Span sp = c.sentences[r.sent];
      stext = c.text.substr(sp.start, sp.end - sp.start);
      for (const auto& e : c.events) {
        if (e.sentence.start == sp.start) in.push_back(e);
      }
    }
    int before = t.category + t.countries;
    score(t, in, "", r.code, r.src, r.tgt, true, errors - shown, stext.empty() ? ck + "@" + std::to_string(r.sent) : stext);
    if (t.category + t.countries - before < 2) ++shown;
  }
  t.print("hand-checked SaudiNewsNet+ANT");
  return t.verdict();
}

// CPU seconds used by this process so far (user + sys).
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// The article texts of the first max_docs documents / max_mb MiB of a JSONL file.
bool load_texts(const char* path, long max_docs, double max_mb, std::vector<std::string>& texts, size_t& bytes) {
  marsad::InputOptions in;
  in.format = marsad::InputFormat::kJsonl;
  bytes = 0;
  auto st = marsad::read_documents(path, in, [&](marsad::Result<marsad::InputDocument> d) {
    if (d) {
      bytes += d->doc.text.size();
      texts.push_back(std::move(d->doc.text));
    }
    return static_cast<long>(texts.size()) < max_docs && (max_mb <= 0 || bytes < max_mb * 1024.0 * 1024.0);
  });
  if (!st || texts.empty()) {
    std::printf("SKIP: %s unreadable\n", path);
    return false;
  }
  return true;
}

int bench(const char* path, long max_docs, double max_mb) {
  std::vector<std::string> texts;
  size_t bytes = 0;
  if (!load_texts(path, max_docs, max_mb, texts, bytes)) return 77;
  size_t nev = 0, nq = 0;
  code_text(texts[0], "");  // loads the tables and models (once per process): not throughput
  const double t0 = cpu_seconds();
  for (const std::string& s : texts) {
    Coded c = code_text(s, "");
    nev += c.events.size();
    nq += c.quotes.size();
  }
  const double sec = cpu_seconds() - t0;
  std::printf("pipeline+events: %zu articles, %.1f MB, %.2f s CPU: %.0f articles/s, %.2f MB/s; %zu events, %zu quotes; "
              "peak RSS %.0f MB\n",
              texts.size(), bytes / 1e6, sec, texts.size() / sec, bytes / 1e6 / sec, nev, nq, peak_rss_mb());
  return 0;
}

// Entity extraction alone (issue 4, item 7): tokenize, then gazetteer + rules + NER model over
// each line of the text (a line is a paragraph, as the article stage would keep it).
int bench_entities(const char* path, long max_docs, double max_mb) {
  std::vector<std::string> texts;
  size_t bytes = 0;
  if (!load_texts(path, max_docs, max_mb, texts, bytes)) return 77;
  size_t nent = 0;
  auto entities = [](const std::string& s) {
    const marsad::Tokenized t = marsad::tokenize(s);
    marsad::TokenRanges ranges;
    size_t first = 0;
    for (size_t i = 0; i < t.tokens.size(); ++i) {
      const marsad::Token& tok = t.tokens[i];
      if (tok.kind == marsad::TokenKind::kSpace && t.key_of(tok).find('\n') != std::string_view::npos) {
        if (i > first) ranges.emplace_back(first, i);
        first = i + 1;
      }
    }
    if (first < t.tokens.size()) ranges.emplace_back(first, t.tokens.size());
    return marsad::find_entities(s, t, ranges).size();
  };
  entities(texts[0]);  // loads the gazetteer and the model (once per process): not throughput
  const double t0 = cpu_seconds();
  for (const std::string& s : texts) nent += entities(s);
  const double sec = cpu_seconds() - t0;
  std::printf("entities: %zu articles, %.1f MB, %.2f s CPU: %.0f articles/s, %.2f MB/s; %zu entities; "
              "peak RSS %.0f MB\n",
              texts.size(), bytes / 1e6, sec, texts.size() / sec, bytes / 1e6 / sec, nent, peak_rss_mb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: eval_events up|hand|bench|seed FILE ...\n");
    return 2;
  }
  std::string mode = argv[1];
  int errors = 0;
  long max_docs = 1L << 40;
  double max_mb = 0;
  std::string published, shared = "../shared";
  for (int i = 3; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--errors") && i + 1 < argc) errors = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--max") && i + 1 < argc) max_docs = std::atol(argv[++i]);
    else if (!std::strcmp(argv[i], "--mb") && i + 1 < argc) max_mb = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--published") && i + 1 < argc) published = argv[++i];
    else if (!std::strcmp(argv[i], "--min-category") && i + 1 < argc) Tally::min_category = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--max-extra") && i + 1 < argc) Tally::max_extra = std::atof(argv[++i]);
    else shared = argv[i];
  }
  if (mode == "up") return up(argv[2], errors);
  if (mode == "hand") return hand(argv[2], shared, errors);
  if (mode == "bench") return bench(argv[2], max_docs, max_mb);
  if (mode == "entities") return bench_entities(argv[2], max_docs, max_mb);
  if (mode == "records") {
    marsad::InputOptions in;
    in.format = marsad::InputFormat::kJsonl;
    long n = 0;
    auto st = marsad::read_documents(argv[2], in, [&](marsad::Result<marsad::InputDocument> d) {
      if (!d) return true;
      auto r = marsad::analyze(std::move(*d), marsad::AnalyzeOptions{});
      std::string out;
      if (r) {
        marsad::JsonWriter w(out, false);
        marsad::write_record_json(*r, w);
      } else {
        out = "error: " + r.status().message();
      }
      std::printf("%s\n", out.c_str());
      return ++n < max_docs;
    });
    return st ? 0 : 2;
  }
  if (mode == "list") {
    // Candidate rows for the hand-checked set: every sentence with a coded event.
    marsad::InputOptions in;
    in.format = marsad::InputFormat::kJsonl;
    long n = 0;
    auto st = marsad::read_documents(argv[2], in, [&](marsad::Result<marsad::InputDocument> d) {
      if (!d) return true;
      Coded c = code_text(d->doc.text, "");
      for (size_t si = 0; si < c.sentences.size(); ++si) {
        std::vector<marsad::Event> evs;
        for (const auto& e : c.events) {
          if (e.sentence.start == c.sentences[si].start) evs.push_back(e);
        }
        if (evs.empty()) continue;
        const auto sp = c.sentences[si];
        std::printf("%llu\t%zu\t%s\t%s\n", static_cast<unsigned long long>(d->doc.line), si,
                    marsad::dump_events(evs).c_str(), c.text.substr(sp.start, std::min<uint32_t>(sp.end - sp.start, 600)).c_str());
      }
      return ++n < max_docs;
    });
    return st ? 0 : 2;
  }
  if (mode == "seed") {
    std::ifstream f(argv[2]);
    std::stringstream ss;
    ss << f.rdbuf();
    Coded c = code_text(ss.str(), published);
    std::string out;
    marsad::JsonWriter w(out, true);
    w.begin_object().key("events");
    marsad::write_events_json(w, c.events);
    w.key("quotes");
    marsad::write_quotes_json(w, c.quotes);
    w.end_object();
    std::printf("%s\n%s\n%s\n", out.c_str(), marsad::dump_events(c.events).c_str(), marsad::dump_quotes(c.quotes).c_str());
    return 0;
  }
  return 2;
}
