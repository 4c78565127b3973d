#include "samla/sync/os_time_zone.h"

#include <date/tz.h>

#include <stdexcept>

namespace samla {

OsTimeZone::OsTimeZone(std::string_view iana_name) : name_(iana_name) {
  try {
    zone_ = date::locate_zone(name_);
  } catch (const std::exception& e) {
    // date throws std::runtime_error for an unknown name (and when the database is missing).
    throw std::invalid_argument("unknown time zone '" + name_ + "': " + e.what());
  }
  if (zone_ == nullptr) throw std::invalid_argument("unknown time zone '" + name_ + "'");
}

std::chrono::seconds OsTimeZone::offset_at(Instant at) const { return zone_->get_info(at).offset; }

Instant OsTimeZone::from_local(date::local_seconds wall_clock) const {
  const date::local_info info = zone_->get_info(wall_clock);
  // In a gap, `first` is the period before it: reading the wall clock with the old offset lands
  // as far past the transition as the time was past its start. When ambiguous, `first` is the
  // earlier period, so its offset gives the earlier instant. Unique: `first` is the period.
  return Instant{wall_clock.time_since_epoch() - info.first.offset};
}

}  // namespace samla
