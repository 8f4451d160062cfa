#pragma once
// Display settings: text size, colours (light, dark, high contrast), reduced motion and a
// dyslexia-friendly font, for low-vision, dyslexic and motion-sensitive people.
//
// The core holds what the person chose and what the device says about itself (the media
// queries prefers-color-scheme, prefers-contrast, forced-colors and prefers-reduced-motion,
// read by the platform and passed in as facts), and decides what applies.  The settings are
// kept with Quick exit's in the settings store (one small document, written by
// settings_document and read back by read_settings_document), read before the first frame so
// nothing flashes, never kept on a kiosk (each visitor starts from the defaults), and removed
// by "Delete everything".
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/effects.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;

// Text size, as a percentage of the size the app picks for the screen.
inline constexpr std::array<int, 5> kTextSizes = {100, 125, 150, 175, 200};

enum class ThemeChoice { device, light, dark, high_contrast };  // device: follow the device
enum class MotionChoice { device, reduce, full };               // reduce: "Reduce motion" on
// forced_colours: the device forces its own colours (Windows contrast themes), and the app
// draws in them.
enum class AppliedTheme { light, dark, high_contrast, forced_colours };  // what is drawn

// The device's own colours while it forces them: the CSS system colours, as 0xRRGGBB, read by
// the platform.  Each text colour is meant for one background (CanvasText on Canvas, LinkText
// on Canvas, ButtonText on ButtonFace, HighlightText on Highlight), and only those pairs are
// drawn: the device vouches for their contrast, not the app.
struct SystemColours {
  bool known = false;  // the browser told us them (every current browser can)
  std::uint32_t canvas = 0, canvas_text = 0, link_text = 0, button_face = 0, button_text = 0, highlight = 0,
                highlight_text = 0;
  bool operator==(const SystemColours&) const = default;
};

// What the device says (its media queries), as facts.
struct DeviceDisplay {
  bool prefers_dark = false;            // prefers-color-scheme: dark
  bool prefers_more_contrast = false;   // prefers-contrast: more
  bool forced_colors = false;           // forced-colors: active (Windows high contrast)
  bool prefers_reduced_motion = false;  // prefers-reduced-motion: reduce
  SystemColours system;                 // while forced_colors: the colours it forces
  bool operator==(const DeviceDisplay&) const = default;
};

struct DisplaySettings {
  int text_percent = 100;  // one of kTextSizes
  ThemeChoice theme = ThemeChoice::device;
  MotionChoice motion = MotionChoice::device;
  bool dyslexia_font = false;
  bool operator==(const DisplaySettings&) const = default;
};

struct DisplayState {
  DisplaySettings settings;
  DeviceDisplay device;
};

// ---- the rules ----
// Forced colours win over any choice, as the browser forces them over every page: the person
// set them for the whole device.  Then the person's choice; then the device's wishes.
AppliedTheme applied_theme(const DisplayState& display);
// True while the device forces its colours on the app (the Display screen says so).
bool forced_colours(const DisplayState& display);
bool reduce_motion(const DisplayState& display);
float text_scale(const DisplayState& display);    // 1.0 .. 2.0
std::string_view theme_name(AppliedTheme theme);  // "light", "dark", "high-contrast", "forced-colours" (data-theme)

// ---- the stored document (with Quick exit's setting) ----
struct StoredSettings {
  bool quick_exit = true;
  DisplaySettings display;
  std::string language;  // the person's choice of language ("cy"), "" for none (core/content/language.hpp)
};
std::string settings_document(const StoredSettings& settings);
// Whatever the store held: each value that is missing, of the wrong kind or not one of the
// choices gets its default; text that is not JSON at all gets every default.
StoredSettings read_settings_document(std::string_view text);
// The document for what the state holds now.
std::string settings_document(const State& state);

// ---- actions from the platform ----
// The settings store, read before the first frame: found is false when nothing was stored.
struct SettingsLoaded {
  bool found = false;
  std::string document;
};
// The device's media queries, at start and whenever one of them changes.
struct DeviceDisplayChanged {
  DeviceDisplay device;
};
// ---- actions from the Display screen ----
struct SetTextSize {
  int percent = 100;
};
struct SetThemeChoice {
  ThemeChoice theme = ThemeChoice::device;
};
struct SetMotionChoice {
  MotionChoice motion = MotionChoice::device;
};
struct SetDyslexiaFont {
  bool on = false;
};

using DisplayAction =
    std::variant<SettingsLoaded, DeviceDisplayChanged, SetTextSize, SetThemeChoice, SetMotionChoice, SetDyslexiaFont>;

template <class T>
inline constexpr bool is_display_action = is_variant_member_v<T, DisplayAction>;

Effects update_display(State& state, const DisplayAction& action);

// A kiosk's next visitor: the defaults again (the device's facts stay).
void reset_display_settings(State& state);

}  // namespace cpa::core
