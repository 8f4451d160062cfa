#include "platform/web/entry_points.hpp"

#include <emscripten.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/support/input_limits.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/lock/store_lock.hpp"
#include "platform/web/js_api.hpp"
#include "platform/web/web_clock.hpp"
#include "platform/web/web_page.hpp"

namespace {

struct Targets {
  cpa::platform::Dispatcher& app;
  cpa::platform::WebBackend& backend;
  cpa::platform::WebInput& input;
};

Targets* web = nullptr;

// A JSON list of strings from the store (web/store.mjs); anything else is an empty list.
std::vector<std::string> string_list(const char* json_text) {
  std::vector<std::string> out;
  const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

template <class StoreAction>
void store_event(StoreAction action) {
  if (!web) return;
  web->app.dispatch(std::move(action));
  web->backend.request_frames(3);
}

}  // namespace

void cpa::platform::connect_entry_points(Dispatcher& app, WebBackend& backend, WebInput& input) {
  web = new Targets{app, backend, input};  // lives as long as the page
}

// The app stopped (shell/guard.js): every entry point below returns at once from now on.
void cpa::platform::disconnect_entry_points() { web = nullptr; }

extern "C" {
// ---- the accessibility mirror and its text inputs (web/lib_mirror.js) ----
EMSCRIPTEN_KEEPALIVE void cpa_activate(std::uint32_t id) {
  if (web) web->input.activate(id);
}
EMSCRIPTEN_KEEPALIVE void cpa_focus(std::uint32_t id) {
  if (web) web->input.focus(id);
}
EMSCRIPTEN_KEEPALIVE void cpa_scroll_by(float dy) {
  if (web) web->input.scroll_by(dy);
}
EMSCRIPTEN_KEEPALIVE void cpa_text_input(std::uint32_t id, const char* value) {
  if (web) web->input.text_changed(id, value);
}
EMSCRIPTEN_KEEPALIVE void cpa_text_focus(std::uint32_t id) {
  if (web) web->input.text_focus(id);
}

// ---- the page (web/lib_platform.js) ----
EMSCRIPTEN_KEEPALIVE void cpa_history_changed(const char* path) {
  if (!web) return;
  web->app.dispatch(cpa::core::HistoryChanged{path});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_resized() {
  if (web) web->backend.size_changed();
}
// One of the display media queries changed (dark mode, contrast, forced colours, motion).
EMSCRIPTEN_KEEPALIVE void cpa_display_changed() {
  if (!web) return;
  web->app.dispatch(cpa::core::DeviceDisplayChanged{cpa::platform::WebPage::device_display()});
  web->backend.request_frames(2);
}
EMSCRIPTEN_KEEPALIVE void cpa_file_chosen(const char* text) {
  if (!web) return;
  cpa::platform::tell_clock(web->app);
  web->app.dispatch(cpa::core::PlansImport{text});
  web->backend.request_frames(3);
}

// ---- quick exit (web/lib_exit.js): a key was released (the core counts Shift presses) ----
EMSCRIPTEN_KEEPALIVE void cpa_quick_exit_key(int shift_alone, double now_ms) {
  if (!web) return;
  web->app.dispatch(cpa::core::QuickExitKey{shift_alone != 0, now_ms});
  web->backend.request_frames(2);
}

// ---- a WakeAt came due (web/lib_platform.js): kiosk mode and the passphrase lock ----
EMSCRIPTEN_KEEPALIVE void cpa_kiosk_wake(double now_ms) {
  if (!web) return;
  web->app.dispatch(cpa::core::KioskTick{now_ms});
  web->app.dispatch(cpa::core::LockTick{now_ms});
  web->backend.request_frames(2);
}

// ---- a kiosk page came back from the browser's back-forward cache: clear the visit it shows ----
EMSCRIPTEN_KEEPALIVE void cpa_kiosk_restored(double now_ms) {
  if (!web) return;
  web->app.dispatch(cpa::core::KioskRestored{now_ms});
  web->backend.request_frames(2);
}

// ---- storage (web/lib_storage.js over web/store.mjs): every outcome of the store, as an action ----
EMSCRIPTEN_KEEPALIVE void cpa_storage_loaded(int available, const char* latest, const char* previous,
                                             const char* fallback, const char* set_aside, int newer_database,
                                             const char* why) {
  if (!web) return;
  cpa::platform::tell_clock(web->app);
  if (available) {
    web->app.dispatch(
        cpa::core::PlansStoreLoaded{latest, previous, fallback, string_list(set_aside), newer_database != 0});
  } else {
    std::fprintf(stderr, "storage unavailable: %s\n", why);
    web->app.dispatch(cpa::core::PlansStoreUnavailable{});
  }
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_blocked() { store_event(cpa::core::PlansStoreBlocked{}); }
EMSCRIPTEN_KEEPALIVE void cpa_storage_saved(double revision, int ok, const char* why) {
  const auto rev = static_cast<std::uint64_t>(revision);
  if (ok) store_event(cpa::core::PlansSaved{rev});
  else store_event(cpa::core::PlansSaveFailed{rev, std::string(why) == "QuotaExceededError"});
}
// Another tab wrote the store (heard on its channel, or found by a write of ours): the core
// merges or takes it.  locked: it was encrypted, and this tab's key opened it.
EMSCRIPTEN_KEEPALIVE void cpa_storage_changed_elsewhere(const char* latest, int locked) {
  store_event(cpa::core::PlansStoreChanged{latest, cpa::platform::kiosk_now_ms(), locked != 0});
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_deleted_elsewhere() { store_event(cpa::core::PlansDeletedElsewhere{}); }
EMSCRIPTEN_KEEPALIVE void cpa_storage_newer_elsewhere() { store_event(cpa::core::PlansNewerElsewhere{}); }
// Delete everything finished: the parts that could not be deleted, as a JSON list of names.
EMSCRIPTEN_KEEPALIVE void cpa_storage_deleted(const char* failed) {
  store_event(cpa::core::PlansDeleted{string_list(failed)});
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_durability(int persisted, int no_service_worker, int iphone, int home_screen) {
  store_event(cpa::core::PlansDurability{persisted != 0, no_service_worker != 0, iphone != 0, home_screen != 0});
}
// The largest file an import reads (a bigger one is cut there, and the core says it is too big).
EMSCRIPTEN_KEEPALIVE double cpa_max_import_bytes() { return static_cast<double>(cpa::core::kMaxImportBytes); }
// The longest text the page hands the core (web/lib_heap.js cuts anything longer one byte past it).
EMSCRIPTEN_KEEPALIVE double cpa_max_input_bytes() { return static_cast<double>(cpa::core::max_input_bytes()); }

// ---- the passphrase lock (web/lib_storage.js) ----
// A stored record's lock fields for WebCrypto, as JSON {iterations, salt, iv, data,
// lock_after_minutes}; "" when it is not a good locked record.
EMSCRIPTEN_KEEPALIVE const char* cpa_storage_lock_fields(const char* stored) {
  static std::string out;
  const auto record = cpa::core::read_locked_record(stored);
  out = record ? nlohmann::json{{"iterations", record->iterations},
                                {"salt", record->salt},
                                {"iv", record->iv},
                                {"data", record->data},
                                {"lock_after_minutes", record->lock_after_minutes}}
                     .dump()
               : std::string();
  return out.c_str();
}
// The locked record for what WebCrypto made.
EMSCRIPTEN_KEEPALIVE const char* cpa_storage_locked_record(double iterations, const char* salt, const char* iv,
                                                           const char* data, int lock_after_minutes) {
  static std::string out;
  out = cpa::core::locked_record_text({static_cast<std::uint32_t>(iterations), salt, iv, data, lock_after_minutes});
  return out.c_str();
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_unlocked(int ok, const char* latest, const char* previous, const char* fallback,
                                               const char* set_aside) {
  if (!web) return;
  cpa::platform::tell_clock(web->app);
  web->app.dispatch(cpa::core::LockUnlocked{ok != 0, latest, previous, fallback, string_list(set_aside)});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_lock_changed(int ok, int on, const char* why, const char* set_aside) {
  if (!web) return;
  web->app.dispatch(cpa::core::LockChanged{ok != 0, on != 0, why, string_list(set_aside)});
  web->backend.request_frames(3);
}
// The page hidden or shown: the lock counts time hidden; the store writes what is not yet
// durable at once (the page may be closing).
EMSCRIPTEN_KEEPALIVE void cpa_page_visibility(int hidden) {
  if (!web) return;
  const double now = cpa::platform::kiosk_now_ms();
  // The closing write first: a lock that falls due now must not keep the last words from the disk.
  web->app.dispatch(cpa::core::PlansVisibility{hidden != 0, now});
  web->app.dispatch(cpa::core::LockVisibility{hidden != 0, now});
  web->backend.request_frames(2);
}
// ---- share with a carer (web/lib_share.js) ----
EMSCRIPTEN_KEEPALIVE void cpa_share_ready(const char* base_url, int web_share, int compression, const char* kept) {
  if (!web) return;
  web->app.dispatch(cpa::core::ShareDeviceReady{base_url, web_share != 0, compression != 0, kept});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_share_sealed(int ok, const char* data_b64) {
  if (!web) return;
  web->app.dispatch(cpa::core::ShareSealed{ok != 0, data_b64});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_share_opened(int ok, const char* data_b64) {
  if (!web) return;
  web->app.dispatch(cpa::core::ShareOpened{ok != 0, data_b64});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_share_copied(int ok) {
  if (!web) return;
  web->app.dispatch(cpa::core::ShareCopied{ok != 0});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_share_kept(int ok) {
  if (!web) return;
  web->app.dispatch(cpa::core::ShareCopyKept{ok != 0});
  web->backend.request_frames(3);
}
// ---- a language the site ships in a file of its own (web/lib_heap.js) ----
EMSCRIPTEN_KEEPALIVE void cpa_language_loaded(const char* locale, const char* file) {
  if (!web) return;
  std::string text;
  const int size = *file ? cpa_js_asset_size(file) : -1;
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    if (!cpa_js_asset_take(file, reinterpret_cast<unsigned char*>(text.data()), size)) text.clear();
  }
  web->app.dispatch(cpa::core::LanguageFileArrived{locale, std::move(text)});
  web->backend.request_frames(3);
}
}
