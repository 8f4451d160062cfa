// About this app says which release a person runs and when its crisis numbers were checked
// (issue 25), from what the page says (core/content/about.hpp).
#include <doctest/doctest.h>

#include "core/content/about.hpp"
#include "core/state.hpp"
#include "real_content.hpp"

namespace core = cpa::core;
namespace test = cpa::test;

TEST_CASE("About names the release the page gave, and the date the crisis numbers were checked") {
  core::State state;
  state.content = test::real_content_ptr();
  core::update(state, core::ReleaseKnown{"3f2a9c1e0b7d"});
  const auto view = core::about_view(*state.content, state.about);
  CHECK(view.heading == "This copy of the app");
  CHECK(view.release == "Release 3f2a9c1e0b7d. If you tell someone about a problem with the app, tell them this too.");
  CHECK(view.checked == "Its crisis numbers were last checked on 25 November 2026.");
  CHECK(state.content->crisis_lines_checked == "2026-11-25");
}

TEST_CASE("a page that gives no release, or something that is not one, shows no release") {
  for (const char* given : {"", "__CPA_RELEASE__", "<b>1</b>", "3f2a 9c1e",
                            "a\xE2\x80\xAE"
                            "b"}) {
    CAPTURE(given);
    core::State state;
    state.content = test::real_content_ptr();
    core::update(state, core::ReleaseKnown{given});
    CHECK(state.about.release.empty());
    CHECK(core::about_view(*state.content, state.about).release ==
          "This copy was not built as a release, so it has no release number.");
  }
  CHECK(core::clean_release(std::string(64, 'a')) == std::string(64, 'a'));
  CHECK(core::clean_release(std::string(65, 'a')).empty());
  CHECK(core::clean_release("v1.2-rc_3") == "v1.2-rc_3");
}

// Issue 27 and hazard log H19: the Welsh is a draft until a qualified translator checks it, and
// About says so in Welsh; the English, the original, says nothing of the kind.
TEST_CASE("About says plainly when a translation has not been checked by a qualified translator") {
  const core::AboutState about;
  CHECK(core::about_view(*test::real_languages().at(0), about).translation.empty());
  const auto& welsh = *test::real_languages().at(1);
  REQUIRE(welsh.review.status == "not reviewed");
  CHECK(core::about_view(welsh, about).translation.find("Nid yw cyfieithydd cymwys wedi gwirio") == 0);
  auto reviewed = welsh;
  reviewed.review.status = "reviewed";
  CHECK(core::about_view(reviewed, about).translation.empty());
  // A trust that had the Welsh checked for its deployment: About says who checked it, and when.
  auto checked = welsh;
  checked.deployment.present = true;
  checked.deployment.trust_name = "Bwrdd Iechyd Prifysgol Enghraifft";
  checked.deployment.languages.welsh_reviewed_by = "A. Cyfieithydd";
  checked.deployment.languages.welsh_reviewed_on = "2026-11-30";
  CHECK(core::about_view(checked, about).translation ==
        "Cafodd y geiriau Cymraeg eu gwirio ar gyfer Bwrdd Iechyd Prifysgol Enghraifft gan A. Cyfieithydd ar 30 "
        "Tachwedd 2026.");
}
