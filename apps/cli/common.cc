#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "commands.h"

#include <algorithm>
#include <vector>

namespace marsad::cli {
namespace {
int g_exit = 0;

struct Entry {
  const char* name;
  int order;
  Command::Register reg;
};
std::vector<Entry>& registry() {
  static std::vector<Entry> r;
  return r;
}
}  // namespace

Command::Command(const char* name, int order, Register reg) { registry().push_back({name, order, reg}); }

void register_all(CLI::App& app) {
  auto r = registry();
  std::sort(r.begin(), r.end(), [](const Entry& a, const Entry& b) { return a.order < b.order; });
  for (const Entry& e : r) e.reg(app);
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
