#include "ui/widgets/theme.hpp"

namespace cpa::ui {
namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }
// 0xRRGGBB (as core::SystemColours holds it), with an alpha.
constexpr ImU32 from_rgb(std::uint32_t v, unsigned alpha = 255) {
  return IM_COL32((v >> 16) & 0xFFu, (v >> 8) & 0xFFu, v & 0xFFu, alpha);
}
}  // namespace

Theme light_theme() {
  Theme t{};
  t.page_bg = rgb(0xF0, 0xF4, 0xF5);
  t.card_bg = rgb(0xFF, 0xFF, 0xFF);
  t.card_border = rgb(0xD8, 0xDD, 0xE0);
  t.text = rgb(0x21, 0x2B, 0x32);        // 14.7:1 on white
  t.text_muted = rgb(0x4C, 0x61, 0x72);  // 6.4:1 on white
  t.heading = rgb(0x21, 0x2B, 0x32);
  t.link = rgb(0x00, 0x5E, 0xB8);  // 6.0:1 on white
  t.bar_bg = rgb(0x00, 0x5E, 0xB8);
  t.bar_text = rgb(0xFF, 0xFF, 0xFF);
  t.help_bg = rgb(0xFF, 0xEB, 0x3B);
  t.help_text = rgb(0x21, 0x2B, 0x32);   // 12:1 on the yellow
  t.primary_bg = rgb(0x00, 0x7F, 0x3B);  // 5.1:1 with white text
  t.primary_text = rgb(0xFF, 0xFF, 0xFF);
  t.secondary_bg = rgb(0xFF, 0xFF, 0xFF);
  t.secondary_text = rgb(0x00, 0x5E, 0xB8);
  t.pressed_overlay = IM_COL32(0, 0, 0, 40);
  t.focus = rgb(0xFF, 0xEB, 0x3B);  // the NHS focus yellow
  t.notice_bg = rgb(0xFF, 0xF9, 0xC4);
  t.notice_border = rgb(0xFF, 0xB8, 0x1C);
  t.input_border = rgb(0x4C, 0x61, 0x72);  // 3:1 or more against the page, as WCAG asks of borders
  t.error = rgb(0xD5, 0x28, 0x1B);         // 5.3:1 on white
  t.scrollbar = IM_COL32(0x4C, 0x61, 0x72, 128);
  t.text_selected = IM_COL32(0x00, 0x5E, 0xB8, 77);
  return t;
}

// Dark: light text on near-black blue-greys, light buttons with dark text (a dark green button
// would not stand out from a dark page), the same yellow "Help now".
Theme dark_theme() {
  Theme t = light_theme();
  t.page_bg = rgb(0x12, 0x1A, 0x20);
  t.card_bg = rgb(0x1E, 0x2A, 0x32);
  t.card_border = rgb(0x3C, 0x4E, 0x5A);
  t.text = rgb(0xF0, 0xF4, 0xF5);
  t.text_muted = rgb(0xB9, 0xC6, 0xCE);
  t.heading = rgb(0xFF, 0xFF, 0xFF);
  t.link = rgb(0x8C, 0xC8, 0xFF);
  t.bar_bg = rgb(0x0B, 0x2A, 0x4A);
  t.bar_text = rgb(0xFF, 0xFF, 0xFF);
  t.primary_bg = rgb(0x6F, 0xD0, 0x8C);
  t.primary_text = rgb(0x0B, 0x1A, 0x12);
  t.secondary_bg = rgb(0x1E, 0x2A, 0x32);
  t.secondary_text = rgb(0x8C, 0xC8, 0xFF);
  t.pressed_overlay = IM_COL32(255, 255, 255, 40);
  t.focus = rgb(0xFF, 0xEB, 0x3B);
  t.notice_bg = rgb(0x3A, 0x32, 0x10);
  t.notice_border = rgb(0xFF, 0xB8, 0x1C);
  t.input_border = rgb(0x9A, 0xAB, 0xB6);
  t.error = rgb(0xFF, 0x8A, 0x80);
  t.scrollbar = IM_COL32(0xB9, 0xC6, 0xCE, 128);
  t.text_selected = IM_COL32(0x8C, 0xC8, 0xFF, 77);
  return t;
}

// High contrast: white on black, yellow for everything that can be tapped, white edges on every
// card and panel (the cards share the page's black), cyan for focus.
Theme high_contrast_theme() {
  Theme t = light_theme();
  const ImU32 black = rgb(0x00, 0x00, 0x00), white = rgb(0xFF, 0xFF, 0xFF), yellow = rgb(0xFF, 0xFF, 0x00);
  t.page_bg = black;
  t.card_bg = black;
  t.card_border = white;
  t.text = white;
  t.text_muted = white;
  t.heading = white;
  t.link = yellow;
  t.bar_bg = black;
  t.bar_text = white;
  t.help_bg = yellow;
  t.help_text = black;
  t.primary_bg = white;
  t.primary_text = black;
  t.secondary_bg = black;
  t.secondary_text = yellow;
  t.pressed_overlay = IM_COL32(255, 255, 255, 70);
  t.focus = rgb(0x00, 0xE5, 0xFF);
  t.notice_bg = black;
  t.notice_border = yellow;
  t.input_border = white;
  t.error = rgb(0xFF, 0x8A, 0x80);
  t.scrollbar = white;
  t.text_selected = IM_COL32(0x00, 0xE5, 0xFF, 110);
  return t;
}

// Forced colours (a Windows contrast theme): the device's palette, in its own pairs.  Panels,
// notices and the bar share the page's Canvas and are told apart by CanvasText edges; buttons
// are ButtonText on ButtonFace with a CanvasText edge (ButtonFace is often the page's colour);
// links, chosen answers and ticked boxes are LinkText; focus is Highlight.  Errors lose their
// red (no system colour means "error"): their words, bar and thicker outline remain.
Theme forced_colours_theme(const core::SystemColours& c) {
  Theme t = light_theme();
  const ImU32 canvas = from_rgb(c.canvas), text = from_rgb(c.canvas_text), link = from_rgb(c.link_text);
  const ImU32 face = from_rgb(c.button_face), label = from_rgb(c.button_text);
  t.page_bg = t.card_bg = t.notice_bg = t.bar_bg = canvas;
  t.text = t.text_muted = t.heading = t.bar_text = text;
  t.card_border = t.notice_border = t.input_border = t.error = t.button_border = text;
  t.progress_edge = text;  // the track would be CanvasText and the fill ButtonFace: inside out
  t.link = link;
  t.help_bg = t.primary_bg = t.secondary_bg = face;
  t.help_text = t.primary_text = t.secondary_text = label;
  t.pressed_overlay = from_rgb(c.highlight, 90);
  t.focus = from_rgb(c.highlight);
  t.scrollbar = text;
  t.text_selected = from_rgb(c.highlight, 110);
  return t;
}

Theme theme_for(core::AppliedTheme theme) {
  switch (theme) {
    case core::AppliedTheme::light: return light_theme();
    case core::AppliedTheme::dark: return dark_theme();
    case core::AppliedTheme::high_contrast: return high_contrast_theme();
    case core::AppliedTheme::forced_colours: return high_contrast_theme();  // without the device's colours
  }
  return light_theme();
}

Theme theme_for(const core::DisplayState& display) {
  const core::AppliedTheme applied = core::applied_theme(display);
  if (applied == core::AppliedTheme::forced_colours) return forced_colours_theme(display.device.system);
  return theme_for(applied);
}

void apply_style(const Theme& theme, float font_px) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  const float em = font_px;
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FramePadding = ImVec2(0.6f * em, 0.45f * em);
  style.ItemSpacing = ImVec2(0.5f * em, 0.5f * em);
  style.ItemInnerSpacing = ImVec2(0.4f * em, 0.3f * em);
  style.FrameRounding = theme.rounding_em * em;
  style.ScrollbarSize = 0.3f * em;
  style.ScrollbarRounding = 0.15f * em;
  style.TouchExtraPadding = ImVec2(0, 0);
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.text);
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.page_bg);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(theme.scrollbar);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(theme.card_bg);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(theme.card_border);
  c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(theme.focus);
  c[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(theme.text_selected);
}

}  // namespace cpa::ui
