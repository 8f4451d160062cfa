#include "core/content/language.hpp"

#include <algorithm>
#include <cctype>

#include "core/content/content.hpp"
#include "core/support/overloaded.hpp"
#include "core/state.hpp"

namespace cpa::core {
namespace {

// "cy-GB" -> "cy"; "EN" -> "en": the primary language subtag (BCP 47), lower case.
std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (const char c : tag) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// The first of the offered locales in the language a browser tag names ("cy-GB" -> "cy").
std::string offered_locale_for_tag(const std::vector<std::string>& offered, std::string_view tag) {
  const std::string wanted = primary_subtag(tag);
  if (wanted.empty()) return {};
  for (const auto& locale : offered)
    if (primary_subtag(locale) == wanted) return locale;
  return {};
}

bool offers(const State& state, std::string_view locale) {
  const auto offered = offered_languages(state);
  return std::find(offered.begin(), offered.end(), locale) != offered.end();
}

const Content* loaded(const State& state, std::string_view locale) {
  for (const auto& content : state.languages)
    if (content && content->locale == locale) return content.get();
  return nullptr;
}

const LaterLanguage* later(const State& state, std::string_view locale) {
  if (!state.language.source) return nullptr;
  for (const auto& entry : state.language.source->later)
    if (entry.locale == locale) return &entry;
  return nullptr;
}

// The deployment is the same file in every locale: read it from the first loaded (en-GB).
const LanguageSettings* deployment_languages(const std::vector<std::shared_ptr<const Content>>& languages) {
  if (languages.empty() || !languages.front()) return nullptr;
  return &languages.front()->deployment.languages;
}

bool deployment_offers(const LanguageSettings* settings, std::string_view locale) {
  return !settings || settings->offered.empty() ||
         std::find(settings->offered.begin(), settings->offered.end(), locale) != settings->offered.end();
}

// The loaded languages a deployment offers (all of them when it names none), in bundle order.
std::vector<const Content*> offered_contents(const std::vector<std::shared_ptr<const Content>>& languages) {
  std::vector<const Content*> out;
  const LanguageSettings* settings = deployment_languages(languages);
  for (const auto& content : languages)
    if (content && deployment_offers(settings, content->locale)) out.push_back(content.get());
  return out;
}

// A later language's file arrived (or did not): loaded and checked against the main bundle, it
// joins the languages and the rule is applied again; refused, the words stay as they are and
// the switch says so.
void language_arrived(State& state, const LanguageFileArrived& arrived) {
  const LaterLanguage* entry = later(state, arrived.locale);
  if (state.language.asked == arrived.locale) state.language.asked.clear();
  if (!entry || loaded(state, arrived.locale)) return;
  const ContentLoad result = load_later_language(*state.language.source, *entry, arrived.text);
  if (!result.ok()) {
    state.language.failed = arrived.locale;
    return;
  }
  state.language.failed.clear();
  state.languages.push_back(result.content);
  apply_language(state);
}

}  // namespace

std::vector<std::string> offered_languages(const State& state) {
  std::vector<std::string> out;
  for (const Content* content : offered_contents(state.languages)) out.push_back(content->locale);
  if (!state.language.source) return out;
  // The later ones, where the bundle order puts them: after en-GB, in the order of their codes.
  for (const auto& entry : state.language.source->later)
    if (deployment_offers(deployment_languages(state.languages), entry.locale) && !loaded(state, entry.locale))
      out.push_back(entry.locale);
  if (out.size() > 1) std::sort(out.begin() + 1, out.end());
  return out;
}

std::vector<const Content*> page_languages(const std::vector<std::shared_ptr<const Content>>& languages) {
  auto out = offered_contents(languages);
  if (out.empty()) return out;
  const std::string& first = out.front()->deployment.languages.first;
  std::stable_partition(out.begin(), out.end(), [&](const Content* c) { return c->locale == first; });
  return out;
}

std::string locale_for_tag(const State& state, std::string_view tag) {
  return offered_locale_for_tag(offered_languages(state), tag);
}

std::string language_to_show(const State& state) {
  const auto offered = offered_languages(state);  // worked out once for every rule below
  if (offered.empty()) return {};
  const auto is_offered = [&](const std::string& locale) {
    return !locale.empty() && std::find(offered.begin(), offered.end(), locale) != offered.end();
  };
  if (is_offered(state.language.chosen)) return state.language.chosen;
  if (is_offered(state.language.from_link)) return state.language.from_link;
  if (is_offered(state.language.until_closed)) return state.language.until_closed;
  const LanguageSettings* settings = deployment_languages(state.languages);
  if (settings && settings->first != "browser" && is_offered(settings->first)) return settings->first;
  for (const auto& tag : state.language.browser)
    if (auto locale = offered_locale_for_tag(offered, tag); !locale.empty()) return locale;
  return offered.front();
}

void apply_language(State& state) {
  const std::string locale = language_to_show(state);
  if (locale.empty()) return;
  for (const auto& content : state.languages)
    if (content && content->locale == locale) state.content = content;
}

std::optional<LanguageChoice> language_switch_target(const State& state) {
  const LanguageSettings* settings = deployment_languages(state.languages);
  if (settings && !settings->show_switch) return std::nullopt;
  const auto offered = offered_languages(state);
  if (offered.size() < 2 || !state.content) return std::nullopt;
  // Two languages: the other one.  (More would need a list, not a switch.)
  for (const auto& locale : offered) {
    if (locale == state.content->locale) continue;
    if (const Content* content = loaded(state, locale)) return LanguageChoice{locale, content->str("language.name")};
    if (const LaterLanguage* entry = later(state, locale)) return LanguageChoice{locale, entry->name};
  }
  return std::nullopt;
}

const LaterLanguage* language_not_loaded(const State& state) {
  if (state.language.failed.empty() || state.language.failed != language_to_show(state)) return nullptr;
  return later(state, state.language.failed);
}

bool language_pending(const State& state) { return !state.language.asked.empty(); }

Effects fetch_missing_language(State& state) {
  const std::string locale = language_to_show(state);
  if (locale.empty() || loaded(state, locale) || locale == state.language.asked || locale == state.language.failed)
    return {};
  const LaterLanguage* entry = later(state, locale);
  if (!entry) return {};
  state.language.asked = locale;
  return {LoadLanguage{locale, entry->file, language_wait_ms}};
}

void reset_language(State& state) {
  state.language.chosen.clear();
  state.language.from_link.clear();
  state.language.until_closed.clear();
  apply_language(state);
}

void keep_language_until_closed(State& state, std::string_view locale) {
  state.language.until_closed = std::string(locale);
  apply_language(state);
}

void link_language(State& state, std::string_view locale) {
  if (locale.empty()) return;
  state.language.from_link = std::string(locale);
  apply_language(state);
}

Effects update_language(State& state, const LanguageAction& action) {
  return std::visit(Overloaded{
                        [&](const BrowserLanguages& a) -> Effects {
                          state.language.browser = a.tags;
                          apply_language(state);
                          return {};
                        },
                        [&](const ChooseLanguage& a) -> Effects {
                          if (!offers(state, a.locale)) return {};
                          state.language.chosen = a.locale;
                          if (state.language.failed == a.locale) state.language.failed.clear();  // try again
                          apply_language(state);
                          // Kept with the other settings, except on a kiosk (core/display/display.cpp).
                          if (state.kiosk.active) return {};
                          return {SaveSettings{settings_document(state)}};
                        },
                        [&](const LanguageFileArrived& a) -> Effects {
                          language_arrived(state, a);
                          return {};
                        },
                    },
                    action);
}

}  // namespace cpa::core
