// The Display screen as a person meets it: reached from Home and About; text size rebuilds the
// fonts and reflows every screen, down to a 320 px wide phone at 200%; the themes; reduced
// motion; the dyslexia-friendly font, fetched when chosen.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "harness.hpp"

using namespace cpa;
using ui::Role;

namespace {

// The main screens, as the e2e test at 320 px walks them too.
const char* const main_screens[] = {"",
                                    "#/help-now",
                                    "#/about",
                                    "#/eligibility",
                                    "#/learn",
                                    "#/care-plan",
                                    "#/crisis-plan",
                                    "#/plan-section/care_plan.coordinator",
                                    "#/your-data",
                                    "#/display"};

bool interactive(Role role) {
  return role == Role::button || role == Role::link || role == Role::checkbox || role == Role::radio ||
         role == Role::text_input || role == Role::text_area;
}

bool overlap(const ui::Rect& a, const ui::Rect& b) {
  constexpr float slack = 0.5f;  // sub-pixel rounding where two things touch
  return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

// Drags through the whole screen, checking what is in view at each step: nothing leaves the
// screen sideways, nothing overlaps, every target is big enough.  About lists every source, so
// at 200% text on a small phone it runs to more than 60 screenfuls.
void check_layout(test::Harness& h, float width, float height) {
  for (int step = 0; step < 150; ++step) {  // a bound, not a budget: About lists every source
    const auto& nodes = h.tree().nodes;
    REQUIRE_FALSE(nodes.empty());
    // Groups (a list, a radio group, a dialog) hold their widgets' rects: only widgets are compared.
    const auto group = [](Role role) {
      return role == Role::list || role == Role::radio_group || role == Role::dialog || role == Role::form;
    };
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const auto& a = nodes[i];
      if (group(a.role)) continue;
      CAPTURE(a.name);
      CHECK(a.rect.x >= -0.5f);
      CHECK(a.rect.x + a.rect.w <= width + 0.5f);
      if (interactive(a.role)) {
        CHECK(a.rect.w >= 44.0f);
        CHECK(a.rect.h >= 44.0f);
      }
      for (std::size_t j = i + 1; j < nodes.size(); ++j) {
        const auto& b = nodes[j];
        if (group(b.role)) continue;
        // What scrolls under the top bar is hidden by it (each node's clip says where it shows).
        if (!(a.clip == b.clip)) continue;
        // A card's or tick box's detail line is text inside the control it describes.
        const auto describes = [](const ui::Node& text, const ui::Node& control) {
          return std::find(control.described_by.begin(), control.described_by.end(), text.id) !=
                 control.described_by.end();
        };
        if (describes(a, b) || describes(b, a)) continue;
        CAPTURE(b.name);
        CHECK_FALSE(overlap(a.rect, b.rect));
      }
    }
    // The next screenful, until the end of the page.
    const float before = nodes.back().rect.y;
    ui::FrameInput input;
    input.pan_y = -(height * 0.7f);
    h.settle(input);
    if (h.tree().nodes.back().rect.y == before) return;
  }
  FAIL("the page did not end");
}

}  // namespace

TEST_CASE("Display is reached from Home and from About") {
  test::Harness home;
  home.tap(Role::button, "Display");
  CHECK(home.app.state().route().screen == core::Screen::display);
  REQUIRE(home.find(Role::heading, "Display") != nullptr);
  CHECK(home.tree().title == "Display");

  test::Harness about("#/about");
  about.tap(Role::button, "Display");
  CHECK(about.app.state().route().screen == core::Screen::display);
}

TEST_CASE("text size: the fonts are rebuilt at the new size, the choice is marked and kept") {
  test::Harness h("#/display");
  const float normal = h.app.fonts().css_px;
  CHECK(normal == doctest::Approx(19.0f));
  CHECK(h.find(Role::radio, "100% (normal)")->checked);
  h.tap(Role::radio, "200%");
  CHECK(h.app.fonts().css_px == doctest::Approx(2 * normal));
  CHECK(ui::font_px(h.app.fonts().body) == doctest::Approx(2 * normal * ui::noto_line_height_ratio).epsilon(0.05));
  CHECK(h.find(Role::radio, "200%")->checked);
  CHECK_FALSE(h.find(Role::radio, "100% (normal)")->checked);
  CHECK(core::read_settings_document(h.platform.stored_settings).display.text_percent == 200);
  // The layout grows with it: the heading is taller than at 100%.
  test::Harness plain("#/display");
  CHECK(h.find(Role::heading, "Display")->rect.h > plain.find(Role::heading, "Display")->rect.h * 1.4f);
}

TEST_CASE("colours: each choice redraws in its theme, and Match this device follows the device") {
  test::Harness h("#/display");
  CHECK(h.app.theme().page_bg == ui::light_theme().page_bg);
  REQUIRE(h.find(Role::radio, "Match this device (now: light)") != nullptr);
  h.tap(Role::radio, "Dark");
  CHECK(h.app.theme().page_bg == ui::dark_theme().page_bg);
  CHECK(h.find(Role::radio, "Dark")->checked);
  h.tap(Role::radio, "High contrast");
  CHECK(h.app.theme().page_bg == ui::high_contrast_theme().page_bg);
  CHECK(h.app.theme().link == ui::high_contrast_theme().link);
  h.tap(Role::radio, "Match this device (now: light)");
  CHECK(h.app.theme().page_bg == ui::light_theme().page_bg);
  // The device turns dark mode on: the app follows, and says so.
  h.app.dispatch(core::DeviceDisplayChanged{{true, false, false, false, {}}});
  h.settle();
  CHECK(h.app.theme().page_bg == ui::dark_theme().page_bg);
  CHECK(h.find(Role::radio, "Match this device (now: dark)") != nullptr);
}

TEST_CASE("reduce motion: the choice is marked, and Match this device says what the device asks") {
  test::Harness h("#/display");
  h.tap(Role::radio, "On: less motion");
  CHECK(core::reduce_motion(h.app.state().display));
  CHECK(h.find(Role::radio, "On: less motion")->checked);
  h.app.dispatch(core::DeviceDisplayChanged{{false, false, false, true, {}}});
  h.settle();
  REQUIRE(h.find(Role::radio, "Match this device (now: on)") != nullptr);
  h.tap(Role::radio, "Off");
  CHECK_FALSE(core::reduce_motion(h.app.state().display));
}

TEST_CASE("the dyslexia-friendly font: asked for when chosen, drawn once it arrives, the app's own font until then") {
  test::Harness h("#/display");
  const std::string setting = "Use a font made for dyslexia";
  CHECK_FALSE(h.wants_dyslexia_font());
  h.tap(Role::checkbox, setting);
  CHECK(h.find(Role::checkbox, setting)->checked);
  CHECK(h.wants_dyslexia_font());
  // Until it arrives the app's own font stands in, at the same size.
  CHECK(ui::font_px(h.app.fonts().body) == doctest::Approx(19.0f * ui::noto_line_height_ratio).epsilon(0.05));
  h.deliver_dyslexia_font();
  CHECK_FALSE(h.wants_dyslexia_font());
  CHECK(ui::font_px(h.app.fonts().body) == doctest::Approx(19.0f * ui::opendyslexic_line_height_ratio).epsilon(0.05));
  CHECK(h.app.fonts().css_px == doctest::Approx(19.0f));
  // Off again: back to Noto Sans.
  h.tap(Role::checkbox, setting);
  CHECK(ui::font_px(h.app.fonts().body) == doctest::Approx(19.0f * ui::noto_line_height_ratio).epsilon(0.05));
}

TEST_CASE("at 200% text, 320 px wide: every main screen fits, nothing overlaps, targets 44 px") {
  for (const char* path : main_screens) {
    const std::string screen = path;
    CAPTURE(screen);
    test::Harness h(path, 320, 640);
    h.app.dispatch(core::SetTextSize{200});
    h.settle();
    REQUIRE(h.app.fonts().css_px == doctest::Approx(38.0f));
    check_layout(h, 320, 640);
  }
}

TEST_CASE("every main screen fits at every text size on a 390 px phone, in the dyslexia-friendly font too") {
  for (const int percent : core::kTextSizes) {
    for (const char* path : {"", "#/help-now", "#/display", "#/your-data"}) {
      const std::string screen = path;
      CAPTURE(percent);
      CAPTURE(screen);
      test::Harness h(path, 390, 844);
      h.app.dispatch(core::SetTextSize{percent});
      h.app.dispatch(core::SetDyslexiaFont{true});
      h.deliver_dyslexia_font();
      check_layout(h, 390, 844);
    }
  }
}

// Browser zoom gives the page fewer CSS pixels, each drawn larger: the body size must not fall
// as fast as the width does, at any width and any zoom, or zooming in would shrink the text.
TEST_CASE("browser zoom makes text larger, never smaller: at every width and zoom the text grows") {
  for (const float width : {320.0f, 390.0f, 560.0f, 700.0f, 768.0f, 1000.0f, 1080.0f, 1280.0f, 1920.0f, 2560.0f}) {
    const float at_100 = ui::body_css_px_for_width(width, false);
    for (const float zoom : {1.1f, 1.25f, 1.5f, 1.75f, 2.0f, 3.0f, 4.0f, 5.0f}) {
      CAPTURE(width);
      CAPTURE(zoom);
      const float zoomed = ui::body_css_px_for_width(width / zoom, false) * zoom;
      CHECK(zoomed >= at_100 * std::sqrt(zoom) * 0.999f);  // at least the square root of the zoom
    }
  }
  // A phone is 19 px and a wide screen 28, as before; a kiosk is always 28.
  CHECK(ui::body_css_px_for_width(390, false) == doctest::Approx(19.0f));
  CHECK(ui::body_css_px_for_width(1920, false) == doctest::Approx(28.0f));
  CHECK(ui::body_css_px_for_width(390, true) == doctest::Approx(28.0f));
}
