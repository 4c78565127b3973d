// Directory administration on the hub. Login roles are created here because a user's identity
// is what PostgreSQL authenticated (session_user), mapped to a Samla user by hub.users.login.
#include "samla/sync/hub_admin.h"

namespace samla {

void add_hub_municipality(HubConnection& owner, const std::string& id, const std::string& name) {
  owner.exec(
      "INSERT INTO hub.municipalities (id, name) VALUES ($1, $2) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name",
      {id, name});
}

void add_hub_department(HubConnection& owner, const std::string& municipality,
                        const Department& department) {
  owner.exec(
      "INSERT INTO hub.departments (id, municipality, name) VALUES ($1, $2, $3) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name",
      {department.id, municipality, department.name});
}

void add_hub_user(HubConnection& owner, const HubUser& user,
                  const std::optional<std::string>& password) {
  const std::string login = user.login.empty() ? user.id : user.login;
  owner.exec_script("BEGIN");
  try {
    const bool exists =
        owner.exec("SELECT count(*) FROM pg_roles WHERE rolname = $1", {login}).at(0, 0) != "0";
    const std::string role = quote_identifier(login);
    if (!exists) owner.exec_script("CREATE ROLE " + role + " LOGIN IN ROLE samla_hub_user");
    if (password) {
      // The hash is a literal; it holds only base64, '$', ':' and the method name.
      const std::string hashed = owner.encrypt_password(login, *password);
      if (hashed.find('\'') != std::string::npos) throw std::invalid_argument("bad password hash");
      owner.exec_script("ALTER ROLE " + role + " PASSWORD '" + hashed + "'");
    }
    owner.exec(
        "INSERT INTO hub.users (id, login, name, kind) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind",
        {user.id, login, user.name, user.kind == HubUserKind::agent ? "agent" : "person"});
    owner.exec_script("COMMIT");
  } catch (...) {
    if (owner.ok()) owner.exec_script("ROLLBACK");
    throw;
  }
}

void add_hub_member(HubConnection& owner, const std::string& user, const std::string& department,
                    Role role) {
  owner.exec(
      "INSERT INTO hub.memberships (user_id, department_id, role) VALUES ($1, $2, $3) "
      "ON CONFLICT (user_id, department_id) DO UPDATE SET role = excluded.role",
      {user, department, std::string(to_string(role))});
}

Directory read_hub_directory(HubConnection& connection) {
  Directory directory;
  auto departments = connection.exec("SELECT id, name FROM hub.departments ORDER BY id");
  for (const auto& row : departments.rows) directory.add_department(Department{*row[0], *row[1]});
  auto users = connection.exec("SELECT id, name FROM hub.users ORDER BY id");
  for (const auto& row : users.rows) directory.add_user(User{*row[0], *row[1], {}});
  auto members = connection.exec(
      "SELECT user_id, department_id, role FROM hub.memberships ORDER BY user_id, department_id");
  for (const auto& row : members.rows) {
    directory.add_membership(
        *row[0], Membership{*row[1], role_from_string(*row[2]).value_or(Role::Caseworker)});
  }
  return directory;
}

}  // namespace samla
