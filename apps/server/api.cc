// The shared parts of the routes: store connections, JSON answers, parameters.
#include "api.h"

#include <algorithm>
#include <charconv>

#include "marsad/json.h"
#include "marsad/utf8.h"

namespace marsad::server::internal {

Result<StorePool::Lease> StorePool::take() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  StoreOptions so;
  so.read_only = true;
  so.busy_timeout_ms = 5000;
  auto s = Store::open(path_, so);
  if (!s) return s.status();
  return Lease(this, std::make_unique<Store>(std::move(*s)));
}

void StorePool::give_back(std::unique_ptr<Store> s) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
}

void send_json(httplib::Response& res, std::string body, int status) {
  res.status = status;
  body += '\n';
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view message, std::string_view param) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("error", message).field("status", status);
  if (!param.empty()) w.field("param", param);
  w.end_object();
  send_json(res, std::move(out), status);
}

void send_status(httplib::Response& res, const Status& s) {
  int code = 500;
  switch (s.code()) {
    case Error::kBadArgument:
    case Error::kInvalidUtf8:
    case Error::kBinary:
    case Error::kEmpty:
    case Error::kBadJson:
      code = 400;
      break;
    case Error::kTooLarge:
      code = 413;
      break;
    case Error::kIo:
      code = 503;  // the store could not be read or written (locked, disk full)
      break;
    default:
      break;
  }
  // The message, not to_string(): a client has no use for the server's file paths.
  send_error(res, code, s.message().empty() ? std::string(error_name(s.code())) : s.message());
}

Params::Params(const httplib::Request& req, std::initializer_list<std::string_view> allowed) : req_(req) {
  for (auto it = req.params.begin(); it != req.params.end(); ++it) {
    const std::string& k = it->first;
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      fail(k, "unknown parameter '" + k + "'" + (names.empty() ? ": this endpoint takes none" : "; expected " + names));
      return;
    }
    if (req.params.count(k) > 1) {
      fail(k, "parameter '" + k + "' given more than once");
      return;
    }
    if (it->second.size() > 2000) {
      fail(k, "parameter '" + k + "' is longer than 2000 bytes");
      return;
    }
    if (Status s = validate_utf8(it->second); !s) {
      fail(k, "parameter '" + k + "' is not valid UTF-8 (byte " + std::to_string(s.where().offset) + ")");
      return;
    }
  }
}

void Params::fail(std::string_view param, std::string message) {
  if (!error_.empty()) return;
  param_ = std::string(param);
  error_ = std::move(message);
}

std::string Params::str(const char* name) { return req_.has_param(name) ? req_.get_param_value(name) : std::string(); }

int64_t Params::integer(const char* name, int64_t def, int64_t min, int64_t max) {
  if (!req_.has_param(name)) return def;
  const std::string v = req_.get_param_value(name);
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < min || n > max) {
    fail(name, std::string(name) + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                   ", not '" + v + "'");
    return def;
  }
  return n;
}

std::string Params::choice(const char* name, std::initializer_list<std::string_view> choices) {
  if (!req_.has_param(name)) return std::string(*choices.begin());
  const std::string v = req_.get_param_value(name);
  if (std::find(choices.begin(), choices.end(), v) != choices.end()) return v;
  std::string names;
  for (std::string_view c : choices) names += (names.empty() ? "" : ", ") + std::string(c);
  fail(name, std::string(name) + " must be one of " + names + ", not '" + v + "'");
  return std::string(*choices.begin());
}

bool Params::pair(const char* name, std::string& a, std::string& b) {
  if (!req_.has_param(name)) return false;
  const std::string v = req_.get_param_value(name);
  const size_t comma = v.find(',');
  if (comma == std::string::npos || comma == 0 || comma + 1 == v.size() || v.find(',', comma + 1) != std::string::npos) {
    fail(name, std::string(name) + " must be two actors, SOURCE,TARGET, not '" + v + "'");
    return false;
  }
  a = v.substr(0, comma);
  b = v.substr(comma + 1);
  return true;
}

int64_t path_id(const httplib::Request& req, httplib::Response& res) {
  const std::string v = req.matches.size() > 1 ? std::string(req.matches[1]) : std::string();
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n <= 0) {
    std::string shown = v.size() > 40 ? v.substr(0, 40) + "…" : v;
    if (!validate_utf8(shown)) shown = "(not UTF-8)";
    send_error(res, 400, "the id must be a positive integer, not '" + shown + "'", "id");
    return 0;
  }
  return n;
}

}  // namespace marsad::server::internal
