// Help for someone who is deaf or cannot speak on the phone (content/en-GB/access_routes.json):
// which routes show for each nation, the panel on Help now, every result, the carer's view and
// card, the crisis plan's "register to text 999" step, and the checks a content edit must pass.
// Hazard log H14.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "content_problems.hpp"
#include "core/help_now/access_routes.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/support/html.hpp"
#include "core/share/share.hpp"
#include "real_content.hpp"
#include "records_samples.hpp"
#include "tools/readability/readability.hpp"

using namespace cpa;

namespace {

const std::vector<std::string> kNations = {"england", "wales", "scotland", "northern-ireland"};

std::vector<std::string> ids(const std::vector<const core::CrisisLine*>& routes) {
  std::vector<std::string> out;
  for (const auto* route : routes) out.push_back(route->id);
  return out;
}

std::vector<std::string> ids(const std::vector<core::CrisisLineView>& routes) {
  std::vector<std::string> out;
  for (const auto& route : routes) out.push_back(route.id);
  return out;
}

bool serves(const core::CrisisLine& route, const std::string& nation) {
  return std::find(route.nations.begin(), route.nations.end(), nation) != route.nations.end();
}

// The real content with one file changed by edit: the routes' words (en-GB/access_routes.json)
// or their numbers, addresses, nations and sources, shared by every locale (common/).
core::ContentLoad load_with_file(const std::string& path, const std::function<void(nlohmann::json&)>& edit) {
  auto files = test::content_files();
  auto routes = nlohmann::json::parse(files[path]);
  edit(routes);
  files[path] = routes.dump();
  return core::load_content(files);
}
core::ContentLoad load_with_routes(const std::function<void(nlohmann::json&)>& edit) {
  return load_with_file("en-GB/access_routes.json", edit);
}
core::ContentLoad load_with_route_data(const std::function<void(nlohmann::json&)>& edit) {
  return load_with_file("common/access_routes.json", edit);
}
const std::string kData = "common/access_routes.json";

}  // namespace

TEST_CASE("access routes: every UK-wide route shows for each nation, with only that nation's own besides") {
  const auto& content = test::real_content();
  const std::vector<std::string> uk_wide = {"999-bsl", "emergency-sms", "relay-999", "relay-any-number"};
  for (const auto& nation : kNations) {
    CAPTURE(nation);
    const auto shown = ids(core::access_routes_for(content, nation));
    for (const auto& id : uk_wide) CHECK(std::count(shown.begin(), shown.end(), id) == 1);
    for (const auto* route : core::access_routes_for(content, nation)) CHECK(serves(*route, nation));
  }
  // NHS 111 by text relay is England's: never offered in Wales, Scotland or Northern Ireland.
  const auto england = ids(core::access_routes_for(content, "england"));
  CHECK(std::count(england.begin(), england.end(), "nhs-111-england-relay") == 1);
  for (const char* nation : {"wales", "scotland", "northern-ireland"}) {
    const auto shown = ids(core::access_routes_for(content, nation));
    CHECK(std::count(shown.begin(), shown.end(), "nhs-111-england-relay") == 0);
  }
}

TEST_CASE(
    "access routes: with no nation known (or one the app does not know), every route shows, named for where it works") {
  const auto& content = test::real_content();
  for (const char* nation : {"", "atlantis", "England"}) {
    CAPTURE(nation);
    const auto shown = core::access_routes_for(content, nation);
    CHECK(shown.size() == content.access.routes.size());
  }
  CHECK(content.access_route("nhs-111-england-relay")->name.find("England") != std::string::npos);
}

TEST_CASE("access routes: the panel has its plain title and each route as a crisis line, with a link to tap") {
  const auto& content = test::real_content();
  for (const std::string nation : {"", "england", "wales", "scotland", "northern-ireland"}) {
    CAPTURE(nation);
    const auto panel = core::access_panel_view(content, nation, false);
    CHECK(panel.heading == "If you are deaf or cannot speak on the phone");
    CHECK_FALSE(panel.intro.empty());
    CHECK(ids(panel.routes) == ids(core::access_routes_for(content, nation)));
    for (const auto& route : panel.routes) {
      CAPTURE(route.id);
      CHECK_FALSE(route.href.empty());
      CHECK_FALSE(route.action_label.empty());
      CHECK(route.copy_text.empty());
    }
  }
}

TEST_CASE("access routes: on a kiosk the panel holds no link, only the number or address to copy") {
  const auto& content = test::real_content();
  const auto panel = core::access_panel_view(content, "", true);
  REQUIRE(panel.routes.size() == content.access.routes.size());
  for (const auto& route : panel.routes) {
    CAPTURE(route.id);
    CHECK(route.href.empty());
    CHECK_FALSE(route.copy_instruction.empty());
    CHECK_FALSE(route.copy_text.empty());
  }
  const auto bsl =
      std::find_if(panel.routes.begin(), panel.routes.end(), [](const auto& r) { return r.id == "999-bsl"; });
  REQUIRE(bsl != panel.routes.end());
  CHECK(bsl->copy_text == "www.999bsl.co.uk");
  CHECK(bsl->copy_instruction == content.str("kiosk.help_now.copy_web"));
  const std::string html = core::access_panel_html(panel, 2);
  CHECK(html.find("href=") == std::string::npos);
}

TEST_CASE(
    "access routes: every result, for every nation, carries the panel after its crisis lines, on screen and paper") {
  const auto& content = test::real_content();
  for (const auto& nation : kNations) {
    for (const auto risk : {core::Answer::yes, core::Answer::no}) {
      CAPTURE(nation);
      core::EligibilityState state;
      state.nation = nation;
      state.answers["risk"] = risk;
      const auto view = core::result_view(content, state);
      REQUIRE_FALSE(view.title.empty());
      CHECK(view.access_routes == core::access_routes_for(content, nation));
      const std::string html = core::result_html(content, view);
      const auto panel = html.find("<section class=\"access-routes\">");
      REQUIRE(panel != std::string::npos);
      CHECK(html.find(core::escape_html(content.access.heading)) != std::string::npos);
      CHECK(panel > html.find("<section class=\"crisis-lines\">"));
      for (const auto* route : view.access_routes)
        CHECK(html.find("href=\"" + core::escape_html(route->href()) + "\"", panel) != std::string::npos);
      // Their sources are listed with the result's.
      for (const auto* route : view.access_routes)
        for (const auto& id : route->source_ids)
          CHECK(std::any_of(view.sources.begin(), view.sources.end(), [&](const auto& s) { return s.id == id; }));
    }
  }
}

TEST_CASE(
    "access routes: the carer's view and card show the panel after the checked lines, before the person's own entries") {
  const auto& content = test::real_content();
  for (const std::string nation : {"", "england", "wales", "scotland", "northern-ireland", "atlantis"}) {
    CAPTURE(nation);
    core::SharedPlan plan;
    plan.records = test::sample_records();
    plan.shared_on = "2026-11-20";
    plan.nation = nation;
    plan.shared_by = "Sam";
    const auto view = core::shared_plan_view(content, plan, "2026-12-06");
    CHECK(view.access.heading == content.access.heading);
    CHECK(ids(view.access.routes) == ids(core::access_routes_for(content, nation)));
    const std::string card = core::share_card_html(content, view);
    const auto panel = card.find("<section class=\"access-routes\">");
    REQUIRE(panel != std::string::npos);
    CHECK(panel > card.find(core::escape_html(view.lines_heading)));
    CHECK(panel < card.find(core::escape_html(view.own_heading)));
    for (const auto& route : view.access.routes)
      CHECK(card.find("href=\"" + core::escape_html(route.href) + "\"", panel) != std::string::npos);
    CHECK(core::share_card_document(content, view).find(card) != std::string::npos);
  }
  core::SharedPlan plan;
  plan.records = test::sample_records();
  const auto kiosk = core::shared_plan_view(content, plan, "2026-12-06", true);
  for (const auto& route : kiosk.access.routes) CHECK(route.href.empty());
}

TEST_CASE("the crisis plan's step: register for emergency SMS by texting register to 999, then reply yes") {
  const auto& content = test::real_content();
  const auto card = core::sms_registration_view(content, false);
  CHECK_FALSE(card.heading.empty());
  CHECK(card.intro.find("registered first") != std::string::npos);
  CHECK(card.text.href == "sms:999?body=register");
  CHECK(card.text.action_label == "Text register to 999");
  REQUIRE(card.steps.size() >= 2);
  CHECK(card.steps[0].find("register") != std::string::npos);
  CHECK(card.steps[1].find("reply yes") != std::string::npos);
  // The number is the emergency SMS route's own, written once.
  CHECK(content.access.registration.text.number == content.access_route("emergency-sms")->number);
  CHECK(core::sms_registration_view(content, true).text.href.empty());
}

TEST_CASE("access_routes.json: a key the app does not know is a problem naming the file and the field") {
  const auto loaded = load_with_routes([](nlohmann::json& j) {
    j["routes"][0]["nation"] = "england";
    j["sms_registration"]["body"] = "register";
    j["intro_text"] = "x";
  });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, "access_routes.json", "routes[0].nation"));
  CHECK(test::has_problem_in(loaded, "access_routes.json", "sms_registration.body"));
  CHECK(test::has_problem_in(loaded, "access_routes.json", "intro_text"));
}

TEST_CASE("access_routes.json: a route needs sources that exist, a checked date and known nations") {
  const auto loaded = load_with_route_data([](nlohmann::json& j) {
    j["routes"][0].erase("sources");
    j["routes"][1]["sources"] = {"nowhere"};
    j["routes"][2]["checked"] = "06/12/2026";
    j["routes"][3]["nations"] = {"england", "atlantis"};
    j["routes"][4]["nations"] = nlohmann::json::array();
  });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, kData, "routes[0].sources", "missing"));
  CHECK(test::has_problem_in(loaded, kData, "routes[1].sources[0]", "unknown source"));
  CHECK(test::has_problem_in(loaded, kData, "routes[2].checked"));
  CHECK(test::has_problem_in(loaded, kData, "routes[3].nations[1]", "unknown nation"));
  CHECK(test::has_problem_in(loaded, kData, "routes[4].nations", "at least one"));
}

TEST_CASE("access_routes.json: a route is reached one way only, and a web address is https") {
  const auto loaded = load_with_route_data([](nlohmann::json& j) {
    j["routes"][0]["call"] = "999";     // web and call both
    j["routes"][1].erase("text");       // no way at all
    j["routes"][2]["call"] = "1";       // not a number
    j["routes"][3]["text_body"] = "x";  // a body on a call
    j["routes"].push_back(j["routes"][0]);
    j["routes"][5].erase("call");
    j["routes"][5]["id"] = "plain-web";
    j["routes"][5]["web"] = "http://www.999bsl.co.uk";
  });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, kData, "routes[0]", "exactly one"));
  CHECK(test::has_problem_in(loaded, kData, "routes[1]", "exactly one"));
  CHECK(test::has_problem_in(loaded, kData, "routes[2].call", "phone number"));
  CHECK(test::has_problem_in(loaded, kData, "routes[3].text_body"));
  CHECK(test::has_problem_in(loaded, kData, "routes[5].web", "https://"));
}

TEST_CASE("access_routes.json: a relay prefix must name a crisis line to call, and the text to register a text route") {
  const auto loaded = load_with_route_data([](nlohmann::json& j) {
    j["routes"][4]["before_line"] = "shout";  // a text line: no number to put 18001 before
    j["routes"][3]["before_line"] = "nowhere";
    j["sms_registration"]["route"] = "relay-999";
  });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, kData, "routes[4].before_line", "shout"));
  CHECK(test::has_problem_in(loaded, kData, "routes[3].before_line", "nowhere"));
  CHECK(test::has_problem_in(loaded, kData, "sms_registration.route", "relay-999"));
  const auto words = load_with_routes([](nlohmann::json& j) {
    j["routes"][2]["for"] = "Dial {prefix}.";  // relay-999 has no line to fill it
  });
  CHECK(test::has_problem_in(words, "access_routes.json", "routes[2].for", "placeholder"));
}

TEST_CASE(
    "access_routes.json: a route's words and its number are joined by id, and one without the other is a problem") {
  const auto no_words = load_with_routes([](nlohmann::json& j) { j["routes"].erase(j["routes"].begin() + 1); });
  CHECK_FALSE(no_words.ok());
  CHECK(test::has_problem_in(no_words, "access_routes.json", "routes", "\"emergency-sms\""));
  const auto no_number = load_with_routes([](nlohmann::json& j) { j["routes"][1]["id"] = "text-999"; });
  CHECK(test::has_problem_in(no_number, "access_routes.json", "routes[1].id", "\"text-999\" is not in " + kData));
  // A number in the words file is a field the app does not know: numbers are written once, in common/.
  const auto number_in_words = load_with_routes([](nlohmann::json& j) { j["routes"][1]["text"] = "998"; });
  CHECK(test::has_problem_in(number_in_words, "access_routes.json", "routes[1].text", "not a field"));
}

TEST_CASE("access_routes.json: without it the content does not load, and its sources count as cited") {
  auto files = test::content_files();
  files.erase("en-GB/access_routes.json");
  CHECK(test::has_problem_in(core::load_content(files), "access_routes.json", "", "missing"));
  files = test::content_files();
  files.erase(kData);
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, kData, "", "missing"));
  // Its sources are cited by nothing else: with the file gone, sources.json says so.
  CHECK(test::has_problem_in(loaded, "common/sources.json", "sources", "ofcom-999-bsl"));
}

TEST_CASE("access routes: the panel and the crisis plan's step read easily (Flesch reading ease 60 or more)") {
  const auto& access = test::real_content().access;
  std::vector<std::string> pieces{access.heading, access.intro};
  for (const auto& route : access.routes) {
    pieces.push_back(route.name);
    pieces.push_back(route.purpose);
  }
  pieces.push_back(access.registration.heading);
  pieces.push_back(access.registration.intro);
  pieces.insert(pieces.end(), access.registration.steps.begin(), access.registration.steps.end());
  const double ease = readability::flesch_reading_ease(readability::count_pieces(pieces));
  MESSAGE("reading ease: " << ease);
  CHECK(ease >= 60);
}
