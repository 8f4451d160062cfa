// Share with a carer, headless: choosing parts, the preview, the link and its QR code, and a
// carer opening a link (plain, damaged, locked).  The memory platform records the platform's
// work (sealing, unlocking); each test answers as the browser would.
#include <algorithm>

#include "../unit/share_samples.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/share/share_codec.hpp"
#include "walks.hpp"
#include "../unit/stored_samples.hpp"

using namespace cpa;
using ui::Role;

namespace {

std::string section(const test::Harness& h, std::string_view id) {
  return h.app.state().content->plans.sections.at(std::string(id)).title;
}

bool shows_any_call_link(const test::Harness& h) {
  const auto links = h.tree().all(Role::link);
  return std::any_of(links.begin(), links.end(), [](const ui::Node* n) { return n->href.rfind("tel:", 0) == 0; });
}

}  // namespace

using test::load_plan;
using test::plain_link;

TEST_CASE("Home's Share entry opens a picker with one tick box per share part of the schema") {
  test::Harness h;
  load_plan(h);
  const auto* entry = h.find(Role::button, str(h, "home.share.title"));
  REQUIRE(entry != nullptr);
  CHECK_FALSE(entry->disabled);
  h.tap(Role::button, str(h, "home.share.title"));
  CHECK(h.app.state().route() == core::Route{core::Screen::share, {}});
  const auto boxes = h.tree().all(Role::checkbox);
  REQUIRE(boxes.size() == core::share_parts().size());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    CAPTURE(core::share_parts()[i]->id);
    CHECK(boxes[i]->name == section(h, core::share_parts()[i]->id));
    // Parts with something written start ticked; empty ones cannot be ticked.
    const bool written = core::things_written(test::sample_records(), *core::share_parts()[i]) > 0;
    CHECK(boxes[i]->checked == written);
    CHECK(boxes[i]->disabled == !written);
  }
}

TEST_CASE("the person unticks a part, previews, confirms, and gets a link, a QR code, a card and a file") {
  test::Harness h("#/share");
  load_plan(h);
  const std::string warning = section(h, "crisis_plan.warning_signs");
  h.tap(Role::checkbox, warning);
  CHECK_FALSE(h.find(Role::checkbox, warning)->checked);
  h.tap(Role::button, str(h, "share.preview_button"));
  CHECK(h.find(Role::heading, str(h, "share.view.title")) != nullptr);
  CHECK(h.find(Role::heading, warning) == nullptr);  // unticked: not in the preview
  CHECK(h.find(Role::link, "Call Asha on 07700 900456") != nullptr);
  h.tap(Role::button, str(h, "share.confirm_button"));
  REQUIRE(h.platform.seal_requests.size() == 1);
  const auto request = h.platform.seal_requests.back();
  CHECK(request.passphrase.empty());
  CHECK(request.payload.find("warning_signs") == std::string::npos);
  CHECK(h.find(Role::text, str(h, "share.link.making")) != nullptr);

  h.app.dispatch(core::ShareSealed{true, core::base64url_encode(request.payload)});
  h.settle();
  const std::string link = h.app.state().share.link;
  REQUIRE(link.rfind("#share=1.0.", 0) == 0);
  const auto* qr = h.find(Role::image, h.app.state().content->format("share.qr_name", {{"link", link}}));
  REQUIRE(qr != nullptr);
  CHECK(qr->rect.w >= 200);  // big enough to scan
  h.tap(Role::button, str(h, "share.copy_button"));
  CHECK(h.platform.copied == std::vector<std::string>{link});
  h.tap(Role::button, str(h, "share.print_button"));
  REQUIRE(h.platform.printed.size() == 1);
  CHECK(h.platform.printed[0].html_body.find("Shared on 23 November 2026") != std::string::npos);
  CHECK(h.platform.printed[0].html_body.find("tel:+447700900456") != std::string::npos);
  h.tap(Role::button, str(h, "share.file_button"));
  REQUIRE(h.platform.downloads.size() == 1);
  CHECK(h.platform.downloads[0].filename == "crisis-plan-to-share-2026-11-23.html");
}

TEST_CASE("a carer opens a link: read-only plan, call links, the date, and the link leaves the address bar") {
  test::Harness h(plain_link());
  CHECK(h.app.state().route() == core::Route{core::Screen::shared, {}});
  CHECK(h.find(Role::heading, str(h, "share.view.title")) != nullptr);
  CHECK(h.find(Role::text, "Shared on 20 November 2026") != nullptr);
  const auto* call = h.find(Role::link, "Call Asha on 07700 900456");
  REQUIRE(call != nullptr);
  CHECK(call->href == "tel:+447700900456");
  CHECK(h.find(Role::button, "Help now") != nullptr);
  CHECK(h.tree().all(Role::text_input).empty());  // nothing to edit
  for (const auto& entry : h.platform.history) CHECK(entry.find("#share") == std::string::npos);
  // Keeping a copy: its own store key, never the person's own records.
  h.tap(Role::button, str(h, "share.keep.button"));
  CHECK_FALSE(h.platform.kept_copy.empty());
  CHECK(h.platform.saved_records.empty());
  CHECK(h.app.state().plans.records.empty());
  h.app.dispatch(core::ShareCopyKept{true});
  h.settle();
  CHECK(h.find(Role::text, str(h, "share.keep.done")) != nullptr);
  // Next time the app starts, the kept copy is on Home.
  test::Harness later;
  later.app.dispatch(core::ShareDeviceReady{"", false, false, h.platform.kept_copy});
  later.settle();
  later.tap(Role::button, str(later, "share.home.kept_title"));
  CHECK(later.find(Role::link, "Call Asha on 07700 900456") != nullptr);
  CHECK(later.app.state().plans.records.empty());
}

TEST_CASE("a damaged link says so and shows nothing from it") {
  std::string link = plain_link();
  link[link.size() / 2] = link[link.size() / 2] == 'A' ? 'B' : 'A';
  for (const std::string& bad : {link, plain_link().substr(0, 60), std::string("#share=")}) {
    CAPTURE(bad);
    test::Harness h(bad);
    CHECK(h.find(Role::heading, str(h, "share.open.damaged_title")) != nullptr);
    CHECK_FALSE(shows_any_call_link(h));
    CHECK(h.find(Role::button, str(h, "share.keep.button")) == nullptr);
  }
}

TEST_CASE("a locked link asks for the passphrase; a wrong one says so, the right one opens it") {
  const std::string data = core::base64url_encode(std::string(60, 'x'));  // salt|iv|ciphertext (the platform's)
  test::Harness h(core::share_link("", core::kShareLocked | core::kShareCompressed, data));
  const core::OpenShare* request = nullptr;
  CHECK(h.find(Role::heading, str(h, "share.open.locked_heading")) != nullptr);
  CHECK_FALSE(shows_any_call_link(h));
  h.type(Role::text_input, str(h, "share.passphrase_label"), "wrong horse");
  h.leave_field();
  h.tap(Role::button, str(h, "share.open.unlock_button"));
  REQUIRE(h.platform.open_requests.size() == 1);
  request = &h.platform.open_requests[0];
  CHECK(request->passphrase == "wrong horse");
  CHECK(request->data_b64 == data);
  CHECK(request->iterations >= 600000);
  h.app.dispatch(core::ShareOpened{false, ""});
  h.settle();
  CHECK(h.find(Role::text, str(h, "share.open.wrong_passphrase")) != nullptr);
  CHECK_FALSE(shows_any_call_link(h));
  h.type(Role::text_input, str(h, "share.passphrase_label"), "correct horse");
  h.leave_field();
  h.tap(Role::button, str(h, "share.open.unlock_button"));
  REQUIRE(h.platform.open_requests.size() == 2);
  std::vector<std::string> parts;
  for (const auto* part : core::share_parts()) parts.emplace_back(part->id);
  // The browser unlocks; the bytes are still compressed, and the core inflates them itself.
  const std::string payload = core::share_payload(test::sample_records(), parts, "2026-11-20");
  h.app.dispatch(core::ShareOpened{true, core::base64url_encode(test::stored_deflate(payload))});
  h.settle();
  CHECK(h.find(Role::link, "Call Asha on 07700 900456") != nullptr);
}

TEST_CASE("the person is told their link is ready only once it opens, as the carer's page opens it, to the same plan") {
  auto confirm = [](test::Harness& h, const std::string& passphrase) {
    load_plan(h);
    h.app.dispatch(core::Navigate{core::Route{core::Screen::share, "preview"}});
    h.settle();
    if (!passphrase.empty()) {
      h.type(Role::text_input, str(h, "share.passphrase_label"), passphrase);
      h.leave_field();
    }
    h.tap(Role::button, str(h, "share.confirm_button"));
    REQUIRE(h.platform.seal_requests.size() == 1);
    return h.platform.seal_requests.back();
  };
  SUBCASE("a link whose data is not the plan previewed is never called ready") {
    test::Harness h("#/share");
    confirm(h, "");
    h.app.dispatch(core::ShareSealed{true, core::base64url_encode(R"({"v":1,"d":"2026-11-23","f":{}})")});
    h.settle();
    CHECK(h.find(Role::heading, str(h, "share.link.heading")) == nullptr);
    CHECK(h.find(Role::text, str(h, "share.link.failed")) != nullptr);
    CHECK(h.app.state().share.link.empty());
    CHECK(h.platform.announcements.back() == str(h, "share.link.failed"));
  }
  SUBCASE("a locked link is unlocked again with the passphrase, then called ready") {
    test::Harness h("#/share");
    const auto sealed = confirm(h, "blue kettle seven");
    CHECK(sealed.passphrase == "blue kettle seven");
    const std::string data = core::base64url_encode(std::string(60, 's'));  // what WebCrypto would give
    h.app.dispatch(core::ShareSealed{true, data});
    h.settle();
    CHECK(h.find(Role::text, str(h, "share.link.checking")) != nullptr);
    CHECK(h.find(Role::heading, str(h, "share.link.heading")) == nullptr);
    REQUIRE(h.platform.open_requests.size() == 1);
    CHECK(h.platform.open_requests[0].passphrase == "blue kettle seven");
    CHECK(h.platform.open_requests[0].data_b64 == data);
    h.app.dispatch(core::ShareOpened{true, core::base64url_encode(sealed.payload)});
    h.settle();
    CHECK(h.find(Role::heading, str(h, "share.link.heading")) != nullptr);
    CHECK(h.app.state().share.passphrase.empty());  // used to make and check it, then forgotten
  }
  SUBCASE("a locked link that does not unlock to the same plan is never called ready") {
    test::Harness h("#/share");
    confirm(h, "blue kettle seven");
    h.app.dispatch(core::ShareSealed{true, core::base64url_encode(std::string(60, 's'))});
    h.app.dispatch(core::ShareOpened{false, ""});
    h.settle();
    CHECK(h.find(Role::heading, str(h, "share.link.heading")) == nullptr);
    CHECK(h.find(Role::text, str(h, "share.link.failed")) != nullptr);
  }
}
