#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "content_files.hpp"
#include "core/content/content.hpp"
#include <nlohmann/json.hpp>

using namespace cpa;

namespace {
bool mentions(const std::vector<core::ContentProblem>& problems, const std::string& file, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const auto& p) { return p.file == file && p.field == field; });
}
std::map<std::string, std::string> with_file(std::string name, std::string text) {
  auto files = test::content_files();
  files["en-GB/" + name] = std::move(text);
  return files;
}
}  // namespace

TEST_CASE("the real content loads without a single problem") {
  const auto loaded = core::load_content(test::content_files());
  for (const auto& p : loaded.problems) MESSAGE(p.to_string());
  REQUIRE(loaded.ok());
  CHECK(loaded.content->crisis_lines.size() >= 4);
  CHECK(loaded.content->page("about") != nullptr);
}

TEST_CASE("the real content loads in every locale, English first, each with its review record") {
  const auto loaded = core::load_content_languages(test::content_files());
  for (const auto& p : loaded.problems) MESSAGE(p.to_string());
  REQUIRE(loaded.ok());
  REQUIRE(loaded.languages.size() == 2);
  CHECK(loaded.languages[0] == loaded.content);
  CHECK(loaded.content->locale == "en-GB");
  CHECK(loaded.content->review.status == "original");
  const auto* welsh = loaded.language("cy");
  REQUIRE(welsh != nullptr);
  CHECK(welsh == loaded.languages[1].get());
  CHECK(welsh->review.status == "not reviewed");
  CHECK(welsh->review.note.find("qualified Welsh translator") != std::string::npos);
  CHECK(welsh->str("language.name") == "Cymraeg");
  CHECK(loaded.content->str("language.name") == "English");
  CHECK(loaded.language("fr") == nullptr);
}

TEST_CASE("every crisis line has a number, a source and a checked-date") {
  const auto loaded = core::load_content(test::content_files());
  REQUIRE(loaded.ok());
  for (const auto& line : loaded.content->crisis_lines) {
    CAPTURE(line.id);
    CHECK_FALSE(line.number.empty());
    CHECK(core::is_iso_date(line.checked));
    REQUIRE_FALSE(line.source_ids.empty());
    for (const auto& id : line.source_ids) {
      const auto* source = loaded.content->source(id);
      REQUIRE(source != nullptr);
      CHECK(core::is_iso_date(source->checked));
      CHECK_FALSE(source->title.empty());
    }
  }
}

// The real content with the crisis lines' shared data (common/crisis_lines.json) changed by edit.
core::ContentLoad load_with_line_data(const std::function<void(nlohmann::json&)>& edit) {
  auto files = test::content_files();
  auto lines = nlohmann::json::parse(files["common/crisis_lines.json"]);
  edit(lines);
  files["common/crisis_lines.json"] = lines.dump();
  return core::load_content(files);
}

TEST_CASE("a crisis line without a number fails, naming the file and the field") {
  const auto loaded = load_with_line_data([](nlohmann::json& j) { j["lines"][0].erase("number"); });
  CHECK_FALSE(loaded.ok());
  CHECK(mentions(loaded.problems, "common/crisis_lines.json", "lines[0].number"));
}

TEST_CASE("a crisis line naming an unknown source or with a bad date fails") {
  const auto loaded = load_with_line_data([](nlohmann::json& j) {
    j["lines"][0]["sources"] = {"nowhere"};
    j["lines"][0]["checked"] = "23/11/2026";
  });
  CHECK_FALSE(loaded.ok());
  CHECK(mentions(loaded.problems, "common/crisis_lines.json", "lines[0].sources[0]"));
  CHECK(mentions(loaded.problems, "common/crisis_lines.json", "lines[0].checked"));
}

// A number is written once, in common/, for every locale; each locale's file holds the words
// for the same ids, so a line cannot show without its number, nor a number without its words.
TEST_CASE("a crisis line's words and its number are joined by id: one without the other names the file and the id") {
  auto files = test::content_files();
  auto words = nlohmann::json::parse(files["en-GB/crisis_lines.json"]);
  words["lines"].erase(words["lines"].begin());  // "emergency" has a number and no words
  words["lines"][0]["id"] = "nhs-111";           // words for a line common/ does not have
  files["en-GB/crisis_lines.json"] = words.dump();
  auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(std::any_of(loaded.problems.begin(), loaded.problems.end(), [](const auto& p) {
    return p.file == "crisis_lines.json" && p.field == "lines" && p.message.find("\"emergency\"") != std::string::npos;
  }));
  CHECK(std::any_of(loaded.problems.begin(), loaded.problems.end(), [](const auto& p) {
    return p.file == "crisis_lines.json" && p.field == "lines[0].id" &&
           p.message == "\"nhs-111\" is not in common/crisis_lines.json";
  }));
  // A number written into a locale's words is refused: it could then differ between locales.
  files = test::content_files();
  words = nlohmann::json::parse(files["cy/crisis_lines.json"]);
  words["lines"][5]["number"] = "116 124";
  files["cy/crisis_lines.json"] = words.dump();
  loaded = core::load_content_languages(files);
  CHECK(mentions(loaded.problems, "cy/crisis_lines.json", "lines[5].number"));
}

TEST_CASE("a page without sources, or with a link to a page that does not exist, fails") {
  auto files = with_file("pages/zz-test.json", R"({"id":"zz","title":"Z","checked":"2026-11-23",
    "blocks":[{"p":"Hello."},{"link":{"text":"Go","page":"no-such-page"}}]})");
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(mentions(loaded.problems, "pages/zz-test.json", "sources"));
  CHECK(mentions(loaded.problems, "pages/zz-test.json", "blocks[1].link.page"));
}

TEST_CASE("a checked-date must be a real calendar date") {
  CHECK(core::is_iso_date("2026-11-23"));
  CHECK(core::is_iso_date("2028-02-29"));
  CHECK_FALSE(core::is_iso_date("2026-02-30"));
  CHECK_FALSE(core::is_iso_date("2027-02-29"));
  CHECK_FALSE(core::is_iso_date("23/11/2026"));
}

TEST_CASE("broken JSON and unknown files are reported by name") {
  auto files = with_file("strings.json", "{ not json");
  files["en-GB/mystery.json"] = "{}";
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(mentions(loaded.problems, "strings.json", ""));
  CHECK(mentions(loaded.problems, "mystery.json", ""));
}

TEST_CASE("the content bundle round-trips and a damaged bundle is refused") {
  const auto files = test::content_files();
  const auto bundle = core::make_content_bundle(files);
  const auto loaded = core::load_content_bundle(bundle);
  REQUIRE(loaded.ok());
  CHECK(loaded.content->crisis_lines.size() == core::load_content(files).content->crisis_lines.size());
  CHECK_FALSE(core::load_content_bundle(bundle.substr(0, bundle.size() / 2)).ok());
}

TEST_CASE("a missing string shows its key in brackets, never blank text") {
  const auto loaded = core::load_content(test::content_files());
  REQUIRE(loaded.ok());
  CHECK(loaded.content->str("no.such.key") == "[no.such.key]");
  CHECK(loaded.content->format("help_now.call", {{"number", "116 123"}}) == "Call 116 123");
}

TEST_CASE("each source is written once, in sources.json; citing an unknown one names the citation") {
  auto files = test::content_files();
  files["en-GB/pages/zz-test.json"] = R"({"id":"zz","title":"Z","checked":"2026-11-23","blocks":[{"p":"Hello."}],
    "sources":["samaritans","no-such-source"]})";
  auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(mentions(loaded.problems, "pages/zz-test.json", "sources[1]"));

  files = test::content_files();
  auto sources = nlohmann::json::parse(files["common/sources.json"]);
  sources["sources"].push_back(sources["sources"][0]);
  files["common/sources.json"] = sources.dump();
  loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(mentions(loaded.problems, "common/sources.json",
                 "sources[" + std::to_string(sources["sources"].size() - 1) + "].id"));

  files = test::content_files();
  sources = nlohmann::json::parse(files["common/sources.json"]);
  sources["sources"].push_back({{"id", "unused"}, {"title", "T"}, {"publisher", "P"}, {"checked", "2026-11-25"}});
  files["common/sources.json"] = sources.dump();
  loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(std::any_of(loaded.problems.begin(), loaded.problems.end(), [](const auto& p) {
    return p.file == "common/sources.json" && p.message.find("\"unused\" is cited by nothing") == 0;
  }));
}

// A source says what was compared on its page, or why the page could not be opened: a source nobody
// could open must never pass for a checked one (issue 23).
TEST_CASE("a source says what was checked on its page, or why the page could not be opened") {
  auto files = test::content_files();
  auto sources = nlohmann::json::parse(files["common/sources.json"]);
  auto with_source = [&](nlohmann::json source) {
    auto changed = sources;
    source["id"] = "samaritans";  // replace the Samaritans entry, so the source is still cited
    for (auto& s : changed["sources"])
      if (s["id"] == "samaritans") s = source;
    auto f = test::content_files();
    f["common/sources.json"] = changed.dump();
    return core::load_content(f);
  };
  const nlohmann::json base = {{"title", "Contact us"}, {"publisher", "Samaritans"}, {"checked", "2026-12-06"}};

  auto silent = with_source(base);
  CHECK_FALSE(silent.ok());
  CHECK(std::any_of(silent.problems.begin(), silent.problems.end(), [](const auto& p) {
    return p.file == "common/sources.json" && p.field.find(".what_checked") != std::string::npos;
  }));

  auto checked = base;
  checked["what_checked"] = "116 123, free, 24 hours";
  checked["page_reviewed"] = "2026-11-30";
  auto ok = with_source(checked);
  REQUIRE(ok.ok());
  const auto* source = ok.content->source("samaritans");
  REQUIRE(source);
  CHECK(source->what_checked == "116 123, free, 24 hours");
  CHECK(source->page_reviewed == "2026-11-30");
  CHECK(source->not_opened.empty());

  auto unopened = base;
  unopened["not_opened"] = "2026-12-06: the page could not be opened; the hours are not confirmed";
  auto loaded = with_source(unopened);
  REQUIRE(loaded.ok());
  CHECK(loaded.content->source("samaritans")->not_opened.find("could not be opened") != std::string::npos);

  auto bad_date = checked;
  bad_date["page_reviewed"] = "15/01/2025";
  auto refused = with_source(bad_date);
  CHECK_FALSE(refused.ok());
  CHECK(std::any_of(refused.problems.begin(), refused.problems.end(), [](const auto& p) {
    return p.file == "common/sources.json" && p.field.find(".page_reviewed") != std::string::npos;
  }));
}

TEST_CASE("a field the app does not know is a problem naming the file and the field, not silently ignored") {
  auto files = test::content_files();
  auto eligibility = nlohmann::json::parse(files["en-GB/eligibility.json"]);
  eligibility["results"][0]["sumary"] = eligibility["results"][0]["summary"];
  eligibility["questions"][1]["offer_help_now"] = true;
  files["en-GB/eligibility.json"] = eligibility.dump();
  auto lines = nlohmann::json::parse(files["en-GB/crisis_lines.json"]);
  lines["lines"][0]["nation"] = "england";
  files["en-GB/crisis_lines.json"] = lines.dump();
  auto page = nlohmann::json::parse(files["en-GB/pages/rights.json"]);
  page["blocks"][0]["link"] = nullptr;
  page["blocks"].push_back({{"p", "x"}, {"txt", "y"}});
  files["en-GB/pages/rights.json"] = page.dump();
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(mentions(loaded.problems, "eligibility.json", "results[0].sumary"));
  CHECK(mentions(loaded.problems, "eligibility.json", "questions[1].offer_help_now"));
  CHECK(mentions(loaded.problems, "crisis_lines.json", "lines[0].nation"));
  const std::string last_block = "blocks[" + std::to_string(page["blocks"].size() - 1) + "].txt";
  CHECK(mentions(loaded.problems, "pages/rights.json", last_block));
}

TEST_CASE("an unknown key is shown printable and short, whatever it holds") {
  auto files = test::content_files();
  auto about = nlohmann::json::parse(files["en-GB/about.json"]);
  about[std::string("\x1b[31m\u202Eevil") + std::string(500, 'k')] = 1;
  files["en-GB/about.json"] = about.dump();
  const auto loaded = core::load_content(files);
  REQUIRE_FALSE(loaded.ok());
  const auto& p = loaded.problems.front();
  CHECK(p.field.size() < 80);
  for (unsigned char c : p.field) CHECK((c >= 0x20 && c < 0x7f));
}

TEST_CASE("a feature can keep its words in strings-<feature>.json; a key in two files is a problem") {
  auto files = test::content_files();
  files["en-GB/strings-zz.json"] = R"({"checked":"2026-11-25","strings":{"zz.hello":"Hello"}})";
  auto loaded = core::load_content(files);
  REQUIRE(loaded.ok());
  CHECK(loaded.content->str("zz.hello") == "Hello");
  files["en-GB/strings-zz.json"] = R"({"checked":"2026-11-25","strings":{"help_now":"Get help"}})";
  loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK((mentions(loaded.problems, "strings-zz.json", "strings.help_now") ||
         mentions(loaded.problems, "strings.json", "strings.help_now")));
}
