#pragma once
// The browser side of the platform seam: each effect becomes a call into web/lib_*.js, written
// by feature (web_effects.hpp lists them; a new effect with no overload there does not compile).
#include "platform/platform.hpp"

namespace cpa::platform {

class WebPlatform : public Platform {
 public:
  void carry_out(const core::Effect& effect) override;
  // Loads the person's records from IndexedDB; they arrive through cpa_storage_loaded.
  void open_records();
};

}  // namespace cpa::platform
