#pragma once
// Deadline policy: the municipality's service promises per kind of channel, as configuration,
// and the versions of it over time.

#include <chrono>
#include <map>
#include <string>

#include "samla/models/office_hours.h"
#include "samla/models/time.h"

namespace samla {

/// Kinds of channel that share one promise.
enum class PolicyClass {
  Letters,   // email, digital post
  Social,    // Facebook, Instagram, SMS
  Callback,  // phone-callback requests
};

/// How a deadline follows from the time of receipt. `working_days` (n) counts working days after
/// the local date of receipt, which itself never counts; every deadline is at close of hours.
enum class DeadlineRule {
  WorkingDaysAfterReceipt,  // the n-th working day after receipt ("within 5 working days")
  SameDayOrNextWorkingDay,  // that day if received on a working day before close, else the n-th
  NextWorkingDay,           // the n-th (normally the 1st) working day after receipt: callbacks
};

/// The promise of one policy class.
struct ChannelPolicy {
  DeadlineRule rule = DeadlineRule::WorkingDaysAfterReceipt;
  int working_days = 1;  // at least 1
};

/// One version of a municipality's (or department's) deadline policy.
struct DeadlinePolicy {
  std::map<PolicyClass, ChannelPolicy> channels;
  // "Due soon" within this much office time before the deadline (6 h: one working day).
  std::chrono::minutes due_soon_within{std::chrono::hours{6}};
  // Remind and escalate a handover not accepted after this much office time.
  std::chrono::minutes handover_reminder_after{std::chrono::hours{4}};

  /// The promises of the channel strategy: letters within 5 working days, social media the
  /// same day (next working day after hours), callbacks by the next working day.
  [[nodiscard]] static DeadlinePolicy defaults();
  /// Empty when valid, else why not, in words an administrator understands.
  [[nodiscard]] std::string validation_error() const;
};

/// The deadline of a message received at `received` under `policy`: a close of office hours.
/// Throws std::invalid_argument when policy.working_days < 1.
[[nodiscard]] Instant compute_deadline(const ChannelPolicy& policy, Instant received,
                                       const WorkingCalendar& calendar);

/// The versions of a deadline policy over time, so that a conversation keeps the policy in force
/// when it arrived. There is always a version in force from the beginning of time. Versions
/// that are not valid (DeadlinePolicy::validation_error) are refused with std::invalid_argument.
class PolicyBook {
 public:
  explicit PolicyBook(DeadlinePolicy initial = DeadlinePolicy::defaults());

  /// Adds a version in force from `effective_from` (inclusive); replaces one with that same time.
  /// Instant::min() replaces the version from the beginning of time.
  void add(Instant effective_from, DeadlinePolicy policy);
  [[nodiscard]] const DeadlinePolicy& in_force_at(Instant at) const;
  /// Every version by the instant it takes effect; the first key is Instant::min().
  [[nodiscard]] const std::map<Instant, DeadlinePolicy>& versions() const { return versions_; }

 private:
  std::map<Instant, DeadlinePolicy> versions_;
};

}  // namespace samla
