#include "platform/web/web_platform.hpp"

#include "platform/web/js_api.hpp"

namespace cpa::platform {

void WebPlatform::open_url(const std::string& url) { cpa_js_open_url(url.c_str()); }
void WebPlatform::history_push(const std::string& path) { cpa_js_history(1, path.c_str()); }
void WebPlatform::history_replace(const std::string& path) { cpa_js_history(2, path.c_str()); }
void WebPlatform::history_back() { cpa_js_history(3, ""); }
void WebPlatform::announce(const std::string& text, bool urgent) { cpa_js_announce(text.c_str(), urgent ? 1 : 0); }
void WebPlatform::print_document(const std::string& title, const std::string& html_body) {
  cpa_js_print(title.c_str(), html_body.c_str());
}
void WebPlatform::download_file(const std::string& filename, const std::string& mime_type, const std::string& data) {
  cpa_js_download(filename.c_str(), mime_type.c_str(), data.data(), static_cast<int>(data.size()));
}

// web/lib_storage.js writes to IndexedDB (debounced, flushed when the page is hidden) and
// reports back through cpa_storage_saved (entry_points.cpp).
void WebPlatform::save_records(const core::SaveRecords& save) {
  cpa_js_storage_save(save.document.c_str(), static_cast<double>(save.revision), save.fallback.c_str(),
                      save.keep_replaced == core::ReplacedCopy::damaged ? 1 : 0, save.keep_fallback ? 1 : 0,
                      save.urgent ? 1 : 0);
}
void WebPlatform::ask_persistent_storage() { cpa_js_storage_persist(); }
// The passphrase lock: WebCrypto in web/lib_storage.js; answers through cpa_storage_unlocked and
// cpa_storage_lock_changed (entry_points.cpp).
void WebPlatform::unlock_store(const core::UnlockStore& r) {
  cpa_js_storage_unlock(r.passphrase.c_str(), r.aad.c_str());
}
void WebPlatform::change_store_lock(const core::ChangeStoreLock& r) {
  cpa_js_storage_change_lock(r.current.c_str(), r.passphrase.c_str(), static_cast<double>(r.iterations),
                             r.lock_after_minutes, r.aad.c_str(), r.document.c_str(), r.fallback.c_str(),
                             r.rewrite ? 1 : 0);
}
void WebPlatform::forget_store_key() { cpa_js_storage_forget_key(); }
void WebPlatform::delete_records() { cpa_js_storage_delete_all(); }
void WebPlatform::open_records() { cpa_js_storage_open(); }
void WebPlatform::wake_at(double at_ms) { cpa_js_wake_at(at_ms); }
void WebPlatform::clear_visit() { cpa_js_kiosk_clear_visit(); }

// web/lib_share.js: compression and WebCrypto are asynchronous; answers come back through
// cpa_share_* in entry_points.cpp.
void WebPlatform::seal_share(const core::SealShare& r) {
  cpa_js_share_seal(r.payload.c_str(), r.compress ? 1 : 0, r.passphrase.c_str(), r.aad.c_str(),
                    static_cast<double>(r.iterations));
}
void WebPlatform::open_share(const core::OpenShare& r) {
  cpa_js_share_open(r.data_b64.c_str(), r.passphrase.c_str(), r.aad.c_str(), static_cast<double>(r.iterations));
}
void WebPlatform::copy_text(const std::string& text) { cpa_js_share_copy(text.c_str()); }
void WebPlatform::system_share(const core::SystemShare& r) {
  cpa_js_share_system(r.title.c_str(), r.text.c_str(), r.url.c_str());
}
void WebPlatform::share_startup() { cpa_js_share_startup(); }
void WebPlatform::keep_shared_copy(const std::string& document) { cpa_js_share_keep(document.c_str()); }
void WebPlatform::delete_shared_copy() { cpa_js_share_keep(""); }

// web/lib_exit.js and web/lib_settings.js.
void WebPlatform::quick_exit(const std::string& url, const std::string& title) {
  cpa_js_quick_exit(url.c_str(), title.c_str());
}
void WebPlatform::save_settings(const std::string& document) { cpa_js_settings_save(document.c_str()); }
void WebPlatform::delete_settings() { cpa_js_settings_delete(); }

}  // namespace cpa::platform
