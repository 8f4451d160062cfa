#pragma once
// Reads the real content/ folder for tests (native: the source tree; wasm under Node: the
// same tree through NODERAWFS).
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace cpa::test {

inline std::string source_dir() { return CPA_SOURCE_DIR; }

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::map<std::string, std::string> content_files() {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(source_dir()) / "content";
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    const auto relative = fs::relative(entry.path(), root).generic_string();
    if (relative.find('/') == std::string::npos) continue;
    files[relative] = read_text(entry.path());
  }
  return files;
}

}  // namespace cpa::test
