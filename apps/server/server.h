// apps/server/server.h — `marsad serve`: the JSON API and the dashboard over
// one store, in one process.
//
// The routes (routes_read.cc, routes_write.cc) call the library (search.h,
// stories.h, analytics.h, pipeline.h) and print through the CLI's writers
// (json.h, output.h), so an API answer and a CLI line say the same thing. The
// page and its scripts are built from web/ at build time and compiled in
// (assets.cc); nothing is fetched from elsewhere.
//
//   marsad::server::ServerOptions opt;
//   opt.db = "marsad.db";
//   opt.token = "s3cret";                 // "" leaves the write endpoints refused
//   marsad::server::Server s(opt);
//   if (marsad::Status st = s.bind(); !st) return report(st);
//   s.run();                              // until stop() from another thread
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "marsad/status.h"

namespace marsad::server {

struct ServerOptions {
  std::string db;                          // the store; must exist (it is opened read-only for reads)
  std::string host = "127.0.0.1";          // loopback only unless asked otherwise
  int port = 8080;                         // 0 = any free port (port() says which)
  std::string token;                       // write endpoints need it; "" = they are refused (403)
  size_t max_body_bytes = size_t{8} << 20; // larger request bodies get 413
  int read_timeout_s = 10;                 // seconds to read a request; write_timeout_s to send an answer
  int write_timeout_s = 30;
  unsigned threads = 8;                    // worker threads, each with its own read connection
  bool log = false;                        // one line per request on stderr
};

namespace internal {
struct ServerImpl;
}

class Server {
 public:
  explicit Server(ServerOptions opt);
  ~Server();
  Server(const Server&) = delete;  // owns a listening socket and worker threads
  Server& operator=(const Server&) = delete;

  // Checks that the store opens, then binds the socket (kIo when the port is taken).
  Status bind();
  int port() const;
  // Serves until stop(); returns when the last request has been answered.
  Status run();
  // Safe to call from another thread, before or during run(); not from a signal
  // handler (serve_cmd.cc waits for signals on a thread of its own and calls it).
  void stop();

 private:
  std::unique_ptr<internal::ServerImpl> impl_;
};

// The embedded dashboard: true when web/ was built into this binary.
bool dashboard_built();

}  // namespace marsad::server
