// The topic model file. Little-endian, laid out as:
//
//   "MRSDTOPC"                  8-byte magic
//   u32 version                 kTopicFormatVersion
//   u64 body size               bytes of the body as stored (deflated)
//   u64 raw size                bytes of the body inflated
//   u32 crc32                   of the body as stored
//   --- body (zlib deflate) ---
//   u8 hash bits, u8 words, u8 bigrams, u8 stems, u8 char min, u8 char max,
//   u8 sublinear tf, u8 punctuation, f32 char weight, u32 max words
//   u32 classes, then per class: u16 length, label bytes, f32 bias, f32 scale
//   f64 temperature
//   f32 idf step, u8 idf code[2^bits]
//   i8 weights[2^bits × classes]   bucket-major
//   u32 length, notes bytes
//
// int8 weights (one scale per class) are mostly near zero, so deflate keeps
// a 9-class 2^18-bucket model to about a megabyte.
#include <zlib.h>

#include <cstring>
#include <fstream>

#include "base/binary.h"
#include "marsad/io.h"
#include "topics/model_impl.h"

namespace marsad {

namespace {

constexpr char kMagic[8] = {'M', 'R', 'S', 'D', 'T', 'O', 'P', 'C'};
// Bump with any change to the layout, the feature templates or the hash.
constexpr uint32_t kTopicFormatVersion = 1;
constexpr size_t kHeaderSize = sizeof kMagic + 4 + 8 + 8 + 4;

using internal::ByteReader;
using internal::put;

Status corrupt(std::string message) { return Status(Error::kCorrupt, "topic model: " + std::move(message)); }

}  // namespace

std::string TopicModel::serialize() const {
  const Impl& m = *impl_;
  const TopicFeatures& f = m.features;
  std::string body;
  for (uint8_t v : {f.hash_bits, uint8_t{f.words}, uint8_t{f.bigrams}, uint8_t{f.stems}, f.char_min, f.char_max,
                    uint8_t{f.sublinear_tf}, uint8_t{f.punct}}) {
    put<uint8_t>(body, v);
  }
  put<float>(body, f.char_weight);
  put<uint32_t>(body, f.max_words);
  put<uint32_t>(body, m.classes());
  for (uint32_t c = 0; c < m.classes(); ++c) {
    put<uint16_t>(body, static_cast<uint16_t>(m.labels[c].size()));
    body += m.labels[c];
    put<float>(body, m.bias[c]);
    put<float>(body, m.scale[c]);
  }
  put<double>(body, m.temperature);
  put<float>(body, m.idf_step);
  const size_t buckets = m.buckets(), stride = m.stride();
  for (size_t b = 0; b < buckets; ++b) body += static_cast<char>(m.rows[b * stride]);
  for (size_t b = 0; b < buckets; ++b) body.append(reinterpret_cast<const char*>(&m.rows[b * stride + 1]), stride - 1);
  put<uint32_t>(body, static_cast<uint32_t>(m.notes.size()));
  body += m.notes;

  uLongf packed_size = compressBound(body.size());
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(body.data()),
            body.size(), Z_BEST_COMPRESSION);
  packed.resize(packed_size);

  std::string out(kMagic, sizeof kMagic);
  put<uint32_t>(out, kTopicFormatVersion);
  put<uint64_t>(out, packed.size());
  put<uint64_t>(out, body.size());
  put<uint32_t>(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(packed.data()), packed.size())));
  out += packed;
  return out;
}

Result<TopicModel> TopicModel::from_bytes(std::string_view bytes) {
  ByteReader head{bytes};
  std::string_view magic = head.bytes(sizeof kMagic);
  if (!head.ok || magic != std::string_view(kMagic, sizeof kMagic)) {
    return corrupt("not a marsad topic model (no MRSDTOPC header)");
  }
  const auto version = head.get<uint32_t>();
  if (head.ok && version != kTopicFormatVersion) {
    return corrupt("format version " + std::to_string(version) + ", but this marsad reads version " +
                   std::to_string(kTopicFormatVersion) + "; retrain it with `marsad topics train`");
  }
  const auto packed_size = head.get<uint64_t>();
  const auto raw_size = head.get<uint64_t>();
  const auto crc = head.get<uint32_t>();
  if (!head.ok || bytes.size() - kHeaderSize < packed_size) return corrupt("truncated (the file is shorter than its header says)");
  if (bytes.size() - kHeaderSize > packed_size) return corrupt("trailing bytes after the model");
  std::string_view packed = bytes.substr(kHeaderSize, packed_size);
  if (crc32(0, reinterpret_cast<const Bytef*>(packed.data()), packed.size()) != crc) {
    return corrupt("checksum mismatch (the file is damaged)");
  }
  // The largest legal body: 2^24 buckets × kMaxTopicClasses bytes would be
  // 16 GiB; refuse anything past 4 GiB before allocating.
  if (raw_size > (uint64_t{1} << 32)) return corrupt("body of " + std::to_string(raw_size) + " bytes is too large");
  std::string body(raw_size, '\0');
  uLongf got = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(body.data()), &got, reinterpret_cast<const Bytef*>(packed.data()),
                 packed.size()) != Z_OK ||
      got != raw_size) {
    return corrupt("the body does not inflate to its stated size");
  }

  auto impl = std::make_unique<Impl>();
  Impl& m = *impl;
  TopicFeatures& f = m.features;
  ByteReader r{body};
  f.hash_bits = r.get<uint8_t>();
  f.words = r.get<uint8_t>();
  f.bigrams = r.get<uint8_t>();
  f.stems = r.get<uint8_t>();
  f.char_min = r.get<uint8_t>();
  f.char_max = r.get<uint8_t>();
  f.sublinear_tf = r.get<uint8_t>();
  f.punct = r.get<uint8_t>();
  f.char_weight = r.get<float>();
  f.max_words = r.get<uint32_t>();
  if (!r.ok || f.hash_bits < kMinTopicHashBits || f.hash_bits > kMaxTopicHashBits || f.char_min > f.char_max ||
      !(f.char_weight > 0)) {
    return corrupt("bad feature settings");
  }
  const auto classes = r.get<uint32_t>();
  if (!r.ok || classes < 2 || classes > kMaxTopicClasses) return corrupt("bad class count");
  for (uint32_t c = 0; c < classes && r.ok; ++c) {
    m.labels.emplace_back(r.bytes(r.get<uint16_t>()));
    m.bias.push_back(r.get<float>());
    m.scale.push_back(r.get<float>());
  }
  m.temperature = r.get<double>();
  m.idf_step = r.get<float>();
  const size_t buckets = m.buckets();
  std::string_view idf = r.bytes(buckets);
  std::string_view weights = r.bytes(buckets * classes);
  std::string_view notes = r.bytes(r.get<uint32_t>());
  if (!r.ok) return corrupt("truncated body");
  if (r.pos != body.size()) return corrupt("trailing bytes in the body");
  if (!(m.temperature > 0) || !(m.idf_step > 0)) return corrupt("bad temperature or idf scale");
  m.rows = internal::BigArray<int8_t>(buckets * m.stride());
  for (size_t b = 0; b < buckets; ++b) {
    m.rows[b * m.stride()] = static_cast<int8_t>(idf[b]);
    std::memcpy(&m.rows[b * m.stride() + 1], weights.data() + b * classes, classes);
  }
  m.notes = notes;
  return TopicModel(std::move(impl));
}

Result<TopicModel> TopicModel::load(std::string_view path) {
  Result<std::string> bytes = read_file(path);
  if (!bytes) return std::move(bytes.status());
  Result<TopicModel> m = from_bytes(*bytes);
  if (!m) m.status().in_file(std::string(path));
  return m;
}

Status TopicModel::save(std::string_view path) const {
  const std::string bytes = serialize();
  std::ofstream out{std::string(path), std::ios::binary};
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status(Error::kIo, "cannot write the model", {std::string(path)});
  return Status::ok();
}

std::string TopicModel::describe() const {
  const TopicFeatures& f = impl_->features;
  std::string parts;
  auto part = [&](bool on, std::string name) {
    if (!on) return;
    if (!parts.empty()) parts += '+';
    parts += name;
  };
  part(f.words, "words");
  part(f.bigrams, "bigrams");
  part(f.stems, "stems");
  part(f.punct, "punct");
  part(f.char_min > 0, "chars" + std::to_string(f.char_min) + "-" + std::to_string(f.char_max));
  char t[32];
  std::snprintf(t, sizeof t, "%.3f", impl_->temperature);
  return "marsad-topics v" + std::to_string(kTopicFormatVersion) + ": " + std::to_string(impl_->classes()) +
         " labels, 2^" + std::to_string(f.hash_bits) + " buckets, " + parts + ", " +
         (f.max_words ? "first " + std::to_string(f.max_words) + " words" : std::string("all words")) +
         ", T=" + t;
}

}  // namespace marsad
