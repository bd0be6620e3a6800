// The model file. Little-endian, laid out as:
//
//   "MRSDNER\n"                 8-byte magic
//   u32 version                 kNerFormatVersion
//   u64 body size               bytes between this field and the checksum
//   --- body ---
//   u32 hash bits, u32 tag count (9), f32 weight scale
//   f32 transitions[10][9]      row 9 = sentence start
//   u32 trigger count, then per trigger: u16 length, bytes (match key)
//   u32 cluster count, then per word: u32 stem key, u32 coarse << 24 | title << 16 | fine
//   u32 row count, then per row: varint bucket delta, u16 tag mask, i16 per set tag
//   --- end of body ---
//   u64 checksum                hash_bytes(body)
//
// Rows are sparse (only the tags with a weight) and bucket-delta coded, which
// keeps a 2^20-bucket model to a couple of MB.
#include <cstring>
#include <fstream>

#include "base/binary.h"
#include "marsad/io.h"
#include "ner/model_impl.h"

namespace marsad {

namespace {

constexpr char kMagic[8] = {'M', 'R', 'S', 'D', 'N', 'E', 'R', '\n'};
// Bump with any change to the layout, the feature templates or the hash.
constexpr uint32_t kNerFormatVersion = 2;  // 2: no word-bigram templates

using internal::ByteReader;
using internal::put;
using internal::put_varint;

Status corrupt(std::string message) { return Status(Error::kCorrupt, "NER model: " + std::move(message)); }

}  // namespace

std::string NerModel::serialize() const {
  const internal::NerWeights& W = impl_->w;
  std::string body;
  put<uint32_t>(body, W.bits);
  put<uint32_t>(body, internal::kTags);
  put<float>(body, W.scale);
  for (const auto& row : W.trans) {
    for (float v : row) put<float>(body, v);
  }
  put<uint32_t>(body, static_cast<uint32_t>(impl_->lex.triggers.words.size()));
  for (const std::string& t : impl_->lex.triggers.words) {
    put<uint16_t>(body, static_cast<uint16_t>(t.size()));
    body += t;
  }
  const internal::ClusterTable& ct = impl_->lex.clusters;
  put<uint32_t>(body, static_cast<uint32_t>(ct.count));
  for (size_t i = 0; i < ct.keys.size(); ++i) {
    if (ct.keys[i]) put<uint32_t>(body, ct.keys[i]), put<uint32_t>(body, ct.vals[i]);
  }
  put<uint32_t>(body, static_cast<uint32_t>(W.row_count() - 1));
  uint32_t prev = 0;
  for (uint32_t b = 0; b < W.row_of.size(); ++b) {
    if (W.row_of[b] == 0) continue;
    put_varint(body, b - prev);
    prev = b;
    const int16_t* row = &W.rows[static_cast<size_t>(W.row_of[b]) * internal::kTags];
    uint16_t mask = 0;
    for (int t = 0; t < internal::kTags; ++t) mask |= static_cast<uint16_t>(row[t] != 0) << t;
    put<uint16_t>(body, mask);
    for (int t = 0; t < internal::kTags; ++t) {
      if (row[t] != 0) put<int16_t>(body, row[t]);
    }
  }
  std::string out(kMagic, sizeof kMagic);
  put<uint32_t>(out, kNerFormatVersion);
  put<uint64_t>(out, body.size());
  out += body;
  put<uint64_t>(out, internal::hash_bytes(body, 0x4e4552));
  return out;
}

Status NerModel::save(std::string_view path) const {
  std::string bytes = serialize();
  std::ofstream f{std::string(path), std::ios::binary | std::ios::trunc};
  if (!f) return Status(Error::kIo, "cannot write the model", {std::string(path)});
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) return Status(Error::kIo, "cannot write the model", {std::string(path)});
  return Status::ok();
}

Result<NerModel> NerModel::load(std::string_view path) {
  Result<std::string> bytes = read_file(path, uint64_t{1} << 30);
  if (!bytes) return bytes.status();
  Result<NerModel> m = from_bytes(*bytes);
  if (!m) m.status().in_file(std::string(path));
  return m;
}

Result<NerModel> NerModel::from_bytes(std::string_view bytes) {
  ByteReader h{bytes};
  std::string_view magic = h.bytes(sizeof kMagic);
  if (!h.ok || magic != std::string_view(kMagic, sizeof kMagic)) {
    return corrupt("not a marsad NER model (bad magic bytes)");
  }
  uint32_t version = h.get<uint32_t>();
  uint64_t size = h.get<uint64_t>();
  if (!h.ok) return corrupt("truncated header");
  if (version != kNerFormatVersion) {
    return corrupt("model format version " + std::to_string(version) + ", this marsad reads version " +
                   std::to_string(kNerFormatVersion) + "; retrain it with `marsad ner train`");
  }
  if (bytes.size() - h.pos < size + 8) {
    return corrupt("truncated: " + std::to_string(bytes.size()) + " bytes, expected " +
                   std::to_string(h.pos + size + 8));
  }
  std::string_view body = bytes.substr(h.pos, size);
  ByteReader tail{bytes.substr(h.pos + size)};
  if (tail.get<uint64_t>() != internal::hash_bytes(body, 0x4e4552)) {
    return corrupt("checksum mismatch: the file is damaged");
  }

  auto impl = std::make_unique<Impl>();
  internal::NerWeights& W = impl->w;
  ByteReader r{body};
  W.bits = r.get<uint32_t>();
  uint32_t tags = r.get<uint32_t>();
  W.scale = r.get<float>();
  if (!r.ok || W.bits < 10 || W.bits > 26 || tags != internal::kTags) {
    return corrupt("bad header (hash bits or tag count out of range)");
  }
  for (auto& row : W.trans) {
    for (float& v : row) v = r.get<float>();
  }
  uint32_t ntrig = r.get<uint32_t>();
  for (uint32_t i = 0; r.ok && i < ntrig; ++i) {
    uint16_t len = r.get<uint16_t>();
    impl->lex.triggers.words.emplace_back(r.bytes(len));
  }
  impl->lex.triggers.build();
  uint32_t nclusters = r.get<uint32_t>();
  if (!r.ok || nclusters > (1u << 24)) return corrupt("bad cluster table header");
  for (uint32_t i = 0; r.ok && i < nclusters; ++i) {
    uint32_t key = r.get<uint32_t>(), val = r.get<uint32_t>();
    impl->lex.clusters.insert(static_cast<uint64_t>(key) << 32, val);
  }
  uint32_t nrows = r.get<uint32_t>();
  if (!r.ok || nrows > (1u << W.bits)) return corrupt("bad weight table header");
  W.row_of.assign(size_t{1} << W.bits, 0);
  W.rows.assign(static_cast<size_t>(nrows + 1) * internal::kTags, 0);
  uint64_t bucket = 0;
  for (uint32_t i = 1; i <= nrows; ++i) {
    bucket += r.varint();
    uint16_t mask = r.get<uint16_t>();
    if (!r.ok || bucket >= W.row_of.size() || (i > 1 && W.row_of[bucket] != 0) || mask >> internal::kTags) {
      return corrupt("bad weight row " + std::to_string(i));
    }
    W.row_of[bucket] = i;
    for (int t = 0; t < internal::kTags; ++t) {
      if (mask >> t & 1) W.rows[static_cast<size_t>(i) * internal::kTags + t] = r.get<int16_t>();
    }
  }
  if (!r.ok) return corrupt("weight table cut short");
  if (r.pos != body.size()) return corrupt("trailing bytes after the weight table");
  return NerModel(std::move(impl));
}

}  // namespace marsad
