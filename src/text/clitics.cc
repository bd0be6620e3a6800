// Proclitic analysis. Arabic letters in a match key are two UTF-8 bytes each,
// so lengths below are in bytes and "letters" means bytes / 2.
#include "marsad/clitics.h"

#include <algorithm>
#include <vector>

#include "text/lexicon.h"

namespace marsad {
namespace {

constexpr size_t kLetter = 2;

// A split is taken when the host is a word in its own right (seen at least
// kMinHost times) and kHostWeight times its count beats the whole form's
// (tuned on PADT, see docs/evaluation.md): واضاف (8k) splits because اضاف is
// common; وزير (8k) does not, زير being rare; فقط does not, قط being rare
// next to it. Function words that would pass (كان = ك + ان) are guarded.
constexpr uint64_t kHostWeight = 25;
constexpr uint32_t kMinHost = 20;
constexpr uint32_t kSure = UINT32_MAX / kHostWeight;  // pronoun hosts: always split

// Letters as their two UTF-8 bytes in one integer, so that a test is one
// compare (this is the hot path: bench/text_bench.cc).
constexpr uint16_t letter(const char (&u)[3]) {
  return static_cast<uint16_t>(static_cast<unsigned char>(u[0]) << 8 | static_cast<unsigned char>(u[1]));
}
constexpr uint16_t kWaw = letter("و"), kFa = letter("ف"), kBa = letter("ب"), kKaf = letter("ك"),
                   kLam = letter("ل"), kSin = letter("س"), kAlef = letter("ا"), kYa = letter("ي"),
                   kTa = letter("ت"), kNun = letter("ن");

inline uint16_t at(std::string_view s, size_t i) {
  return i + 1 < s.size()
             ? static_cast<uint16_t>(static_cast<unsigned char>(s[i]) << 8 | static_cast<unsigned char>(s[i + 1]))
             : 0;
}
inline bool starts_al(std::string_view s) { return at(s, 0) == kAlef && at(s, 2) == kLam; }

// Attached pronouns after a preposition: له، بها، لنا، بهم.
bool pronoun_host(std::string_view h) {
  if (h.size() > 3 * kLetter) return false;
  for (std::string_view p : {"ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "نا"}) {
    if (h == p) return true;
  }
  return false;
}

bool future_host(std::string_view rest) {
  uint16_t c = at(rest, 0);
  return c == kYa || c == kTa || c == kNun || c == kAlef;
}

uint32_t freq(std::string_view form) { return internal::wordfreq().get(form); }

// A preposition or future marker and the host it leaves.
struct Inner {
  uint8_t len = 0;           // bytes of the marker; 0 = none found
  bool future = false;
  bool contracted = false;   // ل + ال written لل: the host is "ا" + rest
  uint32_t freq = 0;         // corpus count of the host (or kSure)
  std::string_view host;     // points into the key, or into `buf` when contracted
  char buf[130];             // "ا" + rest for the contracted form (keys are at most 128 bytes here)
};

}  // namespace

std::string Clitics::prefix_of(std::string_view key) const {
  std::string out;
  for (uint8_t i = 0; i < count; ++i) {
    if (pieces[i].role != CliticRole::kDet) out += key.substr(pieces[i].begin, pieces[i].end - pieces[i].begin);
  }
  return out;
}

std::string Clitics::host_of(std::string_view key) const {
  if (article_contracted()) return "ال" + std::string(key.substr(stem_begin));
  return std::string(key.substr(host_begin()));
}

namespace {

// The best-supported preposition/future split of `word`, if any shape fits.
void best_inner(std::string_view word, Inner& best) {
  best.len = 0;
  const uint16_t first = at(word, 0);
  if (first != kBa && first != kKaf && first != kLam && first != kSin) return;
  std::string_view rest = word.substr(kLetter);
  const bool future = first == kSin;
  if (future && !future_host(rest)) return;
  // The plain host.
  const bool pronoun = !future && pronoun_host(rest);
  if (rest.size() >= 2 * kLetter || pronoun) {
    best.len = kLetter;
    best.future = future;
    best.contracted = false;
    best.host = rest;
    best.freq = pronoun ? kSure : freq(rest);
  }
  // ل + ال written لل: the host is "ا" + rest (لمغرب → المغرب).
  if (first == kLam && at(rest, 0) == kLam && rest.size() + kLetter >= 4 * kLetter && rest.size() < 128) {
    best.buf[0] = "ا"[0];
    best.buf[1] = "ا"[1];
    rest.copy(best.buf + 2, rest.size());
    std::string_view host(best.buf, rest.size() + 2);
    uint32_t f = freq(host);
    if (best.len == 0 || f > best.freq) {
      best.len = kLetter;
      best.future = false;
      best.contracted = true;
      best.host = host;
      best.freq = f;
    }
  }
}

// Is a host of count `host` (best of its own analyses) good enough to split
// `whole` (count `whole_freq`)? Unknown pairs trust a following article.
bool supported(uint32_t host, uint32_t whole_freq, std::string_view host_form) {
  if (host >= kMinHost) return uint64_t{host} * kHostWeight > whole_freq;
  return host == 0 && whole_freq == 0 && starts_al(host_form) && host_form.size() >= 5 * kLetter;
}

// The analysis proper, for a word that opens with a clitic letter or the article.
Clitics analyze(std::string_view key) {
  Clitics c;
  const uint16_t first = at(key, 0);
  const internal::Lexicon& guard = internal::clitic_guard();
  if (guard.contains(key)) return c;
  uint8_t pos = 0;
  Inner inner;
  bool inner_known = false;  // `inner` holds best_inner(key.substr(pos))

  // 1. Conjunction: the rest must be a word, or split into one.
  if ((first == kWaw || first == kFa) && key.size() >= 3 * kLetter) {
    std::string_view rest = key.substr(kLetter);
    bool rest_guarded = guard.contains(rest);
    if (!rest_guarded) best_inner(rest, inner);
    const uint32_t rest_freq = freq(rest);
    const bool inner_better = !rest_guarded && inner.len && inner.freq > rest_freq;
    const uint32_t support = inner_better ? inner.freq : rest_freq;
    if (supported(support, freq(key), inner_better ? inner.host : rest)) {
      c.pieces[c.count++] = {CliticRole::kConj, 0, static_cast<uint8_t>(kLetter)};
      pos = kLetter;
      inner_known = !rest_guarded;
      if (rest_guarded) inner.len = 0;
    }
  }

  // 2. Preposition or future marker.
  std::string_view word = key.substr(pos);
  bool contracted = false;
  if (inner_known || !guard.contains(word)) {
    if (!inner_known) best_inner(word, inner);
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
  } else if (starts_al(host) && host.size() >= 4 * kLetter && (pos == 0 ? true : !guard.contains(host))) {
    c.pieces[c.count++] = {CliticRole::kDet, pos, static_cast<uint8_t>(pos + 2 * kLetter)};
    pos = static_cast<uint8_t>(pos + 2 * kLetter);
  }
  c.stem_begin = pos;
  return c;
}

// Analyses of recent words, per thread. The analysis probes the guard list and
// the 129k-word frequency table two to five times, each probe a likely cache
// miss; news repeats its words, so one probe of a small table answers most
// calls. Direct-mapped (a new word takes its slot over), keys inline: 2^14
// slots of 48 bytes, 768 KB per thread.
class RecentWords {
 public:
  static constexpr size_t kMaxKey = 32;
  const Clitics* find(uint64_t h, std::string_view key) const {
    const Slot& s = slots_[h >> (64 - kBits)];
    if (s.len != key.size() || s.tag != static_cast<uint32_t>(h) || !std::equal(key.begin(), key.end(), s.key)) {
      return nullptr;
    }
    return &s.clitics;
  }
  void put(uint64_t h, std::string_view key, const Clitics& c) {
    Slot& s = slots_[h >> (64 - kBits)];
    s.len = static_cast<uint8_t>(key.size());
    s.tag = static_cast<uint32_t>(h);
    std::copy(key.begin(), key.end(), s.key);
    s.clitics = c;
  }

 private:
  static constexpr size_t kBits = 14;
  struct Slot {
    char key[kMaxKey];
    uint32_t tag = 0;
    uint8_t len = 0xFF;  // 0xFF = empty
    Clitics clitics;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(size_t{1} << kBits);
};

}  // namespace

Clitics analyze_clitics(std::string_view key) {
  // Only words that open with a clitic letter or the article can carry one;
  // past 64 letters a "word" is noise (a URL-like run, a corrupt line).
  const uint16_t first = at(key, 0);
  if (key.size() < 2 * kLetter || key.size() > 64 * kLetter) return {};
  if (first != kWaw && first != kFa && first != kBa && first != kKaf && first != kLam && first != kSin &&
      first != kAlef) {
    return {};
  }
  if (key.size() > RecentWords::kMaxKey) return analyze(key);
  thread_local RecentWords recent;
  const uint64_t h = internal::lex_hash(key);
  if (const Clitics* c = recent.find(h, key)) return *c;
  const Clitics c = analyze(key);
  recent.put(h, key, c);
  return c;
}

std::string dump_clitics(std::string_view key, const Clitics& c) {
  std::string out;
  for (uint8_t i = 0; i < c.count; ++i) {
    std::string_view piece = key.substr(c.pieces[i].begin, c.pieces[i].end - c.pieces[i].begin);
    out += (c.pieces[i].role == CliticRole::kDet) ? std::string_view("ال") : piece;  // لل shows its article as ال
    out += '+';
  }
  out += key.substr(c.stem_begin);
  return out;
}

}  // namespace marsad
