#include "samla/models/rules.h"

#include <algorithm>

namespace samla {
namespace {

// Messages are English gettext msgids; {n} are positional arguments. Every refusal is a whole
// sentence written as the literal first argument of refuse(): scripts/update-po.sh extracts them
// from there (xgettext --keyword=refuse:1), and translators need sentences, not pieces.
Rejection refuse(std::string_view format, std::vector<RejectionArg> args = {}) {
  return Rejection{format, std::move(args)};
}

bool is_system(const Event& e) { return e.actor == kSystemActor; }

bool is_blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// The context every check needs: the state, the event, who acted and how to name things.
struct Check {
  const Conversation& c;
  const Event& e;
  const Directory& dir;
  const User* actor;

  [[nodiscard]] std::string name(const std::string& id) const { return dir.display_name(id); }
  [[nodiscard]] std::string owner() const { return name(c.owner_department); }

  // Members of the owning department act on it; an admin may too.
  [[nodiscard]] bool owner_side() const {
    return actor->is_member_of(c.owner_department) || actor->is_admin();
  }
  [[nodiscard]] bool receiving_side() const {
    return actor->is_member_of(c.handover->to_department);
  }
  // Why there is no handover to answer: how the last one ended, if there was one.
  [[nodiscard]] std::optional<Rejection> handover_settled() const {
    if (!c.last_handover) return std::nullopt;
    const auto& last = *c.last_handover;
    switch (last.kind) {
      case HandoverOutcome::Kind::Accepted:
        return refuse("the handover was already accepted by {0} at {1}", {name(last.by), last.at});
      case HandoverOutcome::Kind::Declined:
        return refuse("the handover was already declined by {0} at {1}", {name(last.by), last.at});
      case HandoverOutcome::Kind::Withdrawn:
        return refuse("the handover was withdrawn by {0} at {1}", {name(last.by), last.at});
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<Rejection> operator()(const MessageReceived& p) const {
    const auto& ids = c.message_ids;
    if (std::find(ids.begin(), ids.end(), p.message.external_id) != ids.end()) {
      return refuse("this message is already in the conversation");
    }
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const AutoReplySent& /*unused*/) const {
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const Assigned& p) const {
    if (!c.is_open()) return refuse("the conversation is closed; reopen it before you assign it");
    if (p.expected_assignee != c.assignee) {
      if (c.assignee) {
        return refuse("{0} assigned the conversation to {1} at {2} in the meantime",
                      {name(c.assigned_by), name(*c.assignee), c.assigned_at});
      }
      return refuse("{0} unassigned the conversation at {1} in the meantime",
                    {name(c.assigned_by), c.assigned_at});
    }
    if (c.assignee && *c.assignee == p.assignee) {
      return refuse("the conversation is already assigned to {0}", {name(p.assignee)});
    }
    const bool lead = actor->is_lead_of(c.owner_department) || actor->is_admin();
    if (p.assignee == e.actor) {  // a claim
      if (!actor->is_member_of(c.owner_department) && !actor->is_admin()) {
        return refuse("only members of {0} can claim this conversation", {owner()});
      }
      if (c.assignee && !lead) {
        return refuse("the conversation is assigned to {0}; ask a lead of {1} to reassign it",
                      {name(*c.assignee), owner()});
      }
      return std::nullopt;
    }
    if (!lead) return refuse("only a lead of {0} can assign this conversation", {owner()});
    const User* assignee = dir.user(p.assignee);
    if (assignee == nullptr) return refuse("{0} is not a known user", {p.assignee});
    if (!assignee->is_member_of(c.owner_department)) {
      return refuse("{0} is not a member of {1}", {name(p.assignee), owner()});
    }
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const Unassigned& /*unused*/) const {
    if (!c.assignee) return refuse("the conversation is not assigned to anyone");
    if (*c.assignee == e.actor || actor->is_lead_of(c.owner_department) || actor->is_admin()) {
      return std::nullopt;
    }
    return refuse("only {0} or a lead of {1} can unassign this conversation",
                  {name(*c.assignee), owner()});
  }
  [[nodiscard]] std::optional<Rejection> operator()(const ReplyQueued& p) const {
    if (!c.is_open()) return refuse("the conversation is closed; reopen it before you reply");
    if (!owner_side()) {
      return refuse("only members of {0} can reply to this conversation", {owner()});
    }
    if (is_blank(p.text)) return refuse("the reply is empty");
    if (c.reply(p.reply_id) != nullptr) return refuse("this reply is already queued");
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const ReplySent& p) const {
    const Reply* r = c.reply(p.reply_id);
    if (r == nullptr) return refuse("there is no such reply to send");
    if (r->state == Reply::State::Sent) return refuse("this reply was already sent");
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const ReplyFailed& p) const {
    const Reply* r = c.reply(p.reply_id);
    if (r == nullptr) return refuse("there is no such reply to send");
    if (r->state == Reply::State::Sent) return refuse("this reply was already sent");
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const PreliminaryReplySent& p) const {
    if (!c.is_open()) {
      return refuse("the conversation is closed; reopen it before you send a preliminary reply");
    }
    if (!owner_side()) {
      return refuse("only members of {0} can reply to this conversation", {owner()});
    }
    if (!c.awaiting_since) return refuse("no message is waiting for an answer");
    if (p.promised <= e.at) return refuse("the promised date must be in the future");
    if (is_blank(p.text)) return refuse("the reply is empty");
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const NoteAdded& p) const {
    if (is_blank(p.text)) return refuse("the note is empty");
    const bool receiving = c.handover && actor->is_member_of(c.handover->to_department);
    if (receiving || owner_side()) return std::nullopt;
    return refuse("only members of {0} can add notes to this conversation", {owner()});
  }
  [[nodiscard]] std::optional<Rejection> operator()(const HandoverRequested& p) const {
    if (!c.is_open()) {
      return refuse("the conversation is closed; reopen it before you hand it over");
    }
    if (!owner_side()) {
      return refuse("only members of {0} can hand over this conversation", {owner()});
    }
    if (c.handover) {
      return refuse("a handover to {0} is already waiting to be accepted",
                    {name(c.handover->to_department)});
    }
    if (dir.department(p.to_department) == nullptr) {
      return refuse("{0} is not a known department", {p.to_department});
    }
    if (p.to_department == c.owner_department) {
      return refuse("the conversation already belongs to {0}", {owner()});
    }
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const HandoverAccepted& /*unused*/) const {
    if (!c.handover) return handover_settled().value_or(refuse("there is no handover to accept"));
    if (receiving_side()) return std::nullopt;
    return refuse("only members of {0} can accept this handover",
                  {name(c.handover->to_department)});
  }
  [[nodiscard]] std::optional<Rejection> operator()(const HandoverDeclined& p) const {
    if (!c.handover) return handover_settled().value_or(refuse("there is no handover to decline"));
    if (!receiving_side()) {
      return refuse("only members of {0} can decline this handover",
                    {name(c.handover->to_department)});
    }
    if (is_blank(p.reason)) return refuse("give a reason for declining the handover");
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const HandoverWithdrawn& /*unused*/) const {
    if (!c.handover) {
      return handover_settled().value_or(refuse("there is no handover to withdraw"));
    }
    if (owner_side()) return std::nullopt;
    return refuse("only members of {0} can withdraw the handover of this conversation", {owner()});
  }
  [[nodiscard]] std::optional<Rejection> operator()(const Closed& /*unused*/) const {
    if (!c.is_open()) return refuse("the conversation is already closed");
    if (!owner_side()) return refuse("only members of {0} can close this conversation", {owner()});
    if (c.handover) {
      return refuse("a handover to {0} is waiting; withdraw it before closing",
                    {name(c.handover->to_department)});
    }
    return std::nullopt;
  }
  [[nodiscard]] std::optional<Rejection> operator()(const Reopened& /*unused*/) const {
    if (c.is_open()) return refuse("the conversation is already open");
    if (owner_side()) return std::nullopt;
    return refuse("only members of {0} can reopen this conversation", {owner()});
  }
  [[nodiscard]] std::optional<Rejection> operator()(const TemplateSaved& /*unused*/) const {
    return refuse("template changes do not belong in a conversation");
  }
  [[nodiscard]] std::optional<Rejection> operator()(const TemplateRetired& /*unused*/) const {
    return refuse("template changes do not belong in a conversation");
  }
};

// Events only channels and the sending agent make; people make the rest.
bool system_only(const EventPayload& p) {
  return std::holds_alternative<MessageReceived>(p) || std::holds_alternative<AutoReplySent>(p) ||
         std::holds_alternative<ReplySent>(p) || std::holds_alternative<ReplyFailed>(p);
}

}  // namespace

std::optional<Rejection> check(const Conversation& before, const Event& event,
                               const Directory& directory) {
  const bool creates = std::holds_alternative<MessageReceived>(event.payload);
  if (!before.exists() && !creates) return refuse("there is no such conversation");
  if (system_only(event.payload)) {
    if (!is_system(event)) {
      return refuse("{0} events come from the channel, not from a person",
                    {std::string(event.type_name())});
    }
    return std::visit(Check{before, event, directory, nullptr}, event.payload);
  }
  if (is_system(event)) {
    return refuse("{0} must be done by a person", {std::string(event.type_name())});
  }
  const User* actor = directory.user(event.actor);
  if (actor == nullptr) return refuse("{0} is not a known user", {event.actor});
  return std::visit(Check{before, event, directory, actor}, event.payload);
}

}  // namespace samla
