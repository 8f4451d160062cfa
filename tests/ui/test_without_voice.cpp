// The panel for people who are deaf or cannot speak on the phone, as a person meets it: on Help
// now for every nation and none, on the walk-through's help step and every nation's result, in a
// carer's view of a shared plan, and on a kiosk with nothing to tap; and the crisis plan's step
// to register for emergency SMS.  Hazard log H14.
#include <algorithm>

#include "../unit/records_samples.hpp"
#include "core/help_now/access_routes.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/share/share.hpp"
#include "core/share/share_codec.hpp"
#include "harness.hpp"
#include "../unit/stored_samples.hpp"

using namespace cpa;
using ui::Role;

namespace {

const std::string kHeading = "If you are deaf or cannot speak on the phone";

const ui::Node* link_to(const test::Harness& h, const std::string& href) {
  for (const auto* link : h.tree().all(Role::link))
    if (link->href == href) return link;
  return nullptr;
}

// Every route for this nation is a link, and the panel holds no other nation's route.
void check_panel_links(const test::Harness& h, const std::string& nation) {
  const auto& content = *h.app.state().content;
  const auto shown = core::access_routes_for(content, nation);
  for (const auto& route : content.access.routes) {
    CAPTURE(route.id);
    const bool expected = std::find(shown.begin(), shown.end(), &route) != shown.end();
    const auto* link = link_to(h, route.href());
    CHECK((link != nullptr) == expected);
    if (link) CHECK(link->name == core::crisis_line_action_label(content, route));
  }
}

void choose_nation(test::Harness& h, const std::string& nation) {
  h.app.dispatch(core::Navigate{core::eligibility_route(core::eligibility_steps::nation)});
  h.app.dispatch(core::ChooseNation{nation});
  h.settle();
}

}  // namespace

TEST_CASE(
    "Help now: the panel for people who cannot make a voice call, after the national lines, for every nation and none") {
  for (const std::string nation : {"", "england", "wales", "scotland", "northern-ireland"}) {
    CAPTURE(nation);
    test::Harness h;
    h.app.dispatch(test::stored_plans(core::store_record(test::sample_records(), "2026-11-23T10:00:00Z"), ""));
    if (!nation.empty()) choose_nation(h, nation);
    h.app.dispatch(core::Navigate{core::Route{core::Screen::help_now, {}}});
    h.settle();
    const auto* panel = h.find(Role::heading, kHeading);
    REQUIRE(panel != nullptr);
    CHECK(panel->level == 2);
    check_panel_links(h, nation);
    // After every national line, before the trust's lines and the person's own contacts.
    const auto& content = *h.app.state().content;
    for (const auto& line : content.crisis_lines) {
      const auto* link = link_to(h, line.href());
      REQUIRE(link != nullptr);
      CHECK(link->rect.y < panel->rect.y);
    }
    const auto* local = h.find(Role::heading, content.str("help_now.local_heading"));
    REQUIRE(local != nullptr);
    CHECK(panel->rect.y < local->rect.y);
    const auto* people = h.find(Role::heading, content.str("help_now.my_people_heading"));
    REQUIRE(people != nullptr);
    CHECK(panel->rect.y < people->rect.y);
  }
}

TEST_CASE("Help now: tapping the text relay number opens it with 18001 in front") {
  test::Harness h("#/help-now");
  h.tap(Role::link, "Call 18000");
  REQUIRE_FALSE(h.platform.opened_urls.empty());
  CHECK(h.platform.opened_urls.back() == "tel:18000");
  h.tap(Role::link, "Call 18001 116 123");
  CHECK(h.platform.opened_urls.back() == "tel:18001116123");
}

TEST_CASE("the walk-through's help step and every nation's result carry the panel") {
  for (const auto& nation : {"england", "wales", "scotland", "northern-ireland"}) {
    CAPTURE(nation);
    test::Harness h;
    choose_nation(h, nation);
    const auto& e = *h.app.state().content->eligibility;
    if (e.nation(nation)->asks_questions) {
      h.app.dispatch(core::Navigate{core::eligibility_route("risk")});
      h.app.dispatch(core::AnswerQuestion{"risk", core::Answer::yes});
      h.settle();
      CHECK(h.app.state().route() == core::eligibility_help_route("risk"));
      CHECK(h.find(Role::heading, kHeading) != nullptr);
      check_panel_links(h, nation);
    }
    h.app.dispatch(core::Navigate{core::eligibility_route(core::eligibility_steps::result)});
    h.settle();
    CHECK(h.find(Role::heading, kHeading) != nullptr);
    check_panel_links(h, nation);
  }
}

TEST_CASE("a carer's view of a shared plan shows the panel after the checked lines, before the person's own entries") {
  std::vector<std::string> parts;
  for (const auto* part : core::share_parts()) parts.emplace_back(part->id);
  const auto link = core::share_link(
      "", 0, core::base64url_encode(core::share_payload(test::sample_records(), parts, "2026-11-20", "wales", "Sam")));
  test::Harness h(link);
  REQUIRE(h.app.state().route().screen == core::Screen::shared);
  const auto* panel = h.find(Role::heading, kHeading);
  REQUIRE(panel != nullptr);
  check_panel_links(h, "wales");
  const auto& content = *h.app.state().content;
  const auto* checked = h.find(Role::heading, content.str("share.view.lines_heading"));
  const auto* own = h.find(Role::heading, content.format("share.view.own_heading_named", {{"name", "Sam"}}));
  REQUIRE(checked != nullptr);
  REQUIRE(own != nullptr);
  CHECK(checked->rect.y < panel->rect.y);
  CHECK(panel->rect.y < own->rect.y);
}

TEST_CASE("kiosk: the panel on Help now writes each number and address out to copy, with nothing to tap") {
  test::Harness h("", 1080, 1920, true);
  h.tap(Role::button, "Help now");
  REQUIRE(h.find(Role::heading, kHeading) != nullptr);
  const auto& content = *h.app.state().content;
  for (const auto& route : content.access.routes) {
    CAPTURE(route.id);
    CHECK(link_to(h, route.href()) == nullptr);
  }
  // A web link is refused here too: a video call belongs on the visitor's own phone.
  CHECK(link_to(h, "https://www.999bsl.co.uk") == nullptr);
  CHECK(h.find(Role::text, "www.999bsl.co.uk") != nullptr);
  CHECK(h.find(Role::text, "18000") != nullptr);
  CHECK(h.find(Role::text, "18001 116 123") != nullptr);
  CHECK(h.find(Role::text, content.str("kiosk.help_now.copy_web")) != nullptr);
}

TEST_CASE("My crisis plan: register to text 999 now, before it is needed, with a link that writes the text") {
  test::Harness h("#/crisis-plan");
  const auto& registration = h.app.state().content->access.registration;
  REQUIRE(h.find(Role::heading, registration.heading) != nullptr);
  for (const auto& step : registration.steps) CHECK(h.find(Role::list_item, step) != nullptr);
  const auto* link = h.find(Role::link, "Text register to 999");
  REQUIRE(link != nullptr);
  CHECK(link->href == "sms:999?body=register");
  h.tap(Role::link, "Text register to 999");
  REQUIRE_FALSE(h.platform.opened_urls.empty());
  CHECK(h.platform.opened_urls.back() == "sms:999?body=register");
}
