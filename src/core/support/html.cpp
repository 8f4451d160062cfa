#include "core/support/html.hpp"

namespace cpa::core {

namespace {
// The entity for a character that HTML gives a meaning to, or nothing for any other.
std::string_view html_entity(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return {};
  }
}
}  // namespace

// Copies the plain runs whole and replaces only the five characters: the printed result runs
// through here for every one of the routing proof's million answer combinations.
std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view entity = html_entity(text[i]);
    if (entity.empty()) continue;
    out.append(text.substr(plain_from, i - plain_from));
    out.append(entity);
    plain_from = i + 1;
  }
  out.append(text.substr(plain_from));
  return out;
}

}  // namespace cpa::core
