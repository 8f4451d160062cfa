#include "core/plans.hpp"

#include "core/state.hpp"

namespace cpa::core {

// Interim: the API is committed first so the platform and screens can build against it; the
// behaviour lands in the next commits.
Effects update_plans(State& /*state*/, const PlansAction& /*action*/) { return {}; }

}  // namespace cpa::core
