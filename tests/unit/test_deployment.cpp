// A trust's deployment file: checked with clear messages, and its local lines shown wherever
// the national ones are (Help now, results on screen and paper, the plain fallback page).  A
// number that reaches no one (Ofcom's drama ranges), a trust named as an example or a stale
// checked-date never reaches a live site; the example file builds only as an example, which
// says so everywhere.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "content_files.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/help_now/help_now.hpp"
#include "core/support/html.hpp"
#include "core/plans/plan_phone.hpp"
#include "core/share/share.hpp"
#include "real_content.hpp"
#include "tools/site/fallback_html.hpp"

#include "content_problems.hpp"
#include "deployment_samples.hpp"

using namespace cpa;

namespace {

// The example file is a demonstration (Ofcom's drama numbers): it is loaded as one.
const core::DeploymentBuild as_example{true, ""};
// A real trust's build, on a fixed date (the build tool passes the real one).
const core::DeploymentBuild live_build{false, "2026-12-06"};

core::ContentLoad load_with(const nlohmann::json& deployment, const core::DeploymentBuild& build = as_example) {
  auto files = test::content_files();
  files["deployment.json"] = deployment.dump();
  return core::load_content(files, "en-GB", build);
}

// A number in a range, as a trust might type it: the range's digits with each x filled by `fill`.
std::string number_in_range(const core::DramaRange& range, char fill) {
  return range.prefix + std::string(range.digits - range.prefix.size(), fill);
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
  const auto loaded = load_with(test::example_deployment());
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
  const auto loaded = load_with(test::example_deployment());
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
  auto d = test::example_deployment();
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
  auto d = test::example_deployment();
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
  nlohmann::json full = test::example_deployment();
  full["crisis_lines"][0]["text_body"] = "HELLO";
  full["services"][0]["url"] = "https://example.org/haven";
  full["crisis_lines"][0]["translations"] = {
      {"cy", {{"name", "Llinell"}, {"for", "Unrhyw un"}, {"hours", "Bob amser"}}}};
  full["services"][0]["translations"] = {{"cy", {{"name", "Hafan"}, {"for", "Unrhyw un"}}}};
  full["kiosk"]["enabled"] = true;
  full["languages"] = {{"offered", {"en-GB", "cy"}},
                       {"first", "browser"},
                       {"switch", true},
                       {"welsh_review", {{"by", "A. Translator"}, {"date", "2026-11-30"}}}};
  auto keys = [](const nlohmann::json& object) {
    std::vector<std::string> out;
    for (auto it = object.begin(); it != object.end(); ++it) out.push_back(it.key());
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto& props = schema["properties"];
  CHECK(keys(props) == keys(full));
  CHECK(keys(props["trust"]["properties"]) == keys(full["trust"]));
  CHECK(keys(props["languages"]["properties"]) == keys(full["languages"]));
  CHECK(keys(props["languages"]["properties"]["welsh_review"]["properties"]) ==
        keys(full["languages"]["welsh_review"]));
  CHECK(keys(props["crisis_lines"]["items"]["properties"]) == keys(full["crisis_lines"][0]));
  CHECK(keys(props["services"]["items"]["properties"]) == keys(full["services"][0]));
  CHECK(keys(props["kiosk"]["properties"]) == keys(full["kiosk"]));
  CHECK(keys(schema["$defs"]["translations"]["properties"]["cy"]["properties"]) ==
        keys(full["crisis_lines"][0]["translations"]["cy"]));
  const auto loaded = load_with(full);
  CHECK_MESSAGE(loaded.ok(), test::problems_text(loaded));
}

TEST_CASE("Ofcom's drama ranges in content are the ones in CONTENT-FACTS, with their source") {
  const auto& drama = test::real_content().drama_numbers;
  std::vector<std::string> written;
  for (const auto& range : drama.ranges) written.push_back(range.written);
  const std::vector<std::string> expected = {"0113 496 0xxx", "0114 496 0xxx", "0115 496 0xxx", "0116 496 0xxx",
                                             "0117 496 0xxx", "0118 496 0xxx", "0121 496 0xxx", "0131 496 0xxx",
                                             "0141 496 0xxx", "0151 496 0xxx", "0161 496 0xxx", "020 7946 0xxx",
                                             "0191 498 0xxx", "028 9649 6xxx", "029 2018 0xxx", "01632 960xxx",
                                             "07700 900xxx",  "08081 570xxx",  "0909 8790xxx",  "03069 990xxx"};
  CHECK(written == expected);
  for (const auto& range : drama.ranges) CHECK(range.digits == 11);
  REQUIRE(drama.source_ids == std::vector<std::string>{"ofcom-drama-numbers"});
  const auto* source = test::real_content().source("ofcom-drama-numbers");
  REQUIRE(source != nullptr);
  CHECK(source->url.rfind("https://www.ofcom.org.uk/", 0) == 0);
}

TEST_CASE("a live build refuses a number in any of Ofcom's drama ranges, in a crisis line or a service") {
  for (const auto& range : test::real_content().drama_numbers.ranges) {
    for (const std::string& number :
         {number_in_range(range, '0'), number_in_range(range, '9'), "+44 " + number_in_range(range, '5').substr(1)}) {
      CAPTURE(number);
      auto d = test::real_trust_deployment();
      d["crisis_lines"][0]["number"] = number;
      d["services"][0]["phone"] = number;
      const auto loaded = load_with(d, live_build);
      CHECK_FALSE(loaded.ok());
      // A number the phone parser refuses already (09 premium rate, say) is refused for that.
      const bool parses = core::parse_uk_phone(number).ok();
      const std::string why =
          parses ? number + " is in Ofcom's range for TV and radio drama (" + range.written + ")" : "";
      CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].number", why),
                    test::problems_text(loaded));
      CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "services[0].phone", why),
                    test::problems_text(loaded));
    }
  }
}

TEST_CASE("a number just outside a drama range is not taken for one") {
  for (const char* number : {"01632 961 000", "01632 959 999", "020 7946 1000", "07700 901 000", "0113 496 1000"}) {
    CAPTURE(number);
    auto d = test::real_trust_deployment();
    d["crisis_lines"][0]["number"] = number;
    const auto loaded = load_with(d, live_build);
    CHECK_MESSAGE(loaded.ok(), test::problems_text(loaded));
  }
}

TEST_CASE("a live build refuses a trust, line or service whose name says it is an example") {
  for (const char* name : {"Example NHS Foundation Trust", "NHS Trust (EXAMPLE)", "an example-trust"}) {
    CAPTURE(name);
    auto d = test::real_trust_deployment();
    d["trust"]["name"] = name;
    d["crisis_lines"][0]["name"] = name;
    d["services"][0]["name"] = name;
    const auto loaded = load_with(d, live_build);
    for (const char* field : {"trust.name", "crisis_lines[0].name", "services[0].name"})
      CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", field, "says it is an example"),
                    test::problems_text(loaded));
  }
  auto d = test::real_trust_deployment();
  d["trust"]["name"] = "Exampleton and District NHS Trust";  // the word, not the letters
  const auto loaded = load_with(d, live_build);
  CHECK_MESSAGE(loaded.ok(), test::problems_text(loaded));
}

TEST_CASE("a live build refuses a checked date more than a year before the build date, or after it") {
  struct Case {
    const char* today;
    const char* checked;
    const char* problem;  // nullptr: accepted
  };
  const Case cases[] = {
      {"2026-12-06", "2026-12-06", nullptr},
      {"2026-12-06", "2025-12-06", nullptr},  // a year to the day
      {"2026-12-06", "2025-12-05", "more than a year before today (2026-12-06)"},
      {"2026-12-06", "2019-03-01", "more than a year before today (2026-12-06)"},
      {"2026-12-06", "2026-12-07", "after today (2026-12-06)"},
      {"2028-02-29", "2027-02-28", nullptr},  // a leap day's year before
      {"2028-02-29", "2027-02-27", "more than a year before today (2028-02-29)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.today);
    CAPTURE(c.checked);
    const core::DeploymentBuild build{false, c.today};
    auto d = test::real_trust_deployment();
    d["crisis_lines"][0]["checked"] = c.checked;
    d["services"][0]["checked"] = c.checked;
    const auto loaded = load_with(d, build);
    if (!c.problem) {
      CHECK_MESSAGE(loaded.ok(), test::problems_text(loaded));
      continue;
    }
    CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].checked", c.problem),
                  test::problems_text(loaded));
    CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "services[0].checked", c.problem),
                  test::problems_text(loaded));
  }
}

TEST_CASE("a service with a phone needs its own checked date; one with only a web address may go without") {
  auto d = test::real_trust_deployment();
  d["services"][0].erase("checked");
  auto loaded = load_with(d, live_build);
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "services[0].checked", "missing"),
                test::problems_text(loaded));
  d["services"][0].erase("phone");
  d["services"][0]["url"] = "https://example.org/haven";
  loaded = load_with(d, live_build);
  CHECK_MESSAGE(loaded.ok(), test::problems_text(loaded));
}

TEST_CASE("the app, which checks no dates, keeps a built site's local lines however old they grow") {
  auto d = test::real_trust_deployment();
  d["crisis_lines"][0]["checked"] = "2020-01-01";
  d["services"][0]["checked"] = "2020-01-01";
  const auto loaded = core::load_content_bundle(test::deployment_bundle(d, false));
  REQUIRE_MESSAGE(loaded.ok(), test::problems_text(loaded));
  CHECK(core::local_crisis_lines(*loaded.content).size() == 1);
}

TEST_CASE("the example file builds only when the build is told it is an example") {
  const auto refused = load_with(test::example_deployment(), live_build);
  CHECK_FALSE(refused.ok());
  CHECK_MESSAGE(test::has_problem_in(refused, "deployment.json", "crisis_lines[0].number",
                                     "01632 960 000 is in Ofcom's range for TV and radio drama (01632 960xxx); it "
                                     "reaches no one"),
                test::problems_text(refused));
  CHECK_MESSAGE(test::has_problem_in(refused, "deployment.json", "services[0].phone", "01632 960 001 is in Ofcom's"),
                test::problems_text(refused));
  for (const char* field : {"trust.name", "crisis_lines[0].name", "services[0].name"})
    CHECK_MESSAGE(test::has_problem_in(refused, "deployment.json", field, "says it is an example"),
                  test::problems_text(refused));

  // Told it is an example, on the same date: it builds, and it knows it is one.
  const auto built = load_with(test::example_deployment(), {true, "2026-12-06"});
  REQUIRE_MESSAGE(built.ok(), test::problems_text(built));
  CHECK(built.content->deployment.example);
  CHECK(core::example_notice(*built.content).shown());
  // A real trust's file is no example.
  const auto real = load_with(test::real_trust_deployment(), live_build);
  REQUIRE_MESSAGE(real.ok(), test::problems_text(real));
  CHECK_FALSE(real.content->deployment.example);
  CHECK_FALSE(core::example_notice(*real.content).shown());
}

TEST_CASE("an example site, which says its local numbers reach no one, may use only drama numbers") {
  const auto loaded = load_with(test::real_trust_deployment(), as_example);
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].number",
                                     "01632 961 000 is not one of Ofcom's drama numbers"),
                test::problems_text(loaded));
  CHECK_MESSAGE(
      test::has_problem_in(loaded, "deployment.json", "services[0].phone", "not one of Ofcom's drama numbers"),
      test::problems_text(loaded));
}

TEST_CASE("the example flag reaches the app through the content bundle, and needs a deployment file") {
  auto loaded = core::load_content_bundle(test::deployment_bundle(test::example_deployment(), true));
  REQUIRE_MESSAGE(loaded.ok(), test::problems_text(loaded));
  CHECK(loaded.content->deployment.example);
  // The same file in a bundle not marked as an example is refused in the app too.
  CHECK_FALSE(core::load_content_bundle(test::deployment_bundle(test::example_deployment(), false)).ok());
  loaded = core::load_content_bundle(test::deployment_bundle(test::real_trust_deployment(), false));
  REQUIRE_MESSAGE(loaded.ok(), test::problems_text(loaded));
  CHECK_FALSE(loaded.content->deployment.example);

  loaded = core::load_content(test::content_files(), "en-GB", as_example);
  CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "", "only a site with a deployment file"),
                test::problems_text(loaded));
  auto bundle = nlohmann::json::parse(test::deployment_bundle(test::example_deployment(), true));
  bundle["example"] = "yes";
  CHECK_FALSE(core::load_content_bundle(bundle.dump()).ok());
}

TEST_CASE("an example site says so on the plain page, the printed result and the card; a real one never does") {
  const auto example_site = load_with(test::example_deployment(), as_example);
  const auto real_site = load_with(test::real_trust_deployment(), live_build);
  REQUIRE(example_site.ok());
  REQUIRE(real_site.ok());
  const auto& title = example_site.content->str("deployment.example.title");
  const auto& text = example_site.content->str("deployment.example.text");
  REQUIRE(title.find('[') == std::string::npos);  // a string that is there, not a missing key
  REQUIRE(text.find("reach no one") != std::string::npos);

  const auto pages = [](const core::Content& content) {
    core::EligibilityState state;
    state.nation = "england";
    const auto card = core::shared_plan_view(content, core::SharedPlan{{}, "2026-11-20", "england", "", ""});
    return std::vector<std::string>{site::render_index_html("<main><!--CRISIS_LINES--></main>", content),
                                    core::result_html(content, core::result_view(content, state)),
                                    core::share_card_html(content, card)};
  };
  for (const auto& html : pages(*example_site.content)) {
    CAPTURE(html.substr(0, 200));
    const auto notice = html.find("<p class=\"example-notice\"><strong>" + core::escape_html(title) + "</strong> " +
                                  core::escape_html(text) + "</p>");
    REQUIRE(notice != std::string::npos);
    // Before any number, so nobody reads a number before the words that say it reaches no one.
    CHECK(notice < html.find("href=\"tel:"));
  }
  for (const auto& html : pages(*real_site.content)) CHECK(html.find("example-notice") == std::string::npos);
}

TEST_CASE("a live build refuses a local line or service named like a national service with another number") {
  for (const char* name : {"Samaritans", "NHS 111 mental health", "Shout crisis text line", "Lifeline"}) {
    CAPTURE(name);
    auto d = test::real_trust_deployment();
    d["crisis_lines"][0]["name"] = name;
    d["services"][0]["name"] = name;
    const auto loaded = load_with(d, live_build);
    CHECK_FALSE(loaded.ok());
    CHECK_MESSAGE(
        test::has_problem_in(loaded, "deployment.json", "crisis_lines[0].name", "named like a national service"),
        test::problems_text(loaded));
    CHECK_MESSAGE(test::has_problem_in(loaded, "deployment.json", "services[0].name", "named like a national service"),
                  test::problems_text(loaded));
  }
  // The trust's own services by their own names are fine (real_trust_deployment's "Crisis team").
  CHECK(load_with(test::real_trust_deployment(), live_build).ok());
}

TEST_CASE(
    "a deployment's languages: both offered by default; a wrong language, an empty list or a first language not offered is named") {
  const auto plain = load_with(test::example_deployment());
  REQUIRE_MESSAGE(plain.ok(), test::problems_text(plain));
  const auto& defaults = plain.content->deployment.languages;
  CHECK(defaults.offered.empty());
  CHECK(defaults.first == "browser");
  CHECK(defaults.show_switch);
  CHECK(defaults.welsh_unreviewed());

  auto d = test::example_deployment();
  d["languages"] = {{"offered", {"en-GB", "fr"}}, {"first", "cy"}, {"switch", "yes"}};
  const auto bad = load_with(d);
  CHECK_FALSE(bad.ok());
  CHECK_MESSAGE(test::has_problem_in(bad, "deployment.json", "languages.offered[1]", "should be \"en-GB\" or \"cy\""),
                test::problems_text(bad));
  CHECK_MESSAGE(test::has_problem_in(bad, "deployment.json", "languages.first", "is not one of the languages offered"),
                test::problems_text(bad));
  CHECK_MESSAGE(test::has_problem_in(bad, "deployment.json", "languages.switch", ""), test::problems_text(bad));

  d["languages"] = {{"offered", nlohmann::json::array()}};
  CHECK(test::has_problem_in(load_with(d), "deployment.json", "languages.offered", "at least one language"));

  d["languages"] = {{"first", "cy"},
                    {"welsh_review", {{"by", "A. Translator, Cyfieithu Cyf"}, {"date", "2026-11-30"}}}};
  const auto reviewed = load_with(d);
  REQUIRE_MESSAGE(reviewed.ok(), test::problems_text(reviewed));
  CHECK(reviewed.content->deployment.languages.first == "cy");
  CHECK_FALSE(reviewed.content->deployment.languages.welsh_unreviewed());

  d["languages"] = {{"offered", {"en-GB"}}};
  const auto english = load_with(d);
  REQUIRE_MESSAGE(english.ok(), test::problems_text(english));
  CHECK_FALSE(english.content->deployment.languages.welsh_unreviewed());  // no Welsh: nothing to review
}

TEST_CASE("a trust's line and service show their Welsh words on Welsh screens, or their English marked as English") {
  nlohmann::json file = test::example_deployment();
  file["languages"] = {{"offered", {"en-GB", "cy"}},
                       {"welsh_review", {{"by", "A. Translator"}, {"date", "2026-11-30"}}}};
  auto files = test::content_files();
  const auto load = [&](const nlohmann::json& deployment) {
    files["deployment.json"] = deployment.dump();
    core::DeploymentBuild build;
    build.example = true;
    return core::load_content_languages(files, build);
  };
  const auto local_line = [](const core::Content& content) {
    const auto lines = core::local_crisis_lines(content);
    REQUIRE_FALSE(lines.empty());
    return *lines.front();
  };

  // No Welsh words: English on the Welsh screens, marked as English, and the build is warned.
  auto loaded = load(file);
  REQUIRE_MESSAGE(loaded.ok(), test::problems_text(loaded));
  const core::Content& english = *loaded.language("en-GB");
  const core::Content& welsh = *loaded.language("cy");
  const std::string english_name = local_line(english).name;
  CHECK(local_line(english).words_lang.empty());
  CHECK(local_line(welsh).name == local_line(english).name);
  CHECK(local_line(welsh).words_lang == "en-GB");
  CHECK(welsh.deployment.services.front().words_lang == "en-GB");
  const auto missing = core::untranslated_local_words(loaded.languages);
  REQUIRE(missing.size() == file["crisis_lines"].size() + file["services"].size());
  CHECK(missing.front().find("has no words in Cymraeg (cy)") != std::string::npos);

  // Welsh words given: used on Welsh screens, with no mark; English screens keep the English.
  for (auto& line : file["crisis_lines"])
    line["translations"] = {{"cy", {{"name", "Llinell argyfwng"}, {"for", "Unrhyw un"}, {"hours", "Bob amser"}}}};
  for (auto& service : file["services"]) service["translations"] = {{"cy", {{"name", "Hafan"}, {"for", "Unrhyw un"}}}};
  loaded = load(file);
  REQUIRE_MESSAGE(loaded.ok(), test::problems_text(loaded));
  CHECK(local_line(*loaded.language("cy")).name == "Llinell argyfwng");
  CHECK(local_line(*loaded.language("cy")).words_lang.empty());
  CHECK(local_line(*loaded.language("en-GB")).name == english_name);
  CHECK(core::untranslated_local_words(loaded.languages).empty());

  // Words in a language the app does not have are a problem naming the field.
  file["crisis_lines"][0]["translations"] = {{"fr", {{"name", "Ligne"}}}};
  loaded = load(file);
  CHECK_FALSE(loaded.ok());
  CHECK(test::problems_text(loaded).find("crisis_lines[0].translations.fr") != std::string::npos);
}
