// What a carer sees from a link that anyone could have made by hand: the app's own checked crisis
// lines first (never anything from the link), then what the person wrote under a heading that
// says the app has not checked it.  Hazard log H7 and H12.  Links here are built by hand, as a
// forger or an old leaflet's number would make them, not only by the app.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/help_now/help_now.hpp"
#include "core/share/share.hpp"
#include "core/state.hpp"
#include "real_content.hpp"
#include "share_samples.hpp"

using namespace cpa;

namespace {

// A link made by hand from this payload, unlocked and uncompressed, as anyone could make one.
std::string hand_made_link(const nlohmann::json& payload) {
  return core::share_link("https://cpa.example/", 0, core::base64url_encode(payload.dump()));
}

std::optional<core::SharedPlan> open(std::string_view link) {
  const auto parsed = core::parse_share_link(link);
  if (parsed.problem != core::LinkProblem::none) return std::nullopt;
  const auto bytes = core::base64url_decode(parsed.data_b64);
  return bytes ? core::read_share_payload(*bytes) : std::nullopt;
}

nlohmann::json forged_samaritans(std::string_view number) {
  return {{"v", 1},
          {"d", "2026-11-20"},
          {"f", {{"crisis_plan.people", {{"Samaritans", "", std::string(number), "any time"}}}}}};
}

std::vector<std::string> all_numbers(const core::SharedPlanView& view) {
  std::vector<std::string> out;
  for (const auto& group : view.national_lines)
    for (const auto& line : group.lines) out.push_back(line.href);
  return out;
}

}  // namespace

TEST_CASE("a forged Samaritans contact never shows among the checked lines; the real Samaritans line comes first") {
  const auto& content = test::real_content();
  for (const char* number : {"0906 123 4567", "07700 900123", "0845 790 9090", "116 123"}) {
    CAPTURE(number);
    const auto plan = open(hand_made_link(forged_samaritans(number)));
    REQUIRE(plan);
    const auto view = core::shared_plan_view(content, *plan, "2026-12-06");
    // The app's own lines, from content, every UK line (the link names no nation).
    const auto* samaritans = content.crisis_line("samaritans");
    REQUIRE(samaritans);
    std::size_t lines = 0;
    for (const auto& group : view.national_lines) lines += group.lines.size();
    std::size_t national = 0;
    for (const auto& line : content.crisis_lines) national += line.local ? 0 : 1;
    CHECK(lines == national);
    const auto hrefs = all_numbers(view);
    CHECK(std::find(hrefs.begin(), hrefs.end(), samaritans->href()) != hrefs.end());
    for (const auto& href : hrefs) CHECK(href.find("0906") == std::string::npos);
    // The forged entry sits under the person's own heading, which says it is not checked.
    CHECK(view.own_heading == content.str("share.view.own_heading"));
    CHECK(view.own_intro.find("not checked") != std::string::npos);
    REQUIRE(view.sections.size() == 1);
    REQUIRE(view.sections[0].groups.size() == 1);
    REQUIRE(view.sections[0].groups[0].contacts.size() == 1);
    CHECK(view.sections[0].groups[0].contacts[0].name == "Samaritans");
    // On paper and in the file the checked lines come before anything from the link.
    const std::string card = core::share_card_html(content, view);
    const auto checked_at = card.find(samaritans->href());
    const auto own_at = card.find(view.own_heading);
    REQUIRE(checked_at != std::string::npos);
    REQUIRE(own_at != std::string::npos);
    CHECK(checked_at < own_at);
  }
}

TEST_CASE("the nation a link names orders the app's own lines; an unknown or missing one shows every UK line") {
  const auto& content = test::real_content();
  auto payload = forged_samaritans("07700 900123");
  payload["n"] = "scotland";
  auto plan = open(hand_made_link(payload));
  REQUIRE(plan);
  CHECK(plan->nation == "scotland");
  auto view = core::shared_plan_view(content, *plan, "2026-12-06");
  REQUIRE_FALSE(view.national_lines.empty());
  CHECK(view.national_lines.front().heading.empty());  // Scotland's own lines come first, unlabelled
  std::vector<std::string> first;
  for (const auto& line : view.national_lines.front().lines) first.push_back(line.id);
  CHECK(std::find(first.begin(), first.end(), "nhs-24-scotland") != first.end());
  CHECK(std::find(first.begin(), first.end(), "breathing-space") != first.end());
  CHECK(std::find(first.begin(), first.end(), "nhs-111-england") == first.end());

  for (const char* nation : {"atlantis", "SCOTLAND", "scotland\u202e", ""}) {
    CAPTURE(nation);
    payload["n"] = nation;
    plan = open(hand_made_link(payload));
    REQUIRE(plan);  // a strange nation never makes the plan unreadable
    view = core::shared_plan_view(content, *plan, "2026-12-06");
    CHECK(view.national_lines.front().heading == content.str("help_now.anywhere"));
    CHECK(view.national_lines.size() > 1);  // each nation's own lines under its name
  }
}

TEST_CASE(
    "the person's name heads their own part; a right-to-left override or other invisible characters are removed") {
  const auto& content = test::real_content();
  auto payload = forged_samaritans("07700 900123");
  payload["b"] = "Sam\u202e\u200bmy\u2066 \u0007";
  const auto plan = open(hand_made_link(payload));
  REQUIRE(plan);
  CHECK(plan->shared_by == "Sammy");
  const auto view = core::shared_plan_view(content, *plan, "2026-12-06");
  CHECK(view.own_heading == "From Sammy's plan");
  CHECK(view.own_intro.find("Check the numbers with Sammy") != std::string::npos);
  // The same cleaning for every name and text in the plan.
  payload["f"]["crisis_plan.people"][0][0] = "Sama\u202eritans";
  const auto cleaned = open(hand_made_link(payload));
  REQUIRE(cleaned);
  CHECK(core::contact_list(cleaned->records, "crisis_plan.people")[0].name == "Samaritans");
  // A name too long is cut at a character, never in the middle of one.
  payload["b"] = std::string(58, 'a') + "\u00e9\u00e9";
  const auto long_name = open(hand_made_link(payload));
  REQUIRE(long_name);
  CHECK(long_name->shared_by.size() <= core::kMaxSharedByBytes);
  CHECK(long_name->shared_by == std::string(58, 'a') + "\u00e9");
}

TEST_CASE("a shared-on date still to come is shown as wrong, not as the date") {
  const auto& content = test::real_content();
  auto payload = forged_samaritans("07700 900123");
  payload["d"] = "2031-05-05";
  const auto plan = open(hand_made_link(payload));
  REQUIRE(plan);
  const auto view = core::shared_plan_view(content, *plan, "2026-12-06");
  CHECK(view.shared_on.empty());
  CHECK(view.date_warning.find("wrong") != std::string::npos);
  CHECK(view.date_warning.find("5 May 2031") != std::string::npos);
  CHECK(core::share_card_html(content, view).find(view.date_warning) != std::string::npos);
  // Today and the past are shown as the date.
  for (const char* date : {"2026-12-06", "2020-01-01"}) {
    payload["d"] = date;
    const auto fine = open(hand_made_link(payload));
    REQUIRE(fine);
    const auto shown = core::shared_plan_view(content, *fine, "2026-12-06");
    CHECK(shown.date_warning.empty());
    CHECK(shown.shared_on.rfind("Shared on ", 0) == 0);
  }
}

TEST_CASE("a link with 500 contacts, more than a plan can hold, is refused and nothing from it is shown") {
  nlohmann::json people = nlohmann::json::array();
  for (int i = 0; i < 500; ++i) people.push_back({"Person " + std::to_string(i), "", "07700 900123", ""});
  const nlohmann::json payload{{"v", 1}, {"d", "2026-11-20"}, {"f", {{"crisis_plan.people", people}}}};
  CHECK_FALSE(open(hand_made_link(payload)).has_value());
}

TEST_CASE("the person's preview and the carer's view name the nation the person gave, and the carer sees it first") {
  core::State state;
  state.content = test::real_content_ptr();
  state.plans.records = test::full_crisis_plan();
  state.plans.today = "2026-11-23";
  state.eligibility.nation = "wales";
  state.share.shared_by = "Sam";
  const auto plan = core::plan_to_share(state);
  CHECK(plan.nation == "wales");
  CHECK(plan.shared_by == "Sam");
  const auto view = core::shared_plan_view(state, plan);
  std::vector<std::string> first;
  for (const auto& line : view.national_lines.front().lines) first.push_back(line.id);
  CHECK(std::find(first.begin(), first.end(), "nhs-111-wales") != first.end());
  CHECK(view.own_heading == "From Sam's plan");
}
