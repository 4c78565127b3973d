#pragma once
// The immutable events a conversation is made of. Each event is a plain value: JSON mapping
// lives in the store, not here.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "samla/models/message.h"
#include "samla/models/template.h"
#include "samla/models/time.h"

namespace samla {

// Payloads, one per event type. Fields name what the event records, nothing derived.
struct MessageReceived {
  InboundMessage message;
  bool operator==(const MessageReceived&) const = default;
};
struct AutoReplySent {
  std::string in_reply_to;  // external id of the message answered
  std::string text;
  Instant promised_by{};  // the deadline the reply stated
  bool operator==(const AutoReplySent&) const = default;
};
struct Assigned {
  std::string assignee;
  // Who the issuer saw as assignee; a mismatch at fold time means someone else acted first.
  std::optional<std::string> expected_assignee;
  bool operator==(const Assigned&) const = default;
};
struct Unassigned {
  bool operator==(const Unassigned&) const = default;
};
struct ReplyQueued {
  std::string reply_id;
  std::vector<Party> to;
  std::string subject;
  std::string text;
  // The channel that sends it when not the conversation's own (an SMS to the citizen of an
  // email conversation); none: the conversation's channel.
  std::optional<Channel> channel{};
  bool operator==(const ReplyQueued&) const = default;
};
struct ReplySent {
  std::string reply_id;
  std::string external_id;
  bool operator==(const ReplySent&) const = default;
};
struct ReplyFailed {
  std::string reply_id;
  std::string reason;
  bool operator==(const ReplyFailed&) const = default;
};
struct PreliminaryReplySent {
  Instant promised{};  // when the real answer will come; the deadline moves here
  std::string text;
  bool operator==(const PreliminaryReplySent&) const = default;
};
struct NoteAdded {
  std::string text;
  bool operator==(const NoteAdded&) const = default;
};
struct HandoverRequested {
  std::string to_department;
  std::string note;
  bool operator==(const HandoverRequested&) const = default;
};
struct HandoverAccepted {
  bool operator==(const HandoverAccepted&) const = default;
};
struct HandoverDeclined {
  std::string reason;
  bool operator==(const HandoverDeclined&) const = default;
};
struct HandoverWithdrawn {
  bool operator==(const HandoverWithdrawn&) const = default;
};
struct Closed {
  bool operator==(const Closed&) const = default;
};
struct Reopened {
  bool operator==(const Reopened&) const = default;
};
// Template events live in a template's own stream (template.h), never in a conversation.
struct TemplateSaved {
  TemplateKind kind = TemplateKind::ReplySnippet;
  std::optional<Channel> channel;  // only for this channel; none: any channel
  std::string name;
  std::map<std::string, TemplateText> texts;  // by language code: "nn", "nb", "en"
  // The version the author edited (0: a new template, or the one shipped with Samla); a
  // mismatch at fold time means someone else saved first.
  std::int64_t base_version = 0;
  bool operator==(const TemplateSaved&) const = default;
};
struct TemplateRetired {
  std::int64_t base_version = 0;
  bool operator==(const TemplateRetired&) const = default;
};

using EventPayload =
    std::variant<MessageReceived, AutoReplySent, Assigned, Unassigned, ReplyQueued, ReplySent,
                 ReplyFailed, PreliminaryReplySent, NoteAdded, HandoverRequested, HandoverAccepted,
                 HandoverDeclined, HandoverWithdrawn, Closed, Reopened, TemplateSaved,
                 TemplateRetired>;

/// The event's type name as stored and shown in the audit trail ("HandoverRequested").
[[nodiscard]] std::string_view event_type_name(const EventPayload& payload);

/// One change to one conversation, made where it happened and never altered afterwards.
struct Event {
  std::string id;  // UUID, made where the event happened
  std::string conversation_id;
  std::string actor;       // user id, or kSystemActor for channels
  std::string department;  // the department the actor acted for
  Instant at{};
  EventPayload payload;
  std::optional<std::int64_t> hub_sequence;  // set once the team hub has the event

  [[nodiscard]] std::string_view type_name() const { return event_type_name(payload); }
  bool operator==(const Event&) const = default;
};

}  // namespace samla
