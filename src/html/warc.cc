// WARC reading through zlib's gzFile: it reads plain files as they are and
// gzip members one after another (a .warc.gz has one per record), and tells a
// truncated stream from a clean end.
#include "marsad/warc.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include "base/ascii.h"

namespace marsad {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// Splits "Name: value" header lines of a block ending at a blank line.
// Returns the offset just past the blank line, or npos when there is none.
template <typename F>
size_t each_header(std::string_view block, F&& f) {
  size_t b = 0;
  while (b < block.size()) {
    size_t e = block.find('\n', b);
    if (e == std::string_view::npos) return std::string_view::npos;
    std::string_view line = trim(block.substr(b, e - b));
    b = e + 1;
    if (line.empty()) return b;
    size_t colon = line.find(':');
    if (colon != std::string_view::npos) f(internal::ascii_lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
  }
  return std::string_view::npos;
}

// Undoes Transfer-Encoding: chunked; damaged chunking keeps what was read.
std::string dechunk(std::string_view body) {
  std::string out;
  size_t i = 0;
  while (i < body.size()) {
    size_t e = body.find('\n', i);
    if (e == std::string_view::npos) break;
    std::string_view size_line = trim(body.substr(i, e - i));
    size_t n = 0;
    size_t k = 0;
    for (; k < size_line.size(); ++k) {
      char c = size_line[k];
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) break;
      if (n > (size_t{1} << 40)) return out;
      n = n * 16 + static_cast<size_t>(v);
    }
    if (k == 0) return std::string(body);  // not chunked after all
    i = e + 1;
    if (n == 0) break;
    out.append(body.substr(i, n));
    i += n;
    while (i < body.size() && (body[i] == '\r' || body[i] == '\n')) ++i;
  }
  return out;
}

// gzip or zlib (auto-detected), else raw deflate; nullopt-like empty on failure.
bool inflate_all(std::string_view in, uint64_t limit, std::string& out) {
  for (int bits : {15 + 32, -15}) {
    z_stream z{};
    if (inflateInit2(&z, bits) != Z_OK) return false;
    out.clear();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[1 << 15];
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_NO_FLUSH);
      out.append(buf, sizeof buf - z.avail_out);
      if (out.size() > limit) break;
      if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated: keep what we have
    }
    inflateEnd(&z);
    if (rc == Z_STREAM_END || (!out.empty() && rc != Z_DATA_ERROR)) return true;
  }
  return false;
}

}  // namespace

struct WarcReader::Impl {
  Pull pull;
  uint64_t max_record = 0;
  bool keep_raw = false;
  std::string buf;
  size_t pos = 0;
  uint64_t offset = 0;  // uncompressed bytes consumed before buf[pos]
  uint64_t line_start = 0;
  bool eof = false;

  Status fill(const std::string& path) {
    if (eof) return Status::ok();
    if (pos > 0) {
      buf.erase(0, pos);
      pos = 0;
    }
    char tmp[1 << 16];
    auto n = pull(tmp, sizeof tmp);
    if (!n) {
      Status s = n.status();
      Location at = s.where();
      if (at.file.empty()) at.file = path;
      if (!at.has_offset) {
        at.offset = offset + buf.size();
        at.has_offset = true;
      }
      return Status(s.code(), s.message(), at);
    }
    if (*n == 0) eof = true;
    buf.append(tmp, *n);
    return Status::ok();
  }

  // A line without its "\n"; false at end of input. line_start: where it began.
  Result<bool> line(std::string& out, const std::string& path) {
    line_start = offset;
    while (true) {
      size_t nl = buf.find('\n', pos);
      if (nl != std::string::npos) {
        out.assign(buf, pos, nl - pos);
        offset += nl + 1 - pos;
        pos = nl + 1;
        if (!out.empty() && out.back() == '\r') out.pop_back();
        return true;
      }
      if (buf.size() - pos > (1 << 20)) return Status(Error::kCorrupt, "a WARC header line is longer than 1 MiB", {path, 0, offset, true});
      if (eof) {
        if (pos == buf.size()) return false;
        out.assign(buf, pos, std::string::npos);
        offset += buf.size() - pos;
        pos = buf.size();
        return true;
      }
      if (Status s = fill(path); !s) return s;
    }
  }

  // Reads n bytes, keeping at most `keep` of them in out. False if input ends first.
  Result<bool> take(uint64_t n, uint64_t keep, std::string& out, const std::string& path) {
    out.clear();
    while (n > 0) {
      if (pos == buf.size()) {
        if (eof) return false;
        if (Status s = fill(path); !s) return s;
        if (pos == buf.size() && eof) return false;
        continue;
      }
      size_t k = static_cast<size_t>(std::min<uint64_t>(n, buf.size() - pos));
      if (out.size() < keep) out.append(buf, pos, static_cast<size_t>(std::min<uint64_t>(k, keep - out.size())));
      pos += k;
      offset += k;
      n -= k;
    }
    return true;
  }
};

WarcReader::WarcReader(std::unique_ptr<Impl> impl, std::string path) : impl_(std::move(impl)), path_(std::move(path)) {}
WarcReader::WarcReader(WarcReader&&) noexcept = default;
WarcReader& WarcReader::operator=(WarcReader&&) noexcept = default;
WarcReader::~WarcReader() = default;

Result<WarcReader> WarcReader::open(std::string_view path, uint64_t max_record_bytes) {
  std::string p(path);
  gzFile f = p == "-" ? gzdopen(dup(0), "rb") : gzopen(p.c_str(), "rb");
  if (f == nullptr) return Status(Error::kIo, std::string("cannot open: ") + std::strerror(errno), {p});
  gzbuffer(f, 1 << 17);
  // gzFile is closed by the last copy of this handle (the Pull is copyable).
  std::shared_ptr<gzFile_s> file(f, [](gzFile g) { gzclose(g); });
  Pull pull = [file](char* buf, size_t cap) -> Result<size_t> {
    int n = gzread(file.get(), buf, static_cast<unsigned>(cap));
    if (n < 0) {
      int code = 0;
      const char* msg = gzerror(file.get(), &code);
      if (code == Z_ERRNO) return Status(Error::kIo, std::string("read failed: ") + std::strerror(errno));
      return Status(Error::kCorrupt, std::string("damaged or truncated gzip data (") + (msg ? msg : "?") + ")");
    }
    if (n == 0) {
      // gzread returns 0 both at a clean end and at a truncated stream.
      int code = 0;
      gzerror(file.get(), &code);
      if (code == Z_BUF_ERROR || code == Z_DATA_ERROR) return Status(Error::kCorrupt, "truncated or damaged gzip data");
    }
    return static_cast<size_t>(n);
  };
  return from_stream(std::move(p), std::move(pull), max_record_bytes);
}

WarcReader WarcReader::from_stream(std::string name, Pull pull, uint64_t max_record_bytes) {
  auto impl = std::make_unique<Impl>();
  impl->pull = std::move(pull);
  impl->max_record = max_record_bytes;
  return WarcReader(std::move(impl), std::move(name));
}

WarcReader WarcReader::from_bytes(std::string name, std::string bytes, uint64_t max_record_bytes) {
  auto impl = std::make_unique<Impl>();
  impl->pull = [](char*, size_t) -> Result<size_t> { return size_t{0}; };
  impl->buf = std::move(bytes);
  impl->max_record = max_record_bytes;
  return WarcReader(std::move(impl), std::move(name));
}

void WarcReader::keep_raw(bool keep) { impl_->keep_raw = keep; }

Result<bool> WarcReader::next(WarcRecord& rec) {
  Impl& s = *impl_;
  std::string line;
  rec = WarcRecord();
  while (true) {
    auto more = s.line(line, path_);
    if (!more) return more.status();
    if (!*more) return false;
    if (!line.empty()) break;
  }
  rec.offset = s.line_start;
  if (line.compare(0, 5, "WARC/") != 0) {
    return Status(Error::kCorrupt, "not a WARC record (expected 'WARC/1.x')", {path_, 0, rec.offset, true});
  }
  // Header lines are kept with CRLF endings, as WARC writes them.
  if (s.keep_raw) rec.raw = line + "\r\n";
  uint64_t length = 0;
  bool has_length = false;
  std::string warc_type;
  while (true) {
    auto more = s.line(line, path_);
    if (!more) return more.status();
    if (!*more) return Status(Error::kCorrupt, "WARC record headers cut short", {path_, 0, rec.offset, true});
    if (s.keep_raw) rec.raw += line + "\r\n";
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = internal::ascii_lower(trim(std::string_view(line).substr(0, colon)));
    std::string_view value = trim(std::string_view(line).substr(colon + 1));
    if (name == "warc-type") rec.type = internal::ascii_lower(value);
    else if (name == "warc-target-uri") rec.target_uri = std::string(value);
    else if (name == "warc-date") rec.date = std::string(value);
    else if (name == "warc-record-id") rec.record_id = std::string(value);
    else if (name == "content-type") warc_type = std::string(value);
    else if (name == "content-length") {
      length = 0;
      has_length = !value.empty();
      for (char c : value) {
        if (c < '0' || c > '9' || length > (uint64_t{1} << 50)) {
          has_length = false;
          break;
        }
        length = length * 10 + static_cast<uint64_t>(c - '0');
      }
    }
  }
  if (!has_length) return Status(Error::kCorrupt, "WARC record without a valid Content-Length", {path_, 0, rec.offset, true});
  if (!rec.target_uri.empty() && rec.target_uri.front() == '<' && rec.target_uri.back() == '>') {
    rec.target_uri = rec.target_uri.substr(1, rec.target_uri.size() - 2);  // WARC 1.0 draft style
  }
  std::string body;
  auto complete = s.take(length, s.max_record, body, path_);
  if (!complete) return complete.status();
  if (!*complete) return Status(Error::kCorrupt, "WARC record cut short (Content-Length " + std::to_string(length) + ")",
                                {path_, 0, rec.offset, true});
  rec.truncated = length > s.max_record;
  if (s.keep_raw) rec.raw += body;

  const bool http = internal::ascii_lower(warc_type).find("application/http") != std::string::npos;
  if (!http) {
    rec.content_type = warc_type;
    rec.payload = std::move(body);
    return true;
  }
  // HTTP response: status line, headers, then the (maybe chunked, maybe compressed) body.
  std::string_view b(body);
  size_t first = b.find('\n');
  if (first == std::string_view::npos) return true;
  std::string_view status_line = trim(b.substr(0, first));
  if (status_line.substr(0, 5) == "HTTP/") {
    size_t sp = status_line.find(' ');
    if (sp != std::string_view::npos) {
      int code = 0;
      for (size_t i = sp + 1; i < status_line.size() && status_line[i] >= '0' && status_line[i] <= '9'; ++i) {
        code = code * 10 + (status_line[i] - '0');
      }
      rec.http_status = code;
    }
  }
  std::string te, ce;
  size_t end = each_header(b.substr(first + 1), [&](const std::string& name, std::string_view value) {
    if (name == "content-type") rec.content_type = std::string(value);
    else if (name == "transfer-encoding") te = internal::ascii_lower(value);
    else if (name == "content-encoding") ce = internal::ascii_lower(value);
  });
  if (end == std::string_view::npos) return true;  // headers only
  std::string payload(b.substr(first + 1 + end));
  if (te.find("chunked") != std::string::npos) payload = dechunk(payload);
  if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
    std::string plain;
    if (inflate_all(payload, s.max_record, plain)) payload = std::move(plain);
  }
  rec.payload = std::move(payload);
  return true;
}

}  // namespace marsad
