#pragma once
// A store as this release leaves it after a save: the latest copy, the previous one, and a good
// record for the plain page.  (A store without that record is an older release's, and the core
// writes the record at once: tests of that rule leave it out on purpose.)
#include <string>
#include <utility>

#include "core/plans/plans.hpp"
#include "core/lock/store_lock.hpp"
#include "real_content.hpp"

namespace cpa::test {

inline const std::string& good_fallback() {
  static const std::string record = core::fallback_record(real_content(), core::PlansState{}, false);
  return record;
}

inline core::PlansStoreLoaded stored_plans(std::string latest, std::string previous = {}) {
  return core::PlansStoreLoaded{std::move(latest), std::move(previous), good_fallback()};
}

}  // namespace cpa::test
