#pragma once
// The browser side of the platform seam: each effect becomes a call into web/lib_*.js.
#include "platform/platform.hpp"

namespace cpa::platform {

class WebPlatform : public Platform {
 public:
  void open_url(const std::string& url) override;
  void history_push(const std::string& path) override;
  void history_replace(const std::string& path) override;
  void history_back() override;
  void announce(const std::string& text, bool urgent) override;
  void print_document(const std::string& title, const std::string& html_body) override;
  void download_file(const std::string& filename, const std::string& mime_type, const std::string& data) override;
  void save_records(const core::SaveRecords& save) override;
  void unlock_store(const core::UnlockStore& request) override;
  void change_store_lock(const core::ChangeStoreLock& request) override;
  void forget_store_key() override;
  void delete_records() override;
  void ask_persistent_storage() override;
  void wake_at(double at_ms) override;  // a timer in web/lib_platform.js calls cpa_kiosk_wake
  void clear_visit() override;
  void seal_share(const core::SealShare& request) override;
  void open_share(const core::OpenShare& request) override;
  void copy_text(const std::string& text) override;
  void system_share(const core::SystemShare& request) override;
  void share_startup() override;
  void keep_shared_copy(const std::string& document) override;
  void delete_shared_copy() override;
  void quick_exit(const std::string& url, const std::string& title) override;
  void save_settings(const std::string& document) override;
  void delete_settings() override;

  // Loads the person's records from IndexedDB; they arrive through cpa_storage_loaded.
  void open_records();
};

}  // namespace cpa::platform
