// marsad/json.h — the one JSON writer: every stage serializes its results
// through it, and the CLI and the HTTP server print what it writes.
//
// JsonWriter streams compact or indented JSON into a std::string, escaping
// strings per RFC 8259 (UTF-8 passes through).
//
//   std::string out;
//   marsad::JsonWriter w(out, /*pretty=*/false);
//   w.begin_object().field("start", 3).field("text", "أمس").end_object();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>


namespace marsad {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(int64_t v);
  JsonWriter& value(uint64_t v);
  JsonWriter& value(int v) { return value(static_cast<int64_t>(v)); }
  JsonWriter& value(uint32_t v) { return value(static_cast<uint64_t>(v)); }
  JsonWriter& value(double v);
  JsonWriter& value(bool v);
  JsonWriter& null();

  // key + value in one call.
  template <typename T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

 private:
  void before_value();
  void newline();
  std::string& out_;
  bool pretty_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends s to out with JSON string escaping, quotes included.
void append_json_string(std::string& out, std::string_view s);

}  // namespace marsad
