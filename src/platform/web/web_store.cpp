// The person's records and their passphrase lock: web/lib_storage.js writes to IndexedDB
// (debounced, flushed when the page is hidden) and does the WebCrypto; it answers through
// cpa_storage_* (entry_points.cpp).
#include "platform/web/js_api.hpp"
#include "platform/web/web_effects.hpp"

namespace cpa::platform::web {

void carry_out(const core::SaveRecords& e) {
  cpa_js_storage_save(e.document.c_str(), static_cast<double>(e.revision), e.fallback.c_str(),
                      e.keep_replaced == core::ReplacedCopy::damaged ? 1 : 0, e.keep_fallback ? 1 : 0,
                      e.urgent ? 1 : 0);
}
void carry_out(const core::DeleteRecords&) { cpa_js_storage_delete_all(); }
void carry_out(const core::AskPersistentStorage&) { cpa_js_storage_persist(); }
void carry_out(const core::UnlockStore& e) { cpa_js_storage_unlock(e.passphrase.c_str(), e.aad.c_str()); }
void carry_out(const core::ChangeStoreLock& e) {
  cpa_js_storage_change_lock(e.current.c_str(), e.passphrase.c_str(), static_cast<double>(e.iterations),
                             e.lock_after_minutes, e.aad.c_str(), e.document.c_str(), e.fallback.c_str(),
                             e.rewrite ? 1 : 0);
}
void carry_out(const core::ForgetStoreKey&) { cpa_js_storage_forget_key(); }

}  // namespace cpa::platform::web
