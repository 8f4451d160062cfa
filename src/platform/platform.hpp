#pragma once
// The seam to the outside world.  The core decides; a Platform carries its effects out.
// web/ implements it in the browser; memory/ in plain C++ for tests.
#include <cstdint>
#include <string>

#include "core/effects.hpp"

namespace cpa::platform {

class Platform {
 public:
  virtual ~Platform() = default;
  virtual void open_url(const std::string& url) = 0;
  virtual void history_push(const std::string& path) = 0;
  virtual void history_replace(const std::string& path) = 0;
  virtual void history_back() = 0;
  virtual void announce(const std::string& text, bool urgent) = 0;
  // html_body is trusted HTML made by the core (every piece of text in it already escaped).
  virtual void print_document(const std::string& title, const std::string& html_body) = 0;
  virtual void download_file(const std::string& filename, const std::string& mime_type, const std::string& data) = 0;
  // The person's records, sealed (core::SaveRecords): write durably, keep the previous good copy,
  // then dispatch core::PlansSaved{revision} or core::PlansSaveFailed.
  // With it, the fallback record for the plain page, in the same transaction.
  virtual void save_records(const core::SaveRecords& save) = 0;
  // "Delete everything": every database and cache the app made on this device (core::DeleteRecords);
  // then dispatch core::PlansDeleted.
  virtual void delete_records() = 0;
  // Ask the browser to keep this site's storage (core::AskPersistentStorage); then dispatch
  // core::PlansDurability.
  virtual void ask_persistent_storage() = 0;
  // The passphrase lock (core::UnlockStore, core::ChangeStoreLock, core::ForgetStoreKey): each
  // answers later with the action named in core/effects.hpp.
  virtual void unlock_store(const core::UnlockStore& request) = 0;
  virtual void change_store_lock(const core::ChangeStoreLock& request) = 0;
  virtual void forget_store_key() = 0;
  // Kiosk mode (core::WakeAt): dispatch core::KioskTick at this time, on the clock the kiosk
  // actions use; a new one replaces the one pending.
  virtual void wake_at(double at_ms) = 0;
  // Kiosk mode (core::ClearVisit): a visit is over; forget it outside the app's memory too.
  virtual void clear_visit() = 0;

  // Share with a carer (core::SealShare ... core::DeleteSharedCopy in core/effects.hpp).  Each
  // answers later with the action named there.
  virtual void seal_share(const core::SealShare& request) = 0;
  virtual void open_share(const core::OpenShare& request) = 0;
  virtual void copy_text(const std::string& text) = 0;
  virtual void system_share(const core::SystemShare& request) = 0;
  virtual void share_startup() = 0;
  virtual void keep_shared_copy(const std::string& document) = 0;
  virtual void delete_shared_copy() = 0;

  // Quick exit (core::QuickExit): off the screen at once, then away to url (core/quick_exit.hpp).
  virtual void quick_exit(const std::string& url, const std::string& title) = 0;
  // The settings' own small store (core::SaveSettings, core::DeleteSettings).
  virtual void save_settings(const std::string& document) = 0;
  virtual void delete_settings() = 0;
};

void carry_out(Platform& platform, const core::Effects& effects);

}  // namespace cpa::platform
