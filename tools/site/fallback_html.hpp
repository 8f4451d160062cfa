#pragma once
#include <string>

#include "core/content/content.hpp"

namespace cpa::site {

// The crisis lines as plain HTML: a list of real tel:/sms: links.  second: the site's other
// language, whose words go beside the first's (each number is written once: both languages
// read it from content/common).
std::string crisis_lines_html(const core::Content& content, const core::Content* second = nullptr);
// The same lines, short (name and what to do), for the panel shown while the page is stuck.
std::string stall_lines_html(const core::Content& content);
// shell/index.html with {{string.key}} placeholders, <!--CRISIS_LINES--> and <!--STALL_LINES-->
// filled in: in the site's first language, with the other one beside it where there is one.
std::string render_index_html(std::string page, const core::Content& content, const core::Content* second = nullptr);

}  // namespace cpa::site
