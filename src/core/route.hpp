#pragma once
// Where the person is in the app.  A route is a screen name plus an optional parameter and
// maps one-to-one onto the URL fragment, so deep links ("#/help-now") and the browser's Back
// button work.
#include <string>
#include <string_view>

namespace cpa::core {

namespace screens {
inline constexpr std::string_view home = "home";
inline constexpr std::string_view help_now = "help-now";
inline constexpr std::string_view about = "about";
inline constexpr std::string_view not_built = "not-built";  // param: the part's home key
}  // namespace screens

struct Route {
  std::string screen{screens::home};
  std::string param;

  std::string to_path() const;  // "#/", "#/help-now", "#/learn/what-is-cpa"
  static Route from_path(std::string_view path);
  bool operator==(const Route&) const = default;
};

}  // namespace cpa::core
