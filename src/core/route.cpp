#include "core/route.hpp"

#include <algorithm>
#include <iterator>

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

// The table lists every screen in the order of the enum, so a screen's entry is at its index.
constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < std::size(screen_table); ++i)
    if (static_cast<std::size_t>(screen_table[i].screen) != i) return false;
  return true;
}
static_assert(table_in_enum_order(), "screen_table must list every Screen once, in the enum's order");
static_assert(std::size(screen_table) == static_cast<std::size_t>(Screen::display) + 1,  // the last Screen
              "screen_table must list every Screen");
}  // namespace

const ScreenInfo& screen_info(Screen screen) { return screen_table[static_cast<std::size_t>(screen)]; }

std::optional<Screen> screen_named(std::string_view name) {
  const auto* const it = std::find_if(std::begin(screen_table), std::end(screen_table),
                                      [&](const ScreenInfo& info) { return info.name == name; });
  if (it == std::end(screen_table)) return std::nullopt;
  return it->screen;
}

std::string Route::to_path() const {
  if (screen == Screen::home) return "#/";
  return "#/" + std::string(screen_info(screen).name) + (param.empty() ? "" : "/" + param);
}

Route Route::from_path(std::string_view path) {
  if (!path.empty() && path.front() == '#') path.remove_prefix(1);
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  Route route;
  if (path.empty()) return route;
  const auto slash = path.find('/');
  const auto name = path.substr(0, slash);
  const auto param = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  // Anything that is not a plain route word, or names no screen, goes home rather than to a broken screen.
  if (!is_route_word(name) || (!param.empty() && !is_route_word(param))) return route;
  const auto screen = screen_named(name);
  if (!screen || *screen == Screen::home) return route;
  route.screen = *screen;
  route.param = std::string(param);
  return route;
}

}  // namespace cpa::core
