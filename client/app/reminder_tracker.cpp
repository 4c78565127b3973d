#include "reminder_tracker.h"

#include "i18n.h"
#include "samla/models/rejection.h"

namespace samla::app {

std::vector<ConversationReminder> ReminderTracker::update(
    std::vector<ConversationReminder> reminders) {
  counts_ = {};
  std::vector<ConversationReminder> fresh;
  std::set<std::pair<std::string, int>> now_seen;
  for (auto& r : reminders) {
    switch (r.reminder.kind) {
      case ReminderKind::DueSoon:
        ++counts_.due_soon;
        break;
      case ReminderKind::Overdue:
        ++counts_.overdue;
        break;
      case ReminderKind::HandoverNotAccepted:
        ++counts_.handovers;
        break;
    }
    auto key = std::make_pair(r.conversation.id, static_cast<int>(r.reminder.kind));
    if (!seen_.contains(key)) fresh.push_back(r);
    now_seen.insert(std::move(key));
  }
  // A reminder that went away and comes back (reopened) is notified again.
  seen_ = std::move(now_seen);
  return fresh;
}

std::string ReminderTracker::window_title(const std::string& user_name) const {
  std::string title = "Samla — " + user_name;
  std::vector<std::string> parts;
  if (counts_.overdue > 0) {
    parts.push_back(substitute(tr("{0} overdue"), {std::to_string(counts_.overdue)}));
  }
  if (counts_.due_soon > 0) {
    parts.push_back(substitute(tr("{0} due soon"), {std::to_string(counts_.due_soon)}));
  }
  if (counts_.handovers > 0) {
    parts.push_back(substitute(
        trn("{0} handover not accepted", "{0} handovers not accepted", counts_.handovers),
        {std::to_string(counts_.handovers)}));
  }
  for (std::size_t i = 0; i < parts.size(); ++i) title += (i == 0 ? " (" : ", ") + parts[i];
  if (!parts.empty()) title += ")";
  return title;
}

std::string ReminderTracker::notification_text(const ConversationReminder& r,
                                               const TimeZone& zone) {
  const auto& s = r.conversation;
  const auto who = s.citizen.name.empty() ? s.citizen.address : s.citizen.name;
  const auto what = s.subject.empty() ? s.snippet.substr(0, 60) : s.subject;
  switch (r.reminder.kind) {
    case ReminderKind::DueSoon:
      return substitute(tr("Due {0}: {1} ({2})"), {format_local(r.reminder.at, zone), what, who});
    case ReminderKind::Overdue:
      return substitute(tr("Overdue since {0}: {1} ({2})"),
                        {format_local(r.reminder.at, zone), what, who});
    case ReminderKind::HandoverNotAccepted:
      return substitute(tr("Handover not accepted since {0}: {1}"),
                        {format_local(r.reminder.at, zone), what});
  }
  return {};
}

}  // namespace samla::app
