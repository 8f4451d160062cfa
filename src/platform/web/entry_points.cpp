#include "platform/web/entry_points.hpp"

#include <emscripten.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/records_store.hpp"
#include "core/store_lock.hpp"
#include "platform/web/web_clock.hpp"
#include "platform/web/web_page.hpp"

namespace {

struct Targets {
  cpa::platform::Dispatcher& app;
  cpa::platform::WebBackend& backend;
  cpa::platform::WebInput& input;
};

Targets* web = nullptr;

}  // namespace

void cpa::platform::connect_entry_points(Dispatcher& app, WebBackend& backend, WebInput& input) {
  web = new Targets{app, backend, input};  // lives as long as the page
}

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

// ---- storage (web/lib_storage.js) ----
EMSCRIPTEN_KEEPALIVE void cpa_storage_loaded(int available, const char* latest, const char* previous, const char* why) {
  if (!web) return;
  cpa::platform::tell_clock(web->app);
  if (available) {
    web->app.dispatch(cpa::core::PlansStoreLoaded{latest, previous});
  } else {
    std::fprintf(stderr, "storage unavailable: %s\n", why);
    web->app.dispatch(cpa::core::PlansStoreUnavailable{});
  }
  web->backend.request_frames(3);
}
// Merging and "is the old copy good" below run inside an IndexedDB transaction: they must answer
// at once.  Strings come in through the heap (web/lib_heap.js), never the stack.
EMSCRIPTEN_KEEPALIVE void cpa_storage_saved(double revision, int ok, const char* why) {
  if (!web) return;
  const auto rev = static_cast<std::uint64_t>(revision);
  if (ok) {
    web->app.dispatch(cpa::core::PlansSaved{rev});
  } else {
    const std::string reason = why;
    web->app.dispatch(cpa::core::PlansSaveFailed{rev, reason == "QuotaExceededError"});
  }
  web->backend.request_frames(2);
}
// Another tab saved since this one last looked, and this one is about to write: merge theirs
// into ours (the core keeps both people's edits) and write the result.
// The answer is the merged record; cpa_storage_fallback then gives its fallback record.
EMSCRIPTEN_KEEPALIVE const char* cpa_storage_merge(const char* theirs) {
  static std::string merged;
  web->app.dispatch(cpa::core::PlansStoreChanged{theirs});
  const auto& plans = web->app.state().plans;
  merged = cpa::core::store_record(plans.records, plans.now_utc);
  web->backend.request_frames(2);
  return merged.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* cpa_storage_fallback() {
  static std::string fallback;
  const auto& state = web->app.state();
  fallback = cpa::core::fallback_record(state.text(), state.plans, state.plans.lock.on);
  return fallback.c_str();
}
EMSCRIPTEN_KEEPALIVE int cpa_storage_is_good(const char* record) {
  return cpa::core::open_store_record(record).ok() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE int cpa_storage_fallback_is_good(const char* record) {
  return cpa::core::open_fallback_record(record) ? 1 : 0;
}
// The largest file an import reads (a bigger one is cut there, and the core says it is too big).
EMSCRIPTEN_KEEPALIVE double cpa_max_import_bytes() { return static_cast<double>(cpa::core::kMaxImportBytes); }

// ---- the passphrase lock (web/lib_storage.js) ----
// A stored record's lock fields for WebCrypto, as JSON {iterations, salt, iv, data}; "" when it
// is not a good locked record.
EMSCRIPTEN_KEEPALIVE const char* cpa_storage_lock_fields(const char* stored) {
  static std::string out;
  const auto record = cpa::core::read_locked_record(stored);
  out = record ? nlohmann::json{{"iterations", record->iterations},
                                {"salt", record->salt},
                                {"iv", record->iv},
                                {"data", record->data}}
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
EMSCRIPTEN_KEEPALIVE void cpa_storage_unlocked(int ok, const char* latest, const char* previous) {
  if (!web) return;
  cpa::platform::tell_clock(web->app);
  web->app.dispatch(cpa::core::LockUnlocked{ok != 0, latest, previous});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_lock_changed(int ok, int on, const char* why) {
  if (!web) return;
  web->app.dispatch(cpa::core::LockChanged{ok != 0, on != 0, why});
  web->backend.request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_page_visibility(int hidden) {
  if (!web) return;
  web->app.dispatch(cpa::core::LockVisibility{hidden != 0, cpa::platform::kiosk_now_ms()});
  web->backend.request_frames(2);
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_changed_elsewhere(const char* latest) {
  if (!web) return;
  web->app.dispatch(cpa::core::PlansStoreChanged{latest});
  web->backend.request_frames(3);
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
EMSCRIPTEN_KEEPALIVE void cpa_storage_deleted(int ok, const char* why) {
  if (!ok) std::fprintf(stderr, "delete failed: %s\n", why);
  if (!web) return;
  web->app.dispatch(cpa::core::PlansDeleted{ok != 0});  // "Everything has been deleted", once it has
  web->backend.request_frames(3);
}
}
