// Labelled JSON Lines for training and evaluation, read with marsad's own
// line reader (plain or gzip) and simdjson's On-Demand parser.
#include <simdjson.h>

#include <string>

#include "marsad/io.h"
#include "marsad/topics.h"
#include "marsad/utf8.h"

namespace marsad {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string json_error(std::string_view what, simdjson::error_code e) {
  return std::string(what) + ": " + simdjson::error_message(e);
}

// One text field: a string, or an array of strings (paragraphs). Appends to
// `text`, "\n"-separated. A missing or null field adds nothing.
Status append_field(simdjson::ondemand::object& obj, const std::string& name, std::string& text) {
  auto field = obj.find_field_unordered(name);
  if (field.error() == simdjson::NO_SUCH_FIELD) return Status::ok();
  if (field.error()) return Status(Error::kBadJson, json_error("field \"" + name + "\"", field.error()));
  if (field.is_null()) return Status::ok();
  auto add = [&](std::string_view part) {
    if (blank(part)) return;
    if (!text.empty()) text += '\n';
    text += part;
  };
  std::string_view v;
  if (!field.get_string().get(v)) {
    add(v);
    return Status::ok();
  }
  simdjson::ondemand::array a;
  if (field.get_array().get(a)) {
    return Status(Error::kBadArgument, "text field \"" + name + "\" is neither a string nor an array of strings");
  }
  for (auto item : a) {
    if (item.get_string().get(v)) {
      return Status(Error::kBadArgument, "text field \"" + name + "\" holds something other than strings");
    }
    add(v);
  }
  return Status::ok();
}

Result<std::string> label_of(simdjson::ondemand::object& obj, const std::string& name) {
  auto field = obj.find_field_unordered(name);
  if (field.error() == simdjson::NO_SUCH_FIELD || (!field.error() && field.is_null())) {
    return Status(Error::kBadArgument, "no label: the field \"" + name + "\" is missing (see --label-field)");
  }
  if (field.error()) return Status(Error::kBadJson, json_error("field \"" + name + "\"", field.error()));
  std::string_view v;
  if (!field.get_string().get(v)) return std::string(v);
  simdjson::ondemand::json_type type;
  if (!field.type().get(type) && (type == simdjson::ondemand::json_type::number)) {
    return std::string(simdjson::trim(field.raw_json_token().value_unsafe()));
  }
  return Status(Error::kBadArgument, "the label field \"" + name + "\" is neither a string nor a number");
}

Result<TopicExample> example_of(std::string_view line, const TopicDataOptions& opt, simdjson::ondemand::parser& parser) {
  simdjson::padded_string padded(line);
  simdjson::ondemand::document doc;
  if (auto e = parser.iterate(padded).get(doc); e) return Status(Error::kBadJson, json_error("not JSON", e));
  simdjson::ondemand::object obj;
  if (auto e = doc.get_object().get(obj); e) {
    return Status(e == simdjson::UTF8_ERROR ? Error::kInvalidUtf8 : Error::kBadJson,
                  e == simdjson::UTF8_ERROR ? "invalid UTF-8" : "not JSON: expected one object per line");
  }
  TopicExample ex;
  Result<std::string> label = label_of(obj, opt.label_field);
  if (!label) return label.status();
  ex.label = std::move(*label);
  for (const std::string& f : opt.text_fields) {
    if (Status s = append_field(obj, f, ex.text); !s) return s;
  }
  if (ex.text.empty()) {
    std::string names;
    for (const std::string& f : opt.text_fields) names += (names.empty() ? "" : ", ") + f;
    return Status(Error::kEmpty, "empty text: nothing in " + names + " (see --text-fields)");
  }
  if (Status s = validate_utf8(ex.text); !s) return s;
  return ex;
}

}  // namespace

Result<TopicData> read_topic_data(std::string_view path, const TopicDataOptions& opt) {
  Result<LineReader> reader = LineReader::open(path);
  if (!reader) return std::move(reader.status());
  TopicData data;
  simdjson::ondemand::parser parser;
  std::string line;
  while (true) {
    Result<bool> more = reader->next(line);
    if (!more) return std::move(more.status().in_file(std::string(path)));
    if (!*more) break;
    if (blank(line)) continue;
    Result<TopicExample> ex = example_of(line, opt, parser);
    if (ex && !opt.label_map.empty()) {
      auto it = opt.label_map.find(ex->label);
      if (it == opt.label_map.end()) {
        ex = Status(Error::kBadArgument, "label \"" + ex->label + "\" is not in the label map");
      } else if (it->second.empty()) {
        ++data.skipped;  // dropped on purpose
        continue;
      } else {
        ex->label = it->second;
      }
    }
    if (!ex) {
      Status s = std::move(ex.status());
      s.in_file(std::string(path)).at_line(reader->line_number());
      if (!opt.skip_bad) return s;
      if (data.first_skip.is_ok()) data.first_skip = std::move(s);
      ++data.skipped;
      continue;
    }
    data.examples.push_back(std::move(*ex));
  }
  if (data.examples.empty()) {
    return Status(Error::kEmpty, "no labelled documents", {std::string(path)});
  }
  return data;
}

Result<std::unordered_map<std::string, std::string>> parse_topic_label_map(std::string_view tsv) {
  std::unordered_map<std::string, std::string> map;
  uint64_t line_no = 0;
  while (!tsv.empty()) {
    const size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (blank(line) || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return Status(Error::kBadArgument, "label map: expected \"raw<TAB>label\"", {"", line_no});
    }
    std::string_view to = line.substr(tab + 1);
    if (to == "-") to = {};
    map[std::string(line.substr(0, tab))] = std::string(to);
  }
  return map;
}

}  // namespace marsad
