// marsad/status.h — error codes, Status and Result<T> for every library call.
//
// Library code never throws on its hot paths and never prints. It returns a
// Status (or a Result<T> that holds a value or a Status); only apps/ turns a
// Status into a message and an exit code.
//
//   marsad::Result<std::string> r = marsad::read_file("a.txt");
//   if (!r) { std::cerr << r.status().to_string() << "\n"; return 2; }
//   use(*r);
//
// A Status carries where the problem is (file, line, byte offset), so that
// every message can name it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace marsad {

enum class Error : uint8_t {
  kOk = 0,
  kIo,           // the file could not be opened, read or written
  kInvalidUtf8,  // bytes that are not UTF-8; offset names the first bad byte
  kBinary,       // NUL bytes or other signs that the input is not text
  kEmpty,        // the input has no bytes, or only white space
  kBadJson,      // a JSON line that does not parse, or lacks a text field
  kBadArgument,  // a caller-supplied value is malformed (a date, a flag)
  kTooLarge,     // the input exceeds a documented limit
  kCorrupt,      // compressed data or a model file is damaged
  kInternal,     // a broken invariant: a bug in marsad
};

// Short stable name of an error code ("invalid_utf8"), for logs and JSON.
std::string_view error_name(Error e);

// Where a problem is. Unknown parts stay at their defaults and are not printed.
struct Location {
  std::string file;       // "" = unknown; "-" = standard input
  uint64_t line = 0;      // 1-based; 0 = unknown
  uint64_t offset = 0;    // byte offset in the file or document
  bool has_offset = false;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error code, std::string message, Location where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status ok() { return Status(); }
  bool is_ok() const { return code_ == Error::kOk; }
  explicit operator bool() const { return is_ok(); }

  Error code() const { return code_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  // Fill in the parts of the location that the callee could not know.
  Status& in_file(std::string file) {
    if (where_.file.empty()) where_.file = std::move(file);
    return *this;
  }
  Status& at_line(uint64_t line) {
    if (where_.line == 0) where_.line = line;
    return *this;
  }

  // "file:line: byte N: message" with the unknown parts left out.
  std::string to_string() const;

 private:
  Error code_ = Error::kOk;
  std::string message_;
  Location where_;
};

// A value or the Status that says why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}    // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The error; only meaningful when !ok().
  const Status& status() const { return std::get<Status>(v_); }
  Status& status() { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace marsad
