// Reading documents. JSON goes through simdjson's On-Demand parser, one line
// at a time (simdjson needs SIMDJSON_PADDING spare bytes after the input).
#include "marsad/input.h"

#include <simdjson.h>

#include <algorithm>

#include "marsad/io.h"
#include "marsad/utf8.h"

namespace marsad {
namespace {

bool jsonl_name(std::string_view p) {
  for (std::string_view ext : {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz", ".json"}) {
    if (p.ends_with(ext)) return true;
  }
  return false;
}

// Validates (or, lossy, repairs) text, locating errors by line and byte.
Result<InputDocument> checked(std::string text, const InputOptions& opt, std::string_view file, uint64_t line) {
  InputDocument d;
  if (text.size() > opt.max_document_bytes) {
    return Status(Error::kTooLarge, "document is larger than " + std::to_string(opt.max_document_bytes) + " bytes",
                  {std::string(file), line});
  }
  Status s = validate_utf8(text);
  if (!s) {
    if (!opt.lossy) {
      Location at = s.where();
      at.file = std::string(file);
      at.line = line ? line : 1 + static_cast<uint64_t>(std::count(text.begin(), text.begin() + static_cast<long>(at.offset), '\n'));
      return Status(s.code(), s.message(), at);
    }
    Repaired r = repair_utf8(text);
    text = std::move(r.text);
    d.replaced = r.replaced;
  }
  d.doc.text = std::move(text);
  d.doc.file = std::string(file);
  d.doc.line = line;
  return d;
}

// Reads a string field, or "" if absent/null; a non-string value is an error.
simdjson::error_code string_field(simdjson::ondemand::object& obj, std::string_view name, std::string& out) {
  auto field = obj.find_field_unordered(name);
  if (field.error() == simdjson::NO_SUCH_FIELD) return simdjson::SUCCESS;
  if (field.error()) return field.error();
  if (field.is_null()) return simdjson::SUCCESS;
  std::string_view v;
  if (auto e = field.get_string().get(v); e) return e;
  out.assign(v);
  return simdjson::SUCCESS;
}

}  // namespace

Result<InputDocument> document_from_json(std::string_view json, const InputOptions& opt, std::string_view file,
                                         uint64_t line) {
  Location where{std::string(file), line};
  auto fail = [&](const std::string& why) { return Status(Error::kBadJson, why, where); };
  if (!opt.lossy) {
    if (Status s = validate_utf8(json); !s) {
      Location at = where;
      at.offset = s.where().offset;
      at.has_offset = true;
      return Status(s.code(), s.message(), at);
    }
  }
  std::string owned;
  if (opt.lossy) {
    Repaired r = repair_utf8(json);
    owned = std::move(r.text);
    json = owned;
  }
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(json);
  simdjson::ondemand::document doc;
  if (auto e = parser.iterate(padded).get(doc); e) return fail(std::string("not JSON: ") + simdjson::error_message(e));
  simdjson::ondemand::object obj;
  if (auto e = doc.get_object().get(obj); e) return fail("not JSON: expected one object per line");

  Document d;
  std::string text;
  // The body: a string, or an array of paragraph strings (Yabiladi's `content`).
  for (std::string_view f : {"text", "content", "body", "paragraphs"}) {
    auto field = obj.find_field_unordered(f);
    if (field.error() == simdjson::NO_SUCH_FIELD || (!field.error() && field.is_null())) continue;
    if (field.error()) return fail("field '" + std::string(f) + "': " + simdjson::error_message(field.error()));
    simdjson::ondemand::json_type type;
    if (auto e = field.type().get(type); e) return fail("field '" + std::string(f) + "': " + simdjson::error_message(e));
    if (type == simdjson::ondemand::json_type::string) {
      std::string_view v;
      if (auto e = field.get_string().get(v); e) return fail("field '" + std::string(f) + "': " + simdjson::error_message(e));
      text.assign(v);
    } else if (type == simdjson::ondemand::json_type::array) {
      simdjson::ondemand::array a;
      if (auto e = field.get_array().get(a); e) return fail("field '" + std::string(f) + "' is not an array");
      for (auto item : a) {
        std::string_view p;
        if (auto e = item.get_string().get(p); e) return fail("field '" + std::string(f) + "' holds a non-string");
        if (!text.empty()) text += "\n\n";
        text += p;
      }
    } else {
      return fail("field '" + std::string(f) + "' must be a string or an array of strings");
    }
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) break;
  }
  auto get = [&](std::initializer_list<std::string_view> names, std::string& out) -> simdjson::error_code {
    for (std::string_view n : names) {
      if (auto e = string_field(obj, n, out); e) return e;
      if (!out.empty()) break;
    }
    return simdjson::SUCCESS;
  };
  if (get({"title"}, d.title) || get({"source", "src", "outlet"}, d.source) || get({"url", "link"}, d.url) ||
      get({"published", "date_extracted", "time", "date", "datePublished"}, d.published) ||
      get({"author", "byline"}, d.author)) {
    return fail("a metadata field (title, source, url, published, author) is not a string");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos && d.title.empty()) {
    return Status(Error::kEmpty, "no text: 'text', 'content' and 'paragraphs' are missing or empty, and there is no title",
                  where);
  }
  auto r = checked(std::move(text), opt, file, line);
  if (!r) return r;
  d.text = std::move(r->doc.text);
  d.file = std::string(file);
  d.line = line;
  r->doc = std::move(d);
  return r;
}

Status read_documents(std::string_view path, const InputOptions& opt, const DocumentSink& sink) {
  InputFormat fmt = opt.format;
  if (fmt == InputFormat::kAuto && jsonl_name(path)) fmt = InputFormat::kJsonl;

  if (fmt == InputFormat::kJsonl || fmt == InputFormat::kLines) {
    auto reader = LineReader::open(path);
    if (!reader) return reader.status();
    std::string line;
    while (true) {
      auto more = reader->next(line);
      if (!more) return more.status();
      if (!*more) return Status::ok();
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
      Result<InputDocument> d = fmt == InputFormat::kJsonl
                                    ? document_from_json(line, opt, path, reader->line_number())
                                    : checked(line, opt, path, reader->line_number());
      if (!sink(std::move(d))) return Status::ok();
    }
  }

  auto all = read_file(path, opt.max_document_bytes);
  if (!all) return all.status();
  std::string& text = *all;
  if (fmt == InputFormat::kAuto) {
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
      // Looks like JSON Lines: parse it line by line from memory.
      uint64_t lineno = 0;
      size_t b = 0;
      while (b < text.size()) {
        size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        ++lineno;
        std::string_view l(text.data() + b, e - b);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l.find_first_not_of(" \t") != std::string_view::npos) {
          if (!sink(document_from_json(l, opt, path, lineno))) return Status::ok();
        }
        b = e + 1;
      }
      return Status::ok();
    }
  }
  sink(checked(std::move(text), opt, path, 0));
  return Status::ok();
}

}  // namespace marsad
