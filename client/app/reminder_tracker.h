#pragma once
// What the window title, the taskbar and desktop notifications say about reminders: counts per
// kind, and which reminders are new since the last look (each is notified once). wx-free.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "samla/sync/workspace.h"

namespace samla::app {

struct ReminderCounts {
  std::size_t due_soon = 0;
  std::size_t overdue = 0;
  std::size_t handovers = 0;
  [[nodiscard]] std::size_t total() const { return due_soon + overdue + handovers; }
};

class ReminderTracker {
 public:
  /// Takes the current reminders; returns those not seen before (to notify).
  std::vector<ConversationReminder> update(std::vector<ConversationReminder> reminders);
  [[nodiscard]] const ReminderCounts& counts() const { return counts_; }
  /// "Samla — 2 overdue, 1 due soon, 1 handover waiting" (just "Samla" when there is none).
  [[nodiscard]] std::string window_title(const std::string& user_name) const;
  /// A notification's text for one reminder.
  [[nodiscard]] static std::string notification_text(const ConversationReminder& reminder,
                                                     const TimeZone& zone);

 private:
  ReminderCounts counts_;
  std::set<std::pair<std::string, int>> seen_;  // (conversation, kind)
};

}  // namespace samla::app
