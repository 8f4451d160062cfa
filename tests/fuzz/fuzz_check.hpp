#pragma once
// An invariant a fuzz target checks: a failure aborts, so libFuzzer saves the input as a crash.
// The unit test that replays the regression cases defines FUZZ_CHECK as a doctest CHECK first.
#include <cstdio>
#include <cstdlib>

#ifndef FUZZ_CHECK
#define FUZZ_CHECK(condition)                                                                  \
  do {                                                                                         \
    if (!(condition)) {                                                                        \
      std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                            \
    }                                                                                          \
  } while (false)
#endif
