#pragma once
// The rules of the service strategy and of who may do what, as one check per event against the
// state before it. Commands and the fold both use this, so a local decision and a re-fold in hub
// order can never disagree.
#include <optional>

#include "samla/models/conversation.h"
#include "samla/models/directory.h"

namespace samla {

/// Why `event` may not happen to `before`, or nothing when it may.
[[nodiscard]] std::optional<Rejection> check(const Conversation& before, const Event& event,
                                             const Directory& directory);

}  // namespace samla
