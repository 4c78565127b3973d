#pragma once
// Helpers shared by the calendar and deadline tests: instants written in UTC (with the Oslo wall
// clock in a comment at the call), instants as text, and an office calendar in Europe/Oslo.
#include <string>

#include <date/date.h>

#include "oslo_zone_for_tests.h"
#include "samla/models/office_hours.h"

namespace samla::test {

// Inputs are written in UTC so the expectations do not lean on the code under test to convert.
inline Instant utc(date::year_month_day day, std::chrono::seconds time_of_day) {
  return date::sys_days{day} + time_of_day;
}

inline std::string text(Instant at) { return date::format("%F %T", at); }

inline WorkingCalendar oslo_calendar(OfficeHours hours = {}, HolidayCalendar holidays = {}) {
  static const OsloZoneForTests oslo;
  return {oslo, hours, std::move(holidays)};
}

}  // namespace samla::test
