#include "core/support/json_safe.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/support/input_limits.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "core/content/content.hpp"

namespace cpa::core {
namespace {

using nlohmann::json;

// ---- the real migration chain ----
// Schema version 1 is the first release's, so there is nothing to migrate yet.  Adding version
// 2: write `json v1_to_v2(json document)` (change what changed, leave the rest) and list it here.
const std::vector<MigrationStep> kMigrationChain = {};

// JSON text that never throws: invalid UTF-8 (which cleaned values never hold) is replaced.
std::string dump(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

json::json_pointer pointer_for(std::string_view field_id) {
  std::string pointer = "/";
  for (char c : field_id) pointer += c == '.' ? '/' : c;
  return json::json_pointer(pointer);
}

RecordsProblem problem_at(std::string path, std::string key) { return {std::move(path), Message{std::move(key), {}}}; }

std::string child_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// The keys each object in "records" may hold, from the schema: "" -> {care_plan, crisis_plan},
// "care_plan" -> {coordinator, team, ...}, "care_plan.coordinator" -> {name, role, ...}.
const std::map<std::string, std::set<std::string>>& object_keys() {
  static const auto keys = [] {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& section : plan_sections()) {
      for (const auto& field : section.fields) {
        std::string parent;
        std::string_view rest = field.id;
        for (auto dot = rest.find('.');; dot = rest.find('.')) {
          const std::string key(rest.substr(0, dot));
          out[parent].insert(key);
          if (dot == std::string_view::npos) break;
          parent = child_path(parent, key);
          rest.remove_prefix(dot + 1);
        }
      }
    }
    return out;
  }();
  return keys;
}

// Reads `records` into typed values, listing every structural problem.
class RecordsReader {
 public:
  explicit RecordsReader(std::vector<RecordsProblem>& problems) : problems_(problems) {}

  Records read(const json& records) {
    Records out;
    check_objects(records, "");
    for (const auto& section : plan_sections())
      for (const auto& field : section.fields) read_field(records, field, out);
    return out;
  }

 private:
  // Unknown keys and wrongly typed groups, everywhere except inside list items (read_item does those).
  void check_objects(const json& object, const std::string& path) {
    const auto& keys = object_keys();
    const auto expected = keys.find(path);
    if (!object.is_object()) {
      problems_.push_back(problem_at(path.empty() ? "records" : path, "plans.import.wrong_type"));
      return;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
      const std::string child = child_path(path, it.key());
      if (expected == keys.end() || !expected->second.contains(it.key())) {
        // Shown to the person: printable and short, whatever the file holds.
        problems_.push_back(problem_at(child_path(path, printable_key(it.key())), "plans.import.unknown_field"));
      } else if (keys.contains(child)) {
        check_objects(it.value(), child);
      }
    }
    if (path.empty())
      for (const auto plan_id : plan_ids())
        if (const std::string plan(plan_id); !object.contains(plan))
          problems_.push_back(problem_at(plan, "plans.import.missing"));
  }

  static const json* find(const json& records, std::string_view field_id) {
    // Walk by hand: json::contains(pointer) throws on a non-object on the way.
    const json* at = &records;
    std::string_view rest = field_id;
    while (true) {
      if (!at->is_object()) return nullptr;
      const auto dot = rest.find('.');
      const std::string key(rest.substr(0, dot));
      const auto it = at->find(key);
      if (it == at->end()) return nullptr;
      at = &*it;
      if (dot == std::string_view::npos) return at;
      rest.remove_prefix(dot + 1);
    }
  }

  void read_field(const json& records, const FieldSpec& field, Records& out) {
    const json* value = find(records, field.id);
    if (!value) return;  // a missing field is blank
    const std::string path(field.id);
    if (!is_list(field.kind)) {
      if (value->is_string()) set_field(out, field.id, value->get<std::string>());
      else problems_.push_back(problem_at(path, "plans.import.should_be_text"));
      return;
    }
    if (!value->is_array()) {
      problems_.push_back(problem_at(path, "plans.import.should_be_list"));
      return;
    }
    for (std::size_t i = 0; i < value->size(); ++i) read_item((*value)[i], field, i, out);
  }

  void read_item(const json& item, const FieldSpec& field, std::size_t index, Records& out) {
    const std::string path = value_path(field.id, index, "");
    if (field.kind == FieldKind::text_list) {
      if (!item.is_string()) {
        problems_.push_back(problem_at(path, "plans.import.should_be_text"));
        return;
      }
      append(out, field.id, [&](std::size_t at) { set_item(out, field.id, at, "", item.get<std::string>()); });
      return;
    }
    if (!item.is_object()) {
      problems_.push_back(problem_at(path, "plans.import.wrong_type"));
      return;
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
      if (!find_item_field(field.kind, it.key()))
        problems_.push_back(problem_at(value_path(field.id, index, it.key()), "plans.import.unknown_field"));
      else if (!it.value().is_string())
        problems_.push_back(problem_at(value_path(field.id, index, it.key()), "plans.import.should_be_text"));
    }
    append(out, field.id, [&](std::size_t at) {
      for (const auto& sub : item_fields(field.kind)) {
        const auto found = item.find(std::string(sub.id));
        if (found != item.end() && found->is_string()) set_item(out, field.id, at, sub.id, found->get<std::string>());
      }
    });
  }

  // Lists are read whole, even past kMaxListItems (validation reports that), so nothing the
  // store holds is dropped on the way in.
  template <class Fill>
  static void append(Records& out, std::string_view list_id, Fill fill) {
    const std::size_t at = list_size(out, list_id);
    if (append_blank_item(out, list_id)) fill(at);
  }

  std::vector<RecordsProblem>& problems_;
};

std::string hex64(std::uint64_t value) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(value));
  return out;
}

DecodeResult failed(DecodeStatus status, std::string key,
                    std::vector<std::pair<std::string, std::string>> values = {}) {
  DecodeResult result;
  result.status = status;
  result.problems.push_back({"", Message{std::move(key), std::move(values)}});
  return result;
}

// The document's own keys, checked before and after migrating.
void check_document_keys(const json& document, std::vector<RecordsProblem>& problems) {
  static const std::set<std::string> known = {"format", "schema_version", "saved_at", "records"};
  for (auto it = document.begin(); it != document.end(); ++it)
    if (!known.contains(it.key())) problems.push_back(problem_at(it.key(), "plans.import.unknown_field"));
  if (document.contains("saved_at") && !document["saved_at"].is_string())
    problems.push_back(problem_at("saved_at", "plans.import.should_be_text"));
  if (!document.contains("records")) problems.push_back(problem_at("records", "plans.import.missing"));
}

void add_value_problems(const Records& records, std::vector<RecordsProblem>& problems) {
  for (auto& problem : validate_records(records))
    if (problem.blocks_import) problems.push_back({problem.path, problem.message});
}

}  // namespace

std::string size_text(std::size_t bytes) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return out;
}

std::string fnv1a64_hex(std::string_view bytes) { return hex64(fnv1a64(bytes)); }

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

json records_to_json(const Records& records) {
  json out = json::object();
  for (const auto& section : plan_sections()) {
    for (const auto& field : section.fields) {
      const auto pointer = pointer_for(field.id);
      if (!is_list(field.kind)) {
        out[pointer] = field_text(records, field.id);
        continue;
      }
      json list = json::array();
      const std::size_t size = list_size(records, field.id);
      for (std::size_t i = 0; i < size; ++i) {
        if (field.kind == FieldKind::text_list) {
          list.push_back(item_text(records, field.id, i, ""));
        } else {
          json item = json::object();
          for (const auto& sub : item_fields(field.kind))
            item[std::string(sub.id)] = item_text(records, field.id, i, sub.id);
          list.push_back(std::move(item));
        }
      }
      out[pointer] = std::move(list);
    }
  }
  return out;
}

json make_document(const Records& records, std::string_view saved_at) {
  return {{"format", kRecordsFormat},
          {"schema_version", kSchemaVersion},
          {"saved_at", saved_at},
          {"records", records_to_json(records)}};
}

std::string document_text(const Records& records, std::string_view saved_at, bool pretty) {
  return dump(make_document(records, saved_at), pretty ? 2 : -1);
}

const std::vector<MigrationStep>& migration_chain() { return kMigrationChain; }

json migrate(json document, int from_version, const std::vector<MigrationStep>& steps) {
  const int current = static_cast<int>(steps.size()) + 1;
  if (from_version < 1 || from_version > current) return document;
  for (int version = from_version; version < current; ++version) {
    document = steps[static_cast<std::size_t>(version - 1)](std::move(document));
    document["schema_version"] = version + 1;
  }
  return document;
}

json migrate(json document, int from_version) { return migrate(std::move(document), from_version, kMigrationChain); }

DecodeResult decode_document(std::string_view text, DocumentCheck check, const std::vector<MigrationStep>& chain) {
  if (is_blank(text)) return failed(DecodeStatus::empty, "plans.import.empty");
  SafeJson parsed = parse_untrusted(text);
  if (parsed.problem == SafeJson::Problem::duplicate_key)
    return failed(DecodeStatus::corrupt, "plans.import.duplicate_key", {{"key", parsed.duplicate_key}});
  if (parsed.problem == SafeJson::Problem::too_deep) return failed(DecodeStatus::corrupt, "plans.import.too_deep");
  if (!parsed.ok()) return failed(DecodeStatus::corrupt, "plans.import.not_json");
  json document = std::move(parsed.value);
  if (!document.is_object() || !document.contains("format") || document["format"] != kRecordsFormat)
    return failed(DecodeStatus::corrupt, "plans.import.wrong_format");
  const int current = static_cast<int>(chain.size()) + 1;
  const auto& version = document.contains("schema_version") ? document["schema_version"] : json();
  if (!version.is_number_integer() || version.get<long long>() < 1)
    return failed(DecodeStatus::corrupt, "plans.import.bad_version");
  if (version.get<long long>() > current) {
    auto result = failed(DecodeStatus::newer_version, "plans.import.newer");
    result.schema_version = version.get<long long>() > 1'000'000 ? 0 : static_cast<int>(version.get<long long>());
    return result;
  }
  DecodeResult result;
  result.schema_version = version.get<int>();
  if (result.schema_version < current) {
    document = migrate(std::move(document), result.schema_version, chain);
    result.migrated_from = result.schema_version;
  }
  check_document_keys(document, result.problems);
  if (document.contains("saved_at") && document["saved_at"].is_string()) result.saved_at = document["saved_at"];
  if (document.contains("records")) result.records = RecordsReader(result.problems).read(document["records"]);
  const bool structure_ok = result.problems.empty();
  if (check == DocumentCheck::import) add_value_problems(result.records, result.problems);
  result.status = !structure_ok             ? DecodeStatus::corrupt
                  : result.problems.empty() ? DecodeStatus::ok
                                            : DecodeStatus::invalid;
  if (!result.ok()) result.records = Records{};
  return result;
}

DecodeResult decode_document(std::string_view text, DocumentCheck check) {
  return decode_document(text, check, kMigrationChain);
}

std::string seal_store_record(std::string_view document) {
  const json envelope = {{"envelope", kEnvelopeName},
                         {"envelope_version", kEnvelopeVersion},
                         {"length", document.size()},
                         {"fnv1a64", hex64(fnv1a64(document))},
                         {"payload", document}};
  return dump(envelope, -1);
}

std::string store_record(const Records& records, std::string_view saved_at) {
  return seal_store_record(document_text(records, saved_at, false));
}

DecodeResult open_store_record(std::string_view stored_text) {
  if (is_blank(stored_text)) return failed(DecodeStatus::empty, "plans.import.empty");
  // Before any work: a record larger than any the app writes is not parsed (it is kept, as a
  // damaged one is, never overwritten).
  if (stored_text.size() > max_store_record_bytes())
    return failed(DecodeStatus::corrupt, "plans.store.too_large", {{"max", size_text(max_store_record_bytes())}});
  const SafeJson parsed = parse_untrusted(stored_text);
  const json& envelope = parsed.value;
  if (!parsed.ok() || !envelope.is_object() || !envelope.contains("envelope") || !envelope["envelope"].is_string() ||
      envelope["envelope"] != kEnvelopeName)
    return failed(DecodeStatus::corrupt, "plans.store.damaged");
  const auto& version = envelope.contains("envelope_version") ? envelope["envelope_version"] : json();
  // Only a whole number counts: 1 is ours, a larger one is a newer app's, anything else is damage.
  if (version.is_number_unsigned() && version.get<std::uint64_t>() > static_cast<std::uint64_t>(kEnvelopeVersion))
    return failed(DecodeStatus::newer_version, "plans.import.newer");
  if (!version.is_number_unsigned() || version.get<std::uint64_t>() != static_cast<std::uint64_t>(kEnvelopeVersion) ||
      !envelope.contains("payload") || !envelope["payload"].is_string() || !envelope.contains("length") ||
      !envelope["length"].is_number_unsigned() || !envelope.contains("fnv1a64") || !envelope["fnv1a64"].is_string())
    return failed(DecodeStatus::corrupt, "plans.store.damaged");
  const auto& payload = envelope["payload"].get_ref<const std::string&>();
  if (envelope["length"].get<std::uint64_t>() != payload.size() ||
      envelope["fnv1a64"].get<std::string>() != hex64(fnv1a64(payload)))
    return failed(DecodeStatus::corrupt, "plans.store.damaged");
  auto result = decode_document(payload, DocumentCheck::store);
  if (result.status == DecodeStatus::empty) return failed(DecodeStatus::corrupt, "plans.store.damaged");
  return result;
}

Records records_from_json(const nlohmann::json& records) {
  std::vector<RecordsProblem> problems;
  return RecordsReader(problems).read(records);
}

std::string export_filename(std::string_view today) {
  if (today.empty()) return "cpa-companion.json";
  return "cpa-companion-" + std::string(today) + ".json";
}

std::string export_text(const Records& records, std::string_view saved_at) {
  return document_text(records, saved_at, true) + "\n";
}

DecodeResult check_import(std::string_view file_text) {
  if (file_text.size() > kMaxImportBytes)
    return failed(DecodeStatus::corrupt, "plans.import.too_large", {{"max", size_text(kMaxImportBytes)}});
  return decode_document(file_text, DocumentCheck::import);
}

std::string render_problem(const Content& content, const RecordsProblem& problem) {
  std::string words = render(content, problem.message);
  if (problem.path.empty()) return words;
  return content.format("plans.import.at", {{"where", describe_path(content, problem.path)}, {"problem", words}});
}

}  // namespace cpa::core
