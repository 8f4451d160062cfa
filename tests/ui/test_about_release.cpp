// About this app shows which release runs and when its crisis numbers were checked (issue 25).
#include <doctest/doctest.h>

#include "harness.hpp"

using cpa::ui::Role;
namespace core = cpa::core;
namespace test = cpa::test;

TEST_CASE("About shows the release the page gave, and when the crisis numbers were last checked") {
  test::Harness h("#/about");
  h.app.dispatch(core::ReleaseKnown{"3f2a9c1e0b7d"});
  h.settle();
  CHECK(h.find(Role::heading, "This copy of the app"));
  CHECK(h.find(Role::text,
               "Release 3f2a9c1e0b7d. If you tell someone about a problem with the app, tell them this too."));
  CHECK(h.find(Role::text, "Its crisis numbers were last checked on 25 November 2026."));
}

TEST_CASE("About, in a build with no release, says so rather than showing a blank") {
  test::Harness h("#/about");
  CHECK(h.find(Role::text, "This copy was not built as a release, so it has no release number."));
  CHECK(h.find(Role::text, "Its crisis numbers were last checked on 25 November 2026."));
}
