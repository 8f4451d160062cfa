#include "core/share/share.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/support/html.hpp"
#include "core/support/input_limits.hpp"
#include "core/support/json_safe.hpp"
#include "core/support/overloaded.hpp"
#include "core/plans/plan_reviews.hpp"
#include "core/plans/plan_view.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/state.hpp"

namespace cpa::core {
namespace {

std::string section_title(const Content& content, std::string_view id) {
  const auto it = content.plans.sections.find(std::string(id));
  return it == content.plans.sections.end() ? std::string(id) : it->second.title;
}

std::string field_label(const Content& content, std::string_view id) {
  const auto it = content.plans.fields.find(std::string(id));
  return it == content.plans.fields.end() ? std::string(id) : it->second.label;
}

SharedGroup shared_group(const Content& content, const Records& records, const FieldSpec& field) {
  SharedGroup group;
  if (field.kind == FieldKind::contact_list) {
    for (const auto& c : contact_list(records, field.id))
      if (!c.name.empty() || !c.phone.empty()) group.contacts.push_back(personal_contact(content, c));
  } else if (field.kind == FieldKind::text_list) {
    for (const auto& item : text_list(records, field.id))
      if (!item.empty()) group.items.push_back(item);
  } else if (!is_list(field.kind)) {
    const std::string& value = field_text(records, field.id);
    if (value.empty()) return group;
    if (field.kind == FieldKind::phone && !value_href(field.kind, value).empty()) {
      group.contacts.push_back(personal_contact(content, Contact{{}, {}, value, {}}));
    } else {
      group.items.push_back(display_value(field.kind, value));
    }
  }
  return group;
}

Effects announce(const Content& content, std::string_view key) { return {Announce{content.str(key)}}; }

std::size_t utf8_characters(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Effects seal(State& state) {
  auto& share = state.share;
  if (share.sealing) return {};
  if (!share.passphrase.empty() && utf8_characters(share.passphrase) < kMinSharePassphraseChars) {
    share.passphrase_error = Message::counted("share.passphrase_too_short", static_cast<long>(kMinSharePassphraseChars),
                                              {{"count", std::to_string(kMinSharePassphraseChars)}});
    return {Announce{render(*state.content, share.passphrase_error)}};
  }
  share.passphrase_error.clear();
  const SharedPlan plan = plan_to_share(state);
  if (shared_plan_view(state, plan).empty()) return {};
  share.sealing = true;
  share.link.clear();
  share.qr.reset();
  share.link_error.clear();
  share.copy_message.clear();
  share.locked = !share.passphrase.empty();
  share.sealing_flags = (share.compression ? kShareCompressed : 0u) | (share.locked ? kShareLocked : 0u);
  Effects out{SealShare{
      share_payload(plan.records, chosen_parts(state), plan.shared_on, plan.nation, plan.shared_by, plan.language),
      share.compression, share.passphrase, share_aad(share.sealing_flags), kShareKdfIterations}};
  for (auto& e : update(state, Navigate{Route{Screen::share, "link"}})) out.push_back(std::move(e));
  return out;
}

// A link's data, unlocked when it was locked (data_b64: base64url of those bytes), as the plan it
// holds: decoded, inflated when compressed and read, within the limits, exactly as a carer's page
// does it.
struct OpenedPlan {
  LinkProblem problem = LinkProblem::damaged;
  std::optional<SharedPlan> plan;
};
OpenedPlan open_data(std::string_view data_b64, bool compressed) {
  const auto bytes = base64url_decode(data_b64);
  if (!bytes) return {};
  auto unpacked = unpack_share_data(*bytes, compressed);
  if (unpacked.problem != LinkProblem::none) return {unpacked.problem, std::nullopt};
  auto plan = read_share_payload(unpacked.payload);
  return {plan ? LinkProblem::none : LinkProblem::damaged, std::move(plan)};
}

// The link the person made, checked the way the carer's page will open it before they are told
// it is ready: the plan that comes out must be exactly the plan they previewed.
Effects link_checked(State& state, bool ok) {
  auto& share = state.share;
  share.verifying = false;
  share.passphrase.clear();  // used to make and check the link; never kept
  if (!ok) {
    share.link.clear();
    share.qr.reset();
    share.link_error = Message{"share.link.failed"};
    return announce(*state.content, "share.link.failed");
  }
  share.qr = make_qr(share.link);
  return announce(*state.content, "share.link.ready");
}

Effects sealed(State& state, const ShareSealed& action) {
  auto& share = state.share;
  if (!share.sealing) return {};
  share.sealing = false;
  share.link = share_link(share.base_url, share.sealing_flags, action.data_b64);
  const ShareLink parsed = parse_share_link(share.link);
  if (!action.ok || parsed.problem != LinkProblem::none) return link_checked(state, false);
  if (parsed.locked()) {
    // Only the browser can unlock it (WebCrypto): the same request a carer's page makes.
    share.verifying = true;
    return {OpenShare{parsed.data_b64, share.passphrase, share_aad(parsed.flags), kShareKdfIterations}};
  }
  const auto opened = open_data(parsed.data_b64, parsed.compressed());
  return link_checked(state, opened.plan && *opened.plan == plan_to_share(state));
}

void show_received(State& state, const OpenedPlan& opened) {
  auto& share = state.share;
  share.received = opened.plan;
  if (opened.plan) link_language(state, opened.plan->language);  // the sharer's language, until one is chosen
  share.incoming = opened.plan                                ? IncomingStatus::ready
                   : opened.problem == LinkProblem::too_large ? IncomingStatus::too_large
                                                              : IncomingStatus::damaged;
  share.incoming_passphrase.clear();
}

Effects announce_received(const State& state) {
  switch (state.share.incoming) {
    case IncomingStatus::ready: return announce(*state.content, "share.open.ready");
    case IncomingStatus::too_large: return announce(*state.content, "share.open.too_large_title");
    default: return announce(*state.content, "share.open.damaged_title");
  }
}

Effects ask_to_open(State& state) {
  auto& share = state.share;
  const auto& link = share.incoming_link;
  if (!link.locked()) {
    show_received(state, open_data(link.data_b64, link.compressed()));
    return {};
  }
  share.incoming = IncomingStatus::opening;
  return {OpenShare{link.data_b64, share.incoming_passphrase, share_aad(link.flags), kShareKdfIterations}};
}

Effects opened(State& state, const ShareOpened& action) {
  auto& share = state.share;
  if (share.verifying) {
    const auto check =
        action.ok ? open_data(action.data_b64, (share.sealing_flags & kShareCompressed) != 0) : OpenedPlan{};
    return link_checked(state, check.plan && *check.plan == plan_to_share(state));
  }
  if (share.incoming != IncomingStatus::opening) return {};
  if (!action.ok) {
    // AES-GCM cannot tell a wrong passphrase from changed data; the checksum already said the
    // link arrived as it was made, so the passphrase is the likely cause.
    share.incoming = IncomingStatus::wrong_passphrase;
    share.incoming_passphrase.clear();
    return announce(*state.content, "share.open.wrong_passphrase");
  }
  show_received(state, open_data(action.data_b64, share.incoming_link.compressed()));
  return announce_received(state);
}

Effects device_ready(State& state, const ShareDeviceReady& action) {
  auto& share = state.share;
  share.base_url = action.base_url;
  share.web_share = action.web_share;
  share.compression = action.compression;
  // A kiosk keeps nothing, and whatever this browser once kept is not a visitor's.
  const bool keep = !action.kept_document.empty() && !state.kiosk.active;
  share.kept = keep ? read_kept_copy(action.kept_document) : std::nullopt;
  return {};
}

Effects toggle(State& state, const ShareTogglePart& action) {
  auto& share = state.share;
  auto chosen = chosen_parts(state);
  const auto it = std::find(chosen.begin(), chosen.end(), action.section_id);
  if (it != chosen.end()) {
    chosen.erase(it);
  } else {
    chosen.push_back(action.section_id);
  }
  share.chosen.clear();
  for (const auto* part : share_parts())  // keep schema order
    if (std::find(chosen.begin(), chosen.end(), part->id) != chosen.end()) share.chosen.emplace_back(part->id);
  share.chosen_set = true;
  share.link.clear();
  share.qr.reset();
  return {};
}

Effects print_card(const State& state) {
  const auto view = shared_plan_view(state, plan_to_share(state));
  if (view.empty()) return {};
  return {PrintDocument{state.content->str("share.card.title"), share_card_html(*state.content, view)}};
}

Effects save_file(const State& state) {
  const auto plan = plan_to_share(state);
  const auto view = shared_plan_view(state, plan);
  if (view.empty()) return {};
  return {DownloadFile{state.content->format("share.file.name", {{"date", plan.shared_on}}), "text/html",
                       share_card_document(*state.content, view)},
          Announce{state.content->str("share.file.announce")}};
}

}  // namespace

std::string share_too_large_text(const Content& content) {
  return content.format("share.open.too_large",
                        {{"link", size_text(max_share_link_chars())}, {"plan", size_text(max_share_payload_bytes())}});
}

void clear_shared_plan(State& state) {
  ShareState fresh;
  fresh.base_url = state.share.base_url;
  fresh.web_share = state.share.web_share;
  fresh.compression = state.share.compression;
  state.share = std::move(fresh);
}

Effects open_share_link(State& state, std::string_view fragment) {
  auto& share = state.share;
  share.received.reset();
  share.incoming_passphrase.clear();
  share.incoming_link = parse_share_link(fragment);
  switch (share.incoming_link.problem) {
    case LinkProblem::damaged: share.incoming = IncomingStatus::damaged; return {};
    case LinkProblem::newer_version: share.incoming = IncomingStatus::newer_version; return {};
    case LinkProblem::too_large: share.incoming = IncomingStatus::too_large; return {};
    case LinkProblem::none: break;
  }
  if (share.incoming_link.locked()) {
    share.incoming = IncomingStatus::needs_passphrase;
    return {};
  }
  return ask_to_open(state);
}

Effects update_share(State& state, const ShareAction& action) {
  auto& share = state.share;
  const Content& content = *state.content;
  return std::visit(
      Overloaded{
          [&](const ShareTogglePart& a) { return toggle(state, a); },
          [&](const ShareSetPassphrase& a) {
            share.passphrase = a.passphrase;
            if (share.passphrase.empty() || utf8_characters(share.passphrase) >= kMinSharePassphraseChars)
              share.passphrase_error.clear();
            return Effects{};
          },
          [&](const ShareSetName& a) {
            share.shared_by = a.name;
            share.link.clear();
            share.qr.reset();
            return Effects{};
          },
          [&](const ShareConfirm&) { return seal(state); },
          [&](const SharePrintCard&) { return print_card(state); },
          [&](const ShareSaveFile&) { return save_file(state); },
          [&](const ShareCopyLink&) { return share.link.empty() ? Effects{} : Effects{CopyText{share.link}}; },
          [&](const ShareSystemShare&) {
            if (share.link.empty()) return Effects{};
            return Effects{
                SystemShare{content.str("share.system.title"), content.str("share.system.text"), share.link}};
          },
          [&](const ShareSetIncomingPassphrase& a) {
            share.incoming_passphrase = a.passphrase;
            return Effects{};
          },
          [&](const ShareUnlock&) {
            const bool waiting = share.incoming == IncomingStatus::needs_passphrase ||
                                 share.incoming == IncomingStatus::wrong_passphrase;
            if (!waiting || share.incoming_passphrase.empty()) return Effects{};
            return ask_to_open(state);
          },
          [&](const ShareKeepCopy&) {
            if (!share.received) return Effects{};
            share.kept = share.received;
            share.kept_message = Message{"share.keep.saving"};
            return Effects{KeepSharedCopy{kept_copy_document(*share.received)}};
          },
          [&](const ShareDeleteCopy&) {
            share.kept.reset();
            share.kept_message = Message{"share.keep.deleted"};
            return Effects{DeleteSharedCopy{}, Announce{render(content, share.kept_message)}};
          },
          [&](const ShareOpenKept&) {
            share.incoming = IncomingStatus::none;
            share.received.reset();
            share.kept_message.clear();
            return update(state, Navigate{Route{Screen::shared, {}}});
          },
          [&](const ShareDeviceReady& a) { return device_ready(state, a); },
          [&](const ShareSealed& a) { return sealed(state, a); },
          [&](const ShareOpened& a) { return opened(state, a); },
          [&](const ShareCopied& a) {
            share.copy_message = Message{a.ok ? "share.copy.done" : "share.copy.failed"};
            return Effects{Announce{render(content, share.copy_message)}};
          },
          [&](const ShareCopyKept& a) {
            share.kept_message = Message{a.ok ? "share.keep.done" : "share.keep.failed"};
            if (!a.ok) share.kept.reset();
            return Effects{Announce{render(content, share.kept_message)}};
          },
      },
      action);
}

std::vector<std::string> chosen_parts(const State& state) {
  if (state.share.chosen_set) return state.share.chosen;
  std::vector<std::string> out;
  for (const auto* part : share_parts())
    if (things_written(state.plans.records, *part) > 0) out.emplace_back(part->id);
  return out;
}

std::vector<PartChoice> share_choices(const Content& content, const State& state) {
  const auto chosen = chosen_parts(state);
  std::vector<PartChoice> out;
  for (const auto* part : share_parts()) {
    PartChoice choice;
    choice.section_id = part->id;
    choice.label = section_title(content, part->id);
    choice.has_content = things_written(state.plans.records, *part) > 0;
    choice.detail = section_summary(content, state.plans.records, *part);
    choice.chosen = choice.has_content && std::find(chosen.begin(), chosen.end(), part->id) != chosen.end();
    out.push_back(std::move(choice));
  }
  return out;
}

SharedPlan plan_to_share(const State& state) {
  const std::string payload =
      share_payload(state.plans.records, chosen_parts(state), state.plans.today,
                    help_now_nation(*state.content, state.eligibility), state.share.shared_by, state.content->locale);
  // Through the codec and back: the preview is exactly what the carer will get.
  auto plan = read_share_payload(payload);
  return plan ? *plan : SharedPlan{};
}

namespace {

void add_own_heading(const Content& content, const SharedPlan& plan, SharedPlanView& view) {
  if (plan.shared_by.empty()) {
    view.own_heading = content.str("share.view.own_heading");
    view.own_intro = content.str("share.view.own_intro");
  } else {
    view.own_heading = content.format("share.view.own_heading_named", {{"name", plan.shared_by}});
    view.own_intro = content.format("share.view.own_intro_named", {{"name", plan.shared_by}});
  }
}

void add_checked_lines(const Content& content, const SharedPlan& plan, bool kiosk, SharedPlanView& view) {
  view.lines_heading = content.str("share.view.lines_heading");
  view.lines_intro = content.str("share.view.lines_intro");
  // The nation only orders the app's own lines; an unknown one is as if none was given.
  for (const auto& group : help_now_line_groups(content, plan.nation))
    view.national_lines.push_back({group.heading, crisis_line_views(content, group.lines, kiosk)});
  view.local_lines = crisis_line_views(content, local_crisis_lines(content), kiosk);
  if (!view.local_lines.empty()) view.local_heading = content.str("help_now.local_heading");
  // The nation only chooses which routes show; an unknown one shows them all.
  view.access = access_panel_view(content, plan.nation, kiosk);
}

}  // namespace

SharedPlanView shared_plan_view(const Content& content, const SharedPlan& plan, std::string_view today, bool kiosk) {
  SharedPlanView view;
  view.title = content.str("share.view.title");
  if (!plan.shared_on.empty()) {
    const std::string date = long_date(content, plan.shared_on);
    if (!today.empty() && plan.shared_on > today) {
      view.date_warning = content.format("share.view.date_wrong", {{"date", date}});
    } else {
      view.shared_on = content.format("share.view.shared_on", {{"date", date}});
    }
  }
  view.check_nudge = content.str("share.view.check_nudge");
  add_checked_lines(content, plan, kiosk, view);
  add_own_heading(content, plan, view);
  for (const auto* part : share_parts()) {
    SharedSectionView section{section_title(content, part->id), {}};
    for (const auto& field : part->fields) {
      SharedGroup group = shared_group(content, plan.records, field);
      if (group.contacts.empty() && group.items.empty()) continue;
      if (part->fields.size() > 1) group.label = field_label(content, field.id);
      section.groups.push_back(std::move(group));
    }
    if (!section.groups.empty()) view.sections.push_back(std::move(section));
  }
  return view;
}

SharedPlanView shared_plan_view(const State& state, const SharedPlan& plan) {
  return shared_plan_view(*state.content, plan, state.plans.today, state.kiosk.active);
}

namespace {
void add_contacts_html(const std::vector<PersonalContact>& contacts, std::string& out) {
  for (const auto& c : contacts) {
    out += "<li>";
    if (!c.name.empty()) out += "<strong>" + escape_html(c.name) + "</strong>";
    if (!c.relationship.empty()) out += " (" + escape_html(c.relationship) + ")";
    if (!c.href.empty()) out += " <a href=\"" + escape_html(c.href) + "\">" + escape_html(c.number) + "</a>";
    else if (!c.number.empty()) out += " " + escape_html(c.number);  // not a number the app calls: text only
    if (!c.when.empty()) out += "<br>" + escape_html(c.when);
    if (c.warning.shown()) out += "<br><strong>" + escape_html(c.warning.text) + "</strong>";
    out += "</li>\n";
  }
}

void add_checked_lines_html(const SharedPlanView& view, std::string& out) {
  out += "<h2>" + escape_html(view.lines_heading) + "</h2>\n<p>" + escape_html(view.lines_intro) + "</p>\n";
  for (const auto& group : view.national_lines) {
    if (!group.heading.empty()) out += "<h3>" + escape_html(group.heading) + "</h3>\n";
    out += "<ul>\n" + crisis_lines_html(group.lines) + "</ul>\n";
  }
  if (!view.local_lines.empty())
    out += "<h3>" + escape_html(view.local_heading) + "</h3>\n<ul>\n" + crisis_lines_html(view.local_lines) + "</ul>\n";
  if (!view.access.routes.empty()) out += access_panel_html(view.access, 2);
}
}  // namespace

std::string share_card_html(const Content& content, const SharedPlanView& view) {
  std::string out =
      "<div class=\"crisis-card\">\n" + example_notice_html(content) + "<h1>" + escape_html(view.title) + "</h1>\n";
  if (!view.date_warning.empty()) out += "<p><strong>" + escape_html(view.date_warning) + "</strong></p>\n";
  out += "<p>" + (view.shared_on.empty() ? std::string() : escape_html(view.shared_on) + ". ") +
         escape_html(view.check_nudge) + "</p>\n";
  add_checked_lines_html(view, out);
  out += "<h2>" + escape_html(view.own_heading) + "</h2>\n<p>" + escape_html(view.own_intro) + "</p>\n";
  for (const auto& section : view.sections) {
    out += "<h3>" + escape_html(section.heading) + "</h3>\n";
    for (const auto& group : section.groups) {
      if (!group.label.empty()) out += "<h4>" + escape_html(group.label) + "</h4>\n";
      out += "<ul>\n";
      add_contacts_html(group.contacts, out);
      for (const auto& item : group.items) out += "<li>" + escape_html(item) + "</li>\n";
      out += "</ul>\n";
    }
  }
  out += "</div>\n";
  return out;
}

std::string share_card_document(const Content& content, const SharedPlanView& view) {
  return "<!doctype html>\n<html lang=\"" + escape_html(content.locale) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape_html(content.str("share.card.title")) +
         "</title>\n<style>body{font-family:Arial,sans-serif;font-size:19px;line-height:1.5;max-width:36em;"
         "margin:0 auto;padding:1em;color:#212B32}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.2em}"
         "h3{font-size:1.05em}a{color:#005EB8}.crisis-card{border:3px solid #005EB8;padding:0 1em}</style>\n"
         "</head>\n<body>\n" +
         share_card_html(content, view) + "</body>\n</html>\n";
}

std::string kept_copy_document(const SharedPlan& plan) {
  std::vector<std::string> all;
  for (const auto* part : share_parts()) all.emplace_back(part->id);
  const std::string payload =
      share_payload(plan.records, all, plan.shared_on, plan.nation, plan.shared_by, plan.language);
  return nlohmann::json{{"kind", "cpa-shared-plan"}, {"version", 1}, {"payload", payload}, {"crc32", crc32(payload)}}
      .dump();
}

std::optional<SharedPlan> read_kept_copy(std::string_view document) {
  if (document.size() > max_store_record_bytes()) return std::nullopt;  // a store record: before any work
  const SafeJson parsed = parse_untrusted(document);
  const auto& doc = parsed.value;
  if (!parsed.ok() || !doc.is_object()) return std::nullopt;
  // Compared as JSON values, never read as a type they may not have (that would throw).
  const auto kind = doc.find("kind"), version = doc.find("version");
  if (kind == doc.end() || *kind != "cpa-shared-plan" || version == doc.end() || *version != 1) return std::nullopt;
  const auto payload = doc.find("payload"), check = doc.find("crc32");
  if (payload == doc.end() || !payload->is_string() || check == doc.end() || !check->is_number_unsigned())
    return std::nullopt;
  const auto& text = payload->get_ref<const std::string&>();
  if (check->get<std::uint32_t>() != crc32(text)) return std::nullopt;
  return read_share_payload(text);
}

}  // namespace cpa::core
