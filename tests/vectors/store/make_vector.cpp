// Writes one past release's store, with that release's own code (tests/vectors/store/make.sh
// builds this file against the core of the commit it names).  Not part of the build: it is
// compiled only by make.sh, against old sources, so it uses nothing newer than the first records
// release (2026-11-23) and, where the release had one, the fallback record (2026-11-25).
//
//   make_vector <content dir> <records|fallback>
// prints the sealed store record of the sample plans, or their fallback record.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "core/content.hpp"
#include "core/records_store.hpp"
#ifdef CPA_VECTOR_FALLBACK
#include "core/plans.hpp"
#include "core/store_lock.hpp"
#endif

namespace {

// Every part of both plans filled in, with what a person writes: contacts with UK numbers (one
// of them Samaritans' old 0845 number, which later releases refuse and warn of), a date, and
// characters a store must carry intact (an apostrophe, an accent, quotes, a new line, Welsh).
cpa::core::Records sample_plans() {
  cpa::core::Records r;
  auto& care = r.care_plan;
  care.coordinator = {"Alex Morgan", "Community psychiatric nurse", "+447700900123", "alex.morgan@nhs.net",
                      "Mon to Fri, 9am to 5pm"};
  care.team = {"Riverside Community Mental Health Team", "+442079460000", "+442079460999"};
  care.gp = {"Dr Siân Evans", "Bridge Street Surgery", "+441632960001"};
  care.needs = {{"Help with money", "Sara helps me fill in forms every two weeks"},
                {"Sleep", "Talking to my GP about \"sleep hygiene\"\nand a routine"}};
  care.goals = {"Walk to the park three times a week", "Go back to my pottery class"};
  care.last_review = "2026-06-01";
  care.next_review = "2026-12-01";
  care.review_questions = {"Can I see a psychologist?"};
  auto& crisis = r.crisis_plan;
  crisis.warning_signs = {"Not sleeping for two nights", "Stopping eating"};
  crisis.self_help = {"Walk the dog", "Ring my sister"};
  crisis.helped_before = {"A quiet room"};
  crisis.not_helped = {"Being told to calm down"};
  crisis.people = {{"Aunt Jo", "My aunt", "+442079460000", "Any time"},
                   {"Samaritans", "", "0845 790 9090", "At night"}};
  crisis.in_hours = {{"Alex Morgan", "Care co-ordinator", "+447700900123", "Weekdays"}};
  crisis.out_of_hours = {{"Crisis team", "", "+442079460999", "Evenings and weekends"}};
  crisis.service_response = "Please talk to me calmly and tell me what is happening.";
  crisis.treatment_preferences = {"Sertraline has helped before"};
  crisis.treatment_refusals = {"I do not want to be given haloperidol"};
  crisis.practical = {"My sister Bethan collects the children", "Next door feeds Mabli the cat",
                      "Spare key at number 12"};
  return r;
}

#ifdef CPA_VECTOR_FALLBACK
std::map<std::string, std::string> content_files(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    const auto rel = std::filesystem::relative(entry.path(), dir).generic_string();
    if (rel.find('/') == std::string::npos) continue;  // the deployment schema and example
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    files[rel] = text.str();
  }
  return files;
}
#endif

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_vector <content dir> <records|fallback>\n");
    return 2;
  }
  const std::string what = argv[2];
  if (what == "records") {
    std::cout << cpa::core::store_record(sample_plans(), "2026-11-23T10:15:00Z");
    return 0;
  }
#ifdef CPA_VECTOR_FALLBACK
  if (what == "fallback") {
    const auto load = cpa::core::load_content(content_files(argv[1]));
    if (!load.ok()) {
      std::fprintf(stderr, "content did not load (%zu problems)\n", load.problems.size());
      return 1;
    }
    cpa::core::PlansState plans;
    plans.records = sample_plans();
    std::cout << cpa::core::fallback_record(*load.content, plans, false);
    return 0;
  }
#endif
  std::fprintf(stderr, "this release cannot write '%s'\n", what.c_str());
  return 1;
}
