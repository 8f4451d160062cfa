#pragma once
// The fonts, rasterised for the screen's pixel density so text is sharp at any devicePixelRatio.
#include <imgui.h>

#include <string>
#include <vector>

namespace cpa::ui {

struct FontFiles {
  std::vector<unsigned char> regular;
  std::vector<unsigned char> bold;
};

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* h2 = nullptr;
  ImFont* h1 = nullptr;
  float css_px = 0;  // body text size in CSS pixels
  float dpr = 1;
};

// Noto Sans draws its letters smaller than CSS does at the same "size"; ImGui sizes a font by its
// whole line (ascent + descent).  This ratio makes body text look like CSS text of css_px.
inline constexpr float line_height_ratio = 1.36f;

// Rebuilds the atlas: fonts at css_px * line_height_ratio * dpr device pixels, drawn at 1/dpr.
// Returns false (and leaves ImGui's default font) if the font data is missing or broken.
bool build_fonts(ImFontAtlas& atlas, const FontFiles& files, float css_px, float dpr, Fonts& out);

// Body text size for a screen of this CSS width, before the person's own text-size setting.
float body_css_px_for_width(float css_width, bool kiosk);

}  // namespace cpa::ui
