// What the site build writes beside the app (issue 25): the headers it is served with (a kiosk's
// keep nothing), and the page's panel of crisis numbers for a page that is stuck.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "content_files.hpp"
#include "content_problems.hpp"
#include "core/help_now/help_now.hpp"
#include "core/support/html.hpp"
#include "core/support/input_limits.hpp"
#include "core/content/language.hpp"
#include "real_content.hpp"
#include "tools/site/fallback_html.hpp"
#include "tools/site/site_headers.hpp"

namespace core = cpa::core;
namespace site = cpa::site;
namespace test = cpa::test;

namespace {

std::string shell_headers() { return test::read_text(test::source_dir() + "/shell/_headers"); }

core::ContentLoad with_deployment(const std::string& file) {
  auto files = test::content_files();
  files["deployment.json"] = test::read_text(test::source_dir() + file);
  return core::load_content(files, "en-GB", core::DeploymentBuild{true, ""});
}

}  // namespace

TEST_CASE("the site's headers: HSTS, no dead interest-cohort entry, and a fresh check of every file") {
  const std::string headers = site::site_headers(shell_headers(), test::real_content());
  CHECK(headers == shell_headers());
  CHECK(headers.find("  Strict-Transport-Security: max-age=31536000; includeSubDomains\n") != std::string::npos);
  CHECK(headers.find("interest-cohort") == std::string::npos);
  CHECK(headers.find("  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()\n") !=
        std::string::npos);
  CHECK(headers.find("  Cache-Control: no-cache\n") != std::string::npos);
  CHECK(headers.find("no-store") == std::string::npos);
}

TEST_CASE("a kiosk deployment's site is served with no-store, and nothing else changes") {
  const auto kiosk = with_deployment("/tests/e2e/kiosk-deployment.json");
  REQUIRE(kiosk.ok());
  REQUIRE(kiosk.content->deployment.kiosk.enabled);
  const std::string headers = site::site_headers(shell_headers(), *kiosk.content);
  CHECK(headers.find("  Cache-Control: no-store\n") != std::string::npos);
  CHECK(headers.find("no-cache") == std::string::npos);
  std::string back = headers;
  back.replace(back.find("no-store"), 8, "no-cache");
  CHECK(back == shell_headers());
  // A trust's deployment without kiosk mode keeps the usual headers.
  const auto trust = with_deployment("/content/deployment.example.json");
  REQUIRE(trust.ok());
  REQUIRE_FALSE(trust.content->deployment.kiosk.enabled);
  CHECK(site::site_headers(shell_headers(), *trust.content) == shell_headers());
}

TEST_CASE("the panel shown while the page is stuck lists every line of the plain page, each with what to do") {
  const auto& content = test::real_content();
  const std::string panel = site::stall_lines_html(content);
  for (const auto& group : core::help_now_line_groups(content, {}))
    for (const auto* line : group.lines) {
      CAPTURE(line->id);
      CHECK(panel.find("<li data-line=\"" + line->id + "\"><b>" + core::escape_html(line->name) + "</b> " +
                       core::escape_html(core::crisis_line_action_label(content, *line)) + "</li>") !=
            std::string::npos);
    }
  CHECK(panel.find("Call 116 123") != std::string::npos);
  CHECK(panel.find("href") == std::string::npos);  // nothing to tap: a stuck page cannot follow a link
  const std::string page =
      site::render_index_html(test::read_text(test::source_dir() + "/shell/index.html"), test::real_content());
  CHECK(page.find("<!--STALL_LINES-->") == std::string::npos);
  CHECK(page.find("<div id=\"cpa-stall\" aria-hidden=\"true\">") != std::string::npos);
  CHECK(page.find("data-max-bytes=\"" + std::to_string(core::max_store_record_bytes()) + "\"") != std::string::npos);
  CHECK(page.find("data-stopped=\"The app stopped working.") != std::string::npos);
}

TEST_CASE(
    "the plain page is in both languages: each line's number once, its words in each, Welsh first where the deployment says") {
  const auto loaded = core::load_content_languages(test::content_files());
  REQUIRE_MESSAGE(loaded.ok(), test::problems_text(loaded));
  const auto english_first = core::page_languages(loaded.languages);
  REQUIRE(english_first.size() == 2);
  CHECK(english_first[0]->locale == "en-GB");
  const std::string shell = test::read_text(test::source_dir() + "/shell/index.html");
  const std::string page = site::render_index_html(shell, *english_first[0], english_first[1]);
  const auto& en = *english_first[0];
  const auto& cy = *english_first[1];
  CHECK(page.find("<html lang=\"en-GB\"") != std::string::npos);
  CHECK(page.find(core::escape_html(en.str("fallback.heading")) + " <span class=\"other-language\" lang=\"cy\">" +
                  core::escape_html(cy.str("fallback.heading")) + "</span>") != std::string::npos);
  CHECK(page.find("data-stopped-other=\"" + core::escape_html(cy.str("fallback.stopped")) + "\"") != std::string::npos);
  for (const auto& line : en.crisis_lines) {
    CAPTURE(line.id);
    const std::string link = "href=\"" + core::escape_html(line.href()) + "\"";
    const auto at = page.find("<li data-line=\"" + line.id + "\">", page.find("<main id=\"fallback\">"));
    REQUIRE(at != std::string::npos);
    CHECK(page.find("<li data-line=\"" + line.id + "\">", at + 1) == std::string::npos);  // once
    const auto end = page.find("</li>", at);
    const std::string item = page.substr(at, end - at);
    CHECK(item.find(link) != std::string::npos);
    CHECK(item.find(core::escape_html(cy.crisis_line(line.id)->purpose)) != std::string::npos);
  }

  auto files = test::content_files();
  auto deployment = nlohmann::json::parse(test::read_text(test::source_dir() + "/content/deployment.example.json"));
  deployment["languages"] = {{"first", "cy"}};
  files["deployment.json"] = deployment.dump();
  const auto welsh_site = core::load_content_languages(files, core::DeploymentBuild{true, ""});
  REQUIRE_MESSAGE(welsh_site.ok(), test::problems_text(welsh_site));
  const auto welsh_first = core::page_languages(welsh_site.languages);
  REQUIRE(welsh_first.size() == 2);
  CHECK(welsh_first[0]->locale == "cy");
  const std::string welsh_page = site::render_index_html(shell, *welsh_first[0], welsh_first[1]);
  CHECK(welsh_page.find("<html lang=\"cy\"") != std::string::npos);
  CHECK(welsh_page.find(" <span class=\"other-language\" lang=\"en-GB\">" +
                        core::escape_html(en.str("fallback.heading")) + "</span>") != std::string::npos);

  deployment["languages"] = {{"offered", {"en-GB"}}};
  files["deployment.json"] = deployment.dump();
  const auto english_site = core::load_content_languages(files, core::DeploymentBuild{true, ""});
  REQUIRE(english_site.ok());
  const auto only = core::page_languages(english_site.languages);
  REQUIRE(only.size() == 1);
  const std::string english_page = site::render_index_html(shell, *only[0], nullptr);
  CHECK(english_page.find("lang=\"cy\"") == std::string::npos);
}
