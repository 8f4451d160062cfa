// Writes the largest plan the app accepts (tests/unit/records_samples.hpp) for the browser tests:
//   OUT.json   an export file: lock.spec.mjs imports it; the cross-engine tests (tests/engines/)
//              import it in Chromium and share it from there.
//   LINK.txt   (optional) the unlocked, uncompressed share link of every share part of that plan,
//              as a browser without CompressionStream makes it (flags 0), without the site's
//              address ("#share=1.0.<data>.<check>"): the tests put their own server's in front.
// Usage: largest_plan OUT.json [LINK.txt]
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/plans/records/records_store.hpp"
#include "core/share/share_codec.hpp"
#include "records_samples.hpp"

namespace {

bool write(const char* path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string largest_share_link(const cpa::core::Records& records) {
  std::vector<std::string> parts;
  for (const auto* part : cpa::core::share_parts()) parts.emplace_back(part->id);
  const std::string payload = cpa::core::share_payload(records, parts, "2026-11-20");
  return cpa::core::share_link("", 0, cpa::core::base64url_encode(payload));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: largest_plan OUT.json [LINK.txt]\n");
    return 2;
  }
  const auto records = cpa::test::largest_records();
  if (!write(argv[1], cpa::core::export_text(records, "2026-11-20T08:00:00Z"))) return 1;
  if (argc == 3 && !write(argv[2], largest_share_link(records))) return 1;
  return 0;
}
