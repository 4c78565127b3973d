#pragma once
// Random (version 4) UUIDs for events and conversations: made where the event happens, so they
// must be unique across desktops without asking anyone. Safe to call from any thread.
#include <string>

namespace samla {

/// A new random UUID in canonical form, e.g. "0f8c3a52-6d1e-4b7a-9c2e-5a1f0b3d7e94".
[[nodiscard]] std::string new_uuid();

}  // namespace samla
