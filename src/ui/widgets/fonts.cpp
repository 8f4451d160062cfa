#include "ui/widgets/fonts.hpp"

#include <algorithm>
#include <cmath>

namespace cpa::ui {
namespace {
// Body text: Latin for English, Welsh (ŵ, ŷ) and the names people type, punctuation such as
// ’ – • and the pound and euro signs.  Headings only show content, so they need less, and the
// atlas (the biggest block of memory at devicePixelRatio 3) stays small.
const ImWchar body_ranges[] = {0x0020, 0x017F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0};
const ImWchar heading_ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0};

ImFont* add_font(ImFontAtlas& atlas, const std::vector<unsigned char>& data, float device_px, float dpr,
                 const ImWchar* glyph_ranges) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // FontFiles keeps the bytes
  config.OversampleH = dpr >= 2 ? 1 : 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()), static_cast<int>(data.size()),
                                            device_px, &config, glyph_ranges);
  if (font) font->Scale = 1.0f / dpr;
  return font;
}
}  // namespace

bool build_fonts(ImFontAtlas& atlas, const FontFiles& files, TextSize size, float dpr, Fonts& out) {
  atlas.Clear();
  out = Fonts{};
  const float scale = std::max(1.0f, size.scale);
  out.css_px = size.base_css_px * scale;
  out.space_px = size.base_css_px * (1.0f + (scale - 1.0f) * 0.5f);
  out.dpr = dpr;
  // Without its font the app does not draw (FrameLoop): ImGui's own tiny font is not linked into
  // the web build, and would not be readable on a phone anyway.
  if (files.regular.size() < 1000 || files.bold.size() < 1000 || files.line_height_ratio <= 0) return false;
  const float px = out.css_px * files.line_height_ratio * dpr;
  out.body = add_font(atlas, files.regular, px, dpr, body_ranges);
  out.bold = add_font(atlas, files.bold, px, dpr, body_ranges);
  out.h2 = add_font(atlas, files.bold, px * (1.0f + 0.25f / scale), dpr, heading_ranges);
  out.h1 = add_font(atlas, files.bold, px * (1.0f + 0.55f / scale), dpr, heading_ranges);
  if (!out.body || !out.bold || !out.h2 || !out.h1 || !atlas.Build()) {
    atlas.Clear();
    out.body = out.bold = out.h2 = out.h1 = nullptr;
    return false;
  }
  return true;
}

// 19 px on a phone, growing with the square root of the width up to 28 px on a wide screen (a
// kiosk is always 28).  Browser zoom narrows the page in CSS pixels as it enlarges each one:
// were the size to fall as fast as the width does (or to step down at a width), zooming in would
// make the text smaller.  Growing more slowly than the width keeps size times zoom rising.
float body_css_px_for_width(float css_width, bool kiosk) {
  constexpr float phone = 19.0f, wide = 28.0f, grows_from = 560.0f;
  if (kiosk) return wide;
  if (css_width <= grows_from) return phone;
  return std::min(wide, phone * std::sqrt(css_width / grows_from));
}

}  // namespace cpa::ui
