#include "core/support/input_limits.hpp"

#include <algorithm>

#include "core/plans/records/records_store.hpp"
#include "core/share/share_codec.hpp"

namespace cpa::core {

std::size_t max_store_record_bytes() {
  // The plans' document is under kMaxImportBytes even pretty-printed with every character
  // escaped (records.cpp).  The envelope carries it as a JSON string, which escapes it again (at
  // most doubling it); a locked record carries that envelope encrypted, in base64url (4 bytes for
  // every 3).  A carer's kept copy is a share payload carried as a JSON string the same way, and
  // the fallback record is smaller than the document it is made from.
  const std::size_t envelope = 2 * kMaxImportBytes + 1024;
  const std::size_t locked = 4 * ((envelope + 2) / 3) + 1024;
  const std::size_t kept = 2 * max_share_payload_bytes() + 1024;
  return std::max(locked, kept);
}

std::size_t max_input_bytes() {
  return std::max({kMaxImportBytes, max_store_record_bytes(), max_share_link_chars() + 64});
}

}  // namespace cpa::core
