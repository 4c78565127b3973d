#pragma once
// The inbox views a caseworker switches between, as plain predicates over a conversation's
// projected summary. The store turns the same definitions into indexed queries.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samla/models/conversation.h"

namespace samla {

enum class InboxView { Mine, Department, Handovers, DueSoon, Overdue, All };

[[nodiscard]] std::string_view to_string(InboxView view);
[[nodiscard]] std::optional<InboxView> view_from_string(std::string_view text);

/// What the inbox list shows of a conversation: its projection row.
struct ConversationSummary {
  std::string id;
  Channel channel = Channel::Email;
  std::string owner_department;
  std::optional<std::string> assignee;
  ConversationStatus status = ConversationStatus::Open;
  Party citizen;
  std::string subject;
  std::string snippet;  // start of the latest inbound message
  Instant received_at{};
  Instant last_activity{};
  std::optional<Instant> deadline;
  std::optional<std::string> handover_to;
  int message_count = 0;
  int rejected_count = 0;
};

/// Whose inbox and when: a user, the departments they belong to, and the due-soon horizon.
struct ViewScope {
  std::string user;
  std::vector<std::string> departments;
  Instant now{};
  Instant due_soon_until{};  // now plus one working day of office time
};

/// Mine: open and assigned to the user. Department: open, unassigned, owned by one of the
/// user's departments. Handovers: a handover waiting for one of the user's departments.
/// DueSoon: open with a deadline in (now, due_soon_until]. Overdue: open, deadline <= now.
/// All: everything. Department, DueSoon and Overdue are limited to the user's departments
/// when `departments` is not empty.
[[nodiscard]] bool in_view(const ConversationSummary& summary, InboxView view,
                           const ViewScope& scope);

}  // namespace samla
