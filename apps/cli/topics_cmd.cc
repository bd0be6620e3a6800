// marsad topics train|eval|predict — the news-topic classifier (marsad/topics.h).
//
//   marsad topics train --data train.jsonl.gz --out my.model [--label-field cat] [--text-fields title,text]
//   marsad topics eval --model my.model --data test.jsonl.gz
//   marsad topics predict [--model my.model] [FILE...|-]
#include <cstdio>
#include <memory>
#include <optional>
#include <sstream>

#include "commands.h"
#include "marsad/input.h"
#include "marsad/io.h"
#include "marsad/topics.h"

namespace marsad::cli {
namespace {

// Flags shared by train and eval: where the labelled documents are and how to read them.
struct DataFlags {
  std::string data;
  std::string label_field = "cat";
  std::string text_fields = "title,text";
  std::string label_map;
  bool skip_bad = false;
};

struct TrainFlags {
  DataFlags in;
  std::string out;
  std::string notes;
  int hash_bits = TopicFeatures{}.hash_bits;
  uint32_t max_words = TopicFeatures{}.max_words;
  std::string chars = "none";
  float char_weight = TopicFeatures{}.char_weight;
  bool no_bigrams = false, no_stems = false, no_punct = false, sublinear_tf = false;
  double cost = TopicTrainOptions{}.cost;
  uint32_t max_classes = TopicTrainOptions{}.max_classes;
  double calibration_share = TopicTrainOptions{}.calibration_share;
};

struct EvalFlags {
  DataFlags in;
  std::string model;
  int repeat = 1;
  bool json = false;
};

struct PredictFlags {
  std::vector<std::string> files;
  std::string model;
  size_t k = 3;
  bool jsonl = false, lines = false, lossy = false;
};

void fail(const Status& s) {
  report(s);
  set_exit_code(2);
}

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const size_t c = s.find(',');
    if (c) out.emplace_back(s.substr(0, c));
    s = c == std::string_view::npos ? std::string_view() : s.substr(c + 1);
  }
  return out;
}

std::optional<TopicData> read_data(const DataFlags& f) {
  TopicDataOptions opt;
  opt.label_field = f.label_field;
  opt.text_fields = split_commas(f.text_fields);
  opt.skip_bad = f.skip_bad;
  if (opt.text_fields.empty()) {
    fail(Status(Error::kBadArgument, "--text-fields names no field"));
    return std::nullopt;
  }
  if (!f.label_map.empty()) {
    Result<std::string> tsv = read_file(f.label_map);
    if (!tsv) return fail(tsv.status()), std::nullopt;
    auto map = parse_topic_label_map(*tsv);
    if (!map) return fail(map.status().in_file(f.label_map)), std::nullopt;
    opt.label_map = std::move(*map);
  }
  Result<TopicData> data = read_topic_data(f.data, opt);
  if (!data) return fail(data.status()), std::nullopt;
  if (data->skipped) {
    std::string why = data->first_skip.is_ok() ? "" : " (first: " + data->first_skip.to_string() + ")";
    report(std::to_string(data->skipped) + " documents skipped" + why);
  }
  return std::move(*data);
}

std::optional<TopicModel> load_model(const std::string& path) {
  if (path.empty()) return std::nullopt;
  Result<TopicModel> m = TopicModel::load(path);
  if (!m) {
    fail(m.status());
    return std::nullopt;
  }
  return std::move(*m);
}

void run_train(const TrainFlags& f) {
  TopicTrainOptions opt;
  opt.features.hash_bits = static_cast<uint8_t>(std::clamp(f.hash_bits, 0, 255));
  opt.features.max_words = f.max_words;
  opt.features.bigrams = !f.no_bigrams;
  opt.features.stems = !f.no_stems;
  opt.features.punct = !f.no_punct;
  opt.features.sublinear_tf = f.sublinear_tf;
  opt.features.char_weight = f.char_weight;
  unsigned lo = 0, hi = 0;
  if (f.chars == "none") {
    opt.features.char_min = opt.features.char_max = 0;
  } else if (std::sscanf(f.chars.c_str(), "%u-%u", &lo, &hi) == 2 && lo >= 1 && lo <= hi && hi <= 8) {
    opt.features.char_min = static_cast<uint8_t>(lo);
    opt.features.char_max = static_cast<uint8_t>(hi);
  } else {
    return fail(Status(Error::kBadArgument, "--chars: expected MIN-MAX (1-8) or none, got \"" + f.chars + "\""));
  }
  opt.cost = f.cost;
  opt.max_classes = f.max_classes;
  opt.calibration_share = f.calibration_share;

  std::optional<TopicData> data = read_data(f.in);
  if (!data) return;
  TopicTrainReport rep;
  Result<TopicModel> model = TopicModel::train(data->examples, opt, &rep);
  if (!model) return fail(model.status().in_file(f.in.data));
  model->set_notes(f.notes.empty() ? "trained on " + f.in.data + " (" + std::to_string(rep.documents) + " documents)"
                                   : f.notes);
  if (Status s = model->save(f.out); !s) return fail(s);
  char line[256];
  std::snprintf(line, sizeof line, "%zu documents, %zu labels, %.1f s; held out %zu: accuracy %.4f, T=%.3f\n",
                rep.documents, model->labels().size(), rep.seconds, rep.held_out, rep.held_out_accuracy,
                rep.temperature);
  std::fputs(("wrote " + f.out + ": " + model->describe() + "\n").c_str(), stderr);
  std::fputs(line, stderr);
}

std::string pad(std::string_view s, size_t width) {
  // Columns count code points, so that Arabic labels line up too.
  size_t cps = 0;
  for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
  std::string out(s);
  if (cps < width) out.append(width - cps, ' ');
  return out;
}

std::string eval_text(const TopicEvaluation& ev, const std::string& model) {
  std::ostringstream o;
  char buf[160];
  o << "model: " << model << "\n";
  std::snprintf(buf, sizeof buf, "documents: %llu   accuracy: %.4f   macro-F1: %.4f\n",
                static_cast<unsigned long long>(ev.documents), ev.accuracy, ev.macro_f1);
  o << buf;
  std::snprintf(buf, sizeof buf, "calibration: log-loss %.4f, ECE %.4f (top score, 10 bins)\n", ev.log_loss, ev.ece);
  o << buf;
  if (ev.no_words) o << "no words (no prediction): " << ev.no_words << "\n";
  std::snprintf(buf, sizeof buf, "prediction: %.0f docs/s (tokenize + features + scores; CPU time, one thread)\n\n",
                ev.docs_per_second());
  o << buf;
  size_t w = 8;
  for (const std::string& l : ev.labels) w = std::max(w, l.size());
  o << pad("label", w) << "  precision  recall      F1  support\n";
  for (size_t c = 0; c < ev.labels.size(); ++c) {
    std::snprintf(buf, sizeof buf, "  %9.4f %7.4f %7.4f %8llu\n", ev.precision[c], ev.recall[c], ev.f1[c],
                  static_cast<unsigned long long>(ev.support[c]));
    o << pad(ev.labels[c], w) << buf;
  }
  o << "\nconfusion (rows: gold, columns: predicted, in the order above)\n";
  for (size_t g = 0; g < ev.labels.size(); ++g) {
    o << pad(ev.labels[g], w);
    for (uint64_t v : ev.confusion[g]) {
      std::snprintf(buf, sizeof buf, " %6llu", static_cast<unsigned long long>(v));
      o << buf;
    }
    o << "\n";
  }
  return o.str();
}

std::string eval_json(const TopicEvaluation& ev, const std::string& model) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("model", model).field("documents", ev.documents).field("accuracy", ev.accuracy);
  w.field("macro_f1", ev.macro_f1).field("log_loss", ev.log_loss).field("ece", ev.ece);
  w.field("no_words", ev.no_words).field("predict_seconds", ev.seconds).field("docs_per_s", ev.docs_per_second());
  w.key("per_label").begin_array();
  for (size_t c = 0; c < ev.labels.size(); ++c) {
    w.begin_object().field("label", ev.labels[c]).field("precision", ev.precision[c]).field("recall", ev.recall[c]);
    w.field("f1", ev.f1[c]).field("support", ev.support[c]).end_object();
  }
  w.end_array().key("confusion").begin_array();
  for (const auto& row : ev.confusion) {
    w.begin_array();
    for (uint64_t v : row) w.value(v);
    w.end_array();
  }
  w.end_array().end_object();
  return out + "\n";
}

void run_eval(const EvalFlags& f) {
  std::optional<TopicModel> own = load_model(f.model);
  if (!f.model.empty() && !own) return;
  const TopicModel& model = own ? *own : TopicModel::builtin();
  std::optional<TopicData> data = read_data(f.in);
  if (!data) return;
  const TopicEvaluation ev = evaluate_topics(model, data->examples, f.repeat);
  const std::string name = (f.model.empty() ? "(built in) " : f.model + ": ") + model.describe();
  emit(f.json ? eval_json(ev, name) : eval_text(ev, name));
}

void run_predict(const PredictFlags& f) {
  std::optional<TopicModel> own = load_model(f.model);
  if (!f.model.empty() && !own) return;
  const TopicModel& model = own ? *own : TopicModel::builtin();
  if (f.jsonl && f.lines) return fail(Status(Error::kBadArgument, "--jsonl and --lines cannot be used together"));
  InputOptions in;
  in.lossy = f.lossy;
  in.format = f.jsonl ? InputFormat::kJsonl : f.lines ? InputFormat::kLines : InputFormat::kAuto;
  std::vector<std::string> files = f.files.empty() ? std::vector<std::string>{"-"} : f.files;
  bool errors = false, open = true;
  std::string out;
  for (const std::string& file : files) {
    Status s = read_documents(file, in, [&](Result<InputDocument> doc) {
      if (!doc) {
        report(doc.status());
        errors = true;
        return true;
      }
      const Document& d = doc->doc;
      const std::string text = d.title.empty() ? d.text : d.title + "\n" + d.text;
      std::vector<TopicScore> topics = model.predict_text(text, f.k);
      if (topics.empty()) {
        report(Status(Error::kEmpty, "empty text: no words to classify", {d.file, d.line}));
        errors = true;
        return true;
      }
      out.clear();
      JsonWriter w(out);
      w.begin_object().key("input").begin_object().field("file", d.file);
      if (d.line) w.field("line", d.line);
      w.end_object();
      w.key("topics");
      write_topics_json(w, topics);
      w.end_object();
      out += '\n';
      open = emit(out);
      return open;
    });
    if (!s) {
      report(s);
      errors = true;
    }
    if (!open) break;
  }
  std::fflush(stdout);
  if (errors) set_exit_code(2);
}

void add_data_flags(CLI::App* cmd, DataFlags& f) {
  cmd->add_option("--data", f.data, "Labelled JSON Lines (.jsonl or .jsonl.gz), one document per line")->required();
  cmd->add_option("--label-field", f.label_field, "The field that holds the label (string or number)")
      ->capture_default_str();
  cmd->add_option("--text-fields", f.text_fields, "Fields joined (by a line break) into the text, comma-separated")
      ->capture_default_str();
  cmd->add_option("--label-map", f.label_map,
                  "TSV of raw label → model label (data/topics/taxonomy.tsv); '-' drops a label");
  cmd->add_flag("--skip-bad", f.skip_bad, "Skip (and count) bad lines instead of stopping at the first");
}

}  // namespace

void register_topics(CLI::App& app) {
  CLI::App* topics = app.add_subcommand("topics", "Train, evaluate and run news-topic classifiers");
  topics->require_subcommand(1);

  auto tf = std::make_shared<TrainFlags>();
  CLI::App* train = topics->add_subcommand("train", "Train a topic model from labelled JSON Lines");
  add_data_flags(train, tf->in);
  train->add_option("--out", tf->out, "Where to write the model")->required();
  train->add_option("--hash-bits", tf->hash_bits, "2^bits feature buckets (10-24)")->capture_default_str();
  train->add_option("--max-words", tf->max_words, "Read the first N words of each text; 0 = all")
      ->capture_default_str();
  train->add_option("--chars", tf->chars, "Character n-gram lengths MIN-MAX, or none")->capture_default_str();
  train->add_option("--char-weight", tf->char_weight, "Weight of an n-gram occurrence (a word's is 1)")
      ->capture_default_str();
  train->add_flag("--no-bigrams", tf->no_bigrams, "Leave out word bigrams");
  train->add_flag("--no-stems", tf->no_stems, "Leave out clitic-stripped stems");
  train->add_flag("--no-punct", tf->no_punct, "Leave out the punctuation, symbol and number features");
  train->add_flag("--sublinear-tf", tf->sublinear_tf, "Weigh a feature seen n times 1 + ln n rather than n");
  train->add_option("--cost", tf->cost, "SVM cost C")->capture_default_str();
  train->add_option("--max-classes", tf->max_classes, "Fail when the data has more distinct labels than this")
      ->capture_default_str();
  train->add_option("--calibration-share", tf->calibration_share,
                    "Share of documents held out to fit the probability temperature")
      ->capture_default_str();
  train->add_option("--notes", tf->notes, "Free text stored in the model (default: the data file and size)");
  train->callback([tf] { run_train(*tf); });

  auto ef = std::make_shared<EvalFlags>();
  CLI::App* eval = topics->add_subcommand("eval", "Accuracy, macro-F1, per-label F1 and the confusion matrix");
  add_data_flags(eval, ef->in);
  eval->add_option("--model", ef->model, "A model file (default: the bundled model)");
  eval->add_option("--repeat", ef->repeat, "Time prediction this many times and report the best")
      ->capture_default_str();
  eval->add_flag("--json", ef->json, "One JSON object instead of tables");
  eval->callback([ef] { run_eval(*ef); });

  auto pf = std::make_shared<PredictFlags>();
  CLI::App* predict = topics->add_subcommand("predict", "Topics of articles, one JSON line each");
  predict->add_option("files", pf->files, "Text, JSONL or .gz files; '-' or nothing reads standard input");
  predict->add_option("--model", pf->model, "A model file (default: the bundled model)");
  predict->add_option("-k,--top", pf->k, "How many topics per document; 0 = all")->capture_default_str();
  predict->add_flag("--jsonl", pf->jsonl, "Read every input as JSON Lines");
  predict->add_flag("--lines", pf->lines, "Treat each input line as one document");
  predict->add_flag("--lossy", pf->lossy, "Replace invalid UTF-8 and NUL bytes instead of failing");
  predict->callback([pf] { run_predict(*pf); });
}

namespace {
const Command kTopics{"topics", 60, register_topics};
}

}  // namespace marsad::cli
