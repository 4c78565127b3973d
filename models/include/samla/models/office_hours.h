#pragma once
// Office hours and the working calendar built on them: which days and hours count as working
// time, in the office's own time zone and across its daylight-saving switches.

#include <array>
#include <chrono>
#include <string>

#include <date/date.h>

#include "samla/models/calendar.h"
#include "samla/models/time.h"

namespace samla {

/// A department's opening hours on the wall clock (default 09:00–15:00, Monday–Friday).
struct OfficeHours {
  std::chrono::minutes open{std::chrono::hours{9}};    // since local midnight
  std::chrono::minutes close{std::chrono::hours{15}};  // since local midnight; at most 24 h
  std::array<bool, 7> working_weekdays{true, true, true, true, true, false, false};  // Mon..Sun

  /// Empty when valid, else why not, in words an administrator understands.
  [[nodiscard]] std::string validation_error() const;
};

/// Working days and office time of one office: its time zone, office hours and closed days.
/// Immutable and cheap to copy; safe to share between threads. It keeps a reference to the
/// TimeZone, which must outlive it.
class WorkingCalendar {
 public:
  /// Throws std::invalid_argument when `hours` is not valid.
  WorkingCalendar(const TimeZone& zone, OfficeHours hours, HolidayCalendar holidays);

  [[nodiscard]] date::year_month_day local_date(Instant at) const;
  [[nodiscard]] bool is_working_day(date::year_month_day day) const;
  /// Opening and closing instants on that date's wall clock, whether or not it is a working day.
  [[nodiscard]] Instant open_of(date::year_month_day day) const;
  [[nodiscard]] Instant close_of(date::year_month_day day) const;
  /// The first working day strictly after `day`.
  [[nodiscard]] date::year_month_day next_working_day(date::year_month_day day) const;
  /// The n-th working day after `day` (before it when n < 0); `day` itself when n == 0.
  [[nodiscard]] date::year_month_day add_working_days(date::year_month_day day, int n) const;
  /// Office time within [a, b); zero when b <= a (clocks of two machines may disagree).
  [[nodiscard]] std::chrono::minutes working_time_between(Instant a, Instant b) const;
  /// The earliest instant by which `amount` of office time has passed since `from` (a close
  /// counts: 2 h from 13:00 on a 09–15 day is 15:00 that day). Throws when amount < 0.
  [[nodiscard]] Instant add_working_time(Instant from, std::chrono::minutes amount) const;
  /// On a working day, from opening (inclusive) to closing (exclusive).
  [[nodiscard]] bool is_within_office_hours(Instant at) const;

  [[nodiscard]] const OfficeHours& hours() const { return hours_; }
  [[nodiscard]] const HolidayCalendar& holidays() const { return holidays_; }
  [[nodiscard]] const TimeZone& zone() const { return *zone_; }

 private:
  [[nodiscard]] date::year_month_day step_working_day(date::year_month_day day, int step) const;

  const TimeZone* zone_;
  OfficeHours hours_;
  HolidayCalendar holidays_;
};

}  // namespace samla
