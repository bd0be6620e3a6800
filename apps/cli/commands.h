// Subcommand registration for the marsad CLI. Each command lives in its own
// file and records its exit code for main() to return.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad::cli {

void register_analyze(CLI::App& app);

// Exit code of the command that ran.
int exit_code();
void set_exit_code(int code);

// "marsad: <message>" on stderr.
void report(const Status& s);
void report(std::string_view message);

// Writes to stdout; false once the reader has gone away (EPIPE) or writing failed.
bool emit(std::string_view bytes);

}  // namespace marsad::cli
