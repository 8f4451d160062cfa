#include "ui/fonts.hpp"

#include <algorithm>

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

float body_css_px_for_width(float css_width, bool kiosk) {
  if (kiosk || css_width >= 1000) return 28.0f;
  if (css_width >= 700) return 21.0f;
  return 19.0f;
}

}  // namespace cpa::ui
