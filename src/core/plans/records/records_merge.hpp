#pragma once
// Two tabs (or windows) changed the plans at once: the core merges the other tab's save into
// this tab's records, so that nothing either person wrote is lost.
//
//   - A field changed in one tab only takes that change; a field changed in both keeps this
//     tab's (the later write).
//   - Lists merge item by item.  This tab's items keep their places (a box being typed into
//     never moves under the person's fingers); the other tab's changes to items this tab left
//     alone are taken, items it removed are removed, and items it added come after this tab's.
//     Two tabs that each add a warning sign at once both keep both signs, apart.
//   - A person contact (or any item with parts) changed in both merges part by part.
#include "core/plans/records/records.hpp"

namespace cpa::core {

// How this tab's own order weighs: while the person is typing here (or has anything unsaved),
// this tab's items stay where they are; otherwise the other tab's order is taken.
enum class MergeOrder { theirs, keep_mine };

// base: the records as this tab last knew the store to hold them; mine: this tab's records now;
// theirs: the other tab's save.
Records merge_records(const Records& base, const Records& mine, const Records& theirs,
                      MergeOrder order = MergeOrder::keep_mine);

}  // namespace cpa::core
