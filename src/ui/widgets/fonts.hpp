#pragma once
// The fonts, rasterised for the screen's pixel density so text is sharp at any devicePixelRatio.
#include <imgui.h>

#include <string>
#include <vector>

namespace cpa::ui {

// A font family's files and how tall its line is for its size (ascent + descent over the em).
struct FontFiles {
  std::vector<unsigned char> regular;
  std::vector<unsigned char> bold;
  float line_height_ratio = 0;
};

// Noto Sans draws its letters smaller than CSS does at the same "size"; ImGui sizes a font by its
// whole line (ascent + descent).  These ratios make body text look like CSS text of css_px.
inline constexpr float noto_line_height_ratio = 1.36f;          // (1069 + 293) / 1000
inline constexpr float opendyslexic_line_height_ratio = 1.75f;  // (1250 + 500) / 1000

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* h2 = nullptr;
  ImFont* h1 = nullptr;
  float css_px = 0;    // body text size in CSS pixels
  float space_px = 0;  // the layout unit (Ui::em): paddings and gaps
  float dpr = 1;
};

// What size the text is drawn at: the screen's body size, times the person's text size setting.
struct TextSize {
  float base_css_px = 19;  // body_css_px_for_width
  float scale = 1;         // core::text_scale: 1 .. 2
};

// Rebuilds the atlas: fonts at css_px * line_height_ratio * dpr device pixels, drawn at 1/dpr.
// Headings grow less than body text as the text size goes up (at 200% a heading is 1.28 times
// the body, not 1.55), and paddings half as fast as the text: large text on a small phone keeps
// room for its words.  Returns false (and leaves ImGui's default font) if the font data is
// missing or broken.
bool build_fonts(ImFontAtlas& atlas, const FontFiles& files, TextSize size, float dpr, Fonts& out);

// Body text size for a screen of this CSS width, before the person's own text-size setting.
float body_css_px_for_width(float css_width, bool kiosk);

}  // namespace cpa::ui
