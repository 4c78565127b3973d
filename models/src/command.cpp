#include "samla/models/command.h"

#include "samla/models/fold.h"
#include "samla/models/rules.h"

namespace samla {
namespace {

// Builds the one event a command stands for; the rules judge it afterwards.
struct ToPayload {
  const Conversation& state;
  const CommandContext& context;

  EventPayload operator()(const Claim& /*unused*/) const {
    return Assigned{context.actor, state.assignee};
  }
  EventPayload operator()(const Assign& c) const { return Assigned{c.assignee, state.assignee}; }
  EventPayload operator()(const Unassign& /*unused*/) const { return Unassigned{}; }
  EventPayload operator()(const AddNote& c) const { return NoteAdded{c.text}; }
  EventPayload operator()(const Close& /*unused*/) const { return Closed{}; }
  EventPayload operator()(const Reopen& /*unused*/) const { return Reopened{}; }
  EventPayload operator()(const RequestHandover& c) const {
    return HandoverRequested{c.to_department, c.note};
  }
  EventPayload operator()(const AcceptHandover& /*unused*/) const { return HandoverAccepted{}; }
  EventPayload operator()(const DeclineHandover& c) const { return HandoverDeclined{c.reason}; }
  EventPayload operator()(const WithdrawHandover& /*unused*/) const { return HandoverWithdrawn{}; }
  EventPayload operator()(const QueueReply& c) const {
    auto subject = c.subject;
    if (subject.empty()) subject = "Re: " + state.subject;
    if (c.channel == Channel::Sms) subject.clear();  // an SMS has no subject
    return ReplyQueued{
        context.new_id(), {c.to.value_or(state.citizen)}, subject, c.text, c.channel};
  }
  EventPayload operator()(const SendPreliminaryReply& c) const {
    return PreliminaryReplySent{c.promised, c.text};
  }
};

// The department the actor acts for: the receiving one when answering a handover, otherwise
// the owner's.
std::string acting_department(const Conversation& state, const Command& command) {
  const bool answers_handover = std::holds_alternative<AcceptHandover>(command) ||
                                std::holds_alternative<DeclineHandover>(command);
  if (answers_handover && state.handover) return state.handover->to_department;
  return state.owner_department;
}

}  // namespace

Decision decide(const Conversation& state, const Command& command, const CommandContext& context,
                const Directory& directory) {
  Event event{context.new_id(), state.id,
              context.actor,    acting_department(state, command),
              context.now,      std::visit(ToPayload{state, context}, command),
              std::nullopt};
  if (auto rejection = check(state, event, directory)) return Decision{{}, std::move(rejection)};
  return Decision{{std::move(event)}, std::nullopt};
}

}  // namespace samla
