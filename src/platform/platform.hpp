#pragma once
// The seam to the outside world.  The core decides; a Platform carries its effects out, one at a
// time, in the order the core gave them: one dispatch over core::Effect (core/effects.hpp says
// what each effect asks and which action answers it).  web/ implements it in the browser, by
// feature; memory/ in plain C++ for tests.
#include "core/effects.hpp"

namespace cpa::platform {

class Platform {
 public:
  virtual ~Platform() = default;
  virtual void carry_out(const core::Effect& effect) = 0;
};

// Each effect, in order.
void carry_out(Platform& platform, const core::Effects& effects);

}  // namespace cpa::platform
