#pragma once
// Europe/Oslo from the OS tz database, for the templates tests (templates itself never reads it).
#include <date/tz.h>

#include "samla/models/time.h"

namespace samla::test {

struct Oslo final : TimeZone {
  const date::time_zone* z = date::locate_zone("Europe/Oslo");
  [[nodiscard]] std::chrono::seconds offset_at(Instant at) const override {
    return z->get_info(at).offset;
  }
  [[nodiscard]] Instant from_local(date::local_seconds t) const override {
    return Instant{t.time_since_epoch() - z->get_info(t).first.offset};
  }
};

/// 2026-12-07 15:00 Europe/Oslo (a Monday), as an instant.
inline Instant monday_7_december_2026_1500() {
  using namespace date::literals;
  return Instant{date::sys_days{2026_y / date::December / 7}} + std::chrono::hours{14};
}

}  // namespace samla::test
