// A trust's deployment file: checked with clear messages, and its local lines shown wherever
// the national ones are (Help now, results on screen and paper, the plain fallback page).
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "content_files.hpp"
#include "core/eligibility.hpp"
#include "core/help_now.hpp"
#include "tools/site/fallback_html.hpp"

#include "content_problems.hpp"

using namespace cpa;

namespace {

nlohmann::json example() {
  return nlohmann::json::parse(test::read_text(test::source_dir() + "/content/deployment.example.json"));
}

core::ContentLoad load_with(const nlohmann::json& deployment) {
  auto files = test::content_files();
  files["deployment.json"] = deployment.dump();
  return core::load_content(files);
}

}  // namespace

TEST_CASE("without a deployment file the national content is used, with the defaults") {
  const auto loaded = core::load_content(test::content_files());
  REQUIRE(loaded.ok());
  const auto& d = loaded.content->deployment;
  CHECK_FALSE(d.present);
  CHECK(d.nation.empty());
  CHECK_FALSE(d.kiosk.enabled);
  CHECK(d.kiosk.idle_seconds == 90);
  CHECK(d.review_interval_months == 12);
  CHECK(core::local_crisis_lines(*loaded.content).empty());
}

TEST_CASE("the example deployment loads: its local line serves its nation, after the national ones") {
  const auto loaded = load_with(example());
  REQUIRE_MESSAGE(loaded.ok(), test::problems_text(loaded));
  const auto& content = *loaded.content;
  const auto& d = content.deployment;
  CHECK(d.present);
  CHECK(d.trust_name == "Example NHS Foundation Trust");
  CHECK(d.nation == "england");
  REQUIRE(d.services.size() == 1);
  CHECK(d.kiosk.public_address == "https://example.org/cpa/");
  const auto local = core::local_crisis_lines(content);
  REQUIRE(local.size() == 1);
  CHECK(local[0]->name == "Example crisis team");
  CHECK(local[0]->href() == "tel:01632960000");
  const auto lines = core::crisis_lines_for(content, "england");
  CHECK(lines.back() == local[0]);
  const auto wales = core::crisis_lines_for(content, "wales");
  CHECK(std::find(wales.begin(), wales.end(), local[0]) == wales.end());
}

TEST_CASE("a deployment's local line is on the printed result and the plain fallback page") {
  const auto loaded = load_with(example());
  REQUIRE(loaded.ok());
  const auto& content = *loaded.content;
  core::EligibilityState state;
  state.nation = "england";
  const auto html = core::result_html(content, core::result_view(content, state));
  CHECK(html.find("href=\"tel:01632960000\"") != std::string::npos);
  CHECK(html.find("Example crisis team") != std::string::npos);
  const auto fallback = site::crisis_lines_html(content);
  CHECK(fallback.find("href=\"tel:01632960000\"") != std::string::npos);
  CHECK(fallback.find(content.str("help_now.local_heading")) != std::string::npos);
}

TEST_CASE("a bad deployment file is refused with a message naming each field") {
  auto d = example();
  d["crisis_lines"][0]["number"] = "call us";
  d["crisis_lines"][0].erase("hours");
  d["crisis_lines"][0]["colour"] = "blue";
  d["trust"]["nation"] = "atlantis";
  d["kiosk"]["warning_seconds"] = 5;
  d["kiosk"]["public_address"] = "http://example.org";
  d["review_interval_months"] = 9;
  d["services"][0]["phone"] = "+33 1 23 45 67 89";
  const auto loaded = load_with(d);
  CHECK_FALSE(loaded.ok());
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].number", "not a UK phone number"),
                test::problems_text(loaded));
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].hours", "missing"),
                test::problems_text(loaded));
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].colour", "not a field"),
                test::problems_text(loaded));
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "trust.nation", "atlantis"),
                test::problems_text(loaded));
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "kiosk.warning_seconds", "at least 20"),
                test::problems_text(loaded));
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "kiosk.public_address", "https://"),
                test::problems_text(loaded));
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "review_interval_months", "6 or 12"),
                test::problems_text(loaded));
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "services[0].phone"), test::problems_text(loaded));
}

TEST_CASE("a local line may not take a national line's id, and broken JSON is named") {
  auto d = example();
  d["crisis_lines"][0]["id"] = "samaritans";
  auto loaded = load_with(d);
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].id", "already"),
                test::problems_text(loaded));
  auto files = test::content_files();
  files["deployment.json"] = "{ nope";
  loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(std::any_of(loaded.problems.begin(), loaded.problems.end(),
                    [](const auto& p) { return p.file == "deployment.json" && p.message == "is not valid JSON"; }));
}

TEST_CASE("every field the schema documents is one the validator reads, and the other way round") {
  const auto schema = nlohmann::json::parse(test::read_text(test::source_dir() + "/content/deployment.schema.json"));
  // A file with every documented field set loads without an unknown-field problem.
  nlohmann::json full = example();
  full["crisis_lines"][0]["text_body"] = "HELLO";
  full["services"][0]["url"] = "https://example.org/haven";
  full["kiosk"]["enabled"] = true;
  auto keys = [](const nlohmann::json& object) {
    std::vector<std::string> out;
    for (auto it = object.begin(); it != object.end(); ++it) out.push_back(it.key());
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto& props = schema["properties"];
  CHECK(keys(props) == keys(full));
  CHECK(keys(props["trust"]["properties"]) == keys(full["trust"]));
  CHECK(keys(props["crisis_lines"]["items"]["properties"]) == keys(full["crisis_lines"][0]));
  CHECK(keys(props["services"]["items"]["properties"]) == keys(full["services"][0]));
  CHECK(keys(props["kiosk"]["properties"]) == keys(full["kiosk"]));
  const auto loaded = load_with(full);
  CHECK_MESSAGE(loaded.ok(), test::problems_text(loaded));
}
