#pragma once
// The real content/, loaded once for the tests and required to be free of problems: by reference,
// or shared (for a core::State, which holds its content by pointer).
#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include "content_files.hpp"
#include "core/content/content.hpp"

namespace cpa::test {

inline std::shared_ptr<const core::Content> real_content_ptr() {
  static const auto loaded = core::load_content(content_files());
  REQUIRE(loaded.ok());
  return loaded.content;
}

inline const core::Content& real_content() { return *real_content_ptr(); }

// Every locale of the real content, en-GB first, loaded together (with the key table between
// them) and required to be free of problems.
inline const std::vector<std::shared_ptr<const core::Content>>& real_languages() {
  static const auto loaded = core::load_content_languages(content_files());
  REQUIRE(loaded.ok());
  return loaded.languages;
}

}  // namespace cpa::test
