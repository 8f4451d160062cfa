// Which language shows (core/content/language.hpp): the person's choice, kept with the settings (not on
// a kiosk); else the deployment's first language; else the browser's; else English.  Switching
// changes only the words: the screen, the answers and anything typed stay.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "core/state.hpp"
#include "platform/memory/memory_platform.hpp"
#include "content_files.hpp"
#include "real_content.hpp"

using namespace cpa;

namespace {

// The real English content, and a stand-in for the Welsh with its own name and locale (the
// Welsh words themselves are tested against the English in test_content).
std::shared_ptr<const core::Content> with_locale(const std::string& locale, const std::string& name,
                                                 const core::LanguageSettings& languages) {
  auto content = std::make_shared<core::Content>(test::real_content());
  content->locale = locale;
  content->strings["language.name"] = name;
  content->deployment.languages = languages;
  return content;
}

struct TwoLanguageApp {
  core::State state;
  platform::MemoryPlatform browser;
  explicit TwoLanguageApp(bool kiosk = false, const core::LanguageSettings& languages = {},
                          std::vector<std::string> browser_tags = {"en-GB", "en"}) {
    state.languages = {with_locale("en-GB", "English", languages), with_locale("cy", "Cymraeg", languages)};
    state.content = state.languages.front();
    act(core::KioskStart{kiosk, 0});
    act(core::BrowserLanguages{std::move(browser_tags)});
    act(core::SettingsLoaded{false, ""});
    if (!kiosk) act(core::PlansStoreLoaded{"", ""});
    act(core::Start{""});
  }
  void act(const core::Action& a) { platform::carry_out(browser, core::update(state, a)); }
  std::string shown() const { return state.content->locale; }
};

}  // namespace

TEST_CASE("the browser's languages choose the first language: cy-GB is Welsh, en-US is English, French is neither") {
  CHECK(TwoLanguageApp(false, {}, {"cy-GB", "en-GB"}).shown() == "cy");
  CHECK(TwoLanguageApp(false, {}, {"CY"}).shown() == "cy");
  CHECK(TwoLanguageApp(false, {}, {"en-US", "cy"}).shown() == "en-GB");
  CHECK(TwoLanguageApp(false, {}, {"fr-FR", "cy"}).shown() == "cy");
  CHECK(TwoLanguageApp(false, {}, {"fr-FR", "de"}).shown() == "en-GB");
  CHECK(TwoLanguageApp(false, {}, {}).shown() == "en-GB");
  CHECK(TwoLanguageApp(false, {}, {"", "-", "cyrl"}).shown() == "en-GB");
}

TEST_CASE("the switch offers the other language by its own name, and choosing it is kept with the settings") {
  TwoLanguageApp app;
  const auto other = core::language_switch_target(app.state);
  REQUIRE(other.has_value());
  CHECK(other->locale == "cy");
  CHECK(other->name == "Cymraeg");
  app.act(core::ChooseLanguage{"cy"});
  CHECK(app.shown() == "cy");
  REQUIRE(core::language_switch_target(app.state).has_value());
  CHECK(core::language_switch_target(app.state)->name == "English");
  CHECK(core::read_settings_document(app.browser.stored_settings).language == "cy");

  // The next visit starts in Welsh, whatever the browser says.
  TwoLanguageApp next(false, {}, {"en-GB"});
  next.act(core::SettingsLoaded{true, app.browser.stored_settings});
  CHECK(next.shown() == "cy");
}

TEST_CASE("switching language keeps the screen, the walk-through's answers and the plan's typing") {
  TwoLanguageApp app;
  app.act(core::Navigate{core::Route{core::Screen::care_plan, {}}});
  app.act(core::PlanEditField{"care_plan.coordinator.phone", "0113 496 0000"});
  const auto stack = app.state.stack;
  const auto plans = app.state.plans.records;
  app.act(core::ChooseLanguage{"cy"});
  CHECK(app.shown() == "cy");
  CHECK(app.state.stack == stack);
  CHECK(app.state.plans.records == plans);
}

TEST_CASE("a language the site does not have is ignored, from the switch or from a stored document") {
  TwoLanguageApp app;
  app.act(core::ChooseLanguage{"fr"});
  CHECK(app.shown() == "en-GB");
  CHECK(app.browser.stored_settings.empty());
  app.act(core::SettingsLoaded{true, R"({"language":"klingon"})"});
  CHECK(app.shown() == "en-GB");
  app.act(core::SettingsLoaded{true, R"({"language":42})"});
  CHECK(app.shown() == "en-GB");
}

TEST_CASE(
    "a kiosk keeps no choice of language: the visitor's lasts for the visit, the next starts from the deployment's") {
  core::LanguageSettings welsh_first;
  welsh_first.first = "cy";
  TwoLanguageApp kiosk(true, welsh_first);
  CHECK(kiosk.shown() == "cy");
  kiosk.act(core::SettingsLoaded{true, R"({"language":"en-GB"})"});  // what the browser once stored is not the kiosk's
  CHECK(kiosk.shown() == "cy");
  kiosk.act(core::ChooseLanguage{"en-GB"});
  CHECK(kiosk.shown() == "en-GB");
  CHECK(kiosk.browser.stored_settings.empty());
  platform::carry_out(kiosk.browser, core::kiosk_clear_quietly(kiosk.state));
  CHECK(kiosk.shown() == "cy");
}

TEST_CASE("a deployment puts a language first, can offer English only, and can hide the switch") {
  core::LanguageSettings welsh_first;
  welsh_first.first = "cy";
  CHECK(TwoLanguageApp(false, welsh_first, {"en-GB"}).shown() == "cy");

  core::LanguageSettings english_only;
  english_only.offered = {"en-GB"};
  TwoLanguageApp english(false, english_only, {"cy"});
  CHECK(english.shown() == "en-GB");
  CHECK_FALSE(core::language_switch_target(english.state).has_value());
  english.act(core::ChooseLanguage{"cy"});
  CHECK(english.shown() == "en-GB");

  core::LanguageSettings no_switch;
  no_switch.show_switch = false;
  TwoLanguageApp hidden(false, no_switch, {"cy"});
  CHECK(hidden.shown() == "cy");
  CHECK_FALSE(core::language_switch_target(hidden.state).has_value());
}

TEST_CASE("Delete everything forgets the choice of language with the other settings, and says what happened in it") {
  TwoLanguageApp app;
  app.act(core::ChooseLanguage{"cy"});
  app.act(core::DeleteEverything{});
  CHECK(app.shown() == "cy");  // "Deleting everything", in the language the person was reading
  CHECK(app.state.language.chosen.empty());
  // Never saved again: a settings change after it stores no language.
  CHECK(core::read_settings_document(core::settings_document(app.state)).language.empty());
  // A kiosk's next visitor starts from the deployment's language, whatever was kept.
  app.state.kiosk.active = true;
  core::reset_language(app.state);
  CHECK(app.shown() == "en-GB");
}

TEST_CASE("a shared plan carries its sharer's language: the carer's view opens in it, unless the carer chose one") {
  core::Records records;
  const std::string payload = core::share_payload(records, {}, "2026-11-23", "wales", "Sam", "cy");
  const auto plan = core::read_share_payload(payload);
  REQUIRE(plan.has_value());
  CHECK(plan->language == "cy");
  // A forged or strange language is left out, never refused: the plan still opens.
  for (const char* odd : {"", "c y", "<script>", "cy-GB-with-far-too-many-letters"}) {
    CAPTURE(odd);
    const auto forged = core::read_share_payload(core::share_payload(records, {}, "2026-11-23", "", "", odd));
    REQUIRE(forged.has_value());
    CHECK(forged->language.empty());
  }

  TwoLanguageApp carer(false, {}, {"en-GB"});
  core::link_language(carer.state, plan->language);
  CHECK(carer.shown() == "cy");
  core::link_language(carer.state, "fr");  // a language the site does not have counts for nothing
  CHECK(carer.shown() == "en-GB");
  carer.act(core::ChooseLanguage{"en-GB"});
  core::link_language(carer.state, "cy");
  CHECK(carer.shown() == "en-GB");  // the carer's own choice wins
}

// ---- a language the site ships in a file of its own (core/content/content.hpp LaterLanguage) ----
namespace {

// The real site's bundles, as ./cpa build writes them: English in content.json, Welsh apart.
const std::map<std::string, std::string>& site_bundles() {
  static const auto bundles = core::make_site_bundles(test::content_files(), false, "browser");
  return bundles;
}

struct SiteApp {
  core::State state;
  platform::MemoryPlatform browser;
  explicit SiteApp(std::vector<std::string> browser_tags,
                   const std::string& bundle = site_bundles().at("content.json")) {
    const auto loaded = core::load_content_bundle(bundle);
    REQUIRE(loaded.ok());
    state.languages = loaded.languages;
    state.content = loaded.content;
    state.language.source = loaded.source;
    act(core::KioskStart{false, 0});
    act(core::BrowserLanguages{std::move(browser_tags)});
    act(core::SettingsLoaded{false, ""});
    act(core::PlansStoreLoaded{"", ""});
    act(core::Start{""});
  }
  void act(const core::Action& a) { platform::carry_out(browser, core::update(state, a)); }
  std::string shown() const { return state.content->locale; }
  void arrive(const std::string& text) { act(core::LanguageFileArrived{"cy", text}); }
};

}  // namespace

TEST_CASE("the site ships Welsh apart: English readers never fetch it, and the switch names it before it is here") {
  const auto& bundles = site_bundles();
  REQUIRE(bundles.size() == 2);
  REQUIRE(bundles.contains("content-cy.json"));
  CHECK(bundles.at("content.json").find("cy/strings.json") == std::string::npos);
  CHECK(bundles.at("content-cy.json").find("en-GB/") == std::string::npos);
  CHECK(bundles.at("content-cy.json").find("\"common/crisis_lines.json\"") == std::string::npos);  // numbers: one place

  SiteApp app({"en-GB"});
  CHECK(app.shown() == "en-GB");
  CHECK(app.state.languages.size() == 1);
  CHECK(app.browser.language_requests.empty());
  CHECK_FALSE(core::language_pending(app.state));
  const auto other = core::language_switch_target(app.state);
  REQUIRE(other.has_value());
  CHECK(other->locale == "cy");
  CHECK(other->name == "Cymraeg");

  // A deployment that puts Welsh first ships it in content.json: its readers wait for nothing.
  const auto welsh_first = core::make_site_bundles(test::content_files(), false, "cy");
  CHECK(welsh_first.size() == 1);
  CHECK(core::load_content_bundle(welsh_first.at("content.json")).languages.size() == 2);
}

TEST_CASE("a Welsh browser asks for the Welsh file once, and reads Welsh when it arrives") {
  SiteApp app({"cy-GB", "en"});
  CHECK(app.shown() == "en-GB");  // held: the web page draws no frame while it is pending
  CHECK(core::language_pending(app.state));
  REQUIRE(app.browser.language_requests.size() == 1);
  CHECK(app.browser.language_requests[0].file == "content-cy.json");
  // The platform gives up after this long (a stalled network), and the app opens in English.
  CHECK(app.browser.language_requests[0].wait_ms == core::language_wait_ms);
  CHECK(core::language_wait_ms > 0);
  app.act(core::Navigate{core::Route{core::Screen::help_now, {}}});
  CHECK(app.browser.language_requests.size() == 1);  // asked once, not on every action
  app.arrive(site_bundles().at("content-cy.json"));
  CHECK(app.shown() == "cy");
  CHECK_FALSE(core::language_pending(app.state));
  CHECK(app.state.route().screen == core::Screen::help_now);
  CHECK(core::language_switch_target(app.state)->name == "English");
  // Back to English and to Welsh again: nothing more is fetched.
  app.act(core::ChooseLanguage{"en-GB"});
  app.act(core::ChooseLanguage{"cy"});
  CHECK(app.shown() == "cy");
  CHECK(app.browser.language_requests.size() == 1);
}

TEST_CASE(
    "a Welsh file not fetched, damaged or from another release is refused: English stays, the switch says so in both, and tries again") {
  SiteApp app({"en-GB"});
  app.act(core::ChooseLanguage{"cy"});
  REQUIRE(app.browser.language_requests.size() == 1);
  std::string other_release = site_bundles().at("content-cy.json");
  other_release.replace(other_release.find("Cymraeg"), 7, "Cymraeg!");
  for (const std::string& bad : {std::string(), std::string("{\"locale\":\"cy\",\"files\":{}}"), other_release}) {
    CAPTURE(bad.size());
    app.arrive(bad);
    CHECK(app.shown() == "en-GB");
    CHECK(app.state.content->crisis_lines.size() > 3);  // Help now has every line, whatever arrived
    const core::LaterLanguage* failed = core::language_not_loaded(app.state);
    REQUIRE(failed != nullptr);
    CHECK(failed->not_loaded.find("Doedd dim modd llwytho") == 0);  // said in Welsh too
    CHECK_FALSE(core::language_pending(app.state));
    // The switch still offers Cymraeg; choosing it asks again.
    const auto before = app.browser.language_requests.size();
    app.act(core::ChooseLanguage{"cy"});
    CHECK(app.browser.language_requests.size() == before + 1);
  }
  app.arrive(site_bundles().at("content-cy.json"));
  CHECK(app.shown() == "cy");
  CHECK(core::language_not_loaded(app.state) == nullptr);
}

TEST_CASE("a content bundle whose list of later languages is damaged does not load") {
  for (const char* later : {R"("later": 3)", R"("later": [{"locale": "cy"}])", R"("later": [1])"}) {
    CAPTURE(later);
    std::string bundle = site_bundles().at("content.json");
    bundle.replace(bundle.rfind("\"later\""), std::string::npos, std::string(later) + "}");
    CHECK_FALSE(core::load_content_bundle(bundle).ok());
  }
}
