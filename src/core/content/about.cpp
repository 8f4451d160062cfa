#include "core/content/about.hpp"

#include "core/content/content.hpp"
#include "core/plans/plan_reviews.hpp"

namespace cpa::core {

namespace {
bool release_letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The original says nothing; a translation checked for this deployment says who checked it and
// when; one whose files say a translator checked it says nothing more; any other says it has
// not been checked.
std::string translation_review(const Content& content) {
  if (content.review.status.empty() || content.review.status == "original") return {};
  const LanguageSettings& languages = content.deployment.languages;
  if (content.locale == "cy" && !languages.welsh_unreviewed())
    return content.format("about.translation.reviewed", {{"trust", content.deployment.trust_name},
                                                         {"by", languages.welsh_reviewed_by},
                                                         {"date", long_date(content, languages.welsh_reviewed_on)}});
  if (content.review.status == "reviewed") return {};
  return content.str("about.translation.not_reviewed");
}
}  // namespace

std::string clean_release(std::string_view release) {
  // Starting with a letter or digit: the page's unfilled mark (__CPA_RELEASE__) is no release.
  if (release.empty() || release.size() > 64 || !release_letter_or_digit(release.front())) return {};
  for (const char c : release)
    if (!release_letter_or_digit(c) && c != '.' && c != '-' && c != '_') return {};
  return std::string(release);
}

AboutView about_view(const Content& content, const AboutState& about) {
  AboutView view;
  view.heading = content.str("about.version.heading");
  view.release = about.release.empty() ? content.str("about.version.no_release")
                                       : content.format("about.version.release", {{"release", about.release}});
  view.checked = content.format("about.version.checked", {{"date", long_date(content, content.crisis_lines_checked)}});
  view.translation = translation_review(content);
  return view;
}

}  // namespace cpa::core
