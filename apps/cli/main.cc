// marsad — command-line entry point. Thin: parse flags (one CLI11 table per
// subcommand), call the library, turn statuses into messages and exit codes.
//
// Exit codes: 0 = success, 1 = nothing found where that matters, 2 = error.
// A closed pipe (marsad ... | head) ends the run quietly with 0.
#include <CLI/CLI.hpp>

#include <csignal>

#include "commands.h"

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // write errors are handled where output is written
  CLI::App app{"marsad — Arabic news engine: clean, structured records from raw articles"};
  app.set_version_flag("--version", std::string("marsad ") + MARSAD_VERSION);
  app.require_subcommand(1);
  marsad::cli::register_all(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return marsad::cli::exit_code();
}
