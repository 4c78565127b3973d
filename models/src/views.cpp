#include "samla/models/views.h"

#include <algorithm>
#include <array>
#include <utility>

namespace samla {
namespace {
constexpr std::array<std::pair<InboxView, std::string_view>, 6> kNames{{
    {InboxView::Mine, "mine"},
    {InboxView::Department, "department"},
    {InboxView::Handovers, "handovers"},
    {InboxView::DueSoon, "due"},
    {InboxView::Overdue, "overdue"},
    {InboxView::All, "all"},
}};

bool in_departments(const std::string& department, const ViewScope& scope) {
  return scope.departments.empty() || std::find(scope.departments.begin(), scope.departments.end(),
                                                department) != scope.departments.end();
}
}  // namespace

std::string_view to_string(InboxView view) {
  for (const auto& [value, name] : kNames) {
    if (value == view) return name;
  }
  return "all";
}

std::optional<InboxView> view_from_string(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

bool in_view(const ConversationSummary& s, InboxView view, const ViewScope& scope) {
  const bool open = s.status == ConversationStatus::Open;
  switch (view) {
    case InboxView::All:
      return true;
    case InboxView::Mine:
      return open && s.assignee && *s.assignee == scope.user;
    case InboxView::Department:
      return open && !s.assignee && in_departments(s.owner_department, scope);
    case InboxView::Handovers:
      return open && s.handover_to && !scope.departments.empty() &&
             in_departments(*s.handover_to, scope);
    case InboxView::DueSoon:
      return open && s.deadline && *s.deadline > scope.now && *s.deadline <= scope.due_soon_until &&
             in_departments(s.owner_department, scope);
    case InboxView::Overdue:
      return open && s.deadline && *s.deadline <= scope.now &&
             in_departments(s.owner_department, scope);
  }
  return false;
}

}  // namespace samla
