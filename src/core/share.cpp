#include "core/share.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/html.hpp"
#include "core/overloaded.hpp"
#include "core/plan_reviews.hpp"
#include "core/plan_view.hpp"
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

Effects seal(State& state) {
  auto& share = state.share;
  if (share.sealing) return {};
  const SharedPlan plan = plan_to_share(state);
  if (shared_plan_view(*state.content, plan).empty()) return {};
  share.sealing = true;
  share.link.clear();
  share.qr.reset();
  share.link_error.clear();
  share.copy_message.clear();
  share.locked = !share.passphrase.empty();
  share.sealing_flags = (share.compression ? kShareCompressed : 0u) | (share.locked ? kShareLocked : 0u);
  Effects out{SealShare{share_payload(plan.records, chosen_parts(state), plan.shared_on), share.compression,
                        share.passphrase, share_aad(share.sealing_flags), kShareKdfIterations}};
  for (auto& e : update(state, Navigate{Route{Screen::share, "link"}})) out.push_back(std::move(e));
  return out;
}

Effects sealed(State& state, const ShareSealed& action) {
  auto& share = state.share;
  if (!share.sealing) return {};
  share.sealing = false;
  const ShareLink check = parse_share_link("#share=" + share_fragment_body(share.sealing_flags, action.data_b64));
  if (!action.ok || check.problem != LinkProblem::none) {
    share.link_error = state.content->str("share.link.failed");
    return announce(*state.content, "share.link.failed");
  }
  share.link = share_link(share.base_url, share.sealing_flags, action.data_b64);
  share.qr = make_qr(share.link);
  share.passphrase.clear();  // used once; never kept
  return announce(*state.content, "share.link.ready");
}

void show_received(State& state, const std::optional<SharedPlan>& plan) {
  auto& share = state.share;
  share.received = plan;
  share.incoming = plan ? IncomingStatus::ready : IncomingStatus::damaged;
  share.incoming_passphrase.clear();
}

Effects ask_to_open(State& state) {
  auto& share = state.share;
  const auto& link = share.incoming_link;
  if (!link.compressed() && !link.locked()) {
    const auto bytes = base64url_decode(link.data_b64);
    show_received(state, bytes ? read_share_payload(*bytes) : std::nullopt);
    return {};
  }
  share.incoming = IncomingStatus::opening;
  return {OpenShare{link.data_b64, link.compressed(), link.locked(), share.incoming_passphrase, share_aad(link.flags),
                    kShareKdfIterations}};
}

Effects opened(State& state, const ShareOpened& action) {
  auto& share = state.share;
  if (share.incoming != IncomingStatus::opening) return {};
  const auto plan = action.ok ? read_share_payload(action.payload) : std::nullopt;
  if (!plan && share.incoming_link.locked() && !action.ok) {
    // AES-GCM cannot tell a wrong passphrase from changed data; the checksum already said the
    // link arrived as it was made, so the passphrase is the likely cause.
    share.incoming = IncomingStatus::wrong_passphrase;
    share.incoming_passphrase.clear();
    return announce(*state.content, "share.open.wrong_passphrase");
  }
  show_received(state, plan);
  return announce(*state.content, plan ? "share.open.ready" : "share.open.damaged");
}

Effects device_ready(State& state, const ShareDeviceReady& action) {
  auto& share = state.share;
  share.base_url = action.base_url;
  share.web_share = action.web_share;
  share.compression = action.compression;
  share.kept = action.kept_document.empty() ? std::nullopt : read_kept_copy(action.kept_document);
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
  const auto view = shared_plan_view(*state.content, plan_to_share(state));
  if (view.empty()) return {};
  return {PrintDocument{state.content->str("share.card.title"), share_card_html(*state.content, view)}};
}

Effects save_file(const State& state) {
  const auto plan = plan_to_share(state);
  const auto view = shared_plan_view(*state.content, plan);
  if (view.empty()) return {};
  return {DownloadFile{state.content->format("share.file.name", {{"date", plan.shared_on}}), "text/html",
                       share_card_document(*state.content, view)},
          Announce{state.content->str("share.file.announce")}};
}

}  // namespace

Effects open_share_link(State& state, std::string_view fragment) {
  auto& share = state.share;
  share.received.reset();
  share.incoming_passphrase.clear();
  share.incoming_link = parse_share_link(fragment);
  switch (share.incoming_link.problem) {
    case LinkProblem::damaged: share.incoming = IncomingStatus::damaged; return {};
    case LinkProblem::newer_version: share.incoming = IncomingStatus::newer_version; return {};
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
            share.kept_message = content.str("share.keep.saving");
            return Effects{KeepSharedCopy{kept_copy_document(*share.received)}};
          },
          [&](const ShareDeleteCopy&) {
            share.kept.reset();
            share.kept_message = content.str("share.keep.deleted");
            return Effects{DeleteSharedCopy{}, Announce{share.kept_message}};
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
            share.copy_message = content.str(a.ok ? "share.copy.done" : "share.copy.failed");
            return Effects{Announce{share.copy_message}};
          },
          [&](const ShareCopyKept& a) {
            share.kept_message = content.str(a.ok ? "share.keep.done" : "share.keep.failed");
            if (!a.ok) share.kept.reset();
            return Effects{Announce{share.kept_message}};
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
  const std::string payload = share_payload(state.plans.records, chosen_parts(state), state.plans.today);
  // Through the codec and back: the preview is exactly what the carer will get.
  auto plan = read_share_payload(payload);
  return plan ? *plan : SharedPlan{};
}

SharedPlanView shared_plan_view(const Content& content, const SharedPlan& plan) {
  SharedPlanView view;
  view.title = content.str("share.view.title");
  if (!plan.shared_on.empty())
    view.shared_on = content.format("share.view.shared_on", {{"date", long_date(content, plan.shared_on)}});
  view.check_nudge = content.str("share.view.check_nudge");
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
  view.local_lines = local_crisis_lines(content);
  if (!view.local_lines.empty()) view.local_heading = content.str("help_now.local_heading");
  return view;
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
}  // namespace

std::string share_card_html(const Content& content, const SharedPlanView& view) {
  std::string out = "<div class=\"crisis-card\">\n<h1>" + escape_html(view.title) + "</h1>\n";
  out += "<p>" + escape_html(view.shared_on) + ". " + escape_html(view.check_nudge) + "</p>\n";
  for (const auto& section : view.sections) {
    out += "<h2>" + escape_html(section.heading) + "</h2>\n";
    for (const auto& group : section.groups) {
      if (!group.label.empty()) out += "<h3>" + escape_html(group.label) + "</h3>\n";
      out += "<ul>\n";
      add_contacts_html(group.contacts, out);
      for (const auto& item : group.items) out += "<li>" + escape_html(item) + "</li>\n";
      out += "</ul>\n";
    }
  }
  if (!view.local_lines.empty()) {
    out += "<h2>" + escape_html(view.local_heading) + "</h2>\n<ul>\n";
    for (const auto* line : view.local_lines)
      out += "<li><strong>" + escape_html(line->name) + "</strong> <a href=\"" + escape_html(line->href()) + "\">" +
             escape_html(line->number) + "</a> " + escape_html(line->hours) + "</li>\n";
    out += "</ul>\n";
  }
  out += "<p>" + escape_html(content.str("share.card.emergency")) + "</p>\n</div>\n";
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
  const std::string payload = share_payload(plan.records, all, plan.shared_on);
  return nlohmann::json{{"kind", "cpa-shared-plan"}, {"version", 1}, {"payload", payload}, {"crc32", crc32(payload)}}
      .dump();
}

std::optional<SharedPlan> read_kept_copy(std::string_view document) {
  const auto doc = nlohmann::json::parse(document.begin(), document.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("kind", "") != "cpa-shared-plan" ||
      doc.value("version", 0) != 1)
    return std::nullopt;
  const auto payload = doc.find("payload"), check = doc.find("crc32");
  if (payload == doc.end() || !payload->is_string() || check == doc.end() || !check->is_number_unsigned())
    return std::nullopt;
  const auto& text = payload->get_ref<const std::string&>();
  if (check->get<std::uint32_t>() != crc32(text)) return std::nullopt;
  return read_share_payload(text);
}

}  // namespace cpa::core
