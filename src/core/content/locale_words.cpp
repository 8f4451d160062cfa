#include "core/content/locale_words.hpp"

#include <algorithm>
#include <cstdlib>

namespace cpa::core {
namespace {

bool is_one_of(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool uses_only(const std::string& form, const std::vector<std::string>& allowed) {
  const auto used = placeholders_in(form);
  return std::all_of(used.begin(), used.end(), [&](const std::string& name) { return is_one_of(allowed, name); });
}

constexpr std::string_view kOneSuffix = "_one";

}  // namespace

// CLDR's cardinal rules (unicode-org/cldr common/supplemental/plurals.xml) for whole numbers:
// en "one: i = 1 and v = 0"; cy "zero: n = 0, one: n = 1, two: n = 2, few: n = 3, many: n = 6".
// n is the absolute value, as CLDR's operand n is.
std::string_view plural_category(std::string_view locale, long n) {
  const long a = std::labs(n);
  if (locale == "cy") {
    switch (a) {
      case 0: return "zero";
      case 1: return "one";
      case 2: return "two";
      case 3: return "few";
      case 6: return "many";
      default: return "other";
    }
  }
  return a == 1 ? "one" : "other";
}

const std::vector<std::string>& plural_categories(std::string_view locale) {
  static const std::vector<std::string> welsh{"zero", "one", "two", "few", "many", "other"};
  static const std::vector<std::string> english{"one", "other"};
  return locale == "cy" ? welsh : english;
}

std::vector<std::string> placeholders_in(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    std::string name(text.substr(open + 1, close - open - 1));
    if (!name.empty() && name.find('{') == std::string::npos && !is_one_of(names, name)) names.push_back(name);
  }
  return names;
}

void load_date_names(const Fields& f, DateNames& dates) {
  dates.months = f.text_list("months");
  if (dates.months.size() != 12) f.problem("months", "needs the 12 month names, January first");
  dates.days = f.text_list("days");
  if (dates.days.size() != 7) f.problem("days", "needs the 7 day names, Monday first");
  dates.long_date = f.text("long_date");
  for (const char* part : {"day", "month", "year"})
    if (!dates.long_date.empty() && !is_one_of(placeholders_in(dates.long_date), part))
      f.problem("long_date", std::string("needs {") + part + "}");
  // What the names rest on, for a translator: read by no code, but part of the file.
  f.optional_text("days_order");
  f.array("rules", false);
  f.array("sources", false);
}

void load_plural_forms(const Fields& f, Content& content) {
  f.optional_text("about");
  f.optional_text("why_the_categories");
  f.object("rules", false);
  const auto& forms = f.object("forms");
  if (!forms.is_object()) return;
  const Fields each = f.child(forms, "forms");
  each.other_keys_checked_here();
  for (auto it = forms.begin(); it != forms.end(); ++it) {
    const Fields by_category = each.child(it.value(), it.key());
    by_category.other_keys_checked_here();
    PluralForms read;
    if (!it.value().is_object()) {
      f.problem("forms." + it.key(), "should be an object of forms by category");
      continue;
    }
    for (auto form = it.value().begin(); form != it.value().end(); ++form) {
      if (!form.value().is_string() || form.value().get<std::string>().empty()) {
        f.problem("forms." + it.key() + "." + form.key(), "should be non-empty text");
        continue;
      }
      read[form.key()] = form.value().get<std::string>();
    }
    content.plurals[it.key()] = std::move(read);
  }
}

void check_plural_forms(const Content& content, std::vector<ContentProblem>& problems) {
  const auto& categories = plural_categories(content.locale);
  for (const auto& [key, forms] : content.plurals) {
    const std::string field = "forms." + key;
    const auto string = content.strings.find(key);
    if (string == content.strings.end()) {
      problems.push_back({"plurals.json", field, "names no string in strings*.json"});
      continue;
    }
    const auto allowed = placeholders_in(string->second);
    for (const auto& category : categories)
      if (!forms.contains(category)) problems.push_back({"plurals.json", field + "." + category, "missing"});
    for (const auto& [category, text] : forms) {
      if (!is_one_of(categories, category))
        problems.push_back({"plurals.json", field + "." + category, "is not a plural category of " + content.locale});
      else if (!uses_only(text, allowed))
        problems.push_back({"plurals.json", field + "." + category, "uses a {placeholder} the string does not have"});
    }
  }
  if (categories.size() <= 2) return;
  for (const auto& [key, text] : content.strings) {
    if (key.size() <= kOneSuffix.size() ||
        key.compare(key.size() - kOneSuffix.size(), kOneSuffix.size(), kOneSuffix) != 0)
      continue;
    const std::string counted = key.substr(0, key.size() - kOneSuffix.size());
    if (!content.plurals.contains(counted))
      problems.push_back({"plurals.json", "forms", "has no forms for \"" + counted + "\", a counted string"});
  }
}

const std::string& Content::plural_form(std::string_view key, long n) const {
  const std::string_view category = plural_category(locale, n);
  if (const auto forms = plurals.find(key); forms != plurals.end()) {
    if (const auto form = forms->second.find(category); form != forms->second.end()) return form->second;
  }
  // English keeps the form for 1 beside the string, as "<key>_one".
  if (category == "one") {
    const std::string one = std::string(key) + std::string(kOneSuffix);
    if (strings.contains(one)) return str(one);
  }
  return str(key);
}

std::string Content::plural(std::string_view key, long n,
                            std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
  return fill_placeholders(plural_form(key, n), values);
}

}  // namespace cpa::core
