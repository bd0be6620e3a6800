// Feature extraction for the topic classifier: a Tokenized text → a sparse,
// L2-normalised TF-IDF vector over 2^bits hashed buckets.
//
// Training and prediction both go through these functions, so they see
// exactly the same features. The hash function and the feature templates are
// part of the model format: changing either changes what a stored weight
// means, so bump kTopicFormatVersion (model_io.cc) with them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marsad/tokenize.h"
#include "marsad/topics.h"

namespace marsad::internal {

// One non-zero of a feature vector.
struct TopicFeature {
  uint32_t bucket;
  float value;
};

// The words, bigrams, stems and character n-grams of the first `max_words`
// words of t, as distinct buckets with their term weight, in first-seen
// order. A bucket hit n times weighs (1 + ln n), or n with sublinear_tf off,
// times the mean weight of its hits: 1 for words, bigrams and stems,
// char_weight for n-grams. No idf, no normalisation. Returns the number of
// words read (0: the text has none, whatever punctuation it has).
// Thread-safe: the word cache and accumulators it keeps are per thread.
size_t topic_terms(const Tokenized& t, const TopicFeatures& f, std::vector<TopicFeature>& out);
// The same over the token ranges [first, last) of t, read in order as one text
// (a record's title and kept paragraphs inside the whole document's tokens).
size_t topic_terms(const Tokenized& t, std::span<const std::pair<size_t, size_t>> ranges, const TopicFeatures& f,
                   std::vector<TopicFeature>& out);

// The slow, obviously right view of the same features, for tests and debug
// dumps: every occurrence as text, in extraction order: "w:المغرب" (word),
// "b:في المغرب" (bigram), "s:مغرب" (stem), "c:^ال" (n-gram of "^word$").
std::vector<std::string> topic_feature_strings(const Tokenized& t, const TopicFeatures& f);
// The bucket of one string of topic_feature_strings.
uint32_t topic_feature_bucket(std::string_view feature, const TopicFeatures& f);

// Terms → the model's input: value *= idf[bucket], then L2-normalised in place.
void topic_weigh(std::span<const float> idf, std::span<TopicFeature> terms);

// Tokenizes just enough of `text` to hold its first `max_words` words (all of
// it when max_words is 0): those words are the same as in tokenize(text).
Tokenized tokenize_prefix(std::string_view text, uint32_t max_words);
// The same into `out`, reusing its buffers.
void tokenize_prefix(std::string_view text, uint32_t max_words, Tokenized& out);

}  // namespace marsad::internal
