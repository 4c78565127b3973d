#include "samla/models/fold.h"

#include <algorithm>

#include "samla/models/rules.h"

namespace samla {
namespace {

// The effect of each accepted event on the state. Only called after the rules said yes.
struct Effect {
  Conversation& c;
  const Event& e;

  void operator()(const MessageReceived& p) const {
    const auto& m = p.message;
    if (!c.exists()) {
      c.id = e.conversation_id;
      c.channel = m.channel;
      c.owner_department = m.department;
      c.citizen = m.from;
      c.subject = m.subject;
      c.first_received = m.received_at;
    }
    if (c.language.empty()) c.language = m.language;
    c.message_ids.push_back(m.external_id);
    // A new message from the citizen reopens a closed conversation.
    c.status = ConversationStatus::Open;
    if (!c.awaiting_since) {
      c.awaiting_since = m.received_at;
      c.promised.reset();
    }
  }
  void operator()(const AutoReplySent& /*unused*/) const {}
  void operator()(const Assigned& p) const {
    c.assignee = p.assignee;
    c.assigned_by = e.actor;
    c.assigned_at = e.at;
  }
  void operator()(const Unassigned& /*unused*/) const {
    c.assignee.reset();
    c.assigned_by = e.actor;
    c.assigned_at = e.at;
  }
  void operator()(const ReplyQueued& p) const {
    c.replies.push_back(Reply{Reply::State::Queued, p.reply_id, p.text, {}});
  }
  void operator()(const ReplySent& p) const {
    find(p.reply_id).state = Reply::State::Sent;
    // The citizen has an answer: nothing waits until they write again.
    c.awaiting_since.reset();
    c.promised.reset();
  }
  void operator()(const ReplyFailed& p) const {
    auto& r = find(p.reply_id);
    r.state = Reply::State::Failed;
    r.failure = p.reason;
  }
  void operator()(const PreliminaryReplySent& p) const { c.promised = p.promised; }
  void operator()(const NoteAdded& /*unused*/) const {}
  void operator()(const HandoverRequested& p) const {
    c.handover = PendingHandover{c.owner_department, p.to_department, e.actor, e.at, p.note};
  }
  void operator()(const HandoverAccepted& /*unused*/) const {
    c.last_handover = HandoverOutcome{
        HandoverOutcome::Kind::Accepted, c.handover->to_department, e.actor, e.at, {}};
    c.owner_department = c.handover->to_department;
    // The receiving department decides who works on it; the deadline clock keeps running.
    c.assignee.reset();
    c.handover.reset();
  }
  void operator()(const HandoverDeclined& p) const {
    c.last_handover = HandoverOutcome{HandoverOutcome::Kind::Declined, c.handover->to_department,
                                      e.actor, e.at, p.reason};
    c.handover.reset();
  }
  void operator()(const HandoverWithdrawn& /*unused*/) const {
    c.last_handover = HandoverOutcome{
        HandoverOutcome::Kind::Withdrawn, c.handover->to_department, e.actor, e.at, {}};
    c.handover.reset();
  }
  void operator()(const Closed& /*unused*/) const {
    c.status = ConversationStatus::Closed;
    c.awaiting_since.reset();
    c.promised.reset();
  }
  void operator()(const Reopened& /*unused*/) const { c.status = ConversationStatus::Open; }
  // Never accepted in a conversation (the rules refuse them); here for completeness.
  void operator()(const TemplateSaved& /*unused*/) const {}
  void operator()(const TemplateRetired& /*unused*/) const {}

  [[nodiscard]] Reply& find(const std::string& reply_id) const {
    return *std::find_if(c.replies.begin(), c.replies.end(),
                         [&](const Reply& r) { return r.reply_id == reply_id; });
  }
};

}  // namespace

bool apply(Conversation& conversation, const Event& event, const Directory& directory) {
  auto rejection = check(conversation, event, directory);
  if (!rejection) {
    std::visit(Effect{conversation, event}, event.payload);
    conversation.last_activity = std::max(conversation.last_activity, event.at);
  }
  const bool accepted = !rejection;
  conversation.timeline.push_back(TimelineEntry{event, std::move(rejection)});
  return accepted;
}

Conversation fold(const std::vector<Event>& events, const Directory& directory) {
  Conversation state;
  for (const auto& event : events) apply(state, event, directory);
  return state;
}

std::vector<Event> in_hub_order(std::vector<Event> events) {
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (a.hub_sequence && b.hub_sequence) return *a.hub_sequence < *b.hub_sequence;
    return a.hub_sequence.has_value() && !b.hub_sequence.has_value();
  });
  return events;
}

}  // namespace samla
