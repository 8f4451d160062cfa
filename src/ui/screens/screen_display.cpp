// Display: text size, colours, motion and a dyslexia-friendly font (core/display/display.hpp).  Each
// choice is a set of answers with the one in use marked, as elsewhere in the app; a change shows
// at once, on this screen, so the person sees what they chose.
#include <string>

#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void text_size_choices(Ui& ui, const core::DisplaySettings& settings) {
  ui.heading(ui.str("display.text_size_heading"), 2);
  ui.paragraph(ui.str("display.text_size_text"));
  ImGui::PushID("text-size");
  ui.begin_group(Role::radio_group, ui.str("display.text_size_heading"), "choices");
  for (const int percent : core::kTextSizes) {
    const std::string label = percent == core::kTextSizes[0] ? ui.str("display.text_size_normal")
                                                             : ui.text().format("display.text_size_option",
                                                                                {{"percent", std::to_string(percent)}});
    if (ui.answer_button(label, settings.text_percent == percent)) ui.emit(core::SetTextSize{percent});
  }
  ui.end_group();
  ImGui::PopID();
}

std::string_view theme_word_key(core::AppliedTheme theme) {
  switch (theme) {
    case core::AppliedTheme::light: return "display.theme_light";
    case core::AppliedTheme::dark: return "display.theme_dark";
    case core::AppliedTheme::high_contrast: return "display.theme_high_contrast";
    case core::AppliedTheme::forced_colours: return "display.theme_forced";
  }
  return "display.theme_light";
}

void colour_choices(Ui& ui, const core::DisplayState& display) {
  struct Choice {
    core::ThemeChoice theme;
    std::string_view key;
  };
  static constexpr Choice choices[] = {{core::ThemeChoice::device, "display.colours_device"},
                                       {core::ThemeChoice::light, "display.colours_light"},
                                       {core::ThemeChoice::dark, "display.colours_dark"},
                                       {core::ThemeChoice::high_contrast, "display.colours_high_contrast"}};
  ui.heading(ui.str("display.colours_heading"), 2);
  ui.paragraph(ui.str("display.colours_text"));
  // The device forces its own colours (a Windows contrast theme): they win, as on every page.
  if (core::forced_colours(display)) ui.notice({}, ui.str("display.colours_forced"));
  // "Match this device" says what the device asks for now, so the person knows what they get.
  core::DisplayState device_only = display;
  device_only.settings.theme = core::ThemeChoice::device;
  const std::string device_label = ui.text().format(
      "display.colours_device_now", {{"theme", ui.str(theme_word_key(core::applied_theme(device_only)))}});
  ImGui::PushID("colours");
  ui.begin_group(Role::radio_group, ui.str("display.colours_heading"), "choices");
  for (const auto& choice : choices) {
    const std::string label = choice.theme == core::ThemeChoice::device ? device_label : ui.str(choice.key);
    if (ui.answer_button(label, display.settings.theme == choice.theme)) ui.emit(core::SetThemeChoice{choice.theme});
  }
  ui.end_group();
  ImGui::PopID();
}

void motion_choices(Ui& ui, const core::DisplayState& display) {
  struct Choice {
    core::MotionChoice motion;
    std::string_view key;
  };
  static constexpr Choice choices[] = {{core::MotionChoice::device, "display.motion_device"},
                                       {core::MotionChoice::reduce, "display.motion_reduce"},
                                       {core::MotionChoice::full, "display.motion_full"}};
  ui.heading(ui.str("display.motion_heading"), 2);
  ui.paragraph(ui.str("display.motion_text"));
  core::DisplayState device_only = display;
  device_only.settings.motion = core::MotionChoice::device;
  const std::string device_label = ui.text().format(
      "display.motion_device_now",
      {{"state", ui.str(core::reduce_motion(device_only) ? "display.motion_state_on" : "display.motion_state_off")}});
  ImGui::PushID("motion");
  ui.begin_group(Role::radio_group, ui.str("display.motion_heading"), "choices");
  for (const auto& choice : choices) {
    const std::string label = choice.motion == core::MotionChoice::device ? device_label : ui.str(choice.key);
    if (ui.answer_button(label, display.settings.motion == choice.motion))
      ui.emit(core::SetMotionChoice{choice.motion});
  }
  ui.end_group();
  ImGui::PopID();
}

}  // namespace

void draw_display(Ui& ui) {
  const auto& display = ui.state().display;
  ui.set_title(ui.str("display.title"));
  ui.heading(ui.str("display.title"), 1);
  ui.paragraph(ui.str(ui.state().kiosk.active ? "display.intro_kiosk" : "display.intro"));
  text_size_choices(ui, display.settings);
  colour_choices(ui, display);
  motion_choices(ui, display);
  ui.heading(ui.str("display.font_heading"), 2);
  const bool dyslexia = display.settings.dyslexia_font;
  if (ui.checkbox(ui.str("display.font_setting"), ui.str("display.font_setting_detail"), dyslexia))
    ui.emit(core::SetDyslexiaFont{!dyslexia});
  ui.paragraph(ui.str("display.font_credit"), ui.theme().text_muted);
}

}  // namespace cpa::ui
