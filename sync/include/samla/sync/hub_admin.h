#pragma once
// Administration of the team hub's directory: the municipality, departments, users (each a
// PostgreSQL login role in samla_hub_user) and memberships. Run on a connection of the hub's
// owner (the role that ran the migrations), never of a user: users cannot change the directory.
#include <optional>
#include <string>

#include "samla/models/directory.h"
#include "samla/sync/hub_connection.h"

namespace samla {

enum class HubUserKind { person, agent };

struct HubUser {
  std::string id;     // the Samla user id, as in events' actor
  std::string login;  // the PostgreSQL role; empty: the same as id
  std::string name;
  HubUserKind kind = HubUserKind::person;
};

void add_hub_municipality(HubConnection& owner, const std::string& id, const std::string& name);
/// Adds or renames a department of `municipality`.
void add_hub_department(HubConnection& owner, const std::string& municipality,
                        const Department& department);
/// Adds a user and, when the role does not exist yet, its login role. With a password the role
/// authenticates by SCRAM (the password is hashed here, never sent in clear); without one it
/// relies on a client certificate or Kerberos (pg_hba.conf decides).
void add_hub_user(HubConnection& owner, const HubUser& user,
                  const std::optional<std::string>& password);
/// Gives `user` `role` in `department` (replacing an earlier role there).
void add_hub_member(HubConnection& owner, const std::string& user, const std::string& department,
                    Role role);

/// The whole directory as the hub holds it (any hub connection may read it).
[[nodiscard]] Directory read_hub_directory(HubConnection& connection);

}  // namespace samla
