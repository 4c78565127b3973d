#pragma once
// Events and inbound messages as JSON: the store's payload column, the hub's event rows and JSON
// message files all use this one mapping. Instants are ISO 8601 UTC ("2026-11-22T10:00:00Z").
// Reading is strict: a missing or malformed field throws EventJsonError naming the field; fields
// this version does not know are ignored. Pure functions; any thread.
#include <nlohmann/json_fwd.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

#include "samla/models/event.h"

namespace samla {

/// JSON that does not describe an event or message; `field()` is its path, e.g.
/// "payload.message.received_at" (empty when the text is not JSON at all).
class EventJsonError : public std::invalid_argument {
 public:
  EventJsonError(std::string field, const std::string& problem);
  [[nodiscard]] const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// A whole event: id, conversation_id, type, actor, department, at, payload, hub_sequence.
[[nodiscard]] nlohmann::json event_to_json(const Event& event);
[[nodiscard]] Event event_from_json(const nlohmann::json& json);

// Only the payload, for stores that keep the other fields in columns; `type` as
// event_type_name() gives it.
[[nodiscard]] nlohmann::json payload_to_json(const EventPayload& payload);
[[nodiscard]] EventPayload payload_from_json(std::string_view type, const nlohmann::json& json);

[[nodiscard]] nlohmann::json message_to_json(const InboundMessage& message);
[[nodiscard]] InboundMessage message_from_json(const nlohmann::json& json);

// Compact text forms. Writing never throws on text that is not valid UTF-8: such bytes become
// U+FFFD. Reading throws EventJsonError for text that is not JSON.
[[nodiscard]] std::string to_json_text(const nlohmann::json& json);
[[nodiscard]] nlohmann::json parse_json_text(std::string_view text);

}  // namespace samla
