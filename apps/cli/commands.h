// Subcommands of the marsad CLI. Each lives in its own <name>_cmd.cc and
// registers itself with a static Command object, so adding a subcommand is
// adding a file:
//
//   static marsad::cli::Command kDates{"dates", 20, register_dates};
//
// The number orders `marsad --help`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad::cli {

struct Command {
  using Register = void (*)(CLI::App& app);
  Command(const char* name, int order, Register reg);
};

// Registers every subcommand, in order.
void register_all(CLI::App& app);

// Exit code of the command that ran.
int exit_code();
void set_exit_code(int code);

// "marsad: <message>" on stderr.
void report(const Status& s);
void report(std::string_view message);

// Writes to stdout; false once the reader has gone away (EPIPE) or writing failed.
bool emit(std::string_view bytes);

}  // namespace marsad::cli
