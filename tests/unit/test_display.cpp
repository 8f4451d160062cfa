// The display settings' rules (core/display/display.hpp): which theme applies for each setting and each
// device, reduced motion, the text sizes, the stored document (bad input gets defaults), a
// kiosk keeping nothing, and "Delete everything" forgetting them.
#include <doctest/doctest.h>

#include <memory>

#include "core/state.hpp"
#include "started_app.hpp"

using namespace cpa;
using core::AppliedTheme;
using core::ThemeChoice;

namespace {

core::DisplayState with(ThemeChoice theme, core::DeviceDisplay device) {
  core::DisplayState d;
  d.settings.theme = theme;
  d.device = device;
  return d;
}

}  // namespace

TEST_CASE("Match this device: forced colours or more contrast give high contrast, then dark mode, else light") {
  using D = core::DeviceDisplay;
  CHECK(core::applied_theme(with(ThemeChoice::device, D{})) == AppliedTheme::light);
  CHECK(core::applied_theme(with(ThemeChoice::device, D{true, false, false, false, {}})) == AppliedTheme::dark);
  CHECK(core::applied_theme(with(ThemeChoice::device, D{false, true, false, false, {}})) ==
        AppliedTheme::high_contrast);
  CHECK(core::applied_theme(with(ThemeChoice::device, D{false, false, true, false, {}})) ==
        AppliedTheme::high_contrast);
  // Dark mode and more contrast together: contrast is the stronger need.
  CHECK(core::applied_theme(with(ThemeChoice::device, D{true, true, false, false, {}})) == AppliedTheme::high_contrast);
  CHECK(core::applied_theme(with(ThemeChoice::device, D{true, false, true, false, {}})) == AppliedTheme::high_contrast);
  // Reduced motion says nothing about colours.
  CHECK(core::applied_theme(with(ThemeChoice::device, D{false, false, false, true, {}})) == AppliedTheme::light);
}

TEST_CASE("a theme the person chose wins over whatever the device says") {
  for (const bool dark : {false, true})
    for (const bool contrast : {false, true})
      for (const bool forced : {false, true}) {
        const core::DeviceDisplay device{dark, contrast, forced, false, {}};
        CAPTURE(dark);
        CAPTURE(contrast);
        CAPTURE(forced);
        CHECK(core::applied_theme(with(ThemeChoice::light, device)) == AppliedTheme::light);
        CHECK(core::applied_theme(with(ThemeChoice::dark, device)) == AppliedTheme::dark);
        CHECK(core::applied_theme(with(ThemeChoice::high_contrast, device)) == AppliedTheme::high_contrast);
      }
  CHECK(core::theme_name(AppliedTheme::high_contrast) == "high-contrast");
}

// Windows contrast themes force their colours on every page; a browser that tells us the
// colours (CSS system colours) gets them drawn on the canvas too, whatever was chosen.
TEST_CASE("forced colours the device tells us win over every choice; untold, they mean high contrast") {
  core::DeviceDisplay device{false, false, true, false, {}};
  device.system = {true, 0x000000, 0xFFFFFF, 0xFFFF00, 0x000000, 0xFFFFFF, 0x00FFFF, 0x000000};
  for (const auto choice : {ThemeChoice::device, ThemeChoice::light, ThemeChoice::dark, ThemeChoice::high_contrast}) {
    CAPTURE(static_cast<int>(choice));
    CHECK(core::applied_theme(with(choice, device)) == AppliedTheme::forced_colours);
    CHECK(core::forced_colours(with(choice, device)));
  }
  CHECK(core::theme_name(AppliedTheme::forced_colours) == "forced-colours");
  // The colours alone (forced colours turned off since) change nothing.
  device.forced_colors = false;
  CHECK(core::applied_theme(with(ThemeChoice::device, device)) == AppliedTheme::light);
  CHECK_FALSE(core::forced_colours(with(ThemeChoice::device, device)));
  // Forced, but the browser could not say in which colours: the app's own high contrast.
  device.forced_colors = true;
  device.system.known = false;
  CHECK(core::applied_theme(with(ThemeChoice::device, device)) == AppliedTheme::high_contrast);
  CHECK(core::applied_theme(with(ThemeChoice::dark, device)) == AppliedTheme::dark);
}

TEST_CASE("reduced motion follows the device unless the person chose on or off") {
  core::DisplayState d;
  CHECK_FALSE(core::reduce_motion(d));
  d.device.prefers_reduced_motion = true;
  CHECK(core::reduce_motion(d));
  d.settings.motion = core::MotionChoice::full;
  CHECK_FALSE(core::reduce_motion(d));
  d.device.prefers_reduced_motion = false;
  d.settings.motion = core::MotionChoice::reduce;
  CHECK(core::reduce_motion(d));
}

TEST_CASE("text sizes run from 100% to 200% in steps; anything else is refused") {
  test::StartedApp app;
  CHECK(core::text_scale(app.state.display) == doctest::Approx(1.0));
  app.act(core::SetTextSize{175});
  CHECK(core::text_scale(app.state.display) == doctest::Approx(1.75));
  for (const int bad : {0, 99, 110, 250, -100}) {
    app.act(core::SetTextSize{bad});
    CHECK(app.state.display.settings.text_percent == 175);
  }
  app.act(core::SetTextSize{200});
  CHECK(core::text_scale(app.state.display) == doctest::Approx(2.0));
}

TEST_CASE("each change is stored, with Quick exit's setting, and read back as it was") {
  test::StartedApp app;
  app.act(core::SetTextSize{150});
  app.act(core::SetThemeChoice{ThemeChoice::dark});
  app.act(core::SetMotionChoice{core::MotionChoice::reduce});
  app.act(core::SetDyslexiaFont{true});
  app.act(core::SetQuickExit{false});
  REQUIRE_FALSE(app.browser.stored_settings.empty());

  test::StartedApp next_visit;
  next_visit.act(core::SettingsLoaded{true, app.browser.stored_settings});
  const auto& s = next_visit.state.display.settings;
  CHECK(s.text_percent == 150);
  CHECK(s.theme == ThemeChoice::dark);
  CHECK(s.motion == core::MotionChoice::reduce);
  CHECK(s.dyslexia_font);
  CHECK_FALSE(next_visit.state.quick_exit.enabled);
  CHECK(core::applied_theme(next_visit.state.display) == AppliedTheme::dark);
}

TEST_CASE("choosing what is already chosen writes nothing") {
  test::StartedApp app;
  app.act(core::SetThemeChoice{ThemeChoice::device});
  app.act(core::SetTextSize{100});
  CHECK(app.browser.stored_settings.empty());
}

TEST_CASE("a stored document that is damaged, or from elsewhere, gives defaults for what cannot be read") {
  const core::DisplaySettings defaults;
  for (const char* bad : {"", "not json", "[1,2,3]", "null", "42", "\"text\"", "{", "{\"theme\":", "{}",
                          R"({"a":{"b":{"c":{"d":{"e":{}}}}}})", R"({"theme":"dark","theme":"light"})"}) {
    CAPTURE(bad);
    const auto read = core::read_settings_document(bad);
    CHECK(read.display == defaults);
    CHECK(read.quick_exit);
  }
  // Each field on its own: a wrong one gets its default, the good ones are kept.
  const auto mixed = core::read_settings_document(
      R"({"quick_exit":"no","text_size":130,"theme":"dark","motion":"sideways","dyslexia_font":1})");
  CHECK(mixed.quick_exit);
  CHECK(mixed.display.text_percent == 100);
  CHECK(mixed.display.theme == ThemeChoice::dark);
  CHECK(mixed.display.motion == core::MotionChoice::device);
  CHECK_FALSE(mixed.display.dyslexia_font);
  for (const char* size : {R"({"text_size":1.5e300})", R"({"text_size":-200})", R"({"text_size":175.0})",
                           R"({"text_size":"150"})", R"({"text_size":18446744073709551615})"}) {
    CAPTURE(size);
    CHECK(core::read_settings_document(size).display.text_percent == 100);
  }
  CHECK(core::read_settings_document(R"({"text_size":175})").display.text_percent == 175);
  CHECK(core::read_settings_document(R"({"theme":"high-contrast"})").display.theme == ThemeChoice::high_contrast);
  CHECK(core::read_settings_document(R"({"theme":"HIGH-CONTRAST"})").display.theme == ThemeChoice::device);
  // What was stored before the display settings existed: Quick exit's setting alone.
  CHECK_FALSE(core::read_settings_document(R"({"quick_exit":false})").quick_exit);
  // The document round-trips exactly.
  core::StoredSettings all{false, {125, ThemeChoice::high_contrast, core::MotionChoice::full, true}, ""};
  const auto back = core::read_settings_document(core::settings_document(all));
  CHECK(back.display == all.display);
  CHECK(back.quick_exit == all.quick_exit);
}

TEST_CASE("the device's media queries change what applies at once, without being stored") {
  test::StartedApp app;
  CHECK(core::applied_theme(app.state.display) == AppliedTheme::light);
  app.act(core::DeviceDisplayChanged{{true, false, false, true, {}}});
  CHECK(core::applied_theme(app.state.display) == AppliedTheme::dark);
  CHECK(core::reduce_motion(app.state.display));
  CHECK(app.browser.stored_settings.empty());
  // A stored setting read later keeps the device's facts.
  app.act(core::SettingsLoaded{true, R"({"theme":"device"})"});
  CHECK(core::applied_theme(app.state.display) == AppliedTheme::dark);
}

TEST_CASE("a kiosk keeps nothing: settings last for the visit, the next visitor gets the defaults") {
  test::StartedApp kiosk(true);
  // Whatever this browser once stored is not the kiosk's.
  kiosk.act(core::SettingsLoaded{true, R"({"text_size":200,"theme":"dark"})"});
  CHECK(kiosk.state.display.settings == core::DisplaySettings{});
  kiosk.act(core::KioskBegin{});
  kiosk.act(core::SetTextSize{200});
  kiosk.act(core::SetThemeChoice{ThemeChoice::high_contrast});
  kiosk.act(core::SetDyslexiaFont{true});
  CHECK(core::applied_theme(kiosk.state.display) == AppliedTheme::high_contrast);
  CHECK(kiosk.browser.stored_settings.empty());
  CHECK(kiosk.browser.stored_quick_exit == -1);
  // The device's own preference (the kiosk's screen) stays; the visitor's choices go.
  kiosk.act(core::DeviceDisplayChanged{{true, false, false, false, {}}});
  // The visitor walks away: "Are you still there?", then everything is cleared.
  const double idle_ms = kiosk.state.kiosk.idle_seconds * 1000.0;
  const double warning_ms = kiosk.state.kiosk.warning_seconds * 1000.0;
  kiosk.act(core::KioskTick{idle_ms + 1});
  REQUIRE(kiosk.state.kiosk.warning);
  kiosk.act(core::KioskTick{idle_ms + warning_ms + 2});
  REQUIRE(kiosk.state.kiosk.attract);
  CHECK(kiosk.state.display.settings == core::DisplaySettings{});
  CHECK(core::applied_theme(kiosk.state.display) == AppliedTheme::dark);
  CHECK(kiosk.browser.stored_settings.empty());
}

TEST_CASE("Delete everything removes the display settings too: the defaults again") {
  test::StartedApp app;
  app.act(core::SetTextSize{200});
  app.act(core::SetThemeChoice{ThemeChoice::dark});
  REQUIRE_FALSE(app.browser.stored_settings.empty());
  app.act(core::DeleteEverything{});
  CHECK(app.browser.stored_settings.empty());
  CHECK(app.state.display.settings == core::DisplaySettings{});
}

TEST_CASE("the Display screen is a route of its own, offered on a kiosk too") {
  const auto route = core::Route::from_path("#/display");
  CHECK(route.screen == core::Screen::display);
  CHECK(route.to_path() == "#/display");
  CHECK(core::screen_info(core::Screen::display).in_kiosk);
}
