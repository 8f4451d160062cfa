#pragma once
// Colours and sizes.  Sizes are in em (multiples of the body text size), so everything grows
// with the text; colours are NHS-style, with text contrast of at least 4.5:1 on its background.
#include <imgui.h>

namespace cpa::ui {

struct Theme {
  ImU32 page_bg;
  ImU32 card_bg;
  ImU32 card_border;
  ImU32 text;
  ImU32 text_muted;
  ImU32 heading;
  ImU32 link;
  ImU32 bar_bg;        // the top bar
  ImU32 bar_text;
  ImU32 help_bg;       // the "Help now" button: warm and easy to find, not alarming
  ImU32 help_text;
  ImU32 primary_bg;    // main action buttons
  ImU32 primary_text;
  ImU32 secondary_bg;
  ImU32 secondary_text;
  ImU32 pressed_overlay;
  ImU32 focus;
  ImU32 notice_bg;
  ImU32 notice_border;
  ImU32 input_border;
  ImU32 error;

  float content_max_em = 34.0f;  // a comfortable line length on wide screens
  float rounding_em = 0.35f;
};

Theme light_theme();

// ImGui's own style from our theme, sized for a body font of font_px.
void apply_style(const Theme& theme, float font_px);

}  // namespace cpa::ui
