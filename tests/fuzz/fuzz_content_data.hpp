#pragma once
// The real content/ folder, loaded once per fuzz run: the words problems are rendered with, and
// the national content a deployment file is checked against.
#include <map>
#include <string>

#include "../unit/content_files.hpp"
#include "core/content/content.hpp"
#include "fuzz_check.hpp"

namespace cpa::fuzz {

inline const std::map<std::string, std::string>& real_files() {
  static const auto files = test::content_files();
  return files;
}

inline const core::Content& real_content() {
  static const auto loaded = core::load_content(real_files());
  FUZZ_CHECK(loaded.content != nullptr);
  return *loaded.content;
}

}  // namespace cpa::fuzz
