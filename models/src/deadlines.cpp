#include "samla/models/deadlines.h"

namespace samla {

PolicyClass policy_class_of(Channel channel) {
  switch (channel) {
    case Channel::Email:
    case Channel::DigitalPost:
      return PolicyClass::Letters;
    case Channel::Facebook:
    case Channel::Instagram:
    case Channel::Sms:
      return PolicyClass::Social;
    case Channel::Callback:
      return PolicyClass::Callback;
  }
  return PolicyClass::Letters;
}

std::string_view to_string(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::DueSoon:
      return "due-soon";
    case ReminderKind::Overdue:
      return "overdue";
    case ReminderKind::HandoverNotAccepted:
      return "handover-not-accepted";
  }
  return "due-soon";
}

DeadlineRules::DeadlineRules(const TimeZone& zone, PolicyBook policies, OfficeHours default_hours,
                             HolidayCalendar holidays)
    : zone_(&zone),
      policies_(std::move(policies)),
      default_hours_(default_hours),
      holidays_(std::move(holidays)) {}

void DeadlineRules::set_office_hours(const std::string& department, OfficeHours hours) {
  hours_.insert_or_assign(department, hours);
}

WorkingCalendar DeadlineRules::calendar_for(const std::string& department) const {
  auto it = hours_.find(department);
  return {*zone_, it == hours_.end() ? default_hours_ : it->second, holidays_};
}

Instant DeadlineRules::deadline_for(Channel channel, Instant received,
                                    const std::string& department) const {
  const auto& policy = policies_.in_force_at(received);
  const auto it = policy.channels.find(policy_class_of(channel));
  // A policy version that leaves a class out falls back to the strategy's default for it.
  const ChannelPolicy channel_policy =
      it != policy.channels.end()
          ? it->second
          : DeadlinePolicy::defaults().channels.at(policy_class_of(channel));
  return compute_deadline(channel_policy, received, calendar_for(department));
}

std::optional<Instant> DeadlineRules::deadline_of(const Conversation& c) const {
  if (!c.exists() || !c.is_open() || !c.awaiting_since) return std::nullopt;
  if (c.promised) return c.promised;
  return deadline_for(c.channel, *c.awaiting_since, c.owner_department);
}

Instant DeadlineRules::due_soon_until(Instant now, const std::string& department) const {
  const auto& policy = policies_.in_force_at(now);
  return calendar_for(department).add_working_time(now, policy.due_soon_within);
}

std::vector<Reminder> DeadlineRules::reminders(const Conversation& c, Instant now) const {
  std::vector<Reminder> out;
  if (!c.exists() || !c.is_open()) return out;
  const auto& policy = policies_.in_force_at(now);
  if (auto deadline = deadline_of(c)) {
    if (*deadline <= now) {
      out.push_back({ReminderKind::Overdue, *deadline});
    } else if (*deadline <= due_soon_until(now, c.owner_department)) {
      out.push_back({ReminderKind::DueSoon, *deadline});
    }
  }
  if (c.handover) {
    // Office time counts on the receiving side: they are the ones who must act.
    const auto calendar = calendar_for(c.handover->to_department);
    const auto limit =
        calendar.add_working_time(c.handover->requested_at, policy.handover_reminder_after);
    if (limit <= now) out.push_back({ReminderKind::HandoverNotAccepted, limit});
  }
  return out;
}

}  // namespace samla
