// Internal: the NER feature templates, written once and read two ways.
//
// Training (features.cc, extract_features) lists every feature of every unit.
// Tagging (emissions.cc) sums most of them per distinct word instead: a feature
// that reads one unit alone (the word, its stem, its left neighbour's suffix …)
// has the same weight row wherever that word stands, so its rows are summed once
// per word type and cached. Each template says which units it reads, and only the
// features that read several units (bigrams, shape trigram, gazetteer classes)
// are looked up per position. Both views call apply_templates(), so they cannot
// drift apart; tests/unit/ner_test.cc checks that they give the same emissions.
//
// The hash function and the template list are part of the model format: changing
// either changes what a stored weight means (bump kNerFormatVersion, model_io.cc).
#pragma once

#include <cstdint>

#include "base/hash.h"
#include "ner/features.h"

namespace marsad::internal {

// Per-unit hashes, computed once and combined with each template. They depend
// on the unit's key alone, except `gaz`, which is the position's.
struct UnitHashes {
  uint64_t word, stem, pre2, pre3, spre2, spre3, suf1, suf2, suf3, shape, clitics, trig_word;
  uint64_t cfine, ccoarse, title;  // 0 = no cluster
  bool trig;
  uint8_t gaz;
  UnitKind kind;
};

UnitHashes unit_hashes(const NerUnit& u, const FeatureLexicons& lex);

// The fixed units outside a sentence: side 0 before, 1 after; d = distance - 1 (0 or 1).
const UnitHashes& pad_hashes(int side, int d);

// Which units a template reads: the unit itself or one neighbour alone (such a
// feature's row depends on that word's type only), or several units / the
// position's gazetteer class (looked up per position).
enum class Reads : uint8_t { kSelf, kM1, kM2, kP1, kP2, kMany };

enum Template : uint64_t {
  kBias = 1, kW0, kWm1, kWp1, kWm2, kWp2, kS0, kSm1, kSp1,
  kPre2, kPre3, kSuf1, kSuf2, kSuf3, kSPre2, kSPre3,
  kShape0, kShape3, kClitics0, kBigramL, kBigramR,  // kBigramL/R: retired in format 2 (see below)
  kTrigM1, kTrigM2, kTrig0, kTrigWordM1, kTrigWordM2,
  kGaz0, kGazM1, kGazP1, kSufM1, kSufP1, kStemBigramL, kStemBigramR,
  kCF0, kCC0, kCFm1, kCFp1, kCCm1C0, kCC0p1, kCFm2, kCFp2, kTitle0, kTitleM1P1,
};

inline uint32_t feature_bucket(uint64_t tmpl, uint64_t v, uint32_t mask) {
  return static_cast<uint32_t>(mix64(v ^ (tmpl * 0x9E3779B97F4A7C15ULL)) & mask);
}

// The features that read several units or the position's gazetteer class
// (Reads::kMany): add(template, value) for unit c between m1 and p1. U is
// UnitHashes or anything with its stem, shape, ccoarse, title and gaz: tagging
// (emissions.cc) keeps only these per position. apply_templates lists them
// last (format 2; the order is the training order).
template <typename U, typename Add>
void apply_many_templates(const U& m1, const U& c, const U& p1, Add&& add) {
  add(kShape3, m1.shape * 1000003 + c.shape * 1009 + p1.shape);
  add(kStemBigramL, m1.stem * 31 + c.stem);
  add(kStemBigramR, c.stem * 31 + p1.stem);
  if (c.ccoarse || m1.ccoarse) add(kCCm1C0, m1.ccoarse * 1000 + c.ccoarse);
  if (c.ccoarse || p1.ccoarse) add(kCC0p1, c.ccoarse * 1000 + p1.ccoarse);
  add(kTitleM1P1, m1.title * 100 + c.title * 10 + p1.title);
  if (c.gaz) add(kGaz0, c.gaz);
  if (m1.gaz) add(kGazM1, m1.gaz);
  if (p1.gaz) add(kGazP1, p1.gaz);
}

// Calls add(reads, template, value) for every feature of unit c, whose
// neighbours are m2 m1 [c] p1 p2. The order is the training order.
//
// No word bigrams (format 2): their rows are read per position, a likely cache
// miss each in a multi-megabyte table, and the stem bigrams carry the same
// signal (dropping them took 4% of entity extraction's instructions and 6% of
// its L1 misses, cachegrind). Retrained without them, ANERcorp
// 5-fold F1 moved 70.11 → 69.87 (contiguous) and 79.60 → 79.72 (interleaved),
// AQMAR dev 54.69 → 54.98 (bench/run-ner-eval, 2026-11-30).
template <typename Add>
void apply_templates(const UnitHashes& m2, const UnitHashes& m1, const UnitHashes& c, const UnitHashes& p1,
                     const UnitHashes& p2, Add&& add) {
  using R = Reads;
  add(R::kSelf, kBias, 0);
  add(R::kSelf, kW0, c.word);
  add(R::kM1, kWm1, m1.word);
  add(R::kP1, kWp1, p1.word);
  add(R::kM2, kWm2, m2.word);
  add(R::kP2, kWp2, p2.word);
  add(R::kSelf, kS0, c.stem);
  add(R::kM1, kSm1, m1.stem);
  add(R::kP1, kSp1, p1.stem);
  add(R::kSelf, kPre2, c.pre2);
  add(R::kSelf, kPre3, c.pre3);
  add(R::kSelf, kSuf1, c.suf1);
  add(R::kSelf, kSuf2, c.suf2);
  add(R::kSelf, kSuf3, c.suf3);
  add(R::kSelf, kSPre2, c.spre2);
  add(R::kSelf, kSPre3, c.spre3);
  add(R::kSelf, kShape0, c.shape);
  add(R::kSelf, kClitics0, c.clitics);
  add(R::kM1, kSufM1, m1.suf2);
  add(R::kP1, kSufP1, p1.suf2);
  if (m1.trig) add(R::kM1, kTrigM1, 1), add(R::kM1, kTrigWordM1, m1.trig_word);
  if (m2.trig) add(R::kM2, kTrigM2, 1), add(R::kM2, kTrigWordM2, m2.trig_word);
  if (c.trig) add(R::kSelf, kTrig0, 1);
  if (c.cfine) add(R::kSelf, kCF0, c.cfine), add(R::kSelf, kCC0, c.ccoarse);
  if (m1.cfine) add(R::kM1, kCFm1, m1.cfine);
  if (p1.cfine) add(R::kP1, kCFp1, p1.cfine);
  if (m2.cfine) add(R::kM2, kCFm2, m2.cfine);
  if (p2.cfine) add(R::kP2, kCFp2, p2.cfine);
  if (c.title) add(R::kSelf, kTitle0, c.title);
  apply_many_templates(m1, c, p1, [&](uint64_t tmpl, uint64_t v) { add(R::kMany, tmpl, v); });
}

}  // namespace marsad::internal
