#pragma once
// Europe/Oslo from the system tz database, for the models tests only (links date::date-tz);
// the app uses sync's OsTimeZone, and models itself never reads the tz database.

#include <date/tz.h>

#include "samla/models/time.h"

namespace samla::test {

/// A TimeZone for Europe/Oslo: CET (+01) in winter, CEST (+02) from the last Sunday of March
/// 02:00 to the last Sunday of October 03:00 (local).
class OsloZoneForTests final : public TimeZone {
 public:
  OsloZoneForTests() : zone_(date::locate_zone("Europe/Oslo")) {}

  [[nodiscard]] std::chrono::seconds offset_at(Instant at) const override {
    return zone_->get_info(at).offset;
  }

  [[nodiscard]] Instant from_local(date::local_seconds wall_clock) const override {
    // The offset in force before the wall clock's moment: in the spring gap that moves the time
    // forward by the gap (02:30 becomes 03:30 CEST); in the autumn overlap it gives the earlier
    // instant (02:30 CEST, not 02:30 CET).
    const date::local_info info = zone_->get_info(wall_clock);
    return Instant{wall_clock.time_since_epoch() - info.first.offset};
  }

 private:
  const date::time_zone* zone_;
};

}  // namespace samla::test
