#include "core/plans/records/records_merge.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/plans/records/records_store.hpp"

namespace cpa::core {
namespace {

using nlohmann::json;

// One value: the side that changed it wins; both changed keeps mine, part by part for an item
// with parts (a contact's name from one tab, their phone from the other).
json merge_value(const json& base, const json& mine, const json& theirs) {
  if (mine == base) return theirs;
  if (theirs == base || mine == theirs) return mine;
  if (!mine.is_object() || !theirs.is_object()) return mine;
  json out = mine;
  for (auto it = theirs.begin(); it != theirs.end(); ++it) {
    const json blank = "";
    const json& was = base.is_object() && base.contains(it.key()) ? base[it.key()] : blank;
    const json& now = mine.contains(it.key()) ? mine[it.key()] : blank;
    out[it.key()] = merge_value(was, now, it.value());
  }
  return out;
}

// What became of each item of the base list in another version of it.
struct ItemFate {
  enum class Kind { kept, changed, removed } kind = Kind::removed;
  std::size_t at = 0;  // its index in the other version (kept, changed)
};
struct ListChanges {
  std::vector<ItemFate> fates;     // one per base item
  std::vector<std::size_t> added;  // indices of the other version's new items
};

// Longest common run of equal items; between two matched items, the unmatched ones pair up in
// order as changes, and what is left over was removed (base) or added (other).  An item removed
// in one place and added, equal, in another was moved: it counts as kept.
ListChanges list_changes(const json& base, const json& other) {
  const std::size_t n = base.size(), m = other.size();
  std::vector<std::vector<std::size_t>> run(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      run[i][j] = base[i] == other[j] ? run[i + 1][j + 1] + 1 : std::max(run[i + 1][j], run[i][j + 1]);
  ListChanges out;
  out.fates.resize(n);
  std::vector<std::size_t> loose_base, loose_other;
  const auto pair_loose = [&] {
    const std::size_t pairs = std::min(loose_base.size(), loose_other.size());
    for (std::size_t k = 0; k < pairs; ++k) out.fates[loose_base[k]] = {ItemFate::Kind::changed, loose_other[k]};
    for (std::size_t k = pairs; k < loose_other.size(); ++k) out.added.push_back(loose_other[k]);
    loose_base.clear();
    loose_other.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && base[i] == other[j]) {
      pair_loose();
      out.fates[i++] = {ItemFate::Kind::kept, j++};
    } else if (j < m && (i == n || run[i][j + 1] >= run[i + 1][j])) {
      loose_other.push_back(j++);
    } else {
      loose_base.push_back(i++);
    }
  }
  pair_loose();
  // Moves: a removed item equal to an added one.
  for (std::size_t b = 0; b < n; ++b) {
    if (out.fates[b].kind != ItemFate::Kind::removed) continue;
    const auto moved =
        std::find_if(out.added.begin(), out.added.end(), [&](std::size_t a) { return other[a] == base[b]; });
    if (moved == out.added.end()) continue;
    out.fates[b] = {ItemFate::Kind::kept, *moved};
    out.added.erase(moved);
  }
  return out;
}

json merge_list(const json& base, const json& mine, const json& theirs, MergeOrder order) {
  if (order == MergeOrder::theirs && mine == base) return theirs;
  if (theirs == base || mine == theirs) return mine;
  const ListChanges in_mine = list_changes(base, mine), in_theirs = list_changes(base, theirs);
  json out = mine;
  std::vector<bool> drop(mine.size(), false);
  for (std::size_t k = 0; k < base.size(); ++k) {
    const ItemFate& here = in_mine.fates[k];
    const ItemFate& there = in_theirs.fates[k];
    if (here.kind == ItemFate::Kind::removed || there.kind == ItemFate::Kind::kept) continue;
    if (there.kind == ItemFate::Kind::removed) {
      if (here.kind == ItemFate::Kind::kept) drop[here.at] = true;  // changed here: this tab's words stay
      continue;
    }
    out[here.at] = merge_value(base[k], mine[here.at], theirs[there.at]);
  }
  // Their new items, after this tab's, except one this tab added too (the same words).
  std::vector<std::size_t> mine_added = in_mine.added;
  for (const std::size_t a : in_theirs.added) {
    const auto same =
        std::find_if(mine_added.begin(), mine_added.end(), [&](std::size_t b) { return mine[b] == theirs[a]; });
    if (same != mine_added.end()) {
      mine_added.erase(same);
      continue;
    }
    out.push_back(theirs[a]);
  }
  for (std::size_t k = drop.size(); k-- > 0;)
    if (drop[k]) out.erase(k);
  return out;
}

}  // namespace

Records merge_records(const Records& base, const Records& mine, const Records& theirs, MergeOrder order) {
  const json base_json = records_to_json(base), mine_json = records_to_json(mine);
  json merged = records_to_json(theirs);
  for (const auto& section : plan_sections())
    for (const auto& field : section.fields) {
      std::string path = "/";
      for (const char c : field.id) path += c == '.' ? '/' : c;
      const json::json_pointer at(path);
      merged[at] = is_list(field.kind) ? merge_list(base_json[at], mine_json[at], merged[at], order)
                                       : merge_value(base_json[at], mine_json[at], merged[at]);
    }
  return records_from_json(merged);
}

}  // namespace cpa::core
