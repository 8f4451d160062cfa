// Kiosk mode's rules: when it is on, the attract screen, the quiet time, "Are you still there?"
// and its countdown, the full reset, and the screens a kiosk does not offer.  Time is what the
// test says it is: the core reads no clock.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

#include "core/state.hpp"
#include "platform/memory/memory_platform.hpp"
#include "real_content.hpp"

using namespace cpa;

namespace {

constexpr double s = 1000;  // one second, in the kiosk's milliseconds

struct Kiosk {
  core::State state;
  platform::MemoryPlatform browser;

  // A kiosk as a deployment turns it on (or, with enabled false, as ?mode=kiosk does).
  explicit Kiosk(bool by_deployment = true, bool by_address = false, int idle = 90, int warning = 30) {
    auto content = std::make_shared<core::Content>(test::real_content());
    content->deployment.kiosk.enabled = by_deployment;
    content->deployment.kiosk.idle_seconds = idle;
    content->deployment.kiosk.warning_seconds = warning;
    content->deployment.kiosk.public_address = "https://example.org/cpa/";
    state.content = content;
    act(core::KioskStart{by_address, 0});
    act(core::Start{""});
  }
  void act(const core::Action& a) { platform::carry_out(browser, core::update(state, a)); }
  // The platform's timer: it wakes the core at the time of the last WakeAt, if that is before `until`.
  bool wake_before(double until) {
    if (browser.wake_ats.empty() || browser.wake_ats.back() > until) return false;
    const double at = browser.wake_ats.back();
    browser.wake_ats.clear();
    act(core::KioskTick{at});
    return true;
  }
  // Lets time pass with no input, waking the core whenever it asked to be woken.
  void quiet_until(double until) {
    while (wake_before(until)) {
    }
    act(core::KioskTick{until});
  }
  const core::KioskState& kiosk() const { return state.kiosk; }
};

}  // namespace

TEST_CASE("kiosk mode is on by the deployment or by the address, otherwise off") {
  CHECK(Kiosk(true, false).kiosk().active);
  CHECK(Kiosk(false, true).kiosk().active);
  Kiosk off(false, false);
  CHECK_FALSE(off.kiosk().active);
  // Off, kiosk actions change nothing and ask for no wake-ups.
  off.act(core::KioskTick{10'000 * s});
  CHECK_FALSE(off.kiosk().warning);
  CHECK(off.browser.wake_ats.empty());
}

TEST_CASE("a kiosk starts on the attract screen, and asks for no wake-up while nothing can be lost") {
  Kiosk k;
  CHECK(k.kiosk().attract);
  CHECK_FALSE(k.kiosk().cleared_notice);
  CHECK(k.browser.wake_ats.empty());
  k.act(core::KioskBegin{});
  CHECK_FALSE(k.kiosk().attract);
  CHECK(k.state.route() == core::Route{});
  REQUIRE_FALSE(k.browser.wake_ats.empty());
  CHECK(k.browser.wake_ats.back() == doctest::Approx(90 * s));  // the default quiet time
}

TEST_CASE("quiet for idle_seconds: 'Are you still there?' counts down each second, then everything is cleared") {
  Kiosk k(true, false, 40, 25);
  k.act(core::KioskBegin{});
  k.act(core::KioskActivity{10 * s});  // a tap at 10 s: the quiet time starts again
  k.quiet_until(49.9 * s);
  CHECK_FALSE(k.kiosk().warning);
  k.quiet_until(50 * s);
  REQUIRE(k.kiosk().warning);
  CHECK(k.kiosk().seconds_left() == 25);
  CHECK(std::find(k.browser.announcements.begin(), k.browser.announcements.end(), "Are you still there?") !=
        k.browser.announcements.end());
  // The countdown: one wake-up a second, the number shown going down by one each time.
  int shown = k.kiosk().seconds_left(), wakes = 0;
  while (k.kiosk().warning && wakes < 100) {
    REQUIRE(k.wake_before(1e12));
    ++wakes;
    if (k.kiosk().warning) {
      CHECK(k.kiosk().seconds_left() == shown - 1);
      shown = k.kiosk().seconds_left();
    }
  }
  CHECK(wakes == 25);
  CHECK(k.kiosk().now_ms == doctest::Approx(75 * s));
  CHECK(k.kiosk().attract);
  CHECK(k.kiosk().cleared_notice);
  CHECK(k.browser.announcements.back() == "Everything you entered has been cleared.");
}

TEST_CASE("a late timer still gives the whole countdown") {
  Kiosk k(true, false, 30, 20);
  k.act(core::KioskBegin{});
  k.act(core::KioskTick{45 * s});  // the page was busy: woken 15 s late
  REQUIRE(k.kiosk().warning);
  CHECK(k.kiosk().seconds_left() == 20);
  k.act(core::KioskTick{64.9 * s});
  CHECK(k.kiosk().warning);
  k.act(core::KioskTick{65 * s});
  CHECK_FALSE(k.kiosk().warning);
  CHECK(k.kiosk().attract);
}

TEST_CASE("'I'm still here' keeps everything and starts the quiet time again") {
  Kiosk k(true, false, 30, 20);
  k.act(core::KioskBegin{});
  k.act(core::Navigate{core::Route{core::Screen::eligibility, {}}});
  k.act(core::ChooseNation{"england"});
  REQUIRE(k.state.eligibility.nation == "england");
  k.quiet_until(35 * s);
  REQUIRE(k.kiosk().warning);
  // A tap during the dialog reaches the core as activity first: it alone does not continue
  // (the dialog's own tap does), so the same tap cannot also press what was underneath.
  k.act(core::KioskActivity{36 * s});
  CHECK(k.kiosk().warning);
  k.act(core::KioskContinue{});
  CHECK_FALSE(k.kiosk().warning);
  CHECK(k.state.eligibility.nation == "england");
  CHECK(k.state.route().screen == core::Screen::eligibility);
  CHECK(k.browser.wake_ats.back() == doctest::Approx(66 * s));
  k.quiet_until(65.9 * s);
  CHECK_FALSE(k.kiosk().warning);
}

TEST_CASE("going anywhere while the dialog shows (Help now in the bar) also continues") {
  Kiosk k(true, false, 30, 20);
  k.act(core::KioskBegin{});
  k.quiet_until(31 * s);
  REQUIRE(k.kiosk().warning);
  k.act(core::Navigate{core::Route{core::Screen::help_now, {}}});
  CHECK_FALSE(k.kiosk().warning);
  CHECK(k.state.route().screen == core::Screen::help_now);
}

TEST_CASE("the reset clears answers, plans, the trail of screens and scroll, and says so on the attract screen") {
  Kiosk k(true, false, 30, 20);
  k.act(core::KioskBegin{});
  k.act(core::Navigate{core::Route{core::Screen::learn, {}}});
  k.act(core::Navigate{core::Route{core::Screen::eligibility, {}}});
  k.act(core::ChooseNation{"wales"});
  k.state.eligibility.answers["risk"] = core::Answer::yes;
  k.state.plans.records.crisis_plan.warning_signs.push_back("typed by the last visitor");
  const auto visit = k.kiosk().visit;
  k.quiet_until(60 * s);
  CHECK(k.state.eligibility.answers.empty());
  CHECK(k.state.eligibility.nation.empty());
  CHECK(k.state.plans.records.crisis_plan.warning_signs.empty());
  CHECK(k.state.stack == std::vector<core::Route>{core::Route{}});
  CHECK(k.browser.current_path() == "#/");
  CHECK(k.kiosk().visit == visit + 1);  // new screen windows: scrolled to the top
  CHECK(k.kiosk().attract);
  CHECK(k.kiosk().cleared_notice);
  CHECK(k.state.plans.today == "");  // no clock told in this test; the kiosk's settings stay:
  CHECK(k.kiosk().idle_seconds == 30);
  // Nothing written, ever.
  CHECK(k.browser.saved_records.empty());
  // The message goes after a while, or when the next visitor begins.
  k.quiet_until(60 * s + core::kKioskClearedNoticeMs);
  CHECK_FALSE(k.kiosk().cleared_notice);
  CHECK(k.kiosk().attract);
}

TEST_CASE("the next visitor's tap takes the cleared message away") {
  Kiosk k(true, false, 30, 20);
  k.act(core::KioskBegin{});
  k.quiet_until(60 * s);
  REQUIRE(k.kiosk().cleared_notice);
  k.act(core::KioskActivity{61 * s});
  k.act(core::KioskBegin{});
  CHECK_FALSE(k.kiosk().cleared_notice);
  CHECK_FALSE(k.kiosk().attract);
  CHECK(k.browser.wake_ats.back() == doctest::Approx(91 * s));
}

TEST_CASE("a kiosk refuses personal plan screens: a deep link, a tap or Back to one goes Home") {
  for (const auto& info : core::screen_table) {
    if (info.in_kiosk) continue;
    const core::Route personal{info.screen, {}};
    CAPTURE(info.name);
    {
      core::State state;
      auto content = std::make_shared<core::Content>(test::real_content());
      content->deployment.kiosk.enabled = true;
      state.content = content;
      platform::MemoryPlatform browser;
      platform::carry_out(browser, core::update(state, core::KioskStart{false, 0}));
      platform::carry_out(browser, core::update(state, core::Start{personal.to_path()}));
      CHECK(state.stack == std::vector<core::Route>{core::Route{}});
    }
    Kiosk k;
    k.act(core::KioskBegin{});
    k.act(core::Navigate{core::Route{core::Screen::learn, {}}});
    k.act(core::Navigate{personal});
    CHECK(k.state.route() == core::Route{});
    // A typed address: the browser shows it, then tells the app.
    for (const auto& from : {core::Route{}, core::Route{core::Screen::learn, {}}}) {
      k.act(core::Navigate{from});
      k.browser.history_push(personal.to_path());
      k.act(core::HistoryChanged{personal.to_path()});
      CHECK(k.state.route() == core::Route{});
      CHECK(k.browser.current_path() == "#/");
    }
  }
  // The same routes work outside kiosk mode.
  Kiosk off(false, false);
  off.act(core::Navigate{core::Route{core::Screen::care_plan, {}}});
  CHECK(off.state.route().screen == core::Screen::care_plan);
}

TEST_CASE("a kiosk offers the explainers, the walk-through, Help now and Continue on your phone") {
  for (const auto screen : {core::Screen::learn, core::Screen::eligibility, core::Screen::help_now,
                            core::Screen::continue_on_phone, core::Screen::about}) {
    Kiosk k;
    k.act(core::Navigate{core::Route{screen, {}}});
    CHECK(k.state.route().screen == screen);
    CHECK_FALSE(k.kiosk().attract);  // going anywhere from the attract screen begins a visit
  }
}

TEST_CASE("the countdown is never shorter than 20 seconds, nor the quiet time than 30") {
  Kiosk k(true, false, 5, 3);  // a file the validator would refuse; the core holds the line too
  CHECK(k.kiosk().idle_seconds == 30);
  CHECK(k.kiosk().warning_seconds == 20);
}

namespace {
// Everything the app can do that takes something out of its memory, asked for on this device.
void ask_for_everything_that_leaves(Kiosk& k) {
  k.act(core::KioskBegin{});
  k.act(core::ChooseNation{"england"});
  k.state.eligibility.answers["risk"] = core::Answer::yes;
  k.act(core::Navigate{core::eligibility_route(core::eligibility_steps::result)});
  k.act(core::PrintEligibilityResult{});
  k.act(core::SaveEligibilityResult{});
  k.act(core::OpenLink{"tel:116123"});
  k.act(core::OpenLink{"sms:85258?body=SHOUT"});
  k.act(core::OpenLink{"mailto:jo@samaritans.org"});
  k.state.share.received = core::SharedPlan{k.state.plans.records, "2026-11-20", "", "", ""};
  k.state.share.link = "https://example.org/#share=1.0.e30.00000000";
  k.act(core::ShareKeepCopy{});
  k.act(core::ShareCopyLink{});
  k.act(core::ShareSystemShare{});
}
}  // namespace

TEST_CASE("a kiosk refuses, in core, every effect that would take something out of its memory, whatever asked") {
  Kiosk k;
  ask_for_everything_that_leaves(k);
  CHECK(k.browser.printed.empty());
  CHECK(k.browser.downloads.empty());
  CHECK(k.browser.opened_urls.empty());
  CHECK(k.browser.kept_copy.empty());
  CHECK(k.browser.copied.empty());
  CHECK(k.browser.system_shares.empty());
  CHECK(k.browser.saved_records.empty());
  CHECK(k.browser.stored_settings.empty());
  // The visitor is told where to keep things instead.
  REQUIRE_FALSE(k.browser.announcements.empty());
  CHECK(k.browser.announcements.back() == k.state.text().str("kiosk.keeps_nothing"));
  // Web addresses (a source's page) still open: they take nothing of the visitor's with them.
  k.act(core::OpenLink{"https://www.samaritans.org/"});
  CHECK(k.browser.opened_urls == std::vector<std::string>{"https://www.samaritans.org/"});

  // The same requests on a person's own phone are all carried out.
  Kiosk phone(false, false);
  ask_for_everything_that_leaves(phone);
  CHECK(phone.browser.printed.size() == 1);
  CHECK(phone.browser.downloads.size() == 1);
  CHECK(phone.browser.opened_urls.size() == 3);
  CHECK_FALSE(phone.browser.kept_copy.empty());
  CHECK(phone.browser.copied.size() == 1);
  CHECK(phone.browser.system_shares.size() == 1);
}

TEST_CASE("the reset forgets a plan opened from a link and clears the visit from the page, not only from memory") {
  Kiosk k(true, false, 30, 20);
  k.act(core::KioskBegin{});
  k.state.share.received = core::SharedPlan{k.state.plans.records, "2026-11-20", "", "", ""};
  k.state.share.incoming = core::IncomingStatus::ready;
  k.state.share.incoming_passphrase = "typed by the carer";
  k.act(core::Navigate{core::Route{core::Screen::shared, {}}});
  CHECK(k.state.route().screen == core::Screen::shared);  // a link opened on a kiosk is shown
  k.browser.printed.push_back({"left over", "<p>a result</p>"});
  k.quiet_until(60 * s);
  CHECK_FALSE(k.state.share.received);
  CHECK(k.state.share.incoming == core::IncomingStatus::none);
  CHECK(k.state.share.incoming_passphrase.empty());
  CHECK(k.browser.visits_cleared == 1);
  CHECK(k.browser.printed.empty());  // the page's print area
  CHECK(k.browser.history == std::vector<std::string>{"#/"});
}

TEST_CASE("a kiosk page brought back by the browser's Back (its back-forward cache) clears the last visit") {
  Kiosk k;
  k.act(core::KioskBegin{});
  k.act(core::ChooseNation{"wales"});
  k.state.eligibility.answers["risk"] = core::Answer::yes;
  k.act(core::KioskRestored{5 * s});
  CHECK(k.state.eligibility.answers.empty());
  CHECK(k.kiosk().attract);
  CHECK(k.kiosk().cleared_notice);
  CHECK(k.browser.visits_cleared == 1);
  // On a person's own phone the same event changes nothing.
  Kiosk phone(false, false);
  phone.act(core::ChooseNation{"wales"});
  phone.act(core::KioskRestored{5 * s});
  CHECK(phone.state.eligibility.nation == "wales");
  CHECK(phone.browser.visits_cleared == 0);
}

TEST_CASE("a kiosk ignores a shared plan this browser once kept: it is not the visitor's") {
  Kiosk k;
  core::Records records;
  core::add_item(records, "crisis_plan.warning_signs", "", "someone else's sign");
  k.act(core::ShareDeviceReady{"https://example.org/", false, true,
                               core::kept_copy_document(core::SharedPlan{records, "2026-11-20", "", "", ""})});
  CHECK_FALSE(k.state.share.kept);
  Kiosk phone(false, false);
  phone.act(core::ShareDeviceReady{"https://example.org/", false, true,
                                   core::kept_copy_document(core::SharedPlan{records, "2026-11-20", "", "", ""})});
  CHECK(phone.state.share.kept);
}
