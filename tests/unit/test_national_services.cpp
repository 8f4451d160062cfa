// A person's own contact named like a national service (Samaritans, NHS 111, Shout ...) with a
// number that is not that service's gets a warning with the checked number from content.  The
// names are the ones people write; the ones that must not warn matter as much.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "content_files.hpp"
#include "content_problems.hpp"
#include "core/help_now/national_services.hpp"
#include "core/plans/plan_phone.hpp"
#include "real_content.hpp"

using namespace cpa;

namespace {

std::string warned_service(const char* name, const char* phone) {
  return core::national_service_warning(test::real_content(), name, phone).service_id;
}

std::string checked_number(const char* line_id) {
  const auto* line = test::real_content().crisis_line(line_id);
  REQUIRE(line);
  return line->number;
}

}  // namespace

TEST_CASE("the names people write for a national service warn when the number is another one") {
  const std::pair<const char*, const char*> written[] = {
      {"Samaritans", "samaritans"},
      {"samaritans", "samaritans"},
      {"SAMARITANS", "samaritans"},
      {"The Samaritans", "samaritans"},
      {"the samaritans!", "samaritans"},
      {"Samaritan", "samaritans"},
      {"Samaritans helpline", "samaritans"},
      {"Samaritans (24 hours)", "samaritans"},
      {"Samaritans\xE2\x80\x99 line", "samaritans"},  // a curly apostrophe
      {"Sams", "samaritans"},
      {"sams", "samaritans"},
      {"The Sams", "samaritans"},
      {"Samaratins", "samaritans"},
      {"Shout", "shout"},
      {"Shout 85258", "shout"},
      {"Text SHOUT", "shout"},
      {"85258", "shout"},
      {"Give us a shout", "shout"},
      {"NHS 111", "nhs-111"},
      {"NHS111", "nhs-111"},
      {"nhs 111 mental health", "nhs-111"},
      {"NHS 111 option 2", "nhs-111"},
      {"111 (press 2)", "nhs-111"},
      {"NHS 111 Wales", "nhs-111"},
      {"My NHS 111 nurse", "nhs-111"},  // nurses on 111 have no line of their own: 111 is the way back
      {"NHS 24", "nhs-24"},
      {"NHS24", "nhs-24"},
      {"NHS 24 Mental Health Hub", "nhs-24"},
      {"Breathing Space", "breathing-space"},
      {"breathing space scotland", "breathing-space"},
      {"Lifeline", "lifeline"},
      {"Lifeline NI", "lifeline"},
      {"Lifeline (Northern Ireland)", "lifeline"},
      {"Childline", "childline"},
      {"ChildLine", "childline"},
      {"Child Line", "childline"},
      {"NSPCC Childline", "childline"},
      {"999", "emergency"},
      {"Emergency", "emergency"},
      {"Emergency services", "emergency"},
      {"Ambulance", "emergency"},
  };
  for (const auto& entry : written) {
    const char* name = entry.first;
    const std::string service = entry.second;
    CAPTURE(name);
    CHECK(warned_service(name, "07700 900123") == service);
  }
}

TEST_CASE("names that are not a national service never warn") {
  for (const char* name : {"Sam",
                           "Sam Okafor",
                           "Sam's mum",
                           "Sam\xE2\x80\x99s mum",
                           "Samantha",
                           "John Sams",
                           "Sams mum",
                           "Mum",
                           "Emergency contact: Mum",
                           "Mum (emergency)",
                           "My sister",
                           "Ambulance driver Dave",
                           "Careline Lifeline alarm",
                           "Lifeline Project",
                           "Shoutbox",
                           "NHS",
                           "NHS 24/7 dentist line",
                           "Dr 24",
                           "Crisis team",
                           "GP",
                           "",
                           "   "}) {
    CAPTURE(name);
    CHECK(warned_service(name, "07700 900123").empty());
  }
}

TEST_CASE("the right number, written any way or through text relay, never warns") {
  const std::pair<const char*, const char*> right[] = {
      {"Samaritans", "116 123"},
      {"Samaritans", "116123"},
      {"Samaritans", "18001 116 123"},
      {"Sams", "116 123"},
      {"Shout", "85258"},
      {"NHS 111", "111"},
      {"NHS 111 Wales", "111"},
      {"NHS 24", "111"},
      {"NHS 24 (111)", "111"},
      {"NHS 111", "18001 111"},
      {"Breathing Space", "0800 83 85 87"},
      {"Breathing Space", "+44 800 838 587"},
      {"Lifeline", "0808 808 8000"},
      {"Lifeline", "18001 0808 808 8000"},  // its textphone route
      {"Childline", "0800 1111"},
      {"999", "999"},
      {"Emergency", "999"},
  };
  for (const auto& entry : right) {
    const char* name = entry.first;
    const char* phone = entry.second;
    CAPTURE(name);
    CAPTURE(phone);
    CHECK_FALSE(core::national_service_warning(test::real_content(), name, phone).shown());
  }
}

TEST_CASE("a wrong or costly number under a service's name is warned with the checked number from content") {
  const auto& content = test::real_content();
  const auto old = core::national_service_warning(content, "Samaritans", "0845 790 9090");
  CHECK(old.text ==
        "This is not the number for Samaritans. The number for Samaritans is " + checked_number("samaritans") + ".");
  CHECK(old.number == checked_number("samaritans"));
  CHECK(core::national_service_warning(content, "Samaritans", "0909 879 0000").shown());
  CHECK(core::national_service_warning(content, "Samaritans", "Ring them").shown());  // not a number at all
  const auto lifeline = core::national_service_warning(content, "Lifeline", "0808 808 8001");
  CHECK(lifeline.number == checked_number("lifeline-northern-ireland"));
  CHECK(lifeline.text.find("Lifeline in Northern Ireland") != std::string::npos);
  const auto shout = core::national_service_warning(content, "Shout", "07700 900123");
  CHECK(shout.number == checked_number("shout"));
  const auto childline = core::national_service_warning(content, "Childline", "0800 111");
  CHECK(childline.text == "This is not the number for Childline. The number for Childline is 0800 1111.");
  // No number, nothing to check.
  CHECK_FALSE(core::national_service_warning(content, "Samaritans", "").shown());
  CHECK_FALSE(core::national_service_warning(content, "Samaritans", "  ").shown());
}

TEST_CASE("invisible characters and punctuation cannot hide a service's name") {
  for (const char* name : {"Sama\xE2\x80\x8Britans",       // a zero-width space inside
                           "\xE2\x80\xAESamaritans",       // a right-to-left override before
                           "Samaritans\xE2\x80\x8F",       // a right-to-left mark after
                           "Sama\xC2\xADritans",           // a soft hyphen
                           "Samaritans\xC2\xA0helpline",   // a no-break space
                           "Samaritans\xE2\x80\x94 call",  // an em dash
                           "**Samaritans**"}) {
    const std::string written = name;
    CAPTURE(written);
    CHECK(warned_service(name, "07700 900123") == "samaritans");
  }
  CHECK(core::name_words("NHS111 Wales") == std::vector<std::string>{"nhs", "111", "wales"});
  CHECK(core::name_words("Sam's") == std::vector<std::string>{"sam", "s"});
}

TEST_CASE("Samaritans' other lines are not Samaritans' main number") {
  // The Welsh Language Line has its own number: a contact for it must not be told it is wrong.
  CHECK(warned_service("Samaritans Welsh Language Line", "0808 164 0123").empty());
  CHECK(warned_service("Samaritans Cymraeg", "0808 164 0123").empty());
}

TEST_CASE("with no service named, a costly or retired number still gets its reason; a typing slip does not") {
  const auto& content = test::real_content();
  const auto premium = core::contact_warning(content, "Mum", "0909 879 0000");
  CHECK(premium.text == content.str("plans.error.phone_premium"));
  CHECK(premium.service_id.empty());
  const auto old = core::contact_warning(content, "", "+448457909090");  // as an old plan stored it
  CHECK(old.text.find(checked_number("samaritans")) != std::string::npos);
  CHECK_FALSE(core::contact_warning(content, "Mum", "07700 900123").shown());
  CHECK_FALSE(core::contact_warning(content, "Mum", "0770").shown());  // still being typed
  CHECK_FALSE(core::contact_warning(content, "Mum", "").shown());
  // A service's name comes first: the warning gives the right number.
  CHECK(core::contact_warning(content, "Samaritans", "0845 790 9090").service_id == "samaritans");
}

TEST_CASE("every national service has a name, names people write and a number from content") {
  const auto& content = test::real_content();
  REQUIRE(content.national_services.size() >= 8);
  for (const auto& service : content.national_services) {
    CAPTURE(service.id);
    CHECK_FALSE(service.name.empty());
    CHECK_FALSE(service.names.empty());
    const auto numbers = core::service_numbers(content, service);
    REQUIRE_FALSE(numbers.empty());
    for (const auto& number : numbers) CHECK_FALSE(number.empty());
    CHECK(core::parse_uk_phone(core::service_number_shown(content, service)).ok());
    // A crisis line's number is never written a second time here.
    CHECK((service.line_ids.empty() != service.number.empty()));
  }
  // Every national line a person might name is in the table.
  for (const auto& line : content.crisis_lines) {
    CAPTURE(line.id);
    const bool listed =
        std::any_of(content.national_services.begin(), content.national_services.end(), [&](auto& service) {
          return std::find(service.line_ids.begin(), service.line_ids.end(), line.id) != service.line_ids.end();
        });
    CHECK(listed);
  }
}

TEST_CASE("numbers.json and service_names.json: each problem names the file and the field") {
  auto files = test::content_files();
  auto numbers = nlohmann::json::parse(files.at("common/numbers.json"));
  numbers["services"][0]["lines"] = {"no-such-line"};
  numbers["services"][1]["colour"] = "red";
  numbers["services"][7]["number"] = "0909 879 0000";
  numbers["refused"][0]["message"] = "plans.error.no_such";
  files["common/numbers.json"] = numbers.dump();
  auto names = nlohmann::json::parse(files.at("en-GB/service_names.json"));
  names["services"][0]["id"] = "no-such-service";
  names["services"][2]["nmes"] = {"typo"};
  files["en-GB/service_names.json"] = names.dump();
  files["common/mystery.json"] = "{}";
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  INFO(test::problems_text(loaded));
  const auto has = [&](const std::string& file, const std::string& field) {
    return test::has_problem_in(loaded, file, field);
  };
  CHECK(has("common/numbers.json", "services[0].lines[0]"));
  CHECK(has("common/numbers.json", "services[1].colour"));
  CHECK(has("common/numbers.json", "services[7].number"));
  CHECK(has("common/numbers.json", "refused[0].message"));
  CHECK(has("service_names.json", "services[0].id"));
  CHECK(has("service_names.json", "services[2].nmes"));
  CHECK(has("service_names.json", "services"));  // emergency now has no names
  CHECK(has("common/mystery.json", ""));
}
