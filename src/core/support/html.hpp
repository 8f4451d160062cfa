#pragma once
// Text into HTML (printed results, the plain-HTML crisis page): every piece of text the app
// writes into a page goes through this.
#include <string>
#include <string_view>

namespace cpa::core {

std::string escape_html(std::string_view text);

}  // namespace cpa::core
