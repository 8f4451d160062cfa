#pragma once
// The real content/, loaded once for the tests and required to be free of problems.
#include <doctest/doctest.h>

#include "content_files.hpp"
#include "core/content.hpp"

namespace cpa::test {

inline const core::Content& real_content() {
  static const auto loaded = core::load_content(content_files());
  REQUIRE(loaded.ok());
  return *loaded.content;
}

}  // namespace cpa::test
