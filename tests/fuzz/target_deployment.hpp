#pragma once
// Fuzz target: a trust's deployment file (core/deployment), read against the real national
// content the way the site build reads it.
// The same body serves the libFuzzer binary (fuzz_deployment.cpp) and the unit test that replays
// tests/fuzz/regressions/deployment/ (tests/unit/test_fuzz_regressions.cpp).
#include <string_view>
#include <vector>

#include "core/content/content.hpp"
#include "core/content/deployment.hpp"
#include "core/support/json_fields.hpp"
#include "core/support/json_safe.hpp"
#include "core/plans/plan_phone.hpp"
#include "fuzz_check.hpp"
#include "fuzz_content_data.hpp"

namespace cpa::fuzz {

inline void fuzz_deployment(std::string_view input) {
  using namespace cpa::core;
  const std::string_view text = input;
  const SafeJson safe = parse_untrusted(text);
  if (!safe.ok()) return;
  Content content = cpa::fuzz::real_content();  // load_deployment adds the trust's lines to a copy
  const std::size_t national_lines = content.crisis_lines.size();
  std::vector<ContentProblem> problems;
  Deployment deployment;
  {
    const Fields fields(safe.value, "deployment.json", "", problems);
    deployment = load_deployment(fields, content);
  }
  FUZZ_CHECK(content.crisis_lines.size() >= national_lines);
  for (const auto& problem : problems) FUZZ_CHECK(!problem.to_string().empty());
  if (problems.empty()) {
    // A deployment that checks out keeps the safety floors the schema promises.
    FUZZ_CHECK(deployment.kiosk.warning_seconds >= kMinKioskWarningSeconds);
    FUZZ_CHECK(deployment.kiosk.idle_seconds >= kMinKioskIdleSeconds);
    FUZZ_CHECK(deployment.review_interval_months == 6 || deployment.review_interval_months == 12);
    // A real (not example) deployment never gets a number that reaches no one past the check.
    for (const auto& line : content.crisis_lines) {
      const auto parsed = parse_uk_phone(line.number);
      if (line.local && parsed.ok()) FUZZ_CHECK(!drama_range_of(content.drama_numbers, *parsed.number));
    }
  }
}

}  // namespace cpa::fuzz
