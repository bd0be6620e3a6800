// Proclitic analysis. Arabic letters in a match key are two UTF-8 bytes each,
// so lengths below are in bytes and "letters" means bytes / 2.
#include "marsad/clitics.h"

#include <algorithm>

#include "text/lexicon.h"

namespace marsad {
namespace {

constexpr std::string_view kWaw = "و", kFa = "ف", kBa = "ب", kKaf = "ك", kLam = "ل", kSin = "س";
constexpr std::string_view kAl = "ال", kAlef = "ا";
constexpr size_t kLetter = 2;

// A split is taken when the host is a word in its own right (seen at least
// kMinHost times) and kHostWeight times its count beats the whole form's
// (tuned on PADT, see docs/evaluation.md): واضاف (8k) splits because اضاف is
// common; وزير (8k) does not, زير being rare; فقط does not, قط being rare
// next to it. Function words that would pass (كان = ك + ان) are guarded.
constexpr uint64_t kHostWeight = 25;
constexpr uint32_t kMinHost = 20;

// Attached pronouns after a preposition: له، بها، لنا، بهم.
bool pronoun_host(std::string_view h) {
  for (std::string_view p : {"ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "نا"}) {
    if (h == p) return true;
  }
  return false;
}

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool future_host(std::string_view rest) {
  return starts(rest, "ي") || starts(rest, "ت") || starts(rest, "ن") || starts(rest, "ا");
}

// A preposition or future marker and the host it leaves.
struct Inner {
  uint8_t len = 0;           // bytes of the marker; 0 = none found
  bool future = false;
  bool contracted = false;   // ل + ال written لل: the host is "ا" + rest
  uint32_t freq = 0;         // corpus count of the host (or kSure)
  std::string host;
};

constexpr uint32_t kSure = UINT32_MAX / kHostWeight;  // pronoun hosts: always split

uint32_t freq(std::string_view form) { return internal::wordfreq().get(form); }

}  // namespace

std::string Clitics::prefix_of(std::string_view key) const {
  std::string out;
  for (uint8_t i = 0; i < count; ++i) {
    if (pieces[i].role != CliticRole::kDet) out += key.substr(pieces[i].begin, pieces[i].end - pieces[i].begin);
  }
  return out;
}

std::string Clitics::host_of(std::string_view key) const {
  size_t outer = 0;
  bool contracted = false;
  for (uint8_t i = 0; i < count; ++i) {
    if (pieces[i].role == CliticRole::kDet) {
      contracted = pieces[i].end - pieces[i].begin == kLetter;
    } else {
      outer = pieces[i].end;
    }
  }
  if (contracted) return std::string(kAl) + std::string(key.substr(stem_begin));
  return std::string(key.substr(outer));
}

namespace {

// The best-supported preposition/future split of `word`, if any shape fits.
Inner best_inner(std::string_view word) {
  Inner best;
  for (std::string_view mid : {kBa, kKaf, kLam, kSin}) {
    if (!starts(word, mid)) continue;
    std::string_view rest = word.substr(mid.size());
    const bool future = mid == kSin;
    if (future && !future_host(rest)) continue;
    for (int contracted = 0; contracted < 2; ++contracted) {
      if (contracted && (mid != kLam || !starts(rest, kLam))) continue;
      Inner cand;
      cand.len = static_cast<uint8_t>(mid.size());
      cand.future = future;
      cand.contracted = contracted;
      cand.host = contracted ? std::string(kAlef) + std::string(rest) : std::string(rest);
      bool pronoun = !future && !contracted && pronoun_host(cand.host);
      size_t min_host = contracted ? 4 * kLetter : 2 * kLetter;  // ال + two letters
      if (cand.host.size() < min_host && !pronoun) continue;
      cand.freq = pronoun ? kSure : freq(cand.host);
      if (best.len == 0 || cand.freq > best.freq) best = std::move(cand);
    }
  }
  return best;
}

// Is a host of count `host` (best of its own analyses) good enough to split
// `whole` (count `whole_freq`)? Unknown pairs trust a following article.
bool supported(uint32_t host, uint32_t whole_freq, std::string_view host_form) {
  if (host >= kMinHost) return uint64_t{host} * kHostWeight > whole_freq;
  return host == 0 && whole_freq == 0 && starts(host_form, kAl) && host_form.size() >= 5 * kLetter;
}

}  // namespace

Clitics analyze_clitics(std::string_view key) {
  Clitics c;
  // Past 64 letters a "word" is noise (a URL-like run, a corrupt line): leave it whole.
  if (key.size() < 2 * kLetter || key.size() > 64 * kLetter || internal::clitic_guard().contains(key)) return c;
  uint8_t pos = 0;

  // 1. Conjunction: the rest must be a word, or split into one.
  if ((starts(key, kWaw) || starts(key, kFa)) && key.size() >= 3 * kLetter) {
    std::string_view rest = key.substr(kLetter);
    Inner inner = internal::clitic_guard().contains(rest) ? Inner{} : best_inner(rest);
    uint32_t support = std::max(freq(rest), inner.freq);
    std::string_view form = inner.freq > freq(rest) ? std::string_view(inner.host) : rest;
    if (supported(support, freq(key), form)) {
      c.pieces[c.count++] = {CliticRole::kConj, 0, static_cast<uint8_t>(kLetter)};
      pos = kLetter;
    }
  }

  // 2. Preposition or future marker.
  std::string_view word = key.substr(pos);
  bool contracted = false;
  if (!internal::clitic_guard().contains(word)) {
    Inner inner = best_inner(word);
    if (inner.len && supported(inner.freq, freq(word), inner.host)) {
      c.pieces[c.count++] = {inner.future ? CliticRole::kFuture : CliticRole::kPrep, pos,
                             static_cast<uint8_t>(pos + inner.len)};
      pos = static_cast<uint8_t>(pos + inner.len);
      contracted = inner.contracted;
    }
  }

  // 3. The article: ال, or the second ل of لل. Kept whole for guarded words
  // (الذي, البانيا) and short stems.
  std::string_view host = key.substr(pos);
  if (contracted) {
    c.pieces[c.count++] = {CliticRole::kDet, pos, static_cast<uint8_t>(pos + kLetter)};
    pos = static_cast<uint8_t>(pos + kLetter);
  } else if (starts(host, kAl) && host.size() >= 4 * kLetter && !internal::clitic_guard().contains(host)) {
    c.pieces[c.count++] = {CliticRole::kDet, pos, static_cast<uint8_t>(pos + kAl.size())};
    pos = static_cast<uint8_t>(pos + kAl.size());
  }
  c.stem_begin = pos;
  return c;
}

std::string dump_clitics(std::string_view key, const Clitics& c) {
  std::string out;
  for (uint8_t i = 0; i < c.count; ++i) {
    std::string_view piece = key.substr(c.pieces[i].begin, c.pieces[i].end - c.pieces[i].begin);
    out += (c.pieces[i].role == CliticRole::kDet) ? kAl : piece;  // لل shows its article as ال
    out += '+';
  }
  out += key.substr(c.stem_begin);
  return out;
}

}  // namespace marsad
