#pragma once
// The app's languages: English and Welsh (issue 27).  Every locale the content bundle holds is
// loaded at start (State::languages, en-GB first); the one shown is State::content, and every
// screen reads its words from there, so switching changes no place, answer or typed text.
//
// Which language shows, in order: the person's own choice (kept with the other settings, never
// on a kiosk, where each visitor starts afresh); else a shared plan's language (a carer reads
// the plan in the language it was written in, and can switch); else the deployment's default (a Welsh health
// board may put Welsh first); else the first of the browser's languages that the app has; else
// English.  A deployment can offer English only, and hide the switch.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/effects.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;
struct Content;
struct LanguageSource;
struct LaterLanguage;

struct LanguageState {
  std::string chosen;                // the person's choice ("cy", "en-GB"); "" until they choose
  std::vector<std::string> browser;  // the browser's languages, most wanted first ("cy-GB", "en")
  std::string from_link;             // a shared plan's language (the sharer's), until a choice is made
  // The languages the site ships in files of their own, fetched when the rule first picks one
  // (core/content/content.hpp LaterLanguage); null when every language came in the main bundle.
  std::shared_ptr<const LanguageSource> source;
  std::string asked;   // a later language asked of the platform, not here yet
  std::string failed;  // a later language that could not be loaded; choosing it again tries again
  // The language being read when everything was deleted: shown until the app closes, so the
  // person reads what happened in it, but never saved (the choice itself went with the settings).
  std::string until_closed;
};

// The platform's list of the browser's languages (navigator.languages), before the first frame.
struct BrowserLanguages {
  std::vector<std::string> tags;
};
// The switch on every screen ("Cymraeg" on English screens, "English" on Welsh ones).
struct ChooseLanguage {
  std::string locale;
};
// The platform's answer to LoadLanguage: the file's text ("" when it could not be fetched).
struct LanguageFileArrived {
  std::string locale;
  std::string text;
};

using LanguageAction = std::variant<BrowserLanguages, ChooseLanguage, LanguageFileArrived>;
template <class T>
inline constexpr bool is_language_action = is_variant_member_v<T, LanguageAction>;

Effects update_language(State& state, const LanguageAction& action);

// The locales this site offers, in the order the bundle holds them (a deployment may offer fewer).
std::vector<std::string> offered_languages(const State& state);
// The same as content, the deployment's first language first: the plain page's order (before the
// app runs, no browser language or choice is known).
std::vector<const Content*> page_languages(const std::vector<std::shared_ptr<const Content>>& languages);
// The locale to show now, by the rule above; "" when no language was loaded (some unit tests
// set State::content themselves).
std::string language_to_show(const State& state);
// State::content made the language to show (call after anything the rule reads has changed).
void apply_language(State& state);
// After every action (core/update.cpp): when the language the rule picks is a later one not
// yet here, the platform is asked for its file, once (LoadLanguage).  Until it arrives the words
// stay as they are; at start the web platform holds the first frame for it (language_pending).
Effects fetch_missing_language(State& state);
// How long a language's file may take to arrive before the platform gives up on it.  At start a
// Welsh reader sees only the plain page (its crisis numbers) while it comes: on a stalled network
// they get the app in English, saying the Welsh could not be loaded, rather than waiting for
// ever.  content-cy.json is about 27 KB compressed: seconds even on a slow 3G line.
inline constexpr int language_wait_ms = 10000;
bool language_pending(const State& state);

// The other language the switch offers, in its own name; none when it shows no switch (one
// language offered, or a deployment that hides it).
struct LanguageChoice {
  std::string locale;  // "cy"
  std::string name;    // "Cymraeg"
};
std::optional<LanguageChoice> language_switch_target(const State& state);
// The later language that could not be loaded and is still the one the rule picks, or null:
// the switch says so, in that language's words and the ones on screen.
const LaterLanguage* language_not_loaded(const State& state);
// "cy-GB" and "CY" are Welsh; "en-US" is English: the locale of ours that a browser tag means, or "".
std::string locale_for_tag(const State& state, std::string_view tag);

// The person's choice goes (Delete everything, a kiosk's next visitor); the language to show
// is worked out again.
void reset_language(State& state);
// Delete everything: the choice goes, but the screen stays in the language being read.
void keep_language_until_closed(State& state, std::string_view locale);
// A shared plan was opened: it shows in its sharer's language ("" or one the site does not offer:
// no change) unless the person has chosen one.
void link_language(State& state, std::string_view locale);

}  // namespace cpa::core
