#pragma once
// Deadlines and reminders, derived from a conversation's state with the policy in force when
// the citizen wrote, the owning department's office hours and the Norwegian calendar.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/calendar.h"
#include "samla/models/conversation.h"
#include "samla/models/deadline_policy.h"
#include "samla/models/office_hours.h"

namespace samla {

[[nodiscard]] PolicyClass policy_class_of(Channel channel);

enum class ReminderKind { DueSoon, Overdue, HandoverNotAccepted };

[[nodiscard]] std::string_view to_string(ReminderKind kind);

struct Reminder {
  ReminderKind kind = ReminderKind::DueSoon;
  Instant at{};  // the deadline (due soon, overdue), or when the handover was due to be accepted
};

/// Everything a deadline depends on: the time zone, the policy book, office hours per department
/// (a department without its own uses the default) and the holiday calendar.
class DeadlineRules {
 public:
  DeadlineRules(const TimeZone& zone, PolicyBook policies, OfficeHours default_hours = {},
                HolidayCalendar holidays = {});

  void set_office_hours(const std::string& department, OfficeHours hours);

  [[nodiscard]] WorkingCalendar calendar_for(const std::string& department) const;
  [[nodiscard]] const PolicyBook& policies() const { return policies_; }
  [[nodiscard]] const TimeZone& zone() const { return *zone_; }

  /// The deadline of a channel's message received at `received`, for `department`.
  [[nodiscard]] Instant deadline_for(Channel channel, Instant received,
                                     const std::string& department) const;
  /// None when nothing waits for an answer (answered or closed); the promised date of a
  /// preliminary reply when there is one.
  [[nodiscard]] std::optional<Instant> deadline_of(const Conversation& conversation) const;
  /// The moment one working day of office time after `now` (the due-soon horizon).
  [[nodiscard]] Instant due_soon_until(Instant now, const std::string& department = {}) const;
  [[nodiscard]] std::vector<Reminder> reminders(const Conversation& conversation,
                                                Instant now) const;

 private:
  const TimeZone* zone_;
  PolicyBook policies_;
  OfficeHours default_hours_;
  std::map<std::string, OfficeHours> hours_;
  HolidayCalendar holidays_;
};

}  // namespace samla
