#include "platform/web/web_platform.hpp"

#include "platform/web/js_api.hpp"
#include "platform/web/web_effects.hpp"

namespace cpa::platform {

void WebPlatform::carry_out(const core::Effect& effect) {
  std::visit([](const auto& e) { web::carry_out(e); }, effect);
}

void WebPlatform::open_records() { cpa_js_storage_open(); }

}  // namespace cpa::platform
