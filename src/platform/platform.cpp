#include "platform/platform.hpp"

#include "core/overloaded.hpp"

namespace cpa::platform {
void carry_out(Platform& platform, const core::Effects& effects) {
  for (const auto& effect : effects) {
    std::visit(core::Overloaded{
                   [&](const core::OpenUrl& e) { platform.open_url(e.url); },
                   [&](const core::PushHistory& e) { platform.history_push(e.path); },
                   [&](const core::ReplaceHistory& e) { platform.history_replace(e.path); },
                   [&](const core::HistoryBack&) { platform.history_back(); },
                   [&](const core::Announce& e) { platform.announce(e.text, e.urgent); },
                   [&](const core::PrintDocument& e) { platform.print_document(e.title, e.html_body); },
                   [&](const core::DownloadFile& e) { platform.download_file(e.filename, e.mime_type, e.data); },
                   [&](const core::SaveRecords& e) { platform.save_records(e); },
                   [&](const core::DeleteRecords&) { platform.delete_records(); },
                   [&](const core::AskPersistentStorage&) { platform.ask_persistent_storage(); },
                   [&](const core::WakeAt& e) { platform.wake_at(e.at_ms); },
                   [&](const core::ClearVisit&) { platform.clear_visit(); },
                   [&](const core::UnlockStore& e) { platform.unlock_store(e); },
                   [&](const core::ChangeStoreLock& e) { platform.change_store_lock(e); },
                   [&](const core::ForgetStoreKey&) { platform.forget_store_key(); },
                   [&](const core::SealShare& e) { platform.seal_share(e); },
                   [&](const core::OpenShare& e) { platform.open_share(e); },
                   [&](const core::CopyText& e) { platform.copy_text(e.text); },
                   [&](const core::SystemShare& e) { platform.system_share(e); },
                   [&](const core::ShareStartup&) { platform.share_startup(); },
                   [&](const core::KeepSharedCopy& e) { platform.keep_shared_copy(e.document); },
                   [&](const core::DeleteSharedCopy&) { platform.delete_shared_copy(); },
                   [&](const core::QuickExit& e) { platform.quick_exit(e.url, e.title); },
                   [&](const core::SaveSettings& e) { platform.save_settings(e.document); },
                   [&](const core::DeleteSettings&) { platform.delete_settings(); },
               },
               effect);
  }
}

}  // namespace cpa::platform
