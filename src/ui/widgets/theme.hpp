#pragma once
// Colours and sizes.  Sizes are in em (the layout unit, which grows with the text size), so
// everything grows with the text; colours are NHS-style, in three themes (light, dark, high
// contrast), with text contrast of at least 4.5:1 on its background and 3:1 for control
// outlines and focus rings (tests/unit/test_contrast.cpp checks every pair drawn).
#include <imgui.h>

#include "core/display/display.hpp"

namespace cpa::ui {

// Vertical space between things, by what it separates.  The sizes live in Theme, so a text-size
// or kiosk setting changes them in one place.
enum class Space { hairline, small, item, group, section, large, page_end };

// Sizes in em unless the name says px.
struct Sizes {
  float space[7] = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 2.0f};  // by Space, in order
  float touch_min_px = 44.0f;     // the smallest target a finger is given (WCAG 2.5.5), in CSS px
  float button_min_px = 48.0f;    // buttons are a little larger still
  float bar_height = 3.4f;        // the top bar with "Help now"
  float bar_button_pad_x = 1.1f;  // "Help now" in the bar
  float bar_button_height = 2.5f;
  float button_pad_x = 1.1f;
  float button_pad_y = 0.7f;
  float button_min_height = 2.6f;
  float quiet_pad_x = 0.1f;  // a quiet button lines up with text, like a link
  float card_pad = 0.9f;     // cards and panels
  float card_min_height = 3.0f;
  float card_chevron_space = 1.6f;
  float card_line_gap = 0.2f;  // between a card's title and its detail
  float link_pad_y = 0.3f;     // above and below a text link, to reach the touch minimum
  float input_pad_x = 0.55f;
  float input_pad_y = 0.45f;
  float bullet_indent = 1.3f;
  float press_rounding = 0.2f;    // the pressed overlay on links
  float underline_offset = 0.1f;  // how far above the text's foot a link's underline sits
  float qr_max_em = 22.0f;        // a QR code: big enough to scan from a phone held at arm's length
};

// Where each colour is drawn (ui/widgets/ui.cpp, ui/screens/app_frame.cpp) is listed with the pairs the
// contrast test checks; every colour on the canvas comes from here.
struct Theme {
  ImU32 page_bg{};
  ImU32 card_bg{};
  ImU32 card_border{};  // edges of cards and panels: decoration (a card reads as a card by its link-coloured title)
  ImU32 text{};
  ImU32 text_muted{};
  ImU32 heading{};
  ImU32 link{};
  ImU32 bar_bg{};  // the top bar
  ImU32 bar_text{};
  ImU32 help_bg{};  // the "Help now" button: warm and easy to find, not alarming
  ImU32 help_text{};
  ImU32 primary_bg{};  // main action buttons
  ImU32 primary_text{};
  ImU32 secondary_bg{};
  ImU32 secondary_text{};
  ImU32 button_border{};  // an edge round every button (0: none; forced colours, where fills may match the page)
  ImU32 progress_edge{};  // a progress bar drawn as an outline filled with it (0: a grey track; forced colours)
  ImU32 pressed_overlay{};
  ImU32 focus{};  // the outer ring round the text field being edited (inside it, a ring in `text`)
  ImU32 notice_bg{};
  ImU32 notice_border{};
  ImU32 input_border{};
  ImU32 error{};
  ImU32 scrollbar{};      // the thin scroll position mark
  ImU32 text_selected{};  // selected text's highlight

  float content_max_em = 34.0f;  // a comfortable line length on wide screens
  float rounding_em = 0.35f;
  Sizes size;
};

Theme light_theme();
Theme dark_theme();
Theme high_contrast_theme();
// The device's own colours, while it forces them: each drawn only on the background it is meant
// for (text on Canvas, button labels on ButtonFace ...), so the device's contrast holds.
Theme forced_colours_theme(const core::SystemColours& c);
// The theme the core says applies (core::applied_theme); forced colours need the device's.
Theme theme_for(core::AppliedTheme theme);
Theme theme_for(const core::DisplayState& display);

// ImGui's own style from our theme, sized for a body font of font_px.
void apply_style(const Theme& theme, float font_px);

}  // namespace cpa::ui
