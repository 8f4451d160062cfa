#pragma once
// The running app as the platform sees it: a core to hand actions to (the browser's Back, the
// store loaded, a file chosen, the time) and whose state it may read.  src/app implements it, so
// the platform needs nothing else from the app.
#include "core/state.hpp"

namespace cpa::platform {

class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  virtual void dispatch(const core::Action& action) = 0;
  virtual const core::State& state() const = 0;
};

}  // namespace cpa::platform
