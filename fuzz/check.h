// The fuzz targets' invariant check: check(x) aborts, naming x and its line,
// when x is false, so that libFuzzer (or the replay in ctest) reports it.
#pragma once

#include <cstdio>
#include <cstdlib>

inline void fuzz_check_at(bool ok, const char* what, int line) {
  if (ok) return;
  std::fprintf(stderr, "broken invariant at line %d: %s\n", line, what);
  std::abort();
}
#define check(x) fuzz_check_at((x), #x, __LINE__)
