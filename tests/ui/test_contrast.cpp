// WCAG 2.2 contrast for every colour pair the app draws, in every theme (1.4.3: 4.5:1 for body
// text, 3:1 for large text; 1.4.11: 3:1 for control outlines and focus rings).  The pairs are
// listed from the Theme's fields with where each is drawn; a new theme, or a colour changed,
// is held to all of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <utility>

#include "ui/widgets/theme.hpp"

using namespace cpa;

namespace {

double channel(unsigned value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// Relative luminance of an opaque ImGui colour (0xAABBGGRR).
double luminance(ImU32 colour) {
  const unsigned r = colour & 0xFF, g = (colour >> 8) & 0xFF, b = (colour >> 16) & 0xFF;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

double contrast(ImU32 a, ImU32 b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

constexpr double kBodyText = 4.5;   // 1.4.3
constexpr double kLargeText = 3.0;  // 1.4.3, 24 px, or 18.7 px bold (headings)
constexpr double kNonText = 3.0;    // 1.4.11: control outlines, focus rings, state marks

struct Pair {
  const char* what;  // what is drawn, and where
  ImU32 ui::Theme::*fg;
  ImU32 ui::Theme::*bg;
  double minimum;
  bool button_edge = false;  // a button's edge: its fill, or the edge drawn round it (Theme::button_border)
};

// What shows a button against what it sits on: its fill or, where the theme draws one, its edge.
ImU32 edge_or(const ui::Theme& t, const Pair& pair) {
  return pair.button_edge && t.button_border ? t.button_border : t.*pair.fg;
}

using T = ui::Theme;
constexpr Pair pairs[] = {
    // ---- text (ui.cpp unless said) ----
    {"paragraphs, bullets, field labels on the page (Ui::paragraph, bullets, text_field)", &T::text, &T::page_bg,
     kBodyText},
    {"text in panels, a field's value (Ui::begin_panel, text_field)", &T::text, &T::card_bg, kBodyText},
    {"notice text (Ui::notice)", &T::text, &T::notice_bg, kBodyText},
    {"hints, progress label on the page (text_field, progress)", &T::text_muted, &T::page_bg, kBodyText},
    {"card and checkbox detail lines (Ui::card, checkbox)", &T::text_muted, &T::card_bg, kBodyText},
    {"headings on the page, h3 headings are bold body size (Ui::heading)", &T::heading, &T::page_bg, kBodyText},
    {"headings in panels", &T::heading, &T::card_bg, kBodyText},
    {"headings in notices", &T::heading, &T::notice_bg, kBodyText},
    {"links, Back, quiet and text buttons, disclosures on the page", &T::link, &T::page_bg, kBodyText},
    {"card titles, answer labels, links in panels", &T::link, &T::card_bg, kBodyText},
    {"links in notices", &T::link, &T::notice_bg, kBodyText},
    {"the app's name in the top bar (app_frame.cpp)", &T::bar_text, &T::bar_bg, kBodyText},
    {"\"Help now\" (ButtonKind::help)", &T::help_text, &T::help_bg, kBodyText},
    {"primary buttons' labels", &T::primary_text, &T::primary_bg, kBodyText},
    {"secondary buttons' labels (\"Quick exit\" among them)", &T::secondary_text, &T::secondary_bg, kBodyText},
    {"field error messages on the page (text_field)", &T::error, &T::page_bg, kBodyText},
    {"field error messages in panels", &T::error, &T::card_bg, kBodyText},
    {"a disabled card's title on its page-coloured fill (Ui::card)", &T::text_muted, &T::page_bg, kBodyText},
    // ---- large text: h1 and h2 are at least 1.25 times bold body text (19 px and up) ----
    {"h1 and h2 headings on the page", &T::heading, &T::page_bg, kLargeText},
    // ---- control outlines, state marks and focus (1.4.11) ----
    {"text field outline against the field (text_field)", &T::input_border, &T::card_bg, kNonText},
    {"text field outline against the page", &T::input_border, &T::page_bg, kNonText},
    {"answer button outline, not chosen (Ui::answer_button)", &T::input_border, &T::card_bg, kNonText},
    {"answer button outline and mark when chosen; a ticked box's fill", &T::link, &T::card_bg, kNonText},
    {"the answer's round mark and an empty tick box (Ui::answer_button, checkbox)", &T::text, &T::card_bg, kNonText},
    {"the tick inside a ticked box (drawn in card_bg on link)", &T::card_bg, &T::link, kNonText},
    {"secondary button outline against the page", &T::secondary_text, &T::page_bg, kNonText, true},
    {"secondary button outline against a panel", &T::secondary_text, &T::card_bg, kNonText, true},
    {"\"Help now\" against the top bar", &T::help_bg, &T::bar_bg, kNonText, true},
    {"a primary button's edge against the page", &T::primary_bg, &T::page_bg, kNonText, true},
    {"a primary button's edge against a panel", &T::primary_bg, &T::card_bg, kNonText, true},
    {"an invalid field's outline", &T::error, &T::card_bg, kNonText},
    {"focus: the inner ring of the field being edited against the page", &T::text, &T::page_bg, kNonText},
    {"focus: the inner ring against the field", &T::text, &T::card_bg, kNonText},
};

struct NamedTheme {
  const char* name;
  ui::Theme theme;
};

}  // namespace

TEST_CASE("every text and background pair of every theme meets WCAG contrast") {
  const NamedTheme themes[] = {{"light", ui::theme_for(core::AppliedTheme::light)},
                               {"dark", ui::theme_for(core::AppliedTheme::dark)},
                               {"high contrast", ui::theme_for(core::AppliedTheme::high_contrast)}};
  for (const auto& [name, theme] : themes) {
    for (const auto& pair : pairs) {
      const double ratio =
          std::max(contrast(theme.*pair.fg, theme.*pair.bg), contrast(edge_or(theme, pair), theme.*pair.bg));
      const std::string theme_name = name, what = pair.what;
      CAPTURE(theme_name);
      CAPTURE(what);
      CAPTURE(ratio);
      CHECK(ratio >= pair.minimum);
    }
  }
}

// The field being edited has two rings: the outer one in `focus` (the NHS yellow; cyan in high
// contrast) is a highlight that shows well on dark pages, the inner one in `text` is what
// contrasts with light ones.  The inner ring alone must be enough, everywhere.
TEST_CASE("the focus ring stands out in every theme: the inner ring at 3:1 or more against anything it sits on") {
  for (const auto applied : {core::AppliedTheme::light, core::AppliedTheme::dark, core::AppliedTheme::high_contrast}) {
    const ui::Theme t = ui::theme_for(applied);
    CAPTURE(std::string(core::theme_name(applied)));
    for (const ImU32 ground : {t.page_bg, t.card_bg, t.notice_bg}) CHECK(contrast(t.text, ground) >= kNonText);
  }
}

TEST_CASE("\"Quick exit\" shows against the top bar by its fill or by its outline (app_frame.cpp)") {
  for (const auto applied : {core::AppliedTheme::light, core::AppliedTheme::dark, core::AppliedTheme::high_contrast}) {
    const ui::Theme t = ui::theme_for(applied);
    CAPTURE(std::string(core::theme_name(applied)));
    CHECK(std::max(contrast(t.secondary_bg, t.bar_bg), contrast(t.secondary_text, t.bar_bg)) >= kNonText);
  }
}

// Forced colours (a Windows contrast theme): the app cannot know the colours in advance, so it
// draws them only in the pairs the device's palette is made of ("match, but don't mix":
// CanvasText and LinkText on Canvas, ButtonText on ButtonFace, HighlightText on Highlight, and
// Highlight against Canvas for focus), and the device's own contrast holds.  Every system
// colour gets a value of its own here, so a pair of two colours never meant to meet is caught.
TEST_CASE("forced colours: every pair the app draws is a pair the device's own palette is made of") {
  const core::SystemColours c{true, 0x101010, 0xF0F0F0, 0xF0F000, 0x202020, 0xE0E0E0, 0x00E0E0, 0x303030};
  const ui::Theme t = ui::forced_colours_theme(c);
  const auto rgb = [](std::uint32_t v) { return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255); };
  const std::pair<std::uint32_t, std::uint32_t> designed[] = {{c.canvas_text, c.canvas},
                                                              {c.link_text, c.canvas},
                                                              {c.button_text, c.button_face},
                                                              {c.highlight_text, c.highlight},
                                                              {c.highlight, c.canvas}};
  const auto made_of = [&](ImU32 a, ImU32 b) {
    return std::any_of(std::begin(designed), std::end(designed), [&](const auto& d) {
      return (rgb(d.first) == a && rgb(d.second) == b) || (rgb(d.first) == b && rgb(d.second) == a);
    });
  };
  for (const auto& pair : pairs) {
    const std::string what = pair.what;
    CAPTURE(what);
    CHECK((made_of(t.*pair.fg, t.*pair.bg) || (pair.button_edge && made_of(edge_or(t, pair), t.*pair.bg))));
  }
  // The canvas draws in them: the page is Canvas, text CanvasText, links LinkText, focus Highlight.
  CHECK(t.page_bg == rgb(c.canvas));
  CHECK(t.text == rgb(c.canvas_text));
  CHECK(t.link == rgb(c.link_text));
  CHECK(t.primary_text == rgb(c.button_text));
  CHECK(t.focus == rgb(c.highlight));
  // The theme the core's state picks is this one.
  core::DisplayState display;
  display.device.forced_colors = true;
  display.device.system = c;
  CHECK(ui::theme_for(display).page_bg == rgb(c.canvas));
}

TEST_CASE("the contrast sum itself: the WCAG examples") {
  CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
  CHECK(contrast(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(4.54).epsilon(0.01));
  CHECK(contrast(IM_COL32(0x21, 0x2B, 0x32, 255), IM_COL32(255, 255, 255, 255)) > 14.0);
}

TEST_CASE("the themes differ where they should: dark is dark, high contrast is black and white") {
  const ui::Theme light = ui::light_theme(), dark = ui::dark_theme(), high = ui::high_contrast_theme();
  CHECK(luminance(light.page_bg) > 0.8);
  CHECK(luminance(dark.page_bg) < 0.02);
  CHECK(luminance(dark.text) > 0.8);
  CHECK(high.page_bg == IM_COL32(0, 0, 0, 255));
  CHECK(high.text == IM_COL32(255, 255, 255, 255));
  CHECK(contrast(high.text, high.page_bg) >= 7.0);  // AAA in high contrast
  CHECK(contrast(high.link, high.page_bg) >= 7.0);
  CHECK(contrast(high.card_border, high.page_bg) >= kNonText);  // cards share the page's black: their edge shows them
}
