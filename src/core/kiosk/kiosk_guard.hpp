#pragma once
// Kiosk mode's say over the routing actions, asked by update() before it handles them: a
// personal plan screen is not offered on a kiosk, so a route to one (a deep link, Back, a typed
// address) becomes a route Home; and going anywhere from the attract screen leaves it.
#include <optional>

#include "core/state.hpp"

namespace cpa::core {

// The action to handle instead of this one, or nothing when it stands as it is.
std::optional<Action> kiosk_redirect(State& state, const Action& action);

}  // namespace cpa::core
