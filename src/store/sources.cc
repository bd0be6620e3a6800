#include "store/sources.h"

#include <zlib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "marsad/warc.h"
#include "marsad/web_input.h"

namespace marsad::internal {
namespace {

namespace fs = std::filesystem;

bool jsonl_name(std::string_view p) {
  for (std::string_view ext : {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz", ".json"}) {
    if (p.ends_with(ext)) return true;
  }
  return false;
}

bool page_name(std::string_view p) {
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".warc", ".warc.gz"}) {
    if (p.ends_with(ext)) return true;
  }
  return false;
}

// A gzip-or-plain file read in chunks; lines are cut here so the exact bytes
// of each line are kept, and an overlong line is skipped, not held.
class Reader {
 public:
  ~Reader() {
    if (f_) gzclose_r(f_);
  }
  Status open(const std::string& path) {
    f_ = path == "-" ? gzdopen(dup(0), "rb") : gzopen(path.c_str(), "rb");
    if (!f_) return Status(Error::kIo, std::string("cannot open: ") + std::strerror(errno), {path});
    gzbuffer(f_, 1 << 17);
    path_ = path;
    return Status::ok();
  }
  uint64_t offset() const { return f_ ? static_cast<uint64_t>(gzoffset(f_)) : 0; }

  // First byte that is not white space, or 0 for an empty input.
  Result<char> peek() {
    while (true) {
      for (size_t i = pos_; i < buf_.size(); ++i) {
        char c = buf_[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
      }
      auto more = fill();
      if (!more) return more.status();
      if (!*more) return '\0';
    }
  }

  // Next line without "\n" (a final "\r" is kept: it is part of the bytes).
  // Lines over `max` bytes come back empty with `too_long` set to their size.
  Result<bool> next_line(std::string& line, uint64_t max, uint64_t& too_long) {
    line.clear();
    too_long = 0;
    uint64_t length = 0;
    while (true) {
      size_t nl = buf_.find('\n', pos_);
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      length += end - pos_;
      if (length > max) {
        too_long = length;
        line.clear();
      } else {
        line.append(buf_, pos_, end - pos_);
      }
      pos_ = end;
      if (nl != std::string::npos) {
        ++pos_;
        ++line_no_;
        return true;
      }
      auto more = fill();
      if (!more) return more.status();
      if (!*more) {
        if (length == 0) return false;
        ++line_no_;
        return true;
      }
    }
  }

  // Everything left, or kTooLarge past `max`.
  Result<std::string> rest(uint64_t max) {
    std::string out = buf_.substr(pos_);
    buf_.clear();
    pos_ = 0;
    while (true) {
      if (out.size() > max) {
        return Status(Error::kTooLarge, "document is larger than " + std::to_string(max) + " bytes", {path_});
      }
      auto more = fill();
      if (!more) return more.status();
      if (!*more) break;
      out += buf_;
      buf_.clear();
    }
    return out;
  }

  uint64_t line_number() const { return line_no_; }

  // Up to `n` bytes from the current position, without consuming them.
  Result<std::string_view> head(size_t n) {
    while (buf_.size() - pos_ < n) {
      auto more = fill();
      if (!more) return more.status();
      if (!*more) break;
    }
    return std::string_view(buf_).substr(pos_, n);
  }

  // Bytes for another parser (the WARC reader): what is buffered, then the
  // file; 0 at the end.
  Result<size_t> read_some(char* out, size_t cap) {
    if (pos_ == buf_.size()) {
      auto more = fill();
      if (!more) return more.status();
      if (!*more) return size_t{0};
    }
    size_t k = std::min(cap, buf_.size() - pos_);
    std::memcpy(out, buf_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  Result<bool> fill() {
    if (eof_) return false;
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    char chunk[1 << 16];
    int n = gzread(f_, chunk, sizeof chunk);
    if (n < 0) {
      int code = 0;
      const char* msg = gzerror(f_, &code);
      if (code == Z_ERRNO) return Status(Error::kIo, std::string("read failed: ") + std::strerror(errno), {path_});
      return Status(Error::kCorrupt, std::string("damaged gzip data (") + (msg ? msg : "?") + ")", {path_});
    }
    if (n == 0) {
      eof_ = true;
      // gzread returns 0 both at a clean end and at a truncated stream.
      int rc = gzclose_r(f_);
      f_ = nullptr;
      if (rc == Z_BUF_ERROR || rc == Z_DATA_ERROR) {
        return Status(Error::kCorrupt, "truncated or damaged gzip data", {path_});
      }
      return false;
    }
    buf_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  gzFile f_ = nullptr;
  std::string path_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t line_no_ = 0;
};

enum class Mode { kUndecided, kJsonl, kLines, kWhole, kPage, kWarc };

struct Input {
  std::string path;
  InputFormat format;
  uint64_t size = 0;
};

}  // namespace

struct DocumentSource::Impl {
  std::vector<Input> inputs;
  uint64_t max_doc = 0;
  uint64_t total = 0;
  uint64_t done_before = 0;  // bytes of the inputs already finished
  size_t current = 0;
  std::unique_ptr<Reader> reader;
  std::unique_ptr<WarcReader> warc;  // reads through `reader`
  uint64_t warc_ordinal = 0;
  uint64_t reader_last_offset = 0;
  Mode mode = Mode::kUndecided;
  uint64_t seq = 0;
  std::string line;
  std::atomic<uint64_t> done{0};  // published for the progress display (another thread)
};

DocumentSource::DocumentSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocumentSource::DocumentSource(DocumentSource&&) noexcept = default;
DocumentSource::~DocumentSource() = default;

Result<DocumentSource> DocumentSource::open(const std::vector<std::string>& inputs, InputFormat format,
                                            uint64_t max_doc_bytes) {
  auto impl = std::make_unique<Impl>();
  impl->max_doc = max_doc_bytes;
  bool stdin_seen = false;
  for (const std::string& in : inputs) {
    if (in == "-") {
      if (stdin_seen) return Status(Error::kBadArgument, "standard input ('-') is given twice");
      stdin_seen = true;
      impl->inputs.push_back({in, format, 0});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) return Status(Error::kIo, "no such file or folder", {in});
    if (fs::is_directory(st)) {
      std::vector<Input> found;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string p = it->path().string();
        if (p.ends_with(".txt")) found.push_back({p, format == InputFormat::kAuto ? InputFormat::kText : format, 0});
        else if (jsonl_name(p)) found.push_back({p, format == InputFormat::kAuto ? InputFormat::kJsonl : format, 0});
        else if (page_name(p)) found.push_back({p, format, 0});  // sniffed when read
        else continue;
        found.back().size = static_cast<uint64_t>(it->file_size(ec));
      }
      if (ec) return Status(Error::kIo, "cannot list the folder: " + ec.message(), {in});
      std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
      for (Input& f : found) impl->inputs.push_back(std::move(f));
      continue;
    }
    InputFormat f = format;
    if (f == InputFormat::kAuto && jsonl_name(in)) f = InputFormat::kJsonl;
    impl->inputs.push_back({in, f, static_cast<uint64_t>(fs::file_size(in, ec))});
  }
  if (!stdin_seen) {
    for (const Input& i : impl->inputs) impl->total += i.size;
  }
  return DocumentSource(std::move(impl));
}

uint64_t DocumentSource::bytes_total() const { return impl_->total; }
uint64_t DocumentSource::bytes_done() const { return impl_->done.load(std::memory_order_relaxed); }

Result<bool> DocumentSource::next(RawDoc& out) {
  Impl& m = *impl_;
  struct Publish {
    Impl& m;
    ~Publish() { m.done.store(m.done_before + (m.reader ? m.reader->offset() : 0), std::memory_order_relaxed); }
  } publish{m};
  out = RawDoc();
  while (m.current < m.inputs.size()) {
    const Input& in = m.inputs[m.current];
    if (!m.reader) {
      m.reader = std::make_unique<Reader>();
      if (Status s = m.reader->open(in.path); !s) return s;
      switch (in.format) {
        case InputFormat::kJsonl: m.mode = Mode::kJsonl; break;
        case InputFormat::kLines: m.mode = Mode::kLines; break;
        case InputFormat::kText:
        case InputFormat::kAuto: {
          // Pages and crawls are known by their bytes (and names), whatever the format says.
          auto head = m.reader->head(1024);
          if (!head) return head.status();
          InputKind kind = sniff_input(in.path, *head);
          if (kind == InputKind::kWarc) {
            m.mode = Mode::kWarc;
            Reader* r = m.reader.get();
            m.warc = std::make_unique<WarcReader>(WarcReader::from_stream(
                in.path, [r](char* buf, size_t cap) { return r->read_some(buf, cap); }, m.max_doc));
            m.warc->keep_raw(true);
            m.warc_ordinal = 0;
          } else if (kind == InputKind::kHtml) {
            m.mode = Mode::kPage;
          } else if (in.format == InputFormat::kText) {
            m.mode = Mode::kWhole;
          } else {
            auto c = m.reader->peek();
            if (!c) return c.status();
            m.mode = *c == '{' ? Mode::kJsonl : Mode::kWhole;
          }
          break;
        }
      }
    }
    auto finish = [&] {
      m.done_before += in.size;
      m.warc.reset();
      m.reader.reset();
      ++m.current;
    };
    if (m.mode == Mode::kWarc) {
      WarcRecord rec;
      auto more = m.warc->next(rec);
      if (!more) return more.status();
      if (!*more) {
        finish();
        continue;
      }
      ++m.warc_ordinal;
      if (!rec.is_page()) continue;  // requests, metadata, redirects, images: not articles
      out.seq = m.seq++;
      out.file = in.path;
      out.line = m.warc_ordinal;
      out.offset = rec.offset;
      out.page = true;
      if (rec.truncated) {
        out.error = Status(Error::kTooLarge, "WARC record is larger than the article limit (" + std::to_string(m.max_doc) +
                                                 " bytes); skipped",
                           {in.path, out.line, rec.offset, true});
      } else {
        out.original = std::move(rec.raw);
      }
      return true;
    }
    if (m.mode == Mode::kWhole || m.mode == Mode::kPage) {
      auto all = m.reader->rest(m.max_doc);
      out.seq = m.seq++;
      out.file = in.path;
      out.page = m.mode == Mode::kPage;
      if (!all) {
        if (all.status().code() != Error::kTooLarge) return all.status();
        out.error = all.status();
      } else {
        out.original = std::move(*all);
      }
      finish();
      return true;
    }
    uint64_t too_long = 0;
    auto more = m.reader->next_line(m.line, m.max_doc, too_long);
    if (!more) return more.status();
    if (!*more) {
      finish();
      continue;
    }
    if (!too_long && m.line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
    out.seq = m.seq++;
    out.file = in.path;
    out.line = m.reader->line_number();
    out.json = m.mode == Mode::kJsonl;
    if (too_long) {
      out.error = Status(Error::kTooLarge,
                         "line of " + std::to_string(too_long) + " bytes is larger than the article limit (" +
                             std::to_string(m.max_doc) + " bytes); skipped",
                         {in.path, out.line});
    } else {
      out.original = m.line;
    }
    return true;
  }
  return false;
}

}  // namespace marsad::internal
