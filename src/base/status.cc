#include "marsad/status.h"

namespace marsad {

std::string_view error_name(Error e) {
  switch (e) {
    case Error::kOk: return "ok";
    case Error::kIo: return "io";
    case Error::kInvalidUtf8: return "invalid_utf8";
    case Error::kBinary: return "binary";
    case Error::kEmpty: return "empty";
    case Error::kBadJson: return "bad_json";
    case Error::kBadArgument: return "bad_argument";
    case Error::kTooLarge: return "too_large";
    case Error::kCorrupt: return "corrupt";
    case Error::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::to_string() const {
  std::string out;
  if (!where_.file.empty()) out += where_.file + ":";
  if (where_.line > 0) out += std::to_string(where_.line) + ":";
  if (!out.empty()) out += " ";
  if (where_.has_offset) out += "byte " + std::to_string(where_.offset) + ": ";
  out += message_;
  return out;
}

}  // namespace marsad
