#pragma once
// The TimeZone of the domain, backed by the operating system's tz database (Howard Hinnant's date
// library, built with USE_OS_TZDB on Debian, so it works offline). Immutable once made: share one
// between threads freely.
#include <string>
#include <string_view>

#include "samla/models/time.h"

namespace date {
class time_zone;
}

namespace samla {

/// An IANA time zone ("Europe/Oslo") from the OS tz database.
class OsTimeZone final : public TimeZone {
 public:
  /// Throws std::invalid_argument when the database has no zone of that name.
  explicit OsTimeZone(std::string_view iana_name = "Europe/Oslo");

  [[nodiscard]] std::chrono::seconds offset_at(Instant at) const override;
  /// A nonexistent wall-clock time (spring gap) moves forward by the gap (02:30 -> 03:30 CEST);
  /// an ambiguous one (autumn) gives the earlier instant (the summer-time reading).
  [[nodiscard]] Instant from_local(date::local_seconds wall_clock) const override;
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  const date::time_zone* zone_ = nullptr;
  std::string name_;
};

}  // namespace samla
