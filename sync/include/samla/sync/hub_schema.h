#pragma once
// The team hub's schema: numbered SQL migrations shipped inside the binary
// (sync/hub/migrations/NNN_name.sql), applied in order by `samlactl hub migrate`.
#include <string>
#include <vector>

#include "samla/sync/hub_connection.h"

namespace samla {

/// One migration as shipped.
struct HubMigration {
  int version = 0;
  std::string name;
  std::string sql;
};

/// Every migration this build knows, oldest first.
[[nodiscard]] const std::vector<HubMigration>& hub_migrations();
/// The newest version this build knows.
[[nodiscard]] int hub_schema_version_known();

/// The version of the hub's schema (0: none yet).
[[nodiscard]] int hub_schema_version(HubConnection& connection);

/// Brings the hub to the newest version in one transaction (serialised with other migrators by
/// an advisory lock) and returns the versions applied. Run as the role that owns the hub (a
/// database owner with CREATEROLE), never as a user. Throws SyncFailure for a hub written by a
/// newer Samla.
std::vector<int> migrate_hub(HubConnection& connection);

}  // namespace samla
