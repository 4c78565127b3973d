#pragma once
// The sentences the hub's SQL refuses with (hub.refuse('…') in sync/hub/migrations), as
// gettext msgids: a refusal reaches the person as HubRefusal{format, args} and is shown through
// gettext (nn, nb, en) like the local rules' reasons. Listed here so that the catalogue has them.
#include <string>
#include <vector>

namespace samla {

/// Every sentence the hub's migrations refuse with ({0}… are the refusal's arguments).
[[nodiscard]] const std::vector<std::string>& hub_refusal_texts();

}  // namespace samla
