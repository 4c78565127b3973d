#pragma once
// The deterministic fold: the same events in the same order give the same state on every
// machine. Refused events stay in the timeline marked rejected instead of changing the state.
#include <vector>

#include "samla/models/conversation.h"
#include "samla/models/directory.h"

namespace samla {

/// Applies one event: checks it against the rules, then either changes the state or records it
/// as rejected. Returns false when it was rejected.
bool apply(Conversation& conversation, const Event& event, const Directory& directory);

/// Folds a whole log in the given order.
[[nodiscard]] Conversation fold(const std::vector<Event>& events, const Directory& directory);

/// Puts events into the order the team hub imposes: events the hub has sequenced, by sequence;
/// then local events not yet pushed, in their local order. Stable, so the result is
/// deterministic.
[[nodiscard]] std::vector<Event> in_hub_order(std::vector<Event> events);

}  // namespace samla
