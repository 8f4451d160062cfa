#include "core/display/display.hpp"

#include <algorithm>

#include "core/support/json_safe.hpp"
#include "core/support/overloaded.hpp"
#include "core/state.hpp"

namespace cpa::core {
namespace {

// Each choice and its word in the stored document, once.
struct ThemeWord {
  ThemeChoice choice;
  std::string_view word;
};
constexpr ThemeWord theme_words[] = {{ThemeChoice::device, "device"},
                                     {ThemeChoice::light, "light"},
                                     {ThemeChoice::dark, "dark"},
                                     {ThemeChoice::high_contrast, "high-contrast"}};
struct MotionWord {
  MotionChoice choice;
  std::string_view word;
};
constexpr MotionWord motion_words[] = {
    {MotionChoice::device, "device"}, {MotionChoice::reduce, "reduce"}, {MotionChoice::full, "full"}};

template <class Table, class Choice>
std::string_view word_for(const Table& table, Choice choice) {
  for (const auto& entry : table)
    if (entry.choice == choice) return entry.word;
  return table[0].word;
}

template <class Table, class Choice>
Choice choice_for(const Table& table, const nlohmann::json& value, Choice fallback) {
  if (!value.is_string()) return fallback;
  const auto& text = value.get_ref<const std::string&>();
  for (const auto& entry : table)
    if (entry.word == text) return entry.choice;
  return fallback;
}

bool is_text_size(int percent) { return std::find(kTextSizes.begin(), kTextSizes.end(), percent) != kTextSizes.end(); }

Effects save(State& state) {
  if (state.kiosk.active) return {};  // a kiosk keeps nothing: the settings last for the visit
  return {SaveSettings{settings_document(state)}};
}

}  // namespace

bool forced_colours(const DisplayState& display) { return display.device.forced_colors && display.device.system.known; }

AppliedTheme applied_theme(const DisplayState& display) {
  if (forced_colours(display)) return AppliedTheme::forced_colours;
  switch (display.settings.theme) {
    case ThemeChoice::light: return AppliedTheme::light;
    case ThemeChoice::dark: return AppliedTheme::dark;
    case ThemeChoice::high_contrast: return AppliedTheme::high_contrast;
    case ThemeChoice::device: break;
  }
  // The device asked for more contrast (or forces colours it did not tell us): high contrast
  // first, as the stronger need; then dark; light otherwise.
  const DeviceDisplay& d = display.device;
  if (d.forced_colors || d.prefers_more_contrast) return AppliedTheme::high_contrast;
  return d.prefers_dark ? AppliedTheme::dark : AppliedTheme::light;
}

bool reduce_motion(const DisplayState& display) {
  switch (display.settings.motion) {
    case MotionChoice::reduce: return true;
    case MotionChoice::full: return false;
    case MotionChoice::device: break;
  }
  return display.device.prefers_reduced_motion;
}

float text_scale(const DisplayState& display) {
  const int percent = is_text_size(display.settings.text_percent) ? display.settings.text_percent : kTextSizes[0];
  return static_cast<float>(percent) / 100.0f;
}

std::string_view theme_name(AppliedTheme theme) {
  switch (theme) {
    case AppliedTheme::light: return "light";
    case AppliedTheme::dark: return "dark";
    case AppliedTheme::high_contrast: return "high-contrast";
    case AppliedTheme::forced_colours: return "forced-colours";
  }
  return "light";
}

std::string settings_document(const StoredSettings& settings) {
  const DisplaySettings& d = settings.display;
  nlohmann::json doc = {{"version", 1},
                        {"quick_exit", settings.quick_exit},
                        {"text_size", d.text_percent},
                        {"theme", word_for(theme_words, d.theme)},
                        {"motion", word_for(motion_words, d.motion)},
                        {"dyslexia_font", d.dyslexia_font}};
  if (!settings.language.empty()) doc["language"] = settings.language;
  return doc.dump();
}

StoredSettings read_settings_document(std::string_view text) {
  StoredSettings out;
  const SafeJson parsed = parse_untrusted(text, 4);
  if (!parsed.ok() || !parsed.value.is_object()) return out;
  const auto& doc = parsed.value;
  const auto field = [&](const char* key) { return doc.contains(key) ? doc.at(key) : nlohmann::json(); };
  if (const auto v = field("quick_exit"); v.is_boolean()) out.quick_exit = v.get<bool>();
  if (const auto v = field("text_size"); v.is_number_integer()) {
    const auto percent = v.get<long long>();
    if (percent > 0 && percent <= 1000 && is_text_size(static_cast<int>(percent)))
      out.display.text_percent = static_cast<int>(percent);
  }
  out.display.theme = choice_for(theme_words, field("theme"), ThemeChoice::device);
  out.display.motion = choice_for(motion_words, field("motion"), MotionChoice::device);
  if (const auto v = field("dyslexia_font"); v.is_boolean()) out.display.dyslexia_font = v.get<bool>();
  // Which languages exist is the content's: an unknown one is ignored when the language is chosen.
  if (const auto v = field("language"); v.is_string() && v.get_ref<const std::string&>().size() <= 16)
    out.language = v.get<std::string>();
  return out;
}

std::string settings_document(const State& state) {
  return settings_document(StoredSettings{state.quick_exit.enabled, state.display.settings, state.language.chosen});
}

Effects update_display(State& state, const DisplayAction& action) {
  DisplaySettings& s = state.display.settings;
  return std::visit(Overloaded{
                        [&](const SettingsLoaded& a) -> Effects {
                          // A kiosk keeps no settings: whatever this browser once stored is not its own.
                          if (state.kiosk.active) return {};
                          const StoredSettings stored = a.found ? read_settings_document(a.document) : StoredSettings{};
                          state.quick_exit.enabled = stored.quick_exit;
                          s = stored.display;
                          state.language.chosen = stored.language;
                          apply_language(state);
                          return {};
                        },
                        [&](const DeviceDisplayChanged& a) -> Effects {
                          state.display.device = a.device;
                          return {};
                        },
                        [&](const SetTextSize& a) -> Effects {
                          if (!is_text_size(a.percent) || s.text_percent == a.percent) return {};
                          s.text_percent = a.percent;
                          return save(state);
                        },
                        [&](const SetThemeChoice& a) -> Effects {
                          if (s.theme == a.theme) return {};
                          s.theme = a.theme;
                          return save(state);
                        },
                        [&](const SetMotionChoice& a) -> Effects {
                          if (s.motion == a.motion) return {};
                          s.motion = a.motion;
                          return save(state);
                        },
                        [&](const SetDyslexiaFont& a) -> Effects {
                          if (s.dyslexia_font == a.on) return {};
                          s.dyslexia_font = a.on;
                          return save(state);
                        },
                    },
                    action);
}

void reset_display_settings(State& state) { state.display.settings = DisplaySettings{}; }

}  // namespace cpa::core
