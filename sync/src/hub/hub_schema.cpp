// The migration ladder of the hub. Each version runs once, in order, all in one transaction;
// hub.migrations records what ran. A hub newer than this build is refused, never touched.
#include "samla/sync/hub_schema.h"

#include <algorithm>

namespace samla {
namespace {

// pg_advisory_xact_lock key: two `samlactl hub migrate` at once run one after the other.
constexpr const char* kMigrationLock = "7413, 0";

bool table_exists(HubConnection& c) {
  return c.exec("SELECT to_regclass('hub.migrations') IS NOT NULL").at(0, 0) == "t";
}

}  // namespace

int hub_schema_version_known() {
  const auto& all = hub_migrations();
  return all.empty() ? 0 : all.back().version;
}

int hub_schema_version(HubConnection& connection) {
  if (!table_exists(connection)) return 0;
  return std::stoi(
      connection.exec("SELECT coalesce(max(version), 0) FROM hub.migrations").at(0, 0));
}

std::vector<int> migrate_hub(HubConnection& connection) {
  std::vector<int> applied;
  connection.exec_script("BEGIN");
  try {
    connection.exec_script(std::string("SELECT pg_advisory_xact_lock(") + kMigrationLock + ")");
    connection.exec_script(
        "CREATE SCHEMA IF NOT EXISTS hub;"
        "CREATE TABLE IF NOT EXISTS hub.migrations ("
        "  version integer PRIMARY KEY, name text NOT NULL,"
        "  applied_at timestamptz NOT NULL DEFAULT now());"
        "REVOKE ALL ON hub.migrations FROM PUBLIC");
    const int current = hub_schema_version(connection);
    if (current > hub_schema_version_known()) {
      throw SyncFailure("the team hub has schema version " + std::to_string(current) +
                            "; this Samla knows up to " +
                            std::to_string(hub_schema_version_known()) +
                            ". Update Samla; the hub was not changed.",
                        {false, false, false});
    }
    for (const auto& m : hub_migrations()) {
      if (m.version <= current) continue;
      connection.exec_script(m.sql);
      connection.exec("INSERT INTO hub.migrations (version, name) VALUES ($1::integer, $2)",
                      {std::to_string(m.version), m.name});
      applied.push_back(m.version);
    }
    connection.exec_script("COMMIT");
  } catch (...) {
    if (connection.ok()) {
      try {
        connection.exec_script("ROLLBACK");
      } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
      }
    }
    throw;
  }
  return applied;
}

}  // namespace samla
