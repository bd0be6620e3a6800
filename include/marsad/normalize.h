// marsad/normalize.h — the lossy match key of a text, with its offset map.
//
// marsad keeps two texts and never mixes them: the original bytes (shown to
// users, stored, and the target of every offset) and the *match key*, a folded
// form used only to compare and search. The key:
//   - drops harakat, shadda, sukun, Quranic marks, tatweel, and bidi/zero-width
//     format characters;
//   - folds أ إ آ ٱ ٲ ٳ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي;
//   - maps Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII;
//   - applies NFKC with case folding (ICU) to everything outside the basic
//     Arabic block, so presentation forms (ﻻ, ﷲ) become plain letters and
//     Latin letters become lower case.
// Every key byte maps back to the original byte it came from.
//
//   marsad::MatchKey k = marsad::make_match_key("وقّع الأمين");
//   k.key;                  // "وقع الامين"
//   k.to_original(k.key.find(' '));   // byte offset of the space in the input
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marsad {

struct MatchKey {
  std::string key;  // the folded text, valid UTF-8

  // orig[i] = offset in the original of the code point that produced key byte i;
  // orig[key.size()] = original size. Monotone non-decreasing. Characters that
  // were dropped belong to the key character before them (so harakat stay with
  // their letter), or to the first one if they lead the text.
  std::vector<uint32_t> orig;

  uint32_t to_original(size_t key_offset) const { return orig[key_offset]; }
  // Original byte range for key range [b, e).
  uint32_t original_begin(size_t b) const { return b == 0 ? 0 : orig[b]; }
  uint32_t original_end(size_t e) const { return orig[e]; }
};

// The input must be valid UTF-8 (see utf8.h) and shorter than 4 GiB.
MatchKey make_match_key(std::string_view text);
// The same into `out`, reusing its buffers (for loops over many texts).
void make_match_key(std::string_view text, MatchKey& out);

// Match key alone, no offset map: for lexicon entries and queries.
std::string match_key(std::string_view text);

// Folds one code point as make_match_key does: appends its key form to out.
// Returns false if the code point is dropped from keys.
bool fold_code_point(char32_t c, std::string& out);

}  // namespace marsad
