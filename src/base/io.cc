// Input reading through zlib's gzFile, which reads plain files transparently.
#include "marsad/io.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace marsad {
namespace {

Status gz_error(gzFile f, std::string_view path, std::string_view what) {
  int code = 0;
  const char* msg = gzerror(f, &code);
  if (code == Z_ERRNO) {
    return Status(Error::kIo, std::string(what) + ": " + std::strerror(errno), {std::string(path)});
  }
  return Status(Error::kCorrupt,
                std::string(what) + ": damaged or truncated gzip data (" + (msg ? msg : "?") + ")",
                {std::string(path)});
}

Result<gzFile> open_gz(std::string_view path) {
  std::string p(path);
  gzFile f = p == "-" ? gzdopen(dup(0), "rb") : gzopen(p.c_str(), "rb");
  if (f == nullptr) {
    return Status(Error::kIo, std::string("cannot open: ") + std::strerror(errno), {p});
  }
  gzbuffer(f, 1 << 17);
  return f;
}

}  // namespace

Result<std::string> read_file(std::string_view path, uint64_t max_bytes) {
  auto f = open_gz(path);
  if (!f) return f.status();
  std::string out;
  char buf[1 << 16];
  while (true) {
    int n = gzread(*f, buf, sizeof buf);
    if (n < 0) {
      Status s = gz_error(*f, path, "read failed");
      gzclose(*f);
      return s;
    }
    if (n == 0) break;
    if (out.size() + static_cast<uint64_t>(n) > max_bytes) {
      gzclose(*f);
      return Status(Error::kTooLarge, "input is larger than " + std::to_string(max_bytes) + " bytes",
                    {std::string(path)});
    }
    out.append(buf, static_cast<size_t>(n));
  }
  // gzread returns 0 both at a clean end and at a truncated stream; gzclose_r tells them apart.
  int rc = gzclose_r(*f);
  if (rc == Z_BUF_ERROR || rc == Z_DATA_ERROR) {
    return Status(Error::kCorrupt, "truncated or damaged gzip data", {std::string(path)});
  }
  return out;
}

struct LineReader::Impl {
  gzFile f = nullptr;
  std::string buf;
  size_t pos = 0;
  bool eof = false;
  ~Impl() {
    if (f) gzclose(f);
  }
};

LineReader::LineReader(std::unique_ptr<Impl> impl, std::string path)
    : impl_(std::move(impl)), path_(std::move(path)) {}
LineReader::LineReader(LineReader&&) noexcept = default;
LineReader& LineReader::operator=(LineReader&&) noexcept = default;
LineReader::~LineReader() = default;

Result<LineReader> LineReader::open(std::string_view path) {
  auto f = open_gz(path);
  if (!f) return f.status();
  auto impl = std::make_unique<Impl>();
  impl->f = *f;
  return LineReader(std::move(impl), std::string(path));
}

Result<bool> LineReader::next(std::string& line) {
  Impl& s = *impl_;
  line.clear();
  while (true) {
    size_t nl = s.buf.find('\n', s.pos);
    if (nl != std::string::npos) {
      line.append(s.buf, s.pos, nl - s.pos);
      s.pos = nl + 1;
      break;
    }
    line.append(s.buf, s.pos, std::string::npos);
    s.buf.clear();
    s.pos = 0;
    if (s.eof) {
      if (line.empty()) return false;
      break;
    }
    s.buf.resize(1 << 17);
    int n = gzread(s.f, s.buf.data(), static_cast<unsigned>(s.buf.size()));
    if (n < 0) return gz_error(s.f, path_, "read failed").at_line(line_no_ + 1);
    s.buf.resize(static_cast<size_t>(n));
    if (n == 0) {
      s.eof = true;
      int rc = gzclose_r(s.f);
      s.f = nullptr;
      if (rc == Z_BUF_ERROR || rc == Z_DATA_ERROR) {
        return Status(Error::kCorrupt, "truncated or damaged gzip data", {path_, line_no_ + 1});
      }
    }
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_no_;
  return true;
}

}  // namespace marsad
