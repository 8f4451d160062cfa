#pragma once
// What differs between languages beyond their words: the forms a counted string takes (CLDR
// plural categories, plurals.json) and the calendar's names (dates.json).
#include <string>
#include <vector>

#include "core/content/content.hpp"
#include "core/support/json_fields.hpp"

namespace cpa::core {

// The plural categories a locale's strings must give (plurals.json), in CLDR's order.
const std::vector<std::string>& plural_categories(std::string_view locale);

// dates.json: 12 month names, 7 day names (Monday first) and the long date's pattern.
void load_date_names(const Fields& fields, DateNames& dates);
// plurals.json: the forms of each counted string, by category.
void load_plural_forms(const Fields& fields, Content& content);
// Once every strings file is read: each form names a string that exists, gives every category
// of the locale, and uses only that string's {placeholders}; and a string English counts (it
// has a "<key>_one") has forms in a locale with more categories than English.
void check_plural_forms(const Content& content, std::vector<ContentProblem>& problems);

// The {placeholders} a text uses, in order of first use.
std::vector<std::string> placeholders_in(std::string_view text);

}  // namespace cpa::core
