#pragma once
#include <string>

#include "core/content/content.hpp"

namespace cpa::site {

// The _headers file the site is served with: shell/_headers as it is, except that a kiosk
// deployment (deployment.kiosk.enabled) is served "Cache-Control: no-store" instead of whatever
// shell/_headers says, so the kiosk's browser keeps no copy of any response in its HTTP cache
// and never brings a page back from its back-forward cache (README, "Headers").
std::string site_headers(const std::string& shell_headers, const core::Content& content);

}  // namespace cpa::site
