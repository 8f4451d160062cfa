#pragma once
// Every limit on what comes into the app from outside its code, in one place, each checked
// before the work it would cost (issue 25).  What comes in, and its limit:
//   - a share link: at most max_share_link_chars() after "#share=", and at most
//     max_share_payload_bytes() once inflated (core/share/share_codec.hpp);
//   - an import file: at most kMaxImportBytes (core/plans/records/records_store.hpp); it is not compressed;
//   - a store record (the plans' "current", "previous" or "damaged" copy, plain or locked; the
//     fallback record for the plain page; a carer's kept copy): at most max_store_record_bytes(),
//     none of them compressed.
// Each limit is worked out from the largest plan the app lets a person write, with room to spare
// (tests/unit/test_input_limits.cpp holds the largest plan's own sizes to them).
//
// The platform hands the core no string longer than max_input_bytes() + 1 (web/lib_heap.js cuts
// any longer one there before copying it into the core's memory): the extra byte is enough for
// the core to say the input is too large, by the rule that applies to it, with its own message.
#include <cstddef>

namespace cpa::core {

// The largest record the store may hold, locked or not.  A stored record is never compressed, so
// this is its limit both before and after any decompression.
std::size_t max_store_record_bytes();

// The largest of every limit above.
std::size_t max_input_bytes();

}  // namespace cpa::core
