#pragma once
// Instants and time zones for the domain. Models never reads the OS tz database itself: a
// TimeZone is injected, so the domain stays pure and tests can pin the rules.
#include <date/date.h>
#include <chrono>

namespace samla {

using Instant = std::chrono::sys_seconds;  // a moment, UTC

/// A time zone's rules, injected so that models stays free of the OS tz database.
class TimeZone {
 public:
  virtual ~TimeZone() = default;
  /// The UTC offset in force at `at`.
  [[nodiscard]] virtual std::chrono::seconds offset_at(Instant at) const = 0;
  /// Wall clock to instant: a nonexistent time (spring gap) maps forward past the gap, an
  /// ambiguous one (autumn) to the earlier instant.
  [[nodiscard]] virtual Instant from_local(date::local_seconds wall_clock) const = 0;
};

}  // namespace samla
