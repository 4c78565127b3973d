#pragma once
// A conversation's inbox row, derived from its folded state: what the store keeps per
// conversation for the lists, and what a freshly folded conversation looks like in them.
// Pure functions; any thread.
#include <optional>
#include <string>

#include "samla/models/views.h"

namespace samla {

/// The row the store projects for `conversation`; `deadline` as the deadline rules give it.
[[nodiscard]] ConversationSummary summarize(const Conversation& conversation,
                                            std::optional<Instant> deadline);

/// The start of the latest accepted inbound message, whitespace collapsed, national identity
/// numbers masked, at most 140 characters (code points) and "…" when cut.
[[nodiscard]] std::string snippet_of(const Conversation& conversation);

}  // namespace samla
