#include "core/support/json_safe.hpp"

#include <set>
#include <vector>

namespace cpa::core {

SafeJson parse_untrusted(std::string_view text, int max_depth) {
  SafeJson out;
  std::vector<std::set<std::string>> keys;  // one set per open object
  auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (out.problem != SafeJson::Problem::none) return false;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        if (depth >= max_depth) {
          out.problem = SafeJson::Problem::too_deep;
          return false;  // the parser skips it without building it
        }
        if (event == Event::object_start) keys.emplace_back();
        return true;
      case Event::object_end:
        if (!keys.empty()) keys.pop_back();
        return true;
      case Event::key:
        if (!keys.empty() && !keys.back().insert(parsed.get<std::string>()).second) {
          out.problem = SafeJson::Problem::duplicate_key;
          out.duplicate_key = printable_key(parsed.get<std::string>());
          return false;
        }
        return true;
      default: return true;
    }
  };
  out.value = nlohmann::json::parse(text.begin(), text.end(), callback, false);
  if (out.problem == SafeJson::Problem::none && out.value.is_discarded()) out.problem = SafeJson::Problem::not_json;
  if (out.problem != SafeJson::Problem::none) out.value = nlohmann::json(nlohmann::json::value_t::discarded);
  return out;
}

std::string printable_key(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (out.size() >= 60) return out + "...";
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  return out;
}

}  // namespace cpa::core
