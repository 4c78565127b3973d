#pragma once
// Who works where: departments, users and their roles. The rules ask the directory whether an
// actor may do something; it is data, loaded from the store or the hub.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samla {

enum class Role { Caseworker, Lead, Comms, Admin };

[[nodiscard]] std::string_view to_string(Role role);
[[nodiscard]] std::optional<Role> role_from_string(std::string_view text);

/// A department (Byggesak, Skatt og avgift …); `id` is short and stable, `name` is for people.
struct Department {
  std::string id;
  std::string name;
};

/// One user's role in one department.
struct Membership {
  std::string department;
  Role role = Role::Caseworker;
};

/// A person who uses Samla. Admin rights are a membership with Role::Admin in any department.
struct User {
  std::string id;
  std::string name;
  std::vector<Membership> memberships;

  [[nodiscard]] bool is_member_of(std::string_view department) const;
  [[nodiscard]] bool has_role(std::string_view department, Role role) const;
  [[nodiscard]] bool is_lead_of(std::string_view department) const;
  [[nodiscard]] bool is_admin() const;
};

/// The departments and users a rule may consult. Lookups by id; unknown ids give nullptr.
class Directory {
 public:
  void add_department(Department department);
  void add_user(User user);
  /// Adds (or changes) one membership of an existing user; false if the user is unknown.
  bool add_membership(std::string_view user_id, Membership membership);

  [[nodiscard]] const Department* department(std::string_view id) const;
  [[nodiscard]] const User* user(std::string_view id) const;
  [[nodiscard]] const std::map<std::string, Department, std::less<>>& departments() const {
    return departments_;
  }
  [[nodiscard]] const std::map<std::string, User, std::less<>>& users() const { return users_; }
  /// Members of a department, in id order.
  [[nodiscard]] std::vector<const User*> members_of(std::string_view department) const;
  /// A readable name for an id: the user's or department's name, else the id itself.
  [[nodiscard]] std::string display_name(std::string_view id) const;

 private:
  std::map<std::string, Department, std::less<>> departments_;
  std::map<std::string, User, std::less<>> users_;
};

/// The actor that channel connectors and automatic replies act as.
inline constexpr std::string_view kSystemActor = "system";

}  // namespace samla
