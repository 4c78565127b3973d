#include "samla/models/deadline_policy.h"

#include <array>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace samla {
namespace {

// The channel and service strategy's promises; DeadlinePolicy::defaults() is their one home.
constexpr int kLettersWorkingDays = 5;  // "at the latest within 5 working days"
constexpr int kNextWorkingDay = 1;      // "at the latest the next working day"

constexpr std::array kAllClasses{PolicyClass::Letters, PolicyClass::Social, PolicyClass::Callback};

std::string_view describe(PolicyClass policy_class) {
  switch (policy_class) {
    case PolicyClass::Letters:
      return "email and digital post";
    case PolicyClass::Social:
      return "social media and SMS";
    case PolicyClass::Callback:
      return "callbacks";
  }
  return "an unknown kind of channel";
}

}  // namespace

DeadlinePolicy DeadlinePolicy::defaults() {
  DeadlinePolicy policy;
  policy.channels[PolicyClass::Letters] = {DeadlineRule::WorkingDaysAfterReceipt,
                                           kLettersWorkingDays};
  policy.channels[PolicyClass::Social] = {DeadlineRule::SameDayOrNextWorkingDay, kNextWorkingDay};
  policy.channels[PolicyClass::Callback] = {DeadlineRule::NextWorkingDay, kNextWorkingDay};
  return policy;
}

std::string DeadlinePolicy::validation_error() const {
  for (PolicyClass policy_class : kAllClasses) {
    const auto found = channels.find(policy_class);
    if (found == channels.end()) {
      return "the policy has no deadline for " + std::string(describe(policy_class));
    }
    if (found->second.working_days < 1) {
      return "the deadline for " + std::string(describe(policy_class)) +
             " must be at least 1 working day";
    }
  }
  if (due_soon_within < std::chrono::minutes{0}) {
    return "\"due soon\" must not be negative";
  }
  if (handover_reminder_after <= std::chrono::minutes{0}) {
    return "the handover reminder must come after some working time";
  }
  return {};
}

Instant compute_deadline(const ChannelPolicy& policy, Instant received,
                         const WorkingCalendar& calendar) {
  if (policy.working_days < 1) {
    throw std::invalid_argument("a deadline must be at least 1 working day after receipt");
  }
  const date::year_month_day day = calendar.local_date(received);
  switch (policy.rule) {
    case DeadlineRule::SameDayOrNextWorkingDay:
      // Before opening counts as the same day; exactly at close is already too late.
      if (calendar.is_working_day(day) && received < calendar.close_of(day)) {
        return calendar.close_of(day);
      }
      [[fallthrough]];
    case DeadlineRule::WorkingDaysAfterReceipt:
    case DeadlineRule::NextWorkingDay:
      return calendar.close_of(calendar.add_working_days(day, policy.working_days));
  }
  throw std::invalid_argument("unknown deadline rule");
}

PolicyBook::PolicyBook(DeadlinePolicy initial) { add(Instant::min(), std::move(initial)); }

void PolicyBook::add(Instant effective_from, DeadlinePolicy policy) {
  if (auto error = policy.validation_error(); !error.empty()) {
    throw std::invalid_argument(error);
  }
  versions_.insert_or_assign(effective_from, std::move(policy));
}

const DeadlinePolicy& PolicyBook::in_force_at(Instant at) const {
  // The version with the latest effective time not after `at`; Instant::min() always qualifies.
  return std::prev(versions_.upper_bound(at))->second;
}

}  // namespace samla
