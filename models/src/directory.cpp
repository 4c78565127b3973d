#include "samla/models/directory.h"

#include <algorithm>
#include <array>
#include <utility>

namespace samla {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoleNames{{
    {Role::Caseworker, "caseworker"},
    {Role::Lead, "lead"},
    {Role::Comms, "comms"},
    {Role::Admin, "admin"},
}};
}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [value, name] : kRoleNames) {
    if (value == role) return name;
  }
  return "caseworker";
}

std::optional<Role> role_from_string(std::string_view text) {
  for (const auto& [value, name] : kRoleNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

bool User::is_member_of(std::string_view department) const {
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const Membership& m) { return m.department == department; });
}

bool User::has_role(std::string_view department, Role role) const {
  return std::any_of(memberships.begin(), memberships.end(), [&](const Membership& m) {
    return m.department == department && m.role == role;
  });
}

bool User::is_lead_of(std::string_view department) const {
  return has_role(department, Role::Lead);
}

bool User::is_admin() const {
  return std::any_of(memberships.begin(), memberships.end(),
                     [](const Membership& m) { return m.role == Role::Admin; });
}

void Directory::add_department(Department department) {
  auto id = department.id;
  departments_.insert_or_assign(std::move(id), std::move(department));
}

void Directory::add_user(User user) {
  auto id = user.id;
  users_.insert_or_assign(std::move(id), std::move(user));
}

bool Directory::add_membership(std::string_view user_id, Membership membership) {
  auto it = users_.find(user_id);
  if (it == users_.end()) return false;
  auto& memberships = it->second.memberships;
  auto existing = std::find_if(memberships.begin(), memberships.end(), [&](const Membership& m) {
    return m.department == membership.department;
  });
  if (existing != memberships.end()) {
    existing->role = membership.role;
  } else {
    memberships.push_back(std::move(membership));
  }
  return true;
}

const Department* Directory::department(std::string_view id) const {
  auto it = departments_.find(id);
  return it == departments_.end() ? nullptr : &it->second;
}

const User* Directory::user(std::string_view id) const {
  auto it = users_.find(id);
  return it == users_.end() ? nullptr : &it->second;
}

std::vector<const User*> Directory::members_of(std::string_view department) const {
  std::vector<const User*> members;
  for (const auto& [id, user] : users_) {
    if (user.is_member_of(department)) members.push_back(&user);
  }
  return members;
}

std::string Directory::display_name(std::string_view id) const {
  if (const auto* u = user(id); u != nullptr && !u->name.empty()) return u->name;
  if (const auto* d = department(id); d != nullptr && !d->name.empty()) return d->name;
  return std::string(id);
}

}  // namespace samla
