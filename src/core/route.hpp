#pragma once
// Where the person is in the app.  A route is a screen plus an optional parameter and maps
// one-to-one onto the URL fragment, so deep links ("#/help-now") and the browser's Back button
// work.  Screens are an enum, listed once in screen_table: a misspelt screen is a compile error,
// not a silent trip Home.
#include <optional>
#include <string>
#include <string_view>

namespace cpa::core {

enum class Screen {
  home,
  help_now,
  about,
  eligibility,  // param: the step ("", a question id, "risk.help", "summary", "result")
  learn,        // param: an explainer page id ("" lists them)
  care_plan,
  crisis_plan,
  plan_section,  // param: a plan section id
  your_data,
  delete_everything,
  start_again,
  continue_on_phone,  // kiosk: the app's address, to carry on on your own phone
  share,              // param: "" (choose parts), "preview", "link"
  shared,             // a carer's read-only view of a plan shared with them
  lock,               // the passphrase lock: set, change, remove, lock now
  display,            // text size, colours, motion and font
};

struct ScreenInfo {
  Screen screen;
  std::string_view name;       // in the URL: #/<name>
  std::string_view title_key;  // strings.json key of its heading when it has a fixed one
  bool in_kiosk;               // offered on a waiting-room kiosk (no personal plans there)
  // Shows the person's own plans, so while the passphrase lock is on and not given it shows the
  // unlock panel instead (core::shows_unlock).  Screens not marked show none of the plans at all
  // while locked (Help now, Your data and Delete everything say that the plans are locked).
  bool waits_for_passphrase;
};

// Every screen, once, in the order of the enum.
inline constexpr ScreenInfo screen_table[] = {
    // screen, name, title_key, in_kiosk, waits_for_passphrase
    {Screen::home, "home", "app_name", true, false},
    {Screen::help_now, "help-now", "help_now.title", true, false},
    {Screen::about, "about", {}, true, false},
    {Screen::eligibility, "eligibility", "eligibility.nation.heading", true, false},
    {Screen::learn, "learn", "learn.title", true, false},
    {Screen::care_plan, "care-plan", {}, false, true},
    {Screen::crisis_plan, "crisis-plan", {}, false, true},
    {Screen::plan_section, "plan-section", {}, false, true},
    {Screen::your_data, "your-data", "data.title", false, false},
    {Screen::delete_everything, "delete-everything", "data.delete_confirm_title", false, false},
    {Screen::start_again, "start-again", "data.start_again_title", false, false},
    {Screen::continue_on_phone, "continue-on-phone", "kiosk.phone.title", true, false},
    {Screen::share, "share", "share.title", false, true},
    {Screen::shared, "shared", "share.view.title", true, false},  // a link opened there: shown, never kept
    {Screen::lock, "lock", "plans.lock.title", false, true},
    {Screen::display, "display", "display.title", true, false},
};

const ScreenInfo& screen_info(Screen screen);
std::optional<Screen> screen_named(std::string_view name);

struct Route {
  Screen screen = Screen::home;
  std::string param;

  std::string to_path() const;  // "#/", "#/help-now", "#/learn/what-is-cpa"
  // A fragment that names no screen, or is not plain route words, goes Home.
  static Route from_path(std::string_view path);
  bool operator==(const Route&) const = default;
};

}  // namespace cpa::core
