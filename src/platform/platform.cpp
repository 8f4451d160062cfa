#include "platform/platform.hpp"

namespace cpa::platform {

void carry_out(Platform& platform, const core::Effects& effects) {
  for (const auto& effect : effects) platform.carry_out(effect);
}

}  // namespace cpa::platform
