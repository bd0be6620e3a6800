// marsad serve [--db PATH] [--host 127.0.0.1] [--port 8080] [--token TOKEN | --token-file F]
//              [--max-body BYTES] [--threads N] [--log]
//
// The JSON API (docs/api.md) and the dashboard over one store, until SIGINT or
// SIGTERM. Write endpoints (analyze, ingest) need the token; without one they
// answer 403.
#include <pthread.h>
#include <unistd.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

#include "commands.h"
#include "marsad/io.h"
#include "marsad/store.h"
#include "server.h"

namespace marsad::cli {
namespace {

struct ServeFlags {
  server::ServerOptions opt;
  std::string token_file;
  std::string port_file;  // write the port there once listening (tests use --port 0)
};

void run(ServeFlags& f) {
  if (f.opt.db.empty()) f.opt.db = default_store_path();
  if (!f.token_file.empty()) {
    auto t = read_file(f.token_file);
    if (!t) {
      report(t.status());
      set_exit_code(2);
      return;
    }
    f.opt.token = *t;
    while (!f.opt.token.empty() && (f.opt.token.back() == '\n' || f.opt.token.back() == '\r')) f.opt.token.pop_back();
  }
  if (f.opt.token.empty()) {
    if (const char* env = std::getenv("MARSAD_TOKEN"); env != nullptr) f.opt.token = env;
  }
  // Signals go to one thread that stops the server; the workers never see them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::Server s(f.opt);
  if (Status st = s.bind(); !st) {
    report(st);
    set_exit_code(2);
    return;
  }
  std::thread waiter([&s, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    s.stop();
  });
  std::fprintf(stderr, "marsad: serving %s on http://%s:%d/ (write endpoints %s); Ctrl-C stops\n", f.opt.db.c_str(),
               f.opt.host.c_str(), s.port(), f.opt.token.empty() ? "disabled: no --token" : "need the token");
  if (!server::dashboard_built()) {
    std::fprintf(stderr, "marsad: the dashboard was not built into this binary (node/npm missing at build time); "
                         "the API works\n");
  }
  if (!f.port_file.empty()) {
    if (FILE* pf = std::fopen(f.port_file.c_str(), "w")) {
      std::fprintf(pf, "%d\n", s.port());
      std::fclose(pf);
    }
  }
  Status st = s.run();
  kill(getpid(), SIGTERM);  // releases the waiter if run() ended by itself
  waiter.join();
  if (!st) {
    report(st);
    set_exit_code(2);
    return;
  }
  std::fprintf(stderr, "marsad: stopped\n");
}

}  // namespace

void register_serve(CLI::App& app) {
  auto f = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the JSON API and the dashboard over a store (docs/api.md)");
  cmd->add_option("--db", f->opt.db, "The store; default $MARSAD_DB or marsad.db");
  cmd->add_option("--host", f->opt.host, "Address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", f->opt.port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--token", f->opt.token,
                  "Token the write endpoints (analyze, ingest) require; also $MARSAD_TOKEN. Without one they refuse");
  cmd->add_option("--token-file", f->token_file, "Read the token from this file (kept out of the process list)");
  cmd->add_option("--max-body", f->opt.max_body_bytes, "Largest request body in bytes (default 8 MiB; larger: 413)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads", f->opt.threads, "Worker threads (default 8)")->check(CLI::Range(1, 256));
  cmd->add_option("--port-file", f->port_file, "Write the port listened on to this file once ready");
  cmd->add_flag("--log", f->opt.log, "Log every request on stderr");
  cmd->callback([f] { run(*f); });
}

namespace {
const Command kServe{"serve", 40, register_serve};
}

}  // namespace marsad::cli
