// Mapping between rows and domain values; the only place that knows column order.
#include <nlohmann/json.hpp>

#include "samla/sync/event_json.h"
#include "store_impl.h"

namespace samla::store_detail {

std::int64_t to_seconds(Instant at) { return at.time_since_epoch().count(); }

Instant from_seconds(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }

std::string_view status_text(ConversationStatus status) {
  return status == ConversationStatus::Closed ? "closed" : "open";
}

ConversationStatus status_from_text(std::string_view text) {
  return text == "closed" ? ConversationStatus::Closed : ConversationStatus::Open;
}

const char* const kSummaryColumns =
    "id, channel, owner_department, assignee, status, citizen_name, citizen_address, subject, "
    "snippet, received_at, last_activity, deadline, handover_to, message_count, rejected_count";

ConversationSummary read_summary(SQLite::Statement& row, int first) {
  const int c = first;
  ConversationSummary s;
  s.id = row.getColumn(c).getString();
  s.channel = channel_from_string(row.getColumn(c + 1).getString()).value_or(Channel::Email);
  s.owner_department = row.getColumn(c + 2).getString();
  if (!row.getColumn(c + 3).isNull()) s.assignee = row.getColumn(c + 3).getString();
  s.status = status_from_text(row.getColumn(c + 4).getString());
  s.citizen = Party{row.getColumn(c + 5).getString(), row.getColumn(c + 6).getString()};
  s.subject = row.getColumn(c + 7).getString();
  s.snippet = row.getColumn(c + 8).getString();
  s.received_at = from_seconds(row.getColumn(c + 9).getInt64());
  s.last_activity = from_seconds(row.getColumn(c + 10).getInt64());
  if (!row.getColumn(c + 11).isNull()) s.deadline = from_seconds(row.getColumn(c + 11).getInt64());
  if (!row.getColumn(c + 12).isNull()) s.handover_to = row.getColumn(c + 12).getString();
  s.message_count = row.getColumn(c + 13).getInt();
  s.rejected_count = row.getColumn(c + 14).getInt();
  return s;
}

const char* const kEventColumns =
    "id, conversation_id, type, actor, department, at, payload, hub_sequence";

Event read_event(SQLite::Statement& row, int first) {
  const int c = first;
  Event e;
  e.id = row.getColumn(c).getString();
  e.conversation_id = row.getColumn(c + 1).getString();
  const auto type = row.getColumn(c + 2).getString();
  e.actor = row.getColumn(c + 3).getString();
  e.department = row.getColumn(c + 4).getString();
  e.at = from_seconds(row.getColumn(c + 5).getInt64());
  try {
    e.payload = payload_from_json(type, parse_json_text(row.getColumn(c + 6).getString()));
  } catch (const EventJsonError& error) {
    throw StoreError("conversation " + e.conversation_id + " cannot be read: its event " + e.id +
                     " (" + type + ") is damaged in the store: " + error.what());
  }
  if (!row.getColumn(c + 7).isNull()) e.hub_sequence = row.getColumn(c + 7).getInt64();
  return e;
}

}  // namespace samla::store_detail
