#include "core/route.hpp"

namespace cpa::core {
namespace {
bool is_route_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}
bool is_route_word(std::string_view word) {
  if (word.empty() || word.size() > 64) return false;
  for (char c : word)
    if (!is_route_char(c)) return false;
  return true;
}
}  // namespace

std::string Route::to_path() const {
  if (screen == screens::home) return "#/";
  return "#/" + screen + (param.empty() ? "" : "/" + param);
}

Route Route::from_path(std::string_view path) {
  if (!path.empty() && path.front() == '#') path.remove_prefix(1);
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  Route route;
  if (path.empty()) return route;
  const auto slash = path.find('/');
  const auto screen = path.substr(0, slash);
  const auto param = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  // Anything that is not a plain route word goes home rather than to a broken screen.
  if (!is_route_word(screen) || (!param.empty() && !is_route_word(param))) return route;
  route.screen = std::string(screen);
  route.param = std::string(param);
  return route;
}

}  // namespace cpa::core
