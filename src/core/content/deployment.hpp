#pragma once
// A trust's deployment file: who deploys the app, where, their own crisis lines and services,
// the kiosk's settings, and the review interval.  It is validated when the site is built
// (./cpa build --deployment FILE) and baked into the content bundle as "deployment.json".
// Without one, the national content is used and every setting has its default below.
//
// A deployment must not give a person in crisis a number that reaches no one: the build refuses
// Ofcom's drama numbers (DramaNumbers below), a trust or line named as an example, and a
// number last checked more than a year before the build.  A demonstration is built with
// --example instead: then only drama numbers are allowed, and every screen, the plain page, the
// printed result and the card say that the local numbers reach no one.
#include <memory>
#include <string>
#include <vector>

#include "core/support/json_fields.hpp"

namespace cpa::core {

struct Content;
struct PhoneNumber;

// Telephone numbers that reach no one: the ranges Ofcom keeps for TV and radio drama, held as
// data in content/en-GB/drama_numbers.json (with its source), never in C++.
struct DramaRange {
  std::string written;     // as Ofcom writes it: "01632 960xxx"
  std::string prefix;      // the fixed digits: "01632960"
  std::size_t digits = 0;  // how many digits a number in it has, the leading 0 included: 11
};

struct DramaNumbers {
  std::vector<DramaRange> ranges;
  std::vector<std::string> source_ids;
};

// drama_numbers.json: {"checked", "sources", "about", "ranges": ["01632 960xxx", ...]}.
void load_drama_numbers(const Fields& fields, DramaNumbers& out);

// The range a number is in, or nullptr.  "+44 1632 960 000" and "01632 960000" are one number.
const DramaRange* drama_range_of(const DramaNumbers& drama, const PhoneNumber& number);

// A service the trust names (its crisis team, a safe haven, ...), shown as information.
struct LocalService {
  std::string name;
  std::string purpose;     // who it is for
  std::string phone;       // as written, checked to be a UK number; may be empty
  std::string url;         // https://, may be empty
  std::string checked;     // YYYY-MM-DD the trust last checked it; required with a phone
  std::string words_lang;  // "en-GB" when its words are English on another language's screens
};

struct KioskSettings {
  bool enabled = false;        // the deployment turns kiosk mode on (or ?mode=kiosk does)
  std::string public_address;  // https:// address for "Continue on your phone"
  int idle_seconds = 90;       // quiet time before "Are you still there?"
  int warning_seconds = 30;    // the countdown before everything is cleared (at least 20)
};

inline constexpr int kMinKioskWarningSeconds = 20;  // WCAG 2.2.1: time to ask for more time
inline constexpr int kMinKioskIdleSeconds = 30;

// What the site build knows that the file does not say.
struct DeploymentBuild {
  bool example = false;  // ./cpa build --example: a demonstration, whose numbers reach no one
  std::string today;     // YYYY-MM-DD, the build's date; empty in the app, which checks no dates
};

// The locales the content folder holds (content/<locale>/), in the order the app offers them.
inline constexpr const char* kLocales[] = {"en-GB", "cy"};

// Which languages a deployment offers and shows first (core/content/language.hpp has the rule).
struct LanguageSettings {
  std::vector<std::string> offered;  // empty: every locale the site holds
  std::string first = "browser";     // "browser" (the person's browser decides), or a locale
  bool show_switch = true;           // false: no language switch (one language only, in effect)
  std::string welsh_reviewed_by;     // who checked the Welsh for this deployment (a translator)
  std::string welsh_reviewed_on;     // YYYY-MM-DD
  // Welsh offered with no record of its review: the site builds, with a warning (issue 27).
  bool welsh_unreviewed() const;
};

struct Deployment {
  bool present = false;  // false: no deployment file, national content only
  bool example = false;  // built as an example: every screen says so (example_notice)
  std::string trust_name;
  std::string nation;  // "england", "wales", ...: orders Help now and the results
  std::vector<LocalService> services;
  KioskSettings kiosk;
  int review_interval_months = 12;  // 6 or 12
  LanguageSettings languages;
};

// Reads deployment.json.  Its crisis lines go into content.crisis_lines marked local, serving
// the deployment's nation.  Checks that need the rest of the content (the nation, line ids
// clashing with national ones, Ofcom's drama ranges) are made here too, so call it after the
// locale's files.
Deployment load_deployment(const Fields& fields, Content& content, const DeploymentBuild& build = {});

// What an example site says on every screen and page: empty for a real deployment (or none).
struct ExampleNotice {
  std::string title;  // "This is a demonstration."
  std::string text;   // why the local numbers must not be called, and that the national ones are real
  bool shown() const { return !title.empty(); }
};
ExampleNotice example_notice(const Content& content);

// A trust's lines and services whose words are missing in a language the site offers ("crisis
// line \"leeds-crisis\" has no Welsh words"): the site build warns, and those words show in
// English, marked as English, on that language's screens.
std::vector<std::string> untranslated_local_words(const std::vector<std::shared_ptr<const Content>>& languages);
// The same as HTML, for the plain page, the printed result and the card ("" when not shown).
std::string example_notice_html(const Content& content);

}  // namespace cpa::core
