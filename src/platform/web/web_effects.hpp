#pragma once
// What the page does for each effect, by feature.  Each answer comes back later through an
// entry point (entry_points.cpp) as the action core/effects.hpp names.
#include "core/effects.hpp"

namespace cpa::platform::web {

// The page itself (web_page_effects.cpp): links, history, the live regions, print, download.
void carry_out(const core::OpenUrl& e);
void carry_out(const core::PushHistory& e);
void carry_out(const core::ReplaceHistory& e);
void carry_out(const core::HistoryBack& e);
void carry_out(const core::Announce& e);
void carry_out(const core::PrintDocument& e);
void carry_out(const core::DownloadFile& e);

// The person's records and their lock (web_store.cpp, web/lib_storage.js).
void carry_out(const core::SaveRecords& e);
void carry_out(const core::DeleteRecords& e);
void carry_out(const core::AskPersistentStorage& e);
void carry_out(const core::UnlockStore& e);
void carry_out(const core::ChangeStoreLock& e);
void carry_out(const core::ForgetStoreKey& e);

// Sharing with a carer (web_share.cpp, web/lib_share.js).
void carry_out(const core::SealShare& e);
void carry_out(const core::OpenShare& e);
void carry_out(const core::CopyText& e);
void carry_out(const core::SystemShare& e);
void carry_out(const core::ShareStartup& e);
void carry_out(const core::KeepSharedCopy& e);
void carry_out(const core::DeleteSharedCopy& e);

// A waiting-room kiosk (web_kiosk.cpp, web/lib_platform.js).
void carry_out(const core::WakeAt& e);
void carry_out(const core::ClearVisit& e);

// Quick exit, the settings store and the languages (web_settings.cpp, web/lib_exit.js,
// web/lib_settings.js, web/lib_heap.js).
void carry_out(const core::QuickExit& e);
void carry_out(const core::SaveSettings& e);
void carry_out(const core::LoadLanguage& e);  // the words of a language the site ships apart

}  // namespace cpa::platform::web
