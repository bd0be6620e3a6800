#include "store/fields.h"

#include <simdjson.h>

#include <algorithm>

#include "marsad/json.h"

namespace marsad {
namespace {

struct Canonical {
  std::string_view name;
  std::vector<std::string_view> aliases;  // the names input.cc reads, which a mapping replaces
};

const std::vector<Canonical>& canonical() {
  static const std::vector<Canonical> c = {
      {"text", {"text", "content", "body", "paragraphs"}},
      {"title", {"title"}},
      {"source", {"source", "src", "outlet"}},
      {"url", {"url", "link"}},
      {"published", {"published", "date_extracted", "time", "date", "datePublished"}},
      {"author", {"author", "byline"}},
  };
  return c;
}

const Canonical* find_canonical(std::string_view name) {
  for (const Canonical& c : canonical()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace

Result<FieldMap> parse_field_map(std::string_view spec) {
  size_t eq = spec.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) {
    return Status(Error::kBadArgument, "--field wants NAME=PATH (e.g. title=meta.headline), not '" + std::string(spec) + "'");
  }
  FieldMap m;
  m.name = std::string(spec.substr(0, eq));
  if (!find_canonical(m.name)) {
    return Status(Error::kBadArgument,
                  "--field: unknown name '" + m.name + "' (one of text, title, source, url, published, author)");
  }
  std::string_view path = spec.substr(eq + 1);
  if (path.front() == '/') {
    m.path = std::string(path);
    return m;
  }
  // Dotted path → JSON pointer, escaping '~' and '/' inside keys (RFC 6901).
  m.path.assign(1, '/');
  for (char c : path) {
    if (c == '.') m.path += '/';
    else if (c == '~') m.path += "~0";
    else if (c == '/') m.path += "~1";
    else m.path += c;
  }
  return m;
}

namespace internal {

Result<std::string> remap_fields(std::string_view json, const std::vector<FieldMap>& maps) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto e = parser.parse(json.data(), json.size()).get(doc); e) {
    return Status(Error::kBadJson, std::string("not JSON: ") + simdjson::error_message(e));
  }
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) return Status(Error::kBadJson, "not JSON: expected one object per line");

  std::vector<std::string_view> dropped;
  for (const FieldMap& m : maps) {
    for (std::string_view a : find_canonical(m.name)->aliases) dropped.push_back(a);
  }
  std::string out = "{";
  bool first = true;
  auto comma = [&] {
    if (!first) out += ',';
    first = false;
  };
  for (auto field : obj) {
    if (std::find(dropped.begin(), dropped.end(), field.key) != dropped.end()) continue;
    comma();
    append_json_string(out, field.key);
    out += ':';
    out += simdjson::minify(field.value);
  }
  for (const FieldMap& m : maps) {
    auto v = doc.at_pointer(m.path);
    if (v.error() == simdjson::NO_SUCH_FIELD || v.error() == simdjson::INDEX_OUT_OF_BOUNDS) continue;
    if (v.error()) {
      return Status(Error::kBadArgument, "--field " + m.name + "=" + m.path + ": " + simdjson::error_message(v.error()));
    }
    simdjson::dom::element e = v.value_unsafe();
    if (e.is_null()) continue;
    comma();
    append_json_string(out, m.name);
    out += ':';
    if (e.is_string() || e.is_array()) {
      out += simdjson::minify(e);  // strings, or arrays of paragraph strings for text
    } else if (e.is_number() || e.is_bool()) {
      append_json_string(out, simdjson::minify(e));  // 1437436800 → "1437436800"
    } else {
      return Status(Error::kBadJson, "--field " + m.name + "=" + m.path + ": expected a string, found an object");
    }
  }
  out += '}';
  return out;
}

}  // namespace internal
}  // namespace marsad
