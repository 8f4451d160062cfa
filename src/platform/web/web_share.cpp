// Sharing with a carer: web/lib_share.js compresses and does the WebCrypto (both asynchronous);
// answers come back through cpa_share_* (entry_points.cpp).
#include "platform/web/js_api.hpp"
#include "platform/web/web_effects.hpp"

namespace cpa::platform::web {

void carry_out(const core::SealShare& e) {
  cpa_js_share_seal(e.payload.c_str(), e.compress ? 1 : 0, e.passphrase.c_str(), e.aad.c_str(),
                    static_cast<double>(e.iterations));
}
void carry_out(const core::OpenShare& e) {
  cpa_js_share_open(e.data_b64.c_str(), e.passphrase.c_str(), e.aad.c_str(), static_cast<double>(e.iterations));
}
void carry_out(const core::CopyText& e) { cpa_js_share_copy(e.text.c_str()); }
void carry_out(const core::SystemShare& e) { cpa_js_share_system(e.title.c_str(), e.text.c_str(), e.url.c_str()); }
void carry_out(const core::ShareStartup&) { cpa_js_share_startup(); }
void carry_out(const core::KeepSharedCopy& e) { cpa_js_share_keep(e.document.c_str()); }
void carry_out(const core::DeleteSharedCopy&) { cpa_js_share_keep(""); }

}  // namespace cpa::platform::web
