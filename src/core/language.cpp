#include "core/language.hpp"

#include <algorithm>
#include <cctype>

#include "core/overloaded.hpp"
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

bool offers(const State& state, std::string_view locale) {
  const auto offered = offered_languages(state);
  return std::find(offered.begin(), offered.end(), locale) != offered.end();
}

const Content* loaded(const State& state, std::string_view locale) {
  for (const auto& content : state.languages)
    if (content && content->locale == locale) return content.get();
  return nullptr;
}

// The deployment is the same file in every locale: read it from whichever is loaded.
const LanguageSettings* deployment_languages(const State& state) {
  if (state.languages.empty() || !state.languages.front()) return nullptr;
  return &state.languages.front()->deployment.languages;
}

// The loaded languages a deployment offers (all of them when it names none), in bundle order.
std::vector<const Content*> offered_contents(const std::vector<std::shared_ptr<const Content>>& languages) {
  std::vector<const Content*> out;
  if (languages.empty() || !languages.front()) return out;
  const auto& only = languages.front()->deployment.languages.offered;
  for (const auto& content : languages)
    if (content && (only.empty() || std::find(only.begin(), only.end(), content->locale) != only.end()))
      out.push_back(content.get());
  return out;
}

}  // namespace

std::vector<std::string> offered_languages(const State& state) {
  std::vector<std::string> out;
  for (const Content* content : offered_contents(state.languages)) out.push_back(content->locale);
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
  const std::string wanted = primary_subtag(tag);
  if (wanted.empty()) return {};
  for (const auto& locale : offered_languages(state))
    if (primary_subtag(locale) == wanted) return locale;
  return {};
}

std::string language_to_show(const State& state) {
  const auto offered = offered_languages(state);
  if (offered.empty()) return {};
  if (!state.language.chosen.empty() && offers(state, state.language.chosen)) return state.language.chosen;
  if (!state.language.from_link.empty() && offers(state, state.language.from_link)) return state.language.from_link;
  if (!state.language.until_closed.empty() && offers(state, state.language.until_closed))
    return state.language.until_closed;
  const LanguageSettings* settings = deployment_languages(state);
  if (settings && settings->first != "browser" && offers(state, settings->first)) return settings->first;
  for (const auto& tag : state.language.browser)
    if (auto locale = locale_for_tag(state, tag); !locale.empty()) return locale;
  return offered.front();
}

void apply_language(State& state) {
  const std::string locale = language_to_show(state);
  if (locale.empty()) return;
  for (const auto& content : state.languages)
    if (content && content->locale == locale) state.content = content;
}

const Content* language_switch_target(const State& state) {
  const LanguageSettings* settings = deployment_languages(state);
  if (settings && !settings->show_switch) return nullptr;
  const auto offered = offered_languages(state);
  if (offered.size() < 2 || !state.content) return nullptr;
  // Two languages: the other one.  (More would need a list, not a switch.)
  for (const auto& locale : offered)
    if (locale != state.content->locale) return loaded(state, locale);
  return nullptr;
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
                          apply_language(state);
                          // Kept with the other settings, except on a kiosk (core/display.cpp).
                          if (state.kiosk.active) return {};
                          return {SaveSettings{settings_document(state)}};
                        },
                    },
                    action);
}

}  // namespace cpa::core
