#pragma once
// The state of one citizen inquiry, as the fold derives it from its events. Plain data: every
// field is a consequence of the events, nothing here is edited directly.
#include <optional>
#include <string>
#include <vector>

#include "samla/models/event.h"
#include "samla/models/rejection.h"

namespace samla {

enum class ConversationStatus { Open, Closed };

/// A handover waiting for the receiving department. The sender stays owner until acceptance.
struct PendingHandover {
  std::string from_department;
  std::string to_department;
  std::string requested_by;
  Instant requested_at{};
  std::string note;
};

/// How the last handover ended, so "already accepted by …" and "declined because …" can be told.
struct HandoverOutcome {
  enum class Kind { Accepted, Declined, Withdrawn } kind = Kind::Accepted;
  std::string to_department;
  std::string by;
  Instant at{};
  std::string reason;  // for a decline
};

/// A reply written by a caseworker and its way out through the channel.
struct Reply {
  enum class State { Queued, Sent, Failed } state = State::Queued;
  std::string reply_id;
  std::string text;
  std::string failure;
};

/// One event in the conversation's history; a rejected one stays visible with its reason.
struct TimelineEntry {
  Event event;
  std::optional<Rejection> rejection;
};

struct Conversation {
  std::string id;
  Channel channel = Channel::Email;
  std::string owner_department;
  std::optional<std::string> assignee;
  std::string assigned_by;
  Instant assigned_at{};
  ConversationStatus status = ConversationStatus::Open;
  Party citizen;
  std::string subject;
  std::string language;
  Instant first_received{};
  Instant last_activity{};
  // Receipt of the oldest inbound message not yet answered; the deadline runs from here and a
  // handover does not restart it.
  std::optional<Instant> awaiting_since;
  std::optional<Instant> promised;  // set by a preliminary reply for the current wait
  std::optional<PendingHandover> handover;
  std::optional<HandoverOutcome> last_handover;
  std::vector<Reply> replies;
  std::vector<std::string> message_ids;  // external ids of inbound messages, in order
  std::vector<TimelineEntry> timeline;

  /// True once a first MessageReceived created the conversation.
  [[nodiscard]] bool exists() const { return !message_ids.empty(); }
  [[nodiscard]] bool is_open() const { return status == ConversationStatus::Open; }
  [[nodiscard]] const Reply* reply(std::string_view reply_id) const;
  /// Events the rules refused, in timeline order.
  [[nodiscard]] std::vector<const TimelineEntry*> rejected() const;
};

}  // namespace samla
