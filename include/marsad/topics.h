// marsad/topics.h — news topics (politics, economy, sport ...): a fast,
// trainable linear classifier with calibrated probabilities.
//
// A text becomes a TF-IDF vector over hashed features: word unigrams and
// bigrams on match keys, clitic-stripped stems (وبالمغرب → مغرب) and
// character n-grams inside words. One linear SVM per class (dual coordinate
// descent, the algorithm of LIBLINEAR and scikit-learn's LinearSVC) scores
// it, and a softmax whose temperature was fitted on held-out documents turns
// the scores into probabilities. The bundled model (data/topics/, see its
// README) maps Jawhara FM's sections onto the taxonomy in docs/topics.md;
// `marsad topics train` builds others from any labelled JSON Lines.
//
//   const marsad::Tokenized t = marsad::tokenize(title + "\n" + body);
//   for (const marsad::TopicScore& s : marsad::TopicModel::builtin().predict(t))
//     std::cout << s.label << " " << s.score << "\n";   // politics 0.81 ...
//
// Limits, stated honestly: a model reads the title and the first
// TopicFeatures::max_words words only (the lead carries the topic, and it
// keeps prediction fast); it knows only the sections of the corpus it was
// trained on, and sections that overlap there (ANT's internationalNews and
// middleEast) stay confusable here.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "marsad/json.h"
#include "marsad/status.h"
#include "marsad/tokenize.h"

namespace marsad {

struct TopicScore {
  std::string label;
  double score;  // calibrated probability; a document's scores over all labels sum to 1
};

// How a text becomes features. Stored in the model file: a model always
// reads text the way it was trained to.
struct TopicFeatures {
  uint8_t hash_bits = 18;    // 2^bits buckets; the model holds 2^bits × classes weights
  bool words = true;         // word unigrams (match keys)
  bool bigrams = true;       // pairs of consecutive words
  bool stems = true;         // Arabic words without proclitics and article
  bool punct = true;         // punctuation, symbols and numbers, one token each (outlets differ in them)
  // Character n-grams inside words ("^word$"), in code points; char_min = 0
  // turns them off. Off by default: on ANT they add 0.1-0.3 points of accuracy
  // and halve the speed (docs/topics.md); `--chars 3-5` turns them on.
  uint8_t char_min = 0;
  uint8_t char_max = 0;
  float char_weight = 0.5f;  // weight of one n-gram occurrence (a word's weight is 1)
  uint32_t max_words = 0;    // read the first N words of the text; 0 = all
  bool sublinear_tf = false; // 1 + ln(tf) instead of tf
};

// Hard limits of a model: classes × 2^bits weights must stay loadable.
inline constexpr uint32_t kMaxTopicClasses = 1024;
inline constexpr uint8_t kMinTopicHashBits = 10, kMaxTopicHashBits = 24;

struct TopicTrainOptions {
  TopicFeatures features;
  double cost = 1.0;              // SVM C: higher fits the training data harder
  uint32_t max_classes = 256;     // more distinct labels than this is an error (at most kMaxTopicClasses)
  double calibration_share = 0.1; // documents held out to fit the temperature; then all are trained on
  int max_epochs = 50;            // coordinate-descent passes per class, at most
  uint64_t seed = 1;              // order of the coordinate-descent passes
};

// One labelled document. `text` is what predict() would see (title + "\n" + body).
struct TopicExample {
  std::string label;
  std::string text;
};

// What `train` measured along the way.
struct TopicTrainReport {
  size_t documents = 0, held_out = 0;
  double temperature = 1.0;     // fitted on the held-out documents
  double held_out_accuracy = 0; // of the model trained without them
  double seconds = 0;
};

class TopicModel {
 public:
  // A model file: versioned and checksummed. A truncated, damaged, foreign or
  // other-version file is kCorrupt, with a message that says which.
  static Result<TopicModel> load(std::string_view path);
  static Result<TopicModel> from_bytes(std::string_view bytes);
  // The bundled default model (data/topics/default.model), parsed once.
  static const TopicModel& builtin();

  // Errors: kBadArgument for fewer than two classes, an empty text or label,
  // or options out of range; kTooLarge for more labels than max_classes.
  static Result<TopicModel> train(std::span<const TopicExample> examples, const TopicTrainOptions& opt,
                                  TopicTrainReport* report = nullptr);

  TopicModel(TopicModel&&) noexcept;
  TopicModel& operator=(TopicModel&&) noexcept;
  ~TopicModel();
  // A model is large and immutable once built; copying it would be a mistake.
  TopicModel(const TopicModel&) = delete;
  TopicModel& operator=(const TopicModel&) = delete;

  // Scores for t = tokenize(title + "\n" + body), best first, the top k
  // (all labels if k is 0). A text without words gives no scores.
  std::vector<TopicScore> predict(const Tokenized& t, size_t k = 3) const;
  // The same over token ranges [first, last) of t read in order as one text:
  // a record's title and kept paragraphs, without tokenizing them again.
  std::vector<TopicScore> predict(const Tokenized& t, std::span<const std::pair<size_t, size_t>> ranges,
                                  size_t k = 3) const;
  // The same for a raw text, tokenizing only the part the model reads.
  std::vector<TopicScore> predict_text(std::string_view text, size_t k = 3) const;

  const std::vector<std::string>& labels() const;
  const TopicFeatures& features() const;
  double temperature() const;

  // The model file's bytes (what from_bytes() reads).
  std::string serialize() const;
  Status save(std::string_view path) const;
  // Free text stored with the model: what it was trained on.
  const std::string& notes() const;
  void set_notes(std::string notes);
  // "marsad-topics v1: 9 labels, 2^18 buckets, words+bigrams+stems+chars3-5, first 200 words, T=0.31"
  std::string describe() const;

 private:
  struct Impl;
  explicit TopicModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reading labelled JSON Lines for training and evaluation.
struct TopicDataOptions {
  std::string label_field = "cat";                     // a string or number field
  std::vector<std::string> text_fields = {"title", "text"};  // joined by "\n"; missing ones are skipped
  // Raw label → model label; when not empty, every label must be listed, and
  // one mapped to "" drops its documents.
  std::unordered_map<std::string, std::string> label_map;
  bool skip_bad = false;  // skip (and count) bad lines instead of failing on the first
};

struct TopicData {
  std::vector<TopicExample> examples;
  uint64_t skipped = 0;  // bad lines skipped (skip_bad), or dropped by the label map
  Status first_skip;     // why the first bad line was skipped
};

// Errors name the file and line: kBadJson (not JSON), kBadArgument (label
// field missing or not a string/number, unmapped label), kEmpty (all text
// fields empty), kEmpty for a file with no documents.
Result<TopicData> read_topic_data(std::string_view path, const TopicDataOptions& opt);

// Parses a label map: "raw<TAB>label" lines, '#' comments.
Result<std::unordered_map<std::string, std::string>> parse_topic_label_map(std::string_view tsv);

// How a model does on labelled documents.
struct TopicEvaluation {
  // The model's labels, then any gold label the model does not know.
  std::vector<std::string> labels;
  std::vector<std::vector<uint64_t>> confusion;  // [gold][predicted], over `labels`
  std::vector<uint64_t> support;                 // gold documents per label
  std::vector<double> precision, recall, f1;     // per label
  double accuracy = 0;
  double macro_f1 = 0;   // mean F1 over the labels that occur as gold or prediction (as scikit-learn)
  double log_loss = 0;   // mean -ln p(gold label); documents of unknown labels left out
  double ece = 0;        // expected calibration error of the top score, 10 equal-width bins
  uint64_t documents = 0;
  uint64_t no_words = 0; // documents that got no scores (counted as wrong)
  // predict_text over all documents (tokenize, features, scores), in CPU
  // seconds of the calling thread: the best of `repeat` runs.
  double seconds = 0;
  double docs_per_second() const { return seconds > 0 ? documents / seconds : 0; }
};

TopicEvaluation evaluate_topics(const TopicModel& model, std::span<const TopicExample> data, int repeat = 1);

// The `topics` array of a record: [{"label": "politics", "score": 0.81}, ...].
void write_topics_json(JsonWriter& w, const std::vector<TopicScore>& topics);

}  // namespace marsad
