// What the routes share: the store connections, answering in JSON, and
// reading query parameters strictly (every bad one is a 400 that names it).
// Internal to apps/server.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"
#include "marsad/store.h"
#include "server.h"

namespace marsad::server::internal {

// Read-only store connections, one per worker at a time: a SQLite connection
// is used by one thread at a time (store.h), and opening one per request
// would cost more than most queries.
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}
  StorePool(const StorePool&) = delete;  // hands out pointers into itself
  StorePool& operator=(const StorePool&) = delete;

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> s) : pool_(pool), store_(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    const Store& operator*() const { return *store_; }
    const Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> take();

 private:
  void give_back(std::unique_ptr<Store> s);
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

struct Context {
  explicit Context(ServerOptions o) : opt(std::move(o)), reads(opt.db) {}
  ServerOptions opt;
  StorePool reads;
  std::mutex writes;  // one ingest at a time: the store has one writer
};

// Answers.
void send_json(httplib::Response& res, std::string body, int status = 200);
// {"error": message, "status": N[, "param": name]}
void send_error(httplib::Response& res, int status, std::string_view message, std::string_view param = {});
// A library Status as an HTTP error: bad arguments and bad input 400, too large 413, the rest 500.
void send_status(httplib::Response& res, const Status& s);

// Query parameters, checked as they are read. The first problem wins and is
// kept; ok() is false from then on and the route sends it with answer().
class Params {
 public:
  // Unknown names, repeated names, invalid UTF-8 and values over 2,000 bytes are problems.
  Params(const httplib::Request& req, std::initializer_list<std::string_view> allowed);

  std::string str(const char* name);
  // An integer in [min, max]; `def` when absent.
  int64_t integer(const char* name, int64_t def, int64_t min, int64_t max);
  // One of `choices`; the first when absent.
  std::string choice(const char* name, std::initializer_list<std::string_view> choices);
  // "A,B" into two non-empty parts.
  bool pair(const char* name, std::string& a, std::string& b);

  bool ok() const { return error_.empty(); }
  void fail(std::string_view param, std::string message);
  // Sends the 400 (a route ends with `return p.answer(res);`).
  void answer(httplib::Response& res) const { send_error(res, 400, error_, param_); }

 private:
  const httplib::Request& req_;
  std::string error_, param_;
};

// A path segment that must be a positive id; sends the 400 and returns 0 otherwise.
int64_t path_id(const httplib::Request& req, httplib::Response& res);

void register_read_routes(httplib::Server& http, Context& ctx);
void register_event_routes(httplib::Server& http, Context& ctx);
void register_write_routes(httplib::Server& http, Context& ctx);
void register_assets(httplib::Server& http);

}  // namespace marsad::server::internal
