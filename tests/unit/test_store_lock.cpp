// The passphrase lock in the core (core/lock/plans_lock.hpp) and the two records beside the plans
// (core/lock/store_lock.hpp): the locked record's format, the fallback record the plain page reads,
// and the lock's rules: when it locks, what leaves memory, what is never written.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "plans_app.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/share/share_codec.hpp"
#include "core/state.hpp"
#include "core/lock/store_lock.hpp"
#include "platform/memory/memory_platform.hpp"
#include "records_samples.hpp"
#include "stored_samples.hpp"

using namespace cpa;
using core::StoreStatus;

using test::App;
using test::content;
using test::kNow;

namespace {
std::string b64(std::size_t bytes, char fill) { return core::base64url_encode(std::string(bytes, fill)); }

core::LockedRecord a_locked_record(int minutes = 5) {
  return {core::kLockIterations, b64(16, 's'), b64(12, 'i'), b64(200, 'd'), minutes};
}

// A store as it is after a passphrase was set: the latest copy locked.
void open_locked(App& app, int minutes = 5) {
  app.act(core::PlansStoreLoaded{core::locked_record_text(a_locked_record(minutes)), ""});
}

// The passphrase set, then given: the platform answers with the plain records.
void unlock_with(App& app, const core::Records& records, double now_ms = 1000) {
  app.act(core::LockActivity{now_ms});
  app.act(core::LockType{core::LockField::unlock, "correct horse battery"});
  app.act(core::LockUnlock{});
  app.act(core::LockUnlocked{true, core::store_record(records, kNow), "", test::good_fallback()});
}
}  // namespace

TEST_CASE("the fallback page's checksum and the core's are one definition (tests/vectors/fnv1a64.json)") {
  const auto file = nlohmann::json::parse(test::read_text(test::source_dir() + "/tests/vectors/fnv1a64.json"));
  REQUIRE(file["vectors"].size() >= 5);
  for (const auto& v : file["vectors"]) CHECK(core::fnv1a64_hex(v["text"].get<std::string>()) == v["fnv1a64"]);
}

TEST_CASE("a locked record: written and read back, and anything odd about it is refused") {
  const auto record = a_locked_record(15);
  const auto text = core::locked_record_text(record);
  CHECK(core::is_locked_record(text));
  const auto read = core::read_locked_record(text);
  REQUIRE(read);
  CHECK(read->salt == record.salt);
  CHECK(read->iv == record.iv);
  CHECK(read->data == record.data);
  CHECK(read->lock_after_minutes == 15);
  CHECK(read->iterations == core::kLockIterations);
  // Only the lock time and the cryptography's parameters are readable.
  const auto json = nlohmann::json::parse(text);
  for (const auto& [key, value] : json.items())
    CHECK((key == "envelope" || key == "envelope_version" || key == "kdf" || key == "iterations" || key == "salt" ||
           key == "cipher" || key == "iv" || key == "data" || key == "lock_after_minutes"));

  auto with = [&](const char* key, nlohmann::json value) {
    auto changed = json;
    changed[key] = std::move(value);
    return core::read_locked_record(changed.dump());
  };
  CHECK_FALSE(with("iterations", 1000));         // too few: weak
  CHECK_FALSE(with("iterations", 100'000'000));  // too many: would hang the page
  CHECK_FALSE(with("iv", b64(8, 'i')));          // wrong size
  CHECK_FALSE(with("salt", "not base64url!"));
  CHECK_FALSE(with("data", ""));
  CHECK_FALSE(with("lock_after_minutes", 7));  // not a choice offered
  CHECK_FALSE(with("envelope_version", 2));
  CHECK_FALSE(with("cipher", "ROT13"));
  CHECK_FALSE(core::read_locked_record("{\"envelope\":1}"));
  CHECK_FALSE(core::read_locked_record(text.substr(0, text.size() / 2)));
  CHECK_FALSE(core::is_locked_record(core::store_record(test::sample_records(), kNow)));
  // A plain record whose text mentions the name is not taken for a locked one.
  core::Records tricky;
  tricky.care_plan.coordinator.name = "cpa-companion-locked";
  CHECK_FALSE(core::is_locked_record(core::store_record(tricky, kNow)));
}

TEST_CASE("the fallback record holds what Help now shows, sealed, and a damaged one is refused") {
  App app;
  app.act(test::stored_plans(core::store_record(test::sample_records(), kNow), ""));
  const auto text = core::fallback_record(*content(), app.plans(), false);
  const auto view = core::open_fallback_record(text);
  REQUIRE(view);
  CHECK_FALSE(view->locked);
  const auto expected = core::help_now_personal(*content(), app.plans());
  REQUIRE(view->sections.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(view->sections[i].heading == expected[i].heading);
    CHECK(view->sections[i].items == expected[i].items);
    REQUIRE(view->sections[i].contacts.size() == expected[i].contacts.size());
    for (std::size_t j = 0; j < expected[i].contacts.size(); ++j) {
      CHECK(view->sections[i].contacts[j].label == expected[i].contacts[j].label);
      CHECK(view->sections[i].contacts[j].href == expected[i].contacts[j].href);
    }
  }
  // One digit changed anywhere: refused (the page then uses the previous good one).
  for (std::size_t at = 0; at < text.size(); at += 7) {
    if (text[at] < '0' || text[at] > '8') continue;
    auto flipped = text;
    flipped[at] = static_cast<char>(text[at] + 1);
    CHECK_FALSE(core::open_fallback_record(flipped));
  }
  CHECK_FALSE(core::open_fallback_record(text.substr(0, text.size() - 3)));
  CHECK_FALSE(core::open_fallback_record("{}"));

  const auto locked = core::open_fallback_record(core::fallback_record(*content(), app.plans(), true));
  REQUIRE(locked);
  CHECK(locked->locked);
  CHECK(locked->sections.empty());
}

TEST_CASE("every save carries the fallback record; with a lock on, it holds no contacts") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.act(core::PlanEditField{"crisis_plan.people", ""});
  app.act(core::PlanAddItem{"crisis_plan.people", "name", "Asha"});
  app.act(core::PlanEditItem{"crisis_plan.people", 0, "phone", "07700 900123"});
  REQUIRE_FALSE(app.device.saved_records.empty());
  const auto open = core::open_fallback_record(app.device.saved_records.back().fallback);
  REQUIRE(open);
  CHECK_FALSE(open->locked);
  REQUIRE_FALSE(open->sections.empty());
  CHECK(open->sections.back().contacts.at(0).href == "tel:+447700900123");

  App locked;
  open_locked(locked);
  unlock_with(locked, test::sample_records());
  locked.act(core::PlanEditField{"care_plan.coordinator.name", "Changed"});
  REQUIRE_FALSE(locked.device.saved_records.empty());
  const auto sealed = core::open_fallback_record(locked.device.saved_records.back().fallback);
  REQUIRE(sealed);
  CHECK(sealed->locked);
  CHECK(sealed->sections.empty());
  CHECK(locked.device.saved_records.back().fallback.find("Changed") == std::string::npos);
}

TEST_CASE("a locked store: nothing is read or written until the passphrase opens it") {
  App app;
  open_locked(app, 15);
  CHECK(app.plans().store == StoreStatus::locked);
  CHECK(core::plans_locked(app.state));
  CHECK(app.lock().on);
  CHECK_FALSE(app.lock().unlocked);
  CHECK(app.lock().after_minutes == 15);
  // Edits and imports cannot write over the locked store.
  app.act(core::PlanEditField{"care_plan.coordinator.name", "Someone"});
  app.act(core::PlansImport{core::export_text(test::sample_records(), kNow)});
  CHECK(app.device.saved_records.empty());

  // An empty passphrase is not sent.
  app.act(core::LockUnlock{});
  CHECK(app.device.unlock_requests.empty());
  CHECK_FALSE(app.lock().error.empty());

  // A wrong one: a clear message, nothing revealed, and another try.
  app.act(core::LockType{core::LockField::unlock, "wrong guess"});
  app.act(core::LockUnlock{});
  REQUIRE(app.device.unlock_requests.size() == 1);
  CHECK(app.device.unlock_requests[0].passphrase == "wrong guess");
  CHECK(app.device.unlock_requests[0].aad == core::kLockAad);
  CHECK(app.lock().unlock_typed.empty());  // the typed passphrase is not kept
  app.act(core::LockUnlocked{false, "", ""});
  CHECK(app.plans().store == StoreStatus::locked);
  CHECK(test::said(app.lock().error) == content()->str("plans.lock.error_wrong"));
  CHECK(app.plans().records == core::Records{});

  unlock_with(app, test::sample_records());
  CHECK(app.plans().store == StoreStatus::ok);
  CHECK(app.lock().unlocked);
  CHECK(app.lock().error.empty());
  CHECK(app.plans().records == test::sample_records());
  CHECK(app.device.saved_records.empty());  // opening writes nothing
  CHECK(app.device.wake_ats.back() == doctest::Approx(1000 + 15 * 60'000.0));
}

TEST_CASE("setting a passphrase: checked first, then one change with the plans and a locked fallback") {
  App app;
  app.act(test::stored_plans(core::store_record(test::sample_records(), kNow), ""));
  app.state.stack.push_back(core::Route{core::Screen::lock, {}});
  const auto set = [&](std::string fresh, std::string repeat) {
    app.act(core::LockType{core::LockField::fresh, std::move(fresh)});
    app.act(core::LockType{core::LockField::repeat, std::move(repeat)});
    app.act(core::LockSet{});
  };
  set("short", "short");
  CHECK(test::said(app.lock().error) == content()->str("plans.lock.error_short"));
  set("long enough words", "long enough wordz");
  CHECK(test::said(app.lock().error) == content()->str("plans.lock.error_repeat"));
  CHECK(app.device.lock_changes.empty());

  app.act(core::LockChooseMinutes{7});  // not offered: ignored
  CHECK(app.lock().chosen_minutes == 5);
  app.act(core::LockChooseMinutes{2});
  set("long enough words", "long enough words");
  REQUIRE(app.device.lock_changes.size() == 1);
  const auto& change = app.device.lock_changes[0];
  CHECK(change.current.empty());
  CHECK(change.passphrase == "long enough words");
  CHECK(change.iterations == core::kLockIterations);
  CHECK(change.lock_after_minutes == 2);
  CHECK(core::open_store_record(change.document).records == test::sample_records());
  CHECK(core::open_fallback_record(change.fallback)->locked);
  CHECK(app.lock().busy);
  CHECK(app.lock().new_typed.empty());
  CHECK(app.lock().repeat_typed.empty());
  // Nothing else while it works.
  app.act(core::LockSet{});
  CHECK(app.device.lock_changes.size() == 1);

  app.act(core::LockChanged{true, true, ""});
  CHECK(app.lock().on);
  CHECK(app.lock().unlocked);
  CHECK(app.lock().after_minutes == 2);
  CHECK(test::said(app.lock().notice) == content()->str("plans.lock.set"));
  CHECK_FALSE(app.plans().dirty());

  // Changing it needs the passphrase in use now; the platform checks it.
  set("another passphrase", "another passphrase");
  CHECK(test::said(app.lock().error) == content()->str("plans.lock.error_current"));
  app.act(core::LockType{core::LockField::current, "long enough wordz"});
  set("another passphrase", "another passphrase");
  REQUIRE(app.device.lock_changes.size() == 2);
  CHECK(app.device.lock_changes[1].current == "long enough wordz");
  app.act(core::LockChanged{false, true, "wrong-passphrase"});
  CHECK(test::said(app.lock().error) == content()->str("plans.lock.error_current_wrong"));
  CHECK(app.lock().on);

  // Only the time: the new boxes left empty keep the passphrase.
  app.act(core::LockType{core::LockField::current, "long enough words"});
  app.act(core::LockChooseMinutes{30});
  app.act(core::LockSet{});
  REQUIRE(app.device.lock_changes.size() == 3);
  CHECK(app.device.lock_changes[2].passphrase == "long enough words");
  CHECK(app.device.lock_changes[2].lock_after_minutes == 30);
  app.act(core::LockChanged{true, true, ""});
  CHECK(app.lock().after_minutes == 30);

  // Removing it.
  app.act(core::LockType{core::LockField::current, "long enough words"});
  app.act(core::LockRemove{});
  REQUIRE(app.device.lock_changes.size() == 4);
  CHECK(app.device.lock_changes[3].passphrase.empty());
  CHECK_FALSE(core::open_fallback_record(app.device.lock_changes[3].fallback)->locked);
  app.act(core::LockChanged{true, false, ""});
  CHECK_FALSE(app.lock().on);
  CHECK(test::said(app.lock().notice) == content()->str("plans.lock.removed"));
}

TEST_CASE("it locks again: after the chosen idle time, when hidden for a minute, and on Lock now") {
  SUBCASE("idle") {
    App app;
    open_locked(app, 5);
    unlock_with(app, test::sample_records(), 1000);
    app.act(core::LockTick{1000 + 4 * 60'000.0});
    CHECK(app.lock().unlocked);
    app.act(core::LockActivity{1000 + 4 * 60'000.0});  // used again: the clock starts over
    app.act(core::LockTick{1000 + 8 * 60'000.0});
    CHECK(app.lock().unlocked);
    CHECK(app.device.wake_ats.back() == doctest::Approx(1000 + 9 * 60'000.0));
    app.act(core::LockTick{1000 + 9 * 60'000.0});
    CHECK_FALSE(app.lock().unlocked);
    CHECK(app.plans().store == StoreStatus::locked);
    CHECK(app.plans().records == core::Records{});  // the plans left memory
    CHECK(app.device.keys_forgotten == 1);
    CHECK(test::said(app.lock().notice) == content()->str("plans.lock.locked_idle"));
  }
  SUBCASE("input after a long gap meets a lock, not the plans") {
    App app;
    open_locked(app, 2);
    unlock_with(app, test::sample_records(), 0);
    app.act(core::LockActivity{3 * 60'000.0});
    CHECK(app.plans().store == StoreStatus::locked);
  }
  SUBCASE("opened again after an idle lock: typing the passphrase is use, so the time starts from there") {
    App app;
    open_locked(app, 2);
    unlock_with(app, test::sample_records(), 0);
    app.act(core::LockTick{2 * 60'000.0});
    REQUIRE(app.plans().store == StoreStatus::locked);
    // The platform tells every input, locked or not (web_clock.cpp): ten minutes later, the passphrase.
    unlock_with(app, test::sample_records(), 10 * 60'000.0);
    REQUIRE(app.lock().unlocked);
    CHECK(app.device.wake_ats.back() == doctest::Approx(12 * 60'000.0));
    app.act(core::LockTick{10 * 60'000.0 + 1'000});
    CHECK(app.lock().unlocked);
    app.act(core::LockTick{12 * 60'000.0});
    CHECK_FALSE(app.lock().unlocked);
  }
  SUBCASE("hidden for a minute") {
    App app;
    open_locked(app, 30);
    unlock_with(app, test::sample_records(), 0);
    app.act(core::LockVisibility{true, 10'000});
    CHECK(app.device.wake_ats.back() == doctest::Approx(10'000 + core::kLockWhenHiddenMs));
    app.act(core::LockVisibility{false, 30'000});  // back within the minute: still open
    CHECK(app.lock().unlocked);
    app.act(core::LockVisibility{true, 40'000});
    app.act(core::LockVisibility{false, 40'000 + core::kLockWhenHiddenMs});
    CHECK(app.plans().store == StoreStatus::locked);
  }
  SUBCASE("Lock now, with an edit not yet written: it is still saved, then the key goes") {
    App app;
    open_locked(app);
    unlock_with(app, test::sample_records());
    app.act(core::PlanEditField{"care_plan.coordinator.name", "Last words"});
    REQUIRE(app.device.saved_records.size() == 1);
    app.act(core::LockNow{});
    CHECK(app.plans().store == StoreStatus::locked);
    CHECK(app.device.keys_forgotten == 1);
    CHECK(test::said(app.lock().notice) == content()->str("plans.lock.locked_now"));
  }
}

TEST_CASE("another tab sets or changes the passphrase: this one locks too; removes it: this one reads it") {
  App app;
  app.act(test::stored_plans(core::store_record(test::sample_records(), kNow), ""));
  app.act(core::PlansStoreChanged{core::locked_record_text(a_locked_record())});
  CHECK(app.plans().store == StoreStatus::locked);
  CHECK(app.device.keys_forgotten == 1);
  CHECK(test::said(app.lock().notice) == content()->str("plans.lock.changed_elsewhere"));

  auto records = test::sample_records();
  records.care_plan.coordinator.name = "Read after the lock went";
  app.act(core::PlansStoreChanged{core::store_record(records, kNow)});
  CHECK(app.plans().store == StoreStatus::ok);
  CHECK_FALSE(app.lock().on);
  CHECK(app.plans().records.care_plan.coordinator.name == "Read after the lock went");
}

TEST_CASE("delete everything while locked (a forgotten passphrase) leaves a fresh, unlocked app") {
  App app;
  open_locked(app);
  app.act(core::DeleteEverything{});
  CHECK(app.device.records_deleted == 1);
  CHECK(app.plans().store == StoreStatus::fresh);
  CHECK_FALSE(app.lock().on);
  app.act(core::PlanEditField{"care_plan.coordinator.name", "New start"});
  CHECK(app.device.saved_records.size() == 1);
}
