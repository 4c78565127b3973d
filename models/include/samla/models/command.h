#pragma once
// What a person asks Samla to do to a conversation. `decide` turns a command into events or a
// readable refusal, using the same rules as the fold.
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "samla/models/conversation.h"
#include "samla/models/directory.h"

namespace samla {

struct Claim {};
struct Assign {
  std::string assignee;
};
struct Unassign {};
struct AddNote {
  std::string text;
};
struct Close {};
struct Reopen {};
struct RequestHandover {
  std::string to_department;
  std::string note;
};
struct AcceptHandover {};
struct DeclineHandover {
  std::string reason;
};
struct WithdrawHandover {};
struct QueueReply {
  std::string subject;
  std::string text;
  // Another channel than the conversation's own (e.g. Sms), and whom it goes to there (e.g. a
  // phone number); none: the conversation's channel and citizen.
  std::optional<Channel> channel{};
  std::optional<Party> to{};
};
struct SendPreliminaryReply {
  Instant promised{};
  std::string text;
};

using Command =
    std::variant<Claim, Assign, Unassign, AddNote, Close, Reopen, RequestHandover, AcceptHandover,
                 DeclineHandover, WithdrawHandover, QueueReply, SendPreliminaryReply>;

/// Who acts, when, and where new event ids come from (UUIDs are made where the event happens).
struct CommandContext {
  std::string actor;
  Instant now{};
  std::function<std::string()> new_id;
};

/// The outcome of a command: the events to append, or why not.
struct Decision {
  std::vector<Event> events;
  std::optional<Rejection> rejection;
  [[nodiscard]] bool accepted() const { return !rejection.has_value(); }
};

[[nodiscard]] Decision decide(const Conversation& state, const Command& command,
                              const CommandContext& context, const Directory& directory);

}  // namespace samla
