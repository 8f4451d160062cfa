#include "tools/site/site_headers.hpp"

#include <sstream>

namespace cpa::site {

std::string site_headers(const std::string& shell_headers, const core::Content& content) {
  if (!content.deployment.kiosk.enabled) return shell_headers;
  std::istringstream in(shell_headers);
  std::string out, line;
  while (std::getline(in, line)) {
    const auto name = line.find_first_not_of(" \t");
    if (name != std::string::npos && name > 0 && line.compare(name, 14, "Cache-Control:") == 0)
      line = line.substr(0, name) + "Cache-Control: no-store";
    out += line + "\n";
  }
  return out;
}

}  // namespace cpa::site
