// marsad/ner.h — a learned named-entity tagger for the mentions that the
// gazetteers do not list: people above all, also places, organisations and
// MISC (events, products, currencies, religions ...).
//
// An averaged structured perceptron over hashed features (the word's match
// key, its clitic-stripped stem, affixes, shape, trigger words such as الرئيس
// and السيد, a ±2 word window, and an optional gazetteer class per token),
// decoded with Viterbi under IOB2 constraints. The default model is bundled
// (data/ner/, see its README for the data it was trained on); `marsad ner
// train` builds others.
//
//   const marsad::Tokenized t = marsad::tokenize("قال الرئيس الأمريكي دونالد ترامب إن ...");
//   for (const marsad::NerSpan& s : marsad::NerModel::builtin().tag(t, 0, t.tokens.size()))
//     // s.type == "PERS"; tokens s.first_token..s.last_token are دونالد ترامب;
//     // their bytes are t.tokens[s.first_token].start .. t.tokens[s.last_token].end
//
// Limits, stated honestly: the model has seen about 200k tokens of annotated
// newswire and Wikipedia; it knows no word senses beyond them, and its MISC
// class is the weakest (see bench/results/ner.md for the measured figures).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"
#include "marsad/tokenize.h"

namespace marsad {

// The IOB2 tags of the ANERcorp tag set, in the model's order.
enum class NerTag : uint8_t { kO, kBPers, kIPers, kBLoc, kILoc, kBOrg, kIOrg, kBMisc, kIMisc };
inline constexpr int kNerTagCount = 9;
std::string_view ner_tag_name(NerTag t);  // "B-PERS", "O" ...

// Gazetteer classes a caller (the entities module) may supply per token.
enum class NerGaz : uint8_t { kNone = 0, kPlace = 1, kOrganization = 2, kPersonTrigger = 3 };

struct NerSpan {
  uint32_t first_token = 0, last_token = 0;  // token indexes in the Tokenized, both inclusive
  std::string type;                          // PERS | LOC | ORG | MISC
  double score = 0;                          // mean per-token margin of the best path; higher is surer
};

// One annotated sentence for training or evaluation: tokens as written, and
// gold tags (empty when unknown).
struct NerSentence {
  std::vector<std::string> tokens;
  std::vector<NerTag> tags;
  std::vector<uint8_t> gaz;  // optional NerGaz per token; empty = none
};

// A word's distributional clusters (two granularities), learned from
// unannotated text by NerClusterBuilder and stored inside a model: they let the
// tagger generalise from the names it saw to names that behave alike.
struct NerWordCluster {
  std::string word;  // clitic-stripped stem of the match key
  uint16_t coarse = 0, fine = 0;  // coarse < 256
  uint8_t title = 0;  // 0..3: how often a title or speech verb precedes it (<1%, <5%, <20%, more)
};

// Distributional word clusters: positive-PMI context vectors (±2 words),
// randomly projected to 96 dimensions and grouped by spherical k-means.
// Deterministic for a given input and seed.
class NerClusterBuilder {
 public:
  NerClusterBuilder();
  ~NerClusterBuilder();
  NerClusterBuilder(const NerClusterBuilder&) = delete;  // holds the whole corpus
  NerClusterBuilder& operator=(const NerClusterBuilder&) = delete;
  void add_text(std::string_view text);  // valid UTF-8
  uint64_t token_count() const;
  // The `vocab` most frequent stems (seen at least 5 times), clustered.
  std::vector<NerWordCluster> build(size_t vocab = 60000, int coarse_k = 64, int fine_k = 512,
                                    uint64_t seed = 1) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct NerTrainOptions {
  int epochs = 10;           // passes over the data (the averaged weights are kept)
  int hash_bits = 20;        // 2^bits feature buckets
  uint64_t seed = 1;         // sentence order is shuffled each epoch with this seed
  double prune = 0.0;        // drop weights with |w| below this fraction of the largest
  std::vector<NerWordCluster> clusters;  // stored in the model; empty = no cluster features
};

class NerModel {
 public:
  // A model file: versioned and checksummed. A truncated, damaged or other
  // version's file is kCorrupt with a message that says which.
  static Result<NerModel> load(std::string_view path);
  static Result<NerModel> from_bytes(std::string_view bytes);
  // The bundled model, parsed once on first use.
  static const NerModel& builtin();

  static NerModel train(const std::vector<NerSentence>& data, const NerTrainOptions& opt = {});

  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;
  ~NerModel();
  // A model is large and immutable once built; copying it would be a mistake.
  NerModel(const NerModel&) = delete;
  NerModel& operator=(const NerModel&) = delete;

  // Tags the tokens [first, last) of t (t = tokenize(whole text)). Only words
  // (Arabic or Latin runs) and numbers inside a name are tagged; spaces,
  // punctuation and symbols are context only. `gaz`, if given, is indexed by
  // token index (NerGaz values) and must cover [first, last).
  std::vector<NerSpan> tag(const Tokenized& t, size_t first, size_t last,
                           const std::vector<uint8_t>* gaz = nullptr) const;

  // Tags one sentence of written tokens (the CoNLL view): one tag per token.
  std::vector<NerTag> tag_tokens(const std::vector<std::string>& tokens,
                                 const std::vector<uint8_t>* gaz = nullptr) const;

  // The model file's bytes (what load() reads).
  std::string serialize() const;
  Status save(std::string_view path) const;

  // "marsad-ner v1, 2^20 buckets, 123456 weight rows, 24 triggers"
  std::string describe() const;

  struct Impl;  // opaque: the frozen weights (src/ner/model_impl.h)
  // For the library's internals and its tests only (Impl is defined in src/ner).
  const Impl& impl() const { return *impl_; }

 private:
  explicit NerModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads a CoNLL file (`token [TAG...]` lines). A blank line ends a sentence;
// in a file without blank lines a "." token does. Tags are mapped to the
// ANERcorp set: PER→PERS, MIS→MISC; Wojood's nested types are flattened
// (outermost kept span wins) with GPE/LOC/FAC→LOC, EVENT/LAW/PRODUCT/
// LANGUAGE/WEBSITE/CURR→MISC and the rest (NORP, OCC, DATE ...) → O.
// `line_of[i][j]`, if given, receives the 0-based input line of each token.
struct ConllDocument {
  std::vector<NerSentence> sentences;
  std::vector<std::vector<uint64_t>> line_of;  // per sentence, per token
  uint64_t line_count = 0;
};
Result<ConllDocument> read_conll(std::string_view path);
Result<ConllDocument> parse_conll(std::string_view text, std::string_view name = "");

}  // namespace marsad
