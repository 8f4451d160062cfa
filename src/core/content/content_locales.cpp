// Every locale of the content, and the one table of keys between them: a translation holds
// exactly the English files' keys, lists and data, and only its words differ.
#include <algorithm>
#include <set>

#include "core/content/content.hpp"
#include "core/support/json_safe.hpp"
#include "core/content/locale_words.hpp"
#include "core/plans/records/records_store.hpp"

namespace cpa::core {
namespace {

using nlohmann::json;

constexpr std::string_view kOriginal = "en-GB";

// Keys whose values are words, which a translation changes (the strings files' values too).
// Everything else is data (ids, rules, numbers, addresses, source ids, dates) and must be equal
// in every locale, so a new key is held equal until someone says it is words.
bool is_words_key(std::string_view key) {
  static const std::set<std::string_view> words{"add",     "days", "days_order", "examples", "for",   "h",
                                                "heading", "hint", "hours",      "intro",    "label", "long_date",
                                                "months",  "name", "p",          "prompt",   "short", "steps",
                                                "summary", "text", "title",      "ul",       "why"};
  return words.contains(key);
}

// What each locale has of its own, of any length or none: the names people type for a service
// (service_names.json), and the grammar notes and sources behind a translation's dates.
bool is_locale_own(std::string_view file, std::string_view key) {
  if (file == "service_names.json") return key == "names" || key == "whole_names" || key == "except";
  return file == "dates.json" && (key == "rules" || key == "sources");
}

// Files a translation has and English has not: its plural forms and the translators' glossary.
bool is_translation_only(std::string_view name) { return name == "plurals.json" || name == "glossary.json"; }

struct KeyTable {
  std::string name;   // the file inside a locale: "strings.json"
  std::string other;  // "cy"
  std::vector<ContentProblem>& problems;

  void problem(const std::string& locale, const std::string& field, const std::string& message) const {
    problems.push_back({locale + "/" + name, field, message});
  }
  static std::string at(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  void compare_words(const json& en, const json& tr, const std::string& path) const {
    if (en.is_string() && tr.is_string()) {
      auto a = placeholders_in(en.get<std::string>());
      auto b = placeholders_in(tr.get<std::string>());
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a != b) problem(other, path, "has other {placeholders} than en-GB's");
      return;
    }
    compare(en, tr, path, true);
  }

  void compare_objects(const json& en, const json& tr, const std::string& path, bool words) const {
    for (auto it = en.begin(); it != en.end(); ++it) {
      if ((path.empty() && it.key() == "review") || is_locale_own(name, it.key())) continue;
      const std::string field = at(path, it.key());
      if (!tr.contains(it.key())) {
        problem(other, field, "missing (en-GB/" + name + " has it)");
      } else if (words || is_words_key(it.key()) || (path.empty() && it.key() == "strings")) {
        compare_words(it.value(), tr[it.key()], field);
      } else {
        compare(it.value(), tr[it.key()], field, false);
      }
    }
    for (auto it = tr.begin(); it != tr.end(); ++it)
      if (!en.contains(it.key()) && !is_locale_own(name, it.key()) && !(path.empty() && it.key() == "review"))
        problem(std::string(kOriginal), at(path, it.key()), "missing (" + other + "/" + name + " has it)");
  }

  // words: inside a value that is words (a list of bullets, the strings object): the shape must
  // match, the text may differ.
  void compare(const json& en, const json& tr, const std::string& path, bool words) const {
    if (en.type() != tr.type()) {
      problem(other, path, "is not the same kind of value as in en-GB");
    } else if (en.is_object()) {
      compare_objects(en, tr, path, words);
    } else if (en.is_array()) {
      if (en.size() != tr.size()) {
        problem(other, path,
                "has " + std::to_string(tr.size()) + " items where en-GB has " + std::to_string(en.size()));
        return;
      }
      for (std::size_t i = 0; i < en.size(); ++i)
        words ? compare_words(en[i], tr[i], indexed(path, i)) : compare(en[i], tr[i], indexed(path, i), false);
    } else if (words) {
      compare_words(en, tr, path);
    } else if (en != tr) {
      problem(other, path,
              "is " + tr.dump() + " where en-GB has " + en.dump() + " (data, not words: it must be equal)");
    }
  }
};

std::map<std::string, json> locale_files(const std::map<std::string, std::string>& files, const std::string& locale) {
  std::map<std::string, json> out;
  const std::string prefix = locale + "/";
  for (const auto& [path, text] : files) {
    if (path.rfind(prefix, 0) != 0) continue;
    const SafeJson safe = parse_untrusted(text);
    if (safe.ok()) out[path.substr(prefix.size())] = safe.value;  // a damaged file is the loader's problem
  }
  return out;
}

// The one table of keys: every file, key, list and datum of en-GB in the other locale, the same.
void check_key_table(const std::map<std::string, std::string>& files, const std::string& other,
                     std::vector<ContentProblem>& problems) {
  const auto english = locale_files(files, std::string(kOriginal));
  const auto translated = locale_files(files, other);
  for (const auto& [name, en] : english) {
    const auto it = translated.find(name);
    if (it == translated.end()) {
      problems.push_back({other + "/" + name, "", "missing (en-GB/" + name + " has it)"});
      continue;
    }
    KeyTable{name, other, problems}.compare(en, it->second, "", false);
  }
  for (const auto& [name, tr] : translated)
    if (!english.contains(name) && !is_translation_only(name))
      problems.push_back({std::string(kOriginal) + "/" + name, "", "missing (" + other + "/" + name + " has it)"});
}

// The locales the files hold: every top-level folder but common/, en-GB first.
std::vector<std::string> locales_in(const std::map<std::string, std::string>& files) {
  std::set<std::string> found;
  for (const auto& [path, text] : files) {
    const auto slash = path.find('/');
    if (slash != std::string::npos && path.compare(0, slash, "common") != 0) found.insert(path.substr(0, slash));
  }
  found.erase(std::string(kOriginal));
  std::vector<std::string> locales{std::string(kOriginal)};
  locales.insert(locales.end(), found.begin(), found.end());
  return locales;
}

// A locale's own file is named with its folder; shared files and the deployment keep their name
// (and are reported once, not once per locale).
void add_locale_problems(const std::string& locale, const std::vector<ContentProblem>& found,
                         std::vector<ContentProblem>& problems) {
  for (auto problem : found) {
    const bool shared = problem.file.rfind("common/", 0) == 0 || problem.file == "deployment.json";
    if (!shared) problem.file = locale + "/" + problem.file;
    const bool known = std::any_of(problems.begin(), problems.end(), [&](const ContentProblem& p) {
      return p.file == problem.file && p.field == problem.field && p.message == problem.message;
    });
    if (!known) problems.push_back(std::move(problem));
  }
}

}  // namespace

ContentLoad load_content_languages(const std::map<std::string, std::string>& files, const DeploymentBuild& build) {
  ContentLoad result;
  std::vector<std::shared_ptr<const Content>> languages;
  for (const auto& locale : locales_in(files)) {
    auto loaded = load_content(files, locale, build);
    add_locale_problems(locale, loaded.problems, result.problems);
    languages.push_back(loaded.content);
    if (locale != kOriginal) check_key_table(files, locale, result.problems);
  }
  if (result.problems.empty()) {
    result.content = languages.front();
    result.languages = std::move(languages);
  }
  return result;
}

ContentLoad load_later_language(const LanguageSource& source, const LaterLanguage& later, std::string_view text) {
  ContentLoad result;
  const auto refuse = [&](const std::string& why) {
    result.problems.push_back({later.file, "", why});
    return result;
  };
  if (text.empty()) return refuse("could not be fetched");
  if (fnv1a64_hex(text) != later.checksum) return refuse("is not the file this release of the app was built with");
  const SafeJson safe = parse_untrusted(text);
  if (!safe.ok() || !safe.value.is_object() || safe.value.value("locale", "") != later.locale ||
      !safe.value.contains("files") || !safe.value["files"].is_object())
    return refuse("is damaged (not the JSON the site build writes)");
  std::map<std::string, std::string> files = source.files;
  const std::string prefix = later.locale + "/";
  for (auto it = safe.value["files"].begin(); it != safe.value["files"].end(); ++it)
    if (it.key().rfind(prefix, 0) == 0 && it.value().is_string()) files[it.key()] = it.value().get<std::string>();
  DeploymentBuild build;
  build.example = source.example;
  auto loaded = load_content(files, later.locale, build);
  add_locale_problems(later.locale, loaded.problems, result.problems);
  check_key_table(files, later.locale, result.problems);
  if (result.problems.empty()) {
    result.content = loaded.content;
    result.languages = {loaded.content};
  }
  return result;
}

}  // namespace cpa::core
