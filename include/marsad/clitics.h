// marsad/clitics.h — proclitic analysis of Arabic words.
//
// Arabic writes conjunctions, prepositions, the future marker and the article
// joined to the next word: وبالمغرب = و + ب + ال + مغرب. marsad splits
//   [و|ف] [ب|ك|ل] [ال]  host      (nouns; ل + ال is written لل)
//   [و|ف] س  host                  (future verbs: سيوقع)
// on match keys. A split is taken only when the rest is a word in its own
// right: data/text/wordfreq.tsv (corpus counts) says whether the host is
// common enough compared with the whole form, and data/text/clitic_guard.tsv
// lists words that are never split (بريطانيا, البانيا, الذي ...).
//
//   marsad::Clitics c = marsad::analyze_clitics("وبالمغرب");
//   marsad::dump_clitics("وبالمغرب", c);   // "و+ب+ال+مغرب"
//   c.stem_of("وبالمغرب");                 // "مغرب"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace marsad {

enum class CliticRole : uint8_t { kConj, kPrep, kFuture, kDet };

struct Clitics {
  struct Piece {
    CliticRole role;
    uint8_t begin, end;  // byte range within the word's match key
  };
  Piece pieces[4] = {};
  uint8_t count = 0;
  uint8_t stem_begin = 0;  // the host starts here (after any article)
  bool has(CliticRole r) const {
    for (uint8_t i = 0; i < count; ++i) {
      if (pieces[i].role == r) return true;
    }
    return false;
  }
  // The host without clitics and without the article: مغرب.
  std::string_view stem_of(std::string_view key) const { return key.substr(stem_begin); }
  // Where the host starts in the key: after the conjunction, preposition or
  // future marker (0 for none).
  uint8_t host_begin() const {
    uint8_t at = 0;
    for (uint8_t i = 0; i < count; ++i) {
      if (pieces[i].role != CliticRole::kDet) at = pieces[i].end;
    }
    return at;
  }
  // ل + ال written لل (للمغرب): the article's alef is not in the key, so the
  // host is "ال" + the stem rather than a suffix of the key.
  bool article_contracted() const {
    for (uint8_t i = 0; i < count; ++i) {
      if (pieces[i].role == CliticRole::kDet) return pieces[i].end - pieces[i].begin == 2;
    }
    return false;
  }
  // Proclitics other than the article, as written: "وب" for وبالمغرب.
  std::string prefix_of(std::string_view key) const;
  // The word without conjunction/preposition/future marker, article restored:
  // بالمغرب → المغرب, للمغرب → المغرب, وسيوقع → يوقع.
  std::string host_of(std::string_view key) const;
};

// Analyzes one word's match key (an Arabic token's key).
Clitics analyze_clitics(std::string_view key);

// "و+ب+ال+مغرب"; a word without clitics dumps as itself.
std::string dump_clitics(std::string_view key, const Clitics& c);

}  // namespace marsad
