#pragma once
#include <string>

#include "core/content.hpp"

namespace cpa::site {

// The crisis lines as plain HTML: a list of real tel:/sms: links.
std::string crisis_lines_html(const core::Content& content);
// shell/index.html with {{string.key}} placeholders and <!--CRISIS_LINES--> filled in.
std::string render_index_html(std::string page, const core::Content& content);

}  // namespace cpa::site
