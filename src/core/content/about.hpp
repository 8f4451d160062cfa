#pragma once
// About this app: which copy of the app a person is running, so a person or a trust can tell
// (issue 25).  The release is made when the site is built (a hash of every file of the site,
// tools/cpa-lib.sh; the service worker's copy is named after it), handed over by the page; the
// crisis numbers' checked date is crisis_lines.json's own.
#include <string>
#include <string_view>
#include <variant>

namespace cpa::core {

struct Content;

struct AboutState {
  std::string release;  // "" when the page did not say (a build made for tests, not a site)
};

// The page said which release it is (shell/index.html's data-release).
struct ReleaseKnown {
  std::string release;
};
using AboutAction = std::variant<ReleaseKnown>;

// A release as the page may give it: up to 64 letters, digits, '.', '-' or '_', starting with a
// letter or digit; anything else (the page's own unfilled mark included) is no release.
std::string clean_release(std::string_view release);

struct AboutView {
  std::string heading;  // "This copy of the app"
  std::string release;  // "Release 3f2a9c1e0b7d", or that it was not built as a release
  std::string checked;  // "The crisis numbers were last checked on 25 November 2026."
  // A translation's review, said plainly (issue 27): that no qualified translator has checked
  // these words yet, or who checked them for this deployment and when; "" for the original English.
  std::string translation;
};
AboutView about_view(const Content& content, const AboutState& about);

}  // namespace cpa::core
