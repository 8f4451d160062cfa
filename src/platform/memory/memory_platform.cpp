#include "platform/memory/memory_platform.hpp"

namespace cpa::platform {

void MemoryPlatform::history_push(const std::string& path) {
  if (!history.empty()) history.resize(history_index + 1);
  history.push_back(path);
  history_index = history.size() - 1;
}

void MemoryPlatform::history_replace(const std::string& path) {
  if (history.empty()) {
    history.push_back(path);
    history_index = 0;
  } else {
    history[history_index] = path;
  }
}

void MemoryPlatform::history_back() {
  if (history_index == 0) return;
  --history_index;
  popstate_events.push_back(history[history_index]);
}

std::string MemoryPlatform::browser_back() {
  history_back();
  return current_path();
}

}  // namespace cpa::platform
