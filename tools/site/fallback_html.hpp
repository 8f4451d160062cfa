#pragma once
#include <string>

#include "core/content.hpp"

namespace cpa::site {

// The crisis lines as plain HTML: a list of real tel:/sms: links.
std::string crisis_lines_html(const core::Content& content);
// The same lines, short (name and what to do), for the panel shown while the page is stuck.
std::string stall_lines_html(const core::Content& content);
// shell/index.html with {{string.key}} placeholders, <!--CRISIS_LINES--> and <!--STALL_LINES-->
// filled in.
std::string render_index_html(std::string page, const core::Content& content);

}  // namespace cpa::site
