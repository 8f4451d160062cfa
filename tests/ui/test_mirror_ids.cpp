// The accessibility mirror keeps one DOM element per node id, and the focus on it, for as long
// as the id lasts: so a widget's id must not change when the text size, the screen's size (a
// phone's keyboard, turning the phone) or its own label changes.
#include <map>
#include <string>
#include <tuple>

#include "harness.hpp"

using namespace cpa;
using ui::Role;

namespace {

// Each node by what a person meets it as: its role, its name, and which of the nodes with that
// role and name it is (the same words twice on a screen).
using MirrorKey = std::tuple<Role, std::string, int>;

std::map<MirrorKey, std::uint32_t> ids_by_key(const ui::SemanticTree& tree) {
  std::map<MirrorKey, std::uint32_t> out;
  std::map<std::pair<Role, std::string>, int> seen;
  for (const auto& node : tree.nodes) out[{node.role, node.name, seen[{node.role, node.name}]++}] = node.id;
  return out;
}

}  // namespace

TEST_CASE("every node keeps its id when the text size and the screen's size change") {
  for (const char* path : {"", "#/help-now", "#/about", "#/learn", "#/care-plan", "#/crisis-plan",
                           "#/plan-section/care_plan.coordinator", "#/your-data", "#/lock", "#/display", "#/share"}) {
    CAPTURE(path);
    test::Harness phone(path, 390, 844);
    test::Harness turned(path, 844, 390);  // the phone turned round, and the text at its largest
    turned.app.dispatch(core::SetTextSize{200});
    turned.settle();
    const auto before = ids_by_key(phone.tree());
    const auto after = ids_by_key(turned.tree());
    int matched = 0;
    for (const auto& entry : before) {
      const auto found = after.find(entry.first);
      if (found == after.end()) continue;  // drawn at one size only (the app's name in the top bar)
      const std::string& name = std::get<1>(entry.first);
      CAPTURE(name);
      CHECK(found->second == entry.second);
      ++matched;
    }
    CHECK(matched >= static_cast<int>(before.size()) - 1);
  }
}

TEST_CASE("the passphrase button keeps its id when its label changes from Set passphrase to Save changes") {
  test::Harness h("#/lock");
  const ui::Node* set = h.find(Role::button, str(h, "plans.lock.set_button"));
  REQUIRE(set != nullptr);
  const std::uint32_t id = set->id;
  h.type(Role::text_input, str(h, "plans.lock.new_label"), "three small words");
  h.type(Role::text_input, str(h, "plans.lock.repeat_label"), "three small words");
  h.leave_field();
  h.tap(Role::button, str(h, "plans.lock.set_button"));
  REQUIRE(h.platform.lock_changes.size() == 1);
  h.app.dispatch(core::LockChanged{true, true, ""});  // the platform's answer: the lock is on
  h.settle();
  CHECK(h.find(Role::button, str(h, "plans.lock.set_button")) == nullptr);
  const ui::Node* change = h.find(Role::button, str(h, "plans.lock.change_button"));
  REQUIRE(change != nullptr);
  CHECK(change->id == id);
}
