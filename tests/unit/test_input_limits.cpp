// Limits on what comes in (issue 25): a share link, an import file and every store record have
// a size limit, before and after decompression, checked before the work, with a message that
// names the limit.  Each is tried with crafted input at the limit and one byte over it.
#include <doctest/doctest.h>

#include <string>

#include "core/support/input_limits.hpp"
#include "core/plans/plans.hpp"
#include "plans_app.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/share/share.hpp"
#include "core/share/share_codec.hpp"
#include "core/lock/store_lock.hpp"
#include "real_content.hpp"
#include "records_samples.hpp"
#include "share_samples.hpp"

namespace core = cpa::core;
namespace test = cpa::test;
using core::DecodeStatus;

namespace {

// A record padded with spaces after its JSON to exactly `size` bytes: the same record, read the
// same way, only larger.
std::string padded_to(std::string record, std::size_t size) {
  REQUIRE(record.size() <= size);
  record.append(size - record.size(), ' ');
  return record;
}

std::string first_words(const core::DecodeResult& result) {
  REQUIRE_FALSE(result.problems.empty());
  return core::render(test::real_content(), result.problems.front().message);
}

}  // namespace

TEST_CASE("a store record at its limit is read; one byte over is refused before it is read, naming the limit") {
  const std::string record = core::store_record(test::sample_records(), test::kSavedAt);
  const std::size_t limit = core::max_store_record_bytes();
  const auto at = core::open_store_record(padded_to(record, limit));
  REQUIRE(at.ok());
  CHECK(at.records == test::sample_records());
  const auto over = core::open_store_record(padded_to(record, limit + 1));
  CHECK(over.status == DecodeStatus::corrupt);
  CHECK(over.records.empty());
  CHECK(first_words(over) ==
        "Your saved plans are too big for this app to open (the most it opens is " + core::size_text(limit) + ").");
  CHECK(core::size_text(limit) == "2.7 MB");
}

TEST_CASE("the app opening a store record that is too large says so, keeps it, and offers what it offers for damage") {
  test::App app;
  app.act(core::PlansStoreLoaded{
      padded_to(core::store_record(test::sample_records(), test::kSavedAt), core::max_store_record_bytes() + 1), ""});
  CHECK(app.plans().store == core::StoreStatus::damaged);
  CHECK(test::said(app.plans().store_message)
            .starts_with("Your saved plans are too big for this app to open (the most it opens is 2.7 MB). "));
  CHECK(test::said(app.plans().store_message).find("Nothing has been deleted.") != std::string::npos);
  CHECK(app.plans().damaged_record.size() == core::max_store_record_bytes() + 1);  // kept, to save as a file
}

TEST_CASE("the fallback record, a locked record and a carer's kept copy: read at the limit, refused one byte over") {
  const std::size_t limit = core::max_store_record_bytes();
  core::PlansState plans;
  plans.records = test::sample_records();
  const std::string fallback = core::fallback_record(test::real_content(), plans, false);
  CHECK(core::open_fallback_record(padded_to(fallback, limit)));
  CHECK_FALSE(core::open_fallback_record(padded_to(fallback, limit + 1)));

  const std::string locked =
      core::locked_record_text({core::kLockIterations, std::string(22, 'A'), std::string(16, 'B'), std::string(64, 'C'),
                                core::kDefaultLockAfterMinutes});
  CHECK(core::read_locked_record(padded_to(locked, limit)));
  CHECK(core::is_locked_record(padded_to(locked, limit)));
  CHECK_FALSE(core::read_locked_record(padded_to(locked, limit + 1)));
  CHECK_FALSE(core::is_locked_record(padded_to(locked, limit + 1)));  // then read as a record too large

  const core::SharedPlan shared{test::full_crisis_plan(), "2026-11-20", "wales", "Sam", "cy"};
  const std::string kept = core::kept_copy_document(shared);
  const auto read_at = core::read_kept_copy(padded_to(kept, limit));
  REQUIRE(read_at);
  CHECK(read_at->records.crisis_plan.people == shared.records.crisis_plan.people);
  CHECK_FALSE(core::read_kept_copy(padded_to(kept, limit + 1)));
}

TEST_CASE("the largest plan the app allows fits every store record's limit, locked or not") {
  const std::size_t limit = core::max_store_record_bytes();
  const core::Records largest = test::largest_records();
  const std::string plain = core::store_record(largest, test::kSavedAt);
  // Locked: the plain record encrypted (16 bytes of tag) in base64url, with the lock's fields.
  const std::size_t locked = 4 * ((plain.size() + 16 + 2) / 3) + 400;
  core::PlansState plans;
  plans.records = largest;
  const std::string fallback = core::fallback_record(test::real_content(), plans, false);
  std::vector<std::string> every_part;
  for (const auto* part : core::share_parts()) every_part.emplace_back(part->id);
  const auto shared = core::read_share_payload(core::share_payload(largest, every_part, "2026-11-20", "wales", "Sam"));
  REQUIRE(shared);
  const std::string kept = core::kept_copy_document(*shared);
  MESSAGE("limit " << limit << " bytes; largest plain record " << plain.size() << ", locked about " << locked
                   << ", fallback " << fallback.size() << ", kept copy " << kept.size());
  CHECK(plain.size() < limit);
  CHECK(locked < limit);
  CHECK(fallback.size() < limit);
  CHECK(kept.size() < limit);
  CHECK(core::open_store_record(plain).records == largest);
  CHECK(core::open_fallback_record(fallback));
  CHECK(core::read_kept_copy(kept));
}

TEST_CASE("an import file at its limit is read; one byte over is refused before it is read, naming the limit") {
  const std::string file = core::export_text(test::sample_records(), test::kSavedAt);
  const auto at = core::check_import(padded_to(file, core::kMaxImportBytes));
  REQUIRE(at.ok());
  CHECK(at.records == test::sample_records());
  const auto over = core::check_import(padded_to(file, core::kMaxImportBytes + 1));
  CHECK(over.status == DecodeStatus::corrupt);
  CHECK(first_words(over) ==
        "This file is too big to load. A file saved by CPA Companion is never bigger than 1.0 MB.");
}

TEST_CASE("a share link at its length limit is read; one character over is refused before it is decoded") {
  const std::string at(core::max_share_link_chars(), 'A');
  CHECK(core::parse_share_link("#share=" + at).problem == core::LinkProblem::damaged);  // read: just not a link
  CHECK(core::parse_share_link("#share=" + at + "A").problem == core::LinkProblem::too_large);
  // A real link made at the largest size the app allows opens.
  std::vector<std::string> every_part;
  for (const auto* part : core::share_parts()) every_part.emplace_back(part->id);
  const std::string payload = core::share_payload(test::largest_records(), every_part, "2026-11-20", "wales", "Sam");
  const auto link = core::parse_share_link(core::share_link("https://x.example/", 0, core::base64url_encode(payload)));
  CHECK(link.problem == core::LinkProblem::none);
}

TEST_CASE("a share link's payload at its limit once inflated opens; one byte more is refused while inflating") {
  const std::size_t limit = core::max_share_payload_bytes();
  CHECK(core::unpack_share_data(test::stored_deflate(std::string(limit, ' ')), true).problem ==
        core::LinkProblem::none);
  CHECK(core::unpack_share_data(test::stored_deflate(std::string(limit + 1, ' ')), true).problem ==
        core::LinkProblem::too_large);
  CHECK(core::unpack_share_data(std::string(limit, ' '), false).problem == core::LinkProblem::none);
  CHECK(core::unpack_share_data(std::string(limit + 1, ' '), false).problem == core::LinkProblem::too_large);
  // The message names both limits.
  const std::string says = core::share_too_large_text(test::real_content());
  CHECK(says.find("A link is at most " + core::size_text(core::max_share_link_chars()) + ", and at most " +
                  core::size_text(limit) + " once opened.") != std::string::npos);
}

TEST_CASE("the page never hands the core more than one byte past its largest limit, and that covers every limit") {
  const std::size_t most = core::max_input_bytes();
  CHECK(most >= core::kMaxImportBytes);
  CHECK(most >= core::max_store_record_bytes());
  CHECK(most >= core::max_share_link_chars() + std::string("#share=").size());
  // Cut one byte past it, each input is still over its own limit, and is refused as too large.
  const std::string cut(most + 1, ' ');
  CHECK(core::open_store_record("{" + cut).problems.front().message.key == "plans.store.too_large");
  CHECK(core::check_import("{" + cut).problems.front().message.key == "plans.import.too_large");
  CHECK(core::parse_share_link("#share=" + cut).problem == core::LinkProblem::too_large);
}
