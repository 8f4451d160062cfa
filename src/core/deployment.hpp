#pragma once
// A trust's deployment file: who deploys the app, where, their own crisis lines and services,
// the kiosk's settings, and the review interval.  It is validated when the site is built
// (./cpa build --deployment FILE) and baked into the content bundle as "deployment.json".
// Without one, the national content is used and every setting has its default below.
#include <string>
#include <vector>

#include "core/json_fields.hpp"

namespace cpa::core {

struct Content;

// A service the trust names (its crisis team, a safe haven, ...), shown as information.
struct LocalService {
  std::string name;
  std::string purpose;  // who it is for
  std::string phone;    // as written, checked to be a UK number; may be empty
  std::string url;      // https://, may be empty
};

struct KioskSettings {
  bool enabled = false;        // the deployment turns kiosk mode on (or ?mode=kiosk does)
  std::string public_address;  // https:// address for "Continue on your phone"
  int idle_seconds = 90;       // quiet time before "Are you still there?"
  int warning_seconds = 30;    // the countdown before everything is cleared (at least 20)
};

inline constexpr int kMinKioskWarningSeconds = 20;  // WCAG 2.2.1: time to ask for more time
inline constexpr int kMinKioskIdleSeconds = 30;

struct Deployment {
  bool present = false;  // false: no deployment file, national content only
  std::string trust_name;
  std::string nation;  // "england", "wales", ...: orders Help now and the results
  std::vector<LocalService> services;
  KioskSettings kiosk;
  int review_interval_months = 12;  // 6 or 12
};

// Reads deployment.json.  Its crisis lines go into content.crisis_lines marked local, serving
// the deployment's nation.  Checks that need the rest of the content (the nation, line ids
// clashing with national ones) are made here too, so call it after the locale's files.
Deployment load_deployment(const Fields& fields, Content& content);

}  // namespace cpa::core
