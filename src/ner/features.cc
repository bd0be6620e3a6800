#include "ner/features.h"
#include "ner/templates.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "marsad/clitics.h"
#include "marsad/normalize.h"
#include "marsad/utf8.h"

namespace marsad::internal {

extern const std::string_view ner_triggers;  // data/ner/triggers.txt

namespace {

bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c >= 0x0621 && c <= 0x064A) return true;   // Arabic letters
  if (c >= 0x066E && c <= 0x06D3) return true;   // extended Arabic letters
  if (c >= 0x00C0 && c < 0x0600) return c != 0x00D7 && c != 0x00F7;
  if (c >= 0x06FA && c <= 0x06FF) return true;
  return c >= 0x0750 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
         !(c >= 0xFE30 && c <= 0xFE6F) && !(c >= 0xFF00 && c <= 0xFF20) && !(c >= 0x1F000);
}

// Byte offsets of the first n code points of s (capped at its length).
size_t prefix_bytes(std::string_view s, size_t n) {
  size_t i = 0;
  while (n-- && i < s.size()) next_code_point(s, i);
  return i;
}
size_t suffix_bytes(std::string_view s, size_t n) {
  size_t i = s.size();
  while (n && i > 0) {
    --i;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) --n;
  }
  return s.size() - i;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// hash_bytes over pieces: FNV-1a, then mix64. The hash of the pieces'
// concatenation without building it.
class PieceHash {
 public:
  explicit PieceHash(uint64_t seed) : h_(0xcbf29ce484222325ULL ^ (seed * 0x9E3779B97F4A7C15ULL)) {}
  PieceHash& add(std::string_view s) {
    for (char c : s) {
      h_ ^= static_cast<unsigned char>(c);
      h_ *= 0x100000001b3ULL;
    }
    return *this;
  }
  uint64_t done() const { return mix64(h_); }

 private:
  uint64_t h_;
};

}  // namespace

UnitHashes unit_hashes(const NerUnit& u, const FeatureLexicons& lex) {
  const Triggers& triggers = lex.triggers;
  UnitHashes h{};
  std::string_view key = u.key;
  h.kind = unit_kind(key);
  h.gaz = u.gaz;
  std::string_view stem = key;
  // Clitics::host_of without a string: a view into the key, or "ال" + stem for لل + stem.
  std::string_view host;
  char host_buf[136];
  std::string host_long;
  if (h.kind == UnitKind::kWord) {
    Clitics c = analyze_clitics(key);
    stem = c.stem_of(key);
    // The proclitics as written (Clitics::prefix_of: the key's bytes before the host, the
    // article aside), then "+ال" for the article.
    PieceHash pattern(7);
    for (uint8_t i = 0; i < c.count; ++i) {
      if (c.pieces[i].role != CliticRole::kDet) pattern.add(key.substr(c.pieces[i].begin, c.pieces[i].end - c.pieces[i].begin));
    }
    if (c.has(CliticRole::kDet)) pattern.add("+ال");
    h.clitics = pattern.done();
    if (!c.article_contracted()) {
      host = key.substr(c.host_begin());
    } else if (stem.size() + 4 <= sizeof host_buf) {  // always: analyzed keys are at most 128 bytes
      std::memcpy(host_buf, "ال", 4);
      std::memcpy(host_buf + 4, stem.data(), stem.size());
      host = std::string_view(host_buf, stem.size() + 4);
    } else {
      host_long = c.host_of(key);
      host = host_long;
    }
  } else {
    h.clitics = hash_bytes("", 7);
  }
  if (h.kind == UnitKind::kNumber) {
    std::string digits(key);
    for (char& c : digits) {
      if (c >= '0' && c <= '9') c = '0';
    }
    h.word = hash_bytes(digits, 1);
  } else {
    h.word = hash_bytes(key, 1);
  }
  h.stem = hash_bytes(stem, 2);
  if (uint32_t c; h.kind != UnitKind::kPunct && lex.clusters.find(h.stem, c)) {
    h.ccoarse = (c >> 24) + 1;
    h.title = (c >> 16 & 0xFF) + 1;
    h.cfine = (c & 0xFFFF) + 1;
  }
  h.pre2 = hash_bytes(key.substr(0, prefix_bytes(key, 2)), 3);
  h.pre3 = hash_bytes(key.substr(0, prefix_bytes(key, 3)), 4);
  h.spre2 = hash_bytes(stem.substr(0, prefix_bytes(stem, 2)), 3);
  h.spre3 = hash_bytes(stem.substr(0, prefix_bytes(stem, 3)), 4);
  h.suf1 = hash_bytes(key.substr(key.size() - suffix_bytes(key, 1)), 5);
  h.suf2 = hash_bytes(key.substr(key.size() - suffix_bytes(key, 2)), 5);
  h.suf3 = hash_bytes(key.substr(key.size() - suffix_bytes(key, 3)), 6);
  size_t n = code_points(stem);
  uint64_t len = n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : 6;
  h.shape = static_cast<uint64_t>(h.kind) * 16 + len;
  if (h.kind == UnitKind::kPunct) h.shape = hash_bytes(key, 8);  // each mark is its own shape
  h.trig = triggers.has(key) || (!host.empty() && triggers.has(host));
  h.trig_word = h.trig ? hash_bytes(host.empty() ? key : std::string_view(host), 9) : 0;
  return h;
}

const UnitHashes& pad_hashes(int side, int d) {
  static const auto pads = [] {
    std::array<std::array<UnitHashes, 2>, 2> p{};
    for (int s = 0; s < 2; ++s) {
      for (int k = 0; k < 2; ++k) {
        UnitHashes& u = p[s][k];
        uint64_t v = hash_bytes(s ? "</s>" : "<s>", 20 + k);
        u.word = u.stem = u.suf1 = u.suf2 = u.suf3 = u.shape = v;
        u.kind = UnitKind::kPunct;
      }
    }
    return p;
  }();
  return pads[side][d];
}

uint64_t hash_bytes(std::string_view s, uint64_t seed) { return PieceHash(seed).add(s).done(); }

UnitKind unit_kind(std::string_view key) {
  bool digit = false, arabic = false, latin = false;
  for (size_t i = 0; i < key.size();) {
    char32_t c = next_code_point(key, i);
    if (c >= '0' && c <= '9') digit = true;
    else if (is_letter(c)) (c >= 0x0600 && c < 0x0800 ? arabic : latin) = true;
  }
  if (arabic) return UnitKind::kWord;
  if (latin) return UnitKind::kLatin;
  if (digit) return UnitKind::kNumber;
  return UnitKind::kPunct;
}

void ClusterTable::insert(uint64_t stem_hash, uint32_t val) {
  if ((count + 1) * 2 > keys.size()) {  // grow, keeping the load under 1/2
    std::vector<uint32_t> ok = std::move(keys), ov = std::move(vals);
    keys.assign(std::max<size_t>(1024, ok.size() * 2), 0);
    vals.assign(keys.size(), 0);
    count = 0;
    for (size_t i = 0; i < ok.size(); ++i) {
      if (ok[i]) insert(static_cast<uint64_t>(ok[i]) << 32, ov[i]);
    }
  }
  const uint32_t k = key_of(stem_hash);
  size_t m = keys.size() - 1, i = k & m;
  while (keys[i] && keys[i] != k) i = (i + 1) & m;
  if (!keys[i]) ++count;
  keys[i] = k;
  vals[i] = val;
}

bool ClusterTable::find(uint64_t stem_hash, uint32_t& val) const {
  if (keys.empty()) return false;
  const uint32_t k = key_of(stem_hash);
  size_t m = keys.size() - 1, i = k & m;
  while (keys[i]) {
    if (keys[i] == k) {
      val = vals[i];
      return true;
    }
    i = (i + 1) & m;
  }
  return false;
}

void Triggers::build() {
  set.clear();
  for (const std::string& w : words) set.insert(w, 1);
}

std::vector<std::string> default_triggers() {
  std::vector<std::string> out;
  std::string_view all = ner_triggers;
  while (!all.empty()) {
    size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    out.push_back(match_key(line));
  }
  return out;
}

void extract_features(const std::vector<NerUnit>& units, const FeatureLexicons& lex, uint32_t mask,
                      SentenceFeatures& out) {
  const size_t n = units.size();
  std::vector<UnitHashes> h(n);
  for (size_t i = 0; i < n; ++i) h[i] = unit_hashes(units[i], lex);
  // Outside the sentence: fixed words that say how far outside.
  auto at = [&](ptrdiff_t j) -> const UnitHashes& {
    if (j < 0) return pad_hashes(0, static_cast<int>(std::min<ptrdiff_t>(-j - 1, 1)));
    if (j >= static_cast<ptrdiff_t>(n)) return pad_hashes(1, static_cast<int>(std::min<ptrdiff_t>(j - n, 1)));
    return h[j];
  };

  out.feats.clear();
  out.offset.assign(1, 0);
  out.punct.resize(n);
  auto add = [&](Reads, uint64_t tmpl, uint64_t v) { out.feats.push_back(feature_bucket(tmpl, v, mask)); };
  for (size_t k = 0; k < n; ++k) {
    const ptrdiff_t i = static_cast<ptrdiff_t>(k);
    out.punct[k] = h[k].kind == UnitKind::kPunct;
    apply_templates(at(i - 2), at(i - 1), h[k], at(i + 1), at(i + 2), add);
    out.offset.push_back(static_cast<uint32_t>(out.feats.size()));
  }
}

}  // namespace marsad::internal
