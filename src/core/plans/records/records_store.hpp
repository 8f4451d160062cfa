#pragma once
// The records on disk and in files: one versioned JSON document, sealed in a checksummed
// envelope for the browser's store, exported as-is for the person to keep.
//
// The document (what an export file holds, pretty-printed):
//   { "format": "cpa-companion-records", "schema_version": 1, "saved_at": "2026-11-23T10:15:00Z",
//     "records": { "care_plan": {...}, "crisis_plan": {...} } }
// Inside "records" every key is a field id's path (records.hpp); every field is written, blank
// ones as "" or [].
//
// The store envelope (what SaveRecords hands the platform to write):
//   { "envelope": "cpa-companion-store", "envelope_version": 1, "length": <payload bytes>,
//     "fnv1a64": "<16 hex digits of the payload>", "payload": "<the document text>" }
// A half-written or bit-flipped record fails to parse, or its length or checksum disagree: it is
// reported as damaged, never read as if it were fine.  (FNV-1a finds accidents, not attackers;
// the optional passphrase lock is what protects against tampering.)
//
// Unknown fields: refused, never dropped.  A document with a field this version does not know
// is reported (path and all) and not loaded, so saving can never silently delete something
// that a newer or different app wrote.  Newer schema versions are refused the same way.
//
// Two levels of strictness:
//  - the store (the app's own saves) checks the structure but keeps values as typed, so a phone
//    number half-typed when the page closed comes back exactly as it was;
//  - an import also checks every value (phones, emails, dates, lengths, list sizes), because
//    it replaces everything the person has.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/plans/records/records.hpp"

namespace cpa::core {

inline constexpr std::string_view kRecordsFormat = "cpa-companion-records";
inline constexpr int kSchemaVersion = 1;  // this release's; older versions are migrated up
inline constexpr std::string_view kEnvelopeName = "cpa-companion-store";
inline constexpr int kEnvelopeVersion = 1;
inline constexpr std::size_t kMaxImportBytes = std::size_t{1024} * 1024;

// ---- the document ----
nlohmann::json records_to_json(const Records& records);
// The reverse, keeping whatever it can read (merging two tabs' records: core/plans/records/records_merge.hpp).
Records records_from_json(const nlohmann::json& records);
// saved_at: an ISO 8601 UTC time from the platform's clock ("" if not known).
nlohmann::json make_document(const Records& records, std::string_view saved_at);
std::string document_text(const Records& records, std::string_view saved_at, bool pretty);

// ---- migrations ----
// One step takes a document of version N to N+1 (and sets "schema_version" to N+1).
using MigrationStep = std::function<nlohmann::json(nlohmann::json)>;
// steps[i] migrates version i+1 to i+2.  Adding schema version 2 is one function appended to
// the real chain in records_store.cpp.
const std::vector<MigrationStep>& migration_chain();
// Runs the steps from `from_version` up to the chain's end.  from_version must be 1..current.
nlohmann::json migrate(nlohmann::json document, int from_version, const std::vector<MigrationStep>& steps);
nlohmann::json migrate(nlohmann::json document, int from_version);

// ---- reading a document or a store record ----
enum class DecodeStatus {
  ok,             // records are good (possibly migrated from an older version)
  empty,          // nothing there: a first start, or a file with nothing in it
  corrupt,        // damaged, not JSON, not ours, or a structure this app cannot read
  newer_version,  // made by a newer app: refuse, and never write over it
  invalid,        // (imports only) readable, but some values do not check out
};

struct DecodeResult {
  DecodeStatus status = DecodeStatus::empty;
  Records records;                       // meaningful only when ok
  std::string saved_at;                  // as written in the document
  int schema_version = 0;                // as written (0 when unknown)
  int migrated_from = 0;                 // ok after migrating from this older version (0: not migrated)
  std::vector<RecordsProblem> problems;  // every problem found, for the person to read
  bool ok() const { return status == DecodeStatus::ok; }
};

// One problem in plain words: "My crisis plan, People I respond to best, number 3, Phone: Enter a
// UK phone number, like 07700 900123 or 020 7946 0000."
std::string render_problem(const Content& content, const RecordsProblem& problem);

// How hard a document is checked (see the top of this file).
enum class DocumentCheck { store, import };
// Reads a document's text.  The chain's length decides the current version (chain size + 1), so
// tests can run a future chain; everything else uses the real one.
DecodeResult decode_document(std::string_view text, DocumentCheck check, const std::vector<MigrationStep>& chain);
DecodeResult decode_document(std::string_view text, DocumentCheck check);

// Wraps a document's text in the checksummed envelope.
std::string seal_store_record(std::string_view document);
// The record a SaveRecords effect carries.
std::string store_record(const Records& records, std::string_view saved_at);
// Reads what the store held: "" -> empty; damaged -> corrupt; ok / newer_version otherwise.
DecodeResult open_store_record(std::string_view stored_text);

// ---- export and import ----
// "cpa-companion-2026-11-23.json" (today as YYYY-MM-DD; "cpa-companion.json" if empty).
std::string export_filename(std::string_view today);
// The pretty-printed document.
std::string export_text(const Records& records, std::string_view saved_at);
// Checks a whole file and lists every problem (too big, not JSON, wrong format, newer or
// unknown version, each bad or unknown field with its path, each value that does not check
// out, lists over kMaxListItems).  records is filled only when status is ok.
DecodeResult check_import(std::string_view file_text);

// ---- a checksum, exposed for tests ----
std::uint64_t fnv1a64(std::string_view bytes);
// As the store and fallback records write it: 16 lower-case hex digits.
std::string fnv1a64_hex(std::string_view bytes);
// "1.2 MB": a size in the words of a message.
std::string size_text(std::size_t bytes);

}  // namespace cpa::core
