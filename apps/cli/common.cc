#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "commands.h"

namespace marsad::cli {
namespace {
int g_exit = 0;
}

int exit_code() { return g_exit; }
void set_exit_code(int code) { g_exit = code; }

void report(const Status& s) { std::cerr << "marsad: " << s.to_string() << "\n"; }
void report(std::string_view message) { std::cerr << "marsad: " << message << "\n"; }

bool emit(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size()) return true;
  if (errno != EPIPE) {
    report(std::string("cannot write output: ") + std::strerror(errno));
    set_exit_code(2);
  }
  return false;
}

}  // namespace marsad::cli
