// The server: httplib set up with the limits and headers the API promises,
// the routes registered, and a clean stop.
#include "server.h"

#include <atomic>
#include <cstdio>

#include "api.h"

namespace marsad::server {
namespace internal {

struct ServerImpl {
  explicit ServerImpl(ServerOptions o) : ctx(std::move(o)) {}
  Context ctx;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> stopping{false};  // stop() before run(): run() returns at once
};

namespace {

void configure(httplib::Server& http, const ServerOptions& opt) {
  const unsigned threads = opt.threads ? opt.threads : 8;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(opt.max_body_bytes);
  http.set_read_timeout(opt.read_timeout_s, 0);
  http.set_write_timeout(opt.write_timeout_s, 0);
  http.set_keep_alive_timeout(5);
  http.set_keep_alive_max_count(1000);
  http.set_tcp_nodelay(true);
  // httplib's default adds SO_REUSEPORT, which lets a second server (any
  // process of the same user) bind the same port and take half the
  // connections. Only SO_REUSEADDR, so a busy port is an error.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof yes);
  });
  // No CORS headers: other origins cannot read the answers. The page runs only
  // its own scripts (no inline script, nothing from elsewhere), so text that
  // slipped into markup still could not run.
  http.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
  });
  // Errors httplib answers by itself (no route, body too large, a request it
  // cannot parse) get the same JSON shape as the routes' own.
  http.set_error_handler(httplib::Server::HandlerWithResponse([&opt](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message;
    switch (res.status) {
      case 404: message = "no such endpoint: " + req.method + " " + req.path; break;
      case 405: message = "method not allowed: " + req.method + " " + req.path; break;
      case 413:
        message = "the request body is larger than the limit of " + std::to_string(opt.max_body_bytes) + " bytes";
        break;
      case 414: message = "the request line is too long"; break;
      default: message = "bad request"; break;
    }
    send_error(res, res.status, message);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what += std::string(": ") + e.what();
    } catch (...) {
    }
    send_error(res, 500, what);
  });
  if (opt.log) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.path.c_str(), res.status, res.body.size());
    });
  }
}

}  // namespace
}  // namespace internal

Server::Server(ServerOptions opt) : impl_(std::make_unique<internal::ServerImpl>(std::move(opt))) {
  internal::configure(impl_->http, impl_->ctx.opt);
  internal::register_read_routes(impl_->http, impl_->ctx);
  internal::register_event_routes(impl_->http, impl_->ctx);
  internal::register_write_routes(impl_->http, impl_->ctx);
  internal::register_assets(impl_->http);
}

Server::~Server() { stop(); }

Status Server::bind() {
  const ServerOptions& opt = impl_->ctx.opt;
  // Fail now, with the store's own message, rather than on the first request.
  auto lease = impl_->ctx.reads.take();
  if (!lease) return lease.status();
  if (opt.port < 0 || opt.port > 65535) return Status(Error::kBadArgument, "--port must be from 0 to 65535");
  if (opt.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(opt.host);
  } else {
    impl_->port = impl_->http.bind_to_port(opt.host, opt.port) ? opt.port : -1;
  }
  if (impl_->port <= 0) {
    return Status(Error::kIo, "cannot listen on " + opt.host + ":" + std::to_string(opt.port) +
                                  " (in use, or not an address of this machine)");
  }
  return Status::ok();
}

int Server::port() const { return impl_->port; }

Status Server::run() {
  if (impl_->port <= 0) return Status(Error::kInternal, "run() before a successful bind()");
  if (impl_->stopping) return Status::ok();
  if (!impl_->http.listen_after_bind()) return Status(Error::kIo, "the server stopped listening unexpectedly");
  return Status::ok();
}

void Server::stop() {
  impl_->stopping = true;
  if (impl_->http.is_running()) impl_->http.stop();
}

}  // namespace marsad::server
