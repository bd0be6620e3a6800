// read_any_documents: sniff an input, then hand it to the reader of its kind.
#include "marsad/web_input.h"

#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "marsad/html.h"
#include "marsad/io.h"
#include "base/ascii.h"
#include "marsad/warc.h"

namespace marsad {
namespace {

constexpr size_t kHead = 1024;

bool html_name(std::string_view path) {
  std::string p = internal::ascii_lower(path);
  if (p.ends_with(".gz")) p.resize(p.size() - 3);
  return p.ends_with(".html") || p.ends_with(".htm") || p.ends_with(".xhtml");
}

// The first bytes of a file, gunzipped; "" when it cannot be read (the reader
// chosen then reports why).
std::string head_of(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  std::string head(kHead, '\0');
  int n = gzread(f, head.data(), static_cast<unsigned>(head.size()));
  gzclose(f);
  head.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return head;
}

// `file` stands for `path` in what the sink and the caller see.
Status renamed(Status s, const std::string& path, std::string_view file) {
  if (s.where().file != path) return s;
  Location at = s.where();
  at.file = std::string(file);
  return Status(s.code(), s.message(), at);
}

// Text or JSON Lines already in memory (standard input, sniffed): read_documents
// reads paths, so the bytes go through an in-memory file (memfd) rather than
// a second copy of its logic.
Status documents_from_memory(std::string bytes, std::string_view file, const InputOptions& opt,
                             const DocumentSink& sink) {
  int fd = memfd_create("marsad-input", MFD_CLOEXEC);
  if (fd < 0) return Status(Error::kIo, std::string("cannot buffer standard input: ") + std::strerror(errno), {std::string(file)});
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      close(fd);
      return Status(Error::kIo, std::string("cannot buffer standard input: ") + std::strerror(errno), {std::string(file)});
    }
    done += static_cast<size_t>(n);
  }
  std::string().swap(bytes);  // read_documents reads its own copy: do not hold two
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  Status s = read_documents(path, opt, [&](Result<InputDocument> d) {
    if (!d) return sink(renamed(d.status(), path, file));
    if (d->doc.file == path) d->doc.file = std::string(file);
    return sink(std::move(d));
  });
  close(fd);
  return renamed(s, path, file);
}

Status page(std::string_view bytes, std::string_view file, const InputOptions& opt, const DocumentSink& sink) {
  auto docs = documents_from_html(bytes, file, opt);
  if (!docs) {
    sink(docs.status());
    return Status::ok();
  }
  for (InputDocument& d : *docs) {
    if (!sink(std::move(d))) break;
  }
  return Status::ok();
}

Status warc_in_memory(std::string bytes, std::string_view file, const InputOptions& opt, const DocumentSink& sink) {
  WarcReader r = WarcReader::from_bytes(std::string(file), std::move(bytes), opt.max_document_bytes);
  WarcRecord rec;
  for (uint64_t ordinal = 1;; ++ordinal) {
    auto more = r.next(rec);
    if (!more) return more.status();
    if (!*more) return Status::ok();
    if (!rec.is_page()) continue;
    if (!sink(document_from_warc_record(rec, file, ordinal, opt))) return Status::ok();
  }
}

}  // namespace

InputKind sniff_input(std::string_view path, std::string_view head) {
  if (head.substr(0, 5) == "WARC/") return InputKind::kWarc;
  if (looks_like_html(head)) return InputKind::kHtml;
  std::string p = internal::ascii_lower(path);
  if (p.ends_with(".warc") || p.ends_with(".warc.gz")) return InputKind::kWarc;
  // A page by name only when its bytes do not say otherwise (an empty page
  // still deserves the page reader's message).
  if (html_name(p)) {
    size_t i = head.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos || head[i] == '<') return InputKind::kHtml;
  }
  return InputKind::kDocuments;
}

bool is_page_original(std::string_view original) {
  return original.substr(0, 5) == "WARC/" || looks_like_html(original.substr(0, kHead));
}

Status read_any_documents(std::string_view path, const InputOptions& opt, const DocumentSink& sink) {
  if (opt.format == InputFormat::kJsonl || opt.format == InputFormat::kLines) return read_documents(path, opt, sink);
  const std::string p(path);
  if (p != "-") {
    switch (sniff_input(p, head_of(p))) {
      case InputKind::kDocuments: return read_documents(path, opt, sink);
      case InputKind::kWarc: return read_warc(path, opt, sink);
      case InputKind::kHtml: {
        auto bytes = read_file(path, opt.max_document_bytes);
        if (!bytes) {
          // A page too large is one bad document, not a bad run.
          if (bytes.status().code() == Error::kTooLarge) {
            sink(bytes.status());
            return Status::ok();
          }
          return bytes.status();
        }
        return page(*bytes, path, opt, sink);
      }
    }
  }
  // Standard input cannot be read twice: read it whole (as read_documents
  // does for an unnamed input) and sniff the bytes.
  auto bytes = read_file(p, opt.max_document_bytes);
  if (!bytes) return bytes.status();
  switch (sniff_input("", std::string_view(*bytes).substr(0, kHead))) {
    case InputKind::kWarc: return warc_in_memory(std::move(*bytes), p, opt, sink);
    case InputKind::kHtml: return page(*bytes, p, opt, sink);
    case InputKind::kDocuments: break;
  }
  return documents_from_memory(std::move(*bytes), p, opt, sink);
}

Result<InputDocument> document_from_page_original(std::string_view original, std::string_view file, uint64_t line,
                                                  const InputOptions& opt) {
  if (original.substr(0, 5) == "WARC/") {
    WarcReader r = WarcReader::from_bytes(std::string(file), std::string(original), opt.max_document_bytes);
    WarcRecord rec;
    auto more = r.next(rec);
    if (!more) return more.status();
    if (!*more || !rec.is_page()) {
      return Status(Error::kEmpty, "the stored WARC record is not an HTML page", {std::string(file), line});
    }
    auto d = document_from_warc_record(rec, file, line, opt);
    return d;
  }
  auto docs = documents_from_html(original, file, opt);
  if (!docs) return docs.status().at_line(line);
  InputDocument d = std::move(docs->front());
  d.doc.line = line;
  return d;
}

}  // namespace marsad
