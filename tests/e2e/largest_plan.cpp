// Writes the largest plan the app accepts (tests/unit/records_samples.hpp) as an export file:
// lock.spec.mjs imports it in the browser.  Usage: largest_plan OUT.json
#include <cstdio>
#include <fstream>

#include "core/records_store.hpp"
#include "records_samples.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: largest_plan OUT.json\n");
    return 2;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << cpa::core::export_text(cpa::test::largest_records(), "2026-11-20T08:00:00Z");
  return out ? 0 : 1;
}
