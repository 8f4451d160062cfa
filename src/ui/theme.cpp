#include "ui/theme.hpp"

namespace cpa::ui {
namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }
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
  t.focus = rgb(0xFF, 0xB8, 0x1C);
  t.notice_bg = rgb(0xFF, 0xF9, 0xC4);
  t.notice_border = rgb(0xFF, 0xB8, 0x1C);
  t.input_border = rgb(0x4C, 0x61, 0x72);  // 3:1 or more against the page, as WCAG asks of borders
  t.error = rgb(0xD5, 0x28, 0x1B);         // 5.3:1 on white
  return t;
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
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0.3f, 0.38f, 0.45f, 0.5f);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(theme.card_bg);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(theme.card_border);
  c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(theme.focus);
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.0f, 0.37f, 0.72f, 0.3f);
}

}  // namespace cpa::ui
