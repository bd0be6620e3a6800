// marsad ner --conll FILE [--model M] [--gold]      tag a CoNLL file, one output line per input line
// marsad ner [FILE...|-] [--model M] [--bench]      tag text, one JSON line per entity
// marsad ner train --data A.conll[,B...] --out M [--epochs N] [--bits B] [--clusters C.tsv]
// marsad ner clusters --corpus NEWS.jsonl.gz[,...] --out C.tsv    word clusters from unannotated text
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "commands.h"
#include "marsad/input.h"
#include "marsad/io.h"
#include "marsad/json.h"
#include "marsad/ner.h"
#include "marsad/utf8.h"

namespace marsad::cli {
namespace {

struct NerFlags {
  std::string conll;
  std::string model;
  bool gold = false;
  bool bench = false;
  std::vector<std::string> files;
};

struct TrainFlags {
  std::vector<std::string> data;
  std::string out;
  std::string clusters;
  NerTrainOptions opt;
};

struct ClusterFlags {
  std::vector<std::string> corpus;
  std::string out;
  double max_mb = 200;
  size_t vocab = 60000;
};

// word<TAB>coarse<TAB>fine<TAB>title lines, as `marsad ner clusters` writes them.
Result<std::vector<NerWordCluster>> read_clusters(const std::string& path) {
  Result<std::string> text = read_file(path);
  if (!text) return text.status();
  std::vector<NerWordCluster> out;
  std::string_view all = *text;
  uint64_t line_no = 0;
  while (!all.empty()) {
    size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    ++line_no;
    if (line.empty()) continue;
    size_t a = line.find('\t'), b = a == std::string_view::npos ? a : line.find('\t', a + 1);
    if (b == std::string_view::npos) {
      return Status(Error::kBadArgument, "expected word<TAB>coarse<TAB>fine[<TAB>title]", {path, line_no});
    }
    NerWordCluster c;
    c.word = std::string(line.substr(0, a));
    c.coarse = static_cast<uint16_t>(std::strtoul(std::string(line.substr(a + 1, b - a - 1)).c_str(), nullptr, 10));
    size_t d = line.find('\t', b + 1);
    c.fine = static_cast<uint16_t>(std::strtoul(std::string(line.substr(b + 1, d - b - 1)).c_str(), nullptr, 10));
    if (d != std::string_view::npos) {
      c.title = static_cast<uint8_t>(std::strtoul(std::string(line.substr(d + 1)).c_str(), nullptr, 10));
    }
    out.push_back(std::move(c));
  }
  return out;
}

void run_clusters(const ClusterFlags& f) {
  NerClusterBuilder b;
  uint64_t bytes = 0;
  const uint64_t limit = static_cast<uint64_t>(f.max_mb * 1e6);
  for (const std::string& path : f.corpus) {
    InputOptions in;
    in.lossy = true;
    Status s = read_documents(path, in, [&](Result<InputDocument> doc) {
      if (!doc) return true;  // a bad line in someone else's corpus: skip it
      b.add_text(doc->doc.text);
      bytes += doc->doc.text.size();
      return bytes < limit;
    });
    if (!s) {
      report(s);
      set_exit_code(2);
      return;
    }
    if (bytes >= limit) break;
  }
  std::vector<NerWordCluster> words = b.build(f.vocab);
  std::string out;
  for (const NerWordCluster& c : words) {
    out += c.word + '\t' + std::to_string(c.coarse) + '\t' + std::to_string(c.fine) + '\t' +
           std::to_string(c.title) + '\n';
  }
  FILE* o = std::fopen(f.out.c_str(), "wb");
  if (!o || std::fwrite(out.data(), 1, out.size(), o) != out.size() || std::fclose(o) != 0) {
    report(Status(Error::kIo, "cannot write the clusters", {f.out}));
    set_exit_code(2);
    return;
  }
  std::fprintf(stderr, "ner clusters: %llu bytes, %llu tokens → %zu words in %s\n",
               static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(b.token_count()),
               words.size(), f.out.c_str());
}

// The --model file, or the bundled model.
const NerModel* pick_model(const std::string& path, std::optional<NerModel>& holder) {
  if (path.empty()) return &NerModel::builtin();
  Result<NerModel> m = NerModel::load(path);
  if (!m) {
    report(m.status());
    set_exit_code(2);
    return nullptr;
  }
  holder.emplace(std::move(*m));
  return &*holder;
}

void run_conll(const NerFlags& f, const NerModel& model) {
  Result<ConllDocument> doc = read_conll(f.conll);
  if (!doc) {
    report(doc.status());
    set_exit_code(2);
    return;
  }
  std::vector<std::string> out(doc->line_count);
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    const NerSentence& sent = doc->sentences[s];
    std::vector<NerTag> tags = model.tag_tokens(sent.tokens);
    for (size_t i = 0; i < tags.size(); ++i) {
      std::string& line = out[doc->line_of[s][i]];
      line = sent.tokens[i];
      line += '\t';
      if (f.gold) {
        line += ner_tag_name(i < sent.tags.size() ? sent.tags[i] : NerTag::kO);
        line += '\t';
      }
      line += ner_tag_name(tags[i]);
    }
  }
  std::string all;
  for (const std::string& l : out) {
    all += l;
    all += '\n';
  }
  emit(all);
}

// Plain text: each line is tagged on its own (a paragraph, as the pipeline does).
void run_text(const NerFlags& f, const NerModel& model) {
  std::vector<std::string> files = f.files.empty() ? std::vector<std::string>{"-"} : f.files;
  uint64_t bytes = 0, entities = 0;
  double seconds = 0;
  std::string out;
  for (const std::string& file : files) {
    Result<LineReader> r = LineReader::open(file);
    if (!r) {
      report(r.status());
      set_exit_code(2);
      continue;
    }
    std::string line;
    while (true) {
      Result<bool> more = r->next(line);
      if (!more) {
        report(more.status());
        set_exit_code(2);
        break;
      }
      if (!*more) break;
      if (Status s = validate_utf8(line); !s) {
        report(s.in_file(file).at_line(r->line_number()));
        set_exit_code(2);
        continue;
      }
      auto t0 = std::chrono::steady_clock::now();
      const Tokenized t = tokenize(line);
      std::vector<NerSpan> spans = model.tag(t, 0, t.tokens.size());
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bytes += line.size() + 1;
      entities += spans.size();
      if (f.bench) continue;
      for (const NerSpan& s : spans) {
        uint32_t b = t.tokens[s.first_token].start, e = t.tokens[s.last_token].end;
        out.clear();
        JsonWriter w(out);
        w.begin_object()
            .field("file", file)
            .field("line", r->line_number())
            .field("start", b)
            .field("end", e)
            .field("text", std::string_view(line).substr(b, e - b))
            .field("type", s.type)
            .field("score", s.score)
            .end_object();
        out += '\n';
        if (!emit(out)) return;
      }
    }
  }
  if (f.bench) {
    std::fprintf(stderr, "ner: %llu bytes, %llu entities, %.3f s in tokenize+tag, %.2f MB/s\n",
                 static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(entities), seconds,
                 seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  }
}

void run_train(TrainFlags f) {
  if (!f.clusters.empty()) {
    auto c = read_clusters(f.clusters);
    if (!c) {
      report(c.status());
      set_exit_code(2);
      return;
    }
    f.opt.clusters = std::move(*c);
  }
  std::vector<NerSentence> data;
  for (const std::string& path : f.data) {
    Result<ConllDocument> doc = read_conll(path);
    if (!doc) {
      report(doc.status());
      set_exit_code(2);
      return;
    }
    for (NerSentence& s : doc->sentences) data.push_back(std::move(s));
  }
  if (data.empty()) {
    report("ner train: the --data files hold no sentences");
    set_exit_code(2);
    return;
  }
  auto t0 = std::chrono::steady_clock::now();
  NerModel model = NerModel::train(data, f.opt);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (Status s = model.save(f.out); !s) {
    report(s);
    set_exit_code(2);
    return;
  }
  std::fprintf(stderr, "ner train: %zu sentences, %d epochs, %.1f s → %s (%s, %zu bytes)\n", data.size(),
               f.opt.epochs, seconds, f.out.c_str(), model.describe().c_str(), model.serialize().size());
}

}  // namespace

void register_ner(CLI::App& app) {
  auto flags = std::make_shared<NerFlags>();
  auto tflags = std::make_shared<TrainFlags>();
  CLI::App* cmd = app.add_subcommand("ner", "Tag named entities with the learned model (PERS LOC ORG MISC)");
  cmd->add_option("files", flags->files, "Text files to tag, one paragraph per line; '-' or nothing reads standard input");
  cmd->add_option("--conll", flags->conll, "Tag a CoNLL file (`token [TAG]` lines); prints token<TAB>TAG per input line");
  cmd->add_option("--model", flags->model, "Model file (default: the bundled model)");
  cmd->add_flag("--gold", flags->gold, "With --conll: print token<TAB>GOLD<TAB>PREDICTED (conlleval's input)");
  cmd->add_flag("--bench", flags->bench, "Print throughput (tokenization included) instead of the entities");

  CLI::App* train = cmd->add_subcommand("train", "Train a model from CoNLL files");
  train->add_option("--data", tflags->data, "CoNLL files (comma-separated or repeated)")->required()->delimiter(',');
  train->add_option("--out", tflags->out, "Where to write the model")->required();
  train->add_option("--epochs", tflags->opt.epochs, "Passes over the data")->capture_default_str();
  train->add_option("--bits", tflags->opt.hash_bits, "Feature hash buckets: 2^bits")->capture_default_str();
  train->add_option("--prune", tflags->opt.prune, "Drop weights below this fraction of the largest")->capture_default_str();
  train->add_option("--seed", tflags->opt.seed, "Shuffling seed")->capture_default_str();
  train->add_option("--clusters", tflags->clusters, "Word clusters (from `marsad ner clusters`) to store in the model");
  train->callback([tflags] { run_train(*tflags); });

  auto cflags = std::make_shared<ClusterFlags>();
  CLI::App* clusters = cmd->add_subcommand("clusters", "Learn word clusters from unannotated text (for train --clusters)");
  clusters->add_option("--corpus", cflags->corpus, "Text or JSONL(.gz) files (comma-separated or repeated)")
      ->required()->delimiter(',');
  clusters->add_option("--out", cflags->out, "Where to write word<TAB>coarse<TAB>fine<TAB>title lines")->required();
  clusters->add_option("--max-mb", cflags->max_mb, "Read at most this many MB of text")->capture_default_str();
  clusters->add_option("--vocab", cflags->vocab, "Cluster this many of the most frequent stems")->capture_default_str();
  clusters->callback([cflags] { run_clusters(*cflags); });

  cmd->callback([flags, train, clusters] {
    if (train->parsed() || clusters->parsed()) return;
    std::optional<NerModel> holder;
    const NerModel* model = pick_model(flags->model, holder);
    if (!model) return;
    if (!flags->conll.empty()) {
      run_conll(*flags, *model);
    } else {
      run_text(*flags, *model);
    }
    std::fflush(stdout);
  });
}

namespace {
const Command kNer{"ner", 40, register_ner};
}

}  // namespace marsad::cli
