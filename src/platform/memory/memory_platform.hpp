#pragma once
// A Platform in plain memory: what tests and headless runs use.  It keeps a browser-like
// history so Back behaves as in the browser, and records every effect for assertions.
#include <string>
#include <vector>

#include "core/display.hpp"
#include "platform/platform.hpp"

namespace cpa::platform {

class MemoryPlatform : public Platform {
 public:
  void open_url(const std::string& url) override { opened_urls.push_back(url); }
  void history_push(const std::string& path) override;
  void history_replace(const std::string& path) override;
  void history_back() override;
  void announce(const std::string& text, bool urgent) override {
    announcements.push_back(text);
    if (urgent) urgent_announcements.push_back(text);
  }
  void print_document(const std::string& title, const std::string& html_body) override {
    printed.push_back({title, html_body});
  }
  void download_file(const std::string& filename, const std::string& mime_type, const std::string& data) override {
    downloads.push_back({filename, mime_type, data});
  }

  // Saves are recorded, not acknowledged: a test dispatches PlansSaved itself, as the browser would.
  void save_records(const core::SaveRecords& save) override {
    saved_records.push_back(
        {save.document, save.revision, save.fallback, save.keep_replaced, save.keep_fallback, save.urgent});
  }
  void ask_persistent_storage() override { ++persistence_requests; }
  int persistence_requests = 0;
  // Lock requests are recorded, not answered: a test answers them (LockUnlocked, LockChanged).
  void unlock_store(const core::UnlockStore& request) override { unlock_requests.push_back(request); }
  void change_store_lock(const core::ChangeStoreLock& request) override { lock_changes.push_back(request); }
  void forget_store_key() override { ++keys_forgotten; }
  std::vector<core::UnlockStore> unlock_requests;
  std::vector<core::ChangeStoreLock> lock_changes;
  int keys_forgotten = 0;
  void delete_records() override { ++records_deleted; }
  // Recorded: a test moves time on itself (dispatching KioskTick), as the browser's timer would.
  void wake_at(double at_ms) override { wake_ats.push_back(at_ms); }
  std::vector<double> wake_ats;
  // As the page does it: the print area emptied, and history down to Home alone.
  void clear_visit() override {
    ++visits_cleared;
    printed.clear();
    history = {"#/"};
    history_index = 0;
  }
  int visits_cleared = 0;

  // Share requests are recorded, not answered: a test answers them (ShareSealed, ShareOpened ...).
  void seal_share(const core::SealShare& request) override { seal_requests.push_back(request); }
  void open_share(const core::OpenShare& request) override { open_requests.push_back(request); }
  void copy_text(const std::string& text) override { copied.push_back(text); }
  void system_share(const core::SystemShare& request) override { system_shares.push_back(request); }
  void share_startup() override { ++share_startups; }
  void keep_shared_copy(const std::string& document) override { kept_copy = document; }
  void delete_shared_copy() override { kept_copy.clear(); }
  // Quick exit leaves for this address (recorded); the settings store is a value in memory.
  void quick_exit(const std::string& url, const std::string& title) override {
    quick_exits.push_back(url);
    exit_title = title;
  }
  void save_settings(const std::string& document) override {
    stored_settings = document;
    stored_quick_exit = core::read_settings_document(document).quick_exit ? 1 : 0;
  }
  void delete_settings() override {
    stored_settings.clear();
    stored_quick_exit = -1;
  }
  std::string stored_settings;  // the settings document, "" when nothing is stored
  std::vector<std::string> quick_exits;
  std::string exit_title;
  int stored_quick_exit = -1;  // -1 nothing stored, 0 off, 1 on

  std::vector<core::SealShare> seal_requests;
  std::vector<core::OpenShare> open_requests;
  std::vector<std::string> copied;
  std::vector<core::SystemShare> system_shares;
  int share_startups = 0;
  std::string kept_copy;  // the carer's kept copy, under its own key

  struct SavedRecord {
    std::string document;
    std::uint64_t revision = 0;
    std::string fallback;
    core::ReplacedCopy keep_replaced = core::ReplacedCopy::previous;
    bool keep_fallback = true;
    bool urgent = false;
  };
  std::vector<SavedRecord> saved_records;
  int records_deleted = 0;

  struct Printed {
    std::string title, html_body;
  };
  struct Download {
    std::string filename, mime_type, data;
  };
  std::vector<Printed> printed;
  std::vector<Download> downloads;

  // The browser's Back button: returns the path the page would be told about (popstate).
  std::string browser_back();
  std::string current_path() const { return history.empty() ? std::string() : history[history_index]; }

  std::vector<std::string> opened_urls;
  std::vector<std::string> announcements;
  std::vector<std::string> urgent_announcements;  // the ones said at once (errors that lose work)
  std::vector<std::string> history;
  std::size_t history_index = 0;
  std::vector<std::string> popstate_events;  // paths the app should be told about
};

}  // namespace cpa::platform
