#include "samla/models/office_hours.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace samla {
namespace {

// A search for a working day gives up after this long: only a configuration that closes every
// day of the year could get there, and it must fail loudly instead of looping forever.
constexpr date::days kLongestClosure{2 * 366};

}  // namespace

std::string OfficeHours::validation_error() const {
  using std::chrono::hours;
  if (open < hours{0} || close > hours{24}) {
    return "office hours must lie within 00:00–24:00";
  }
  if (open >= close) {
    return "office hours must open before they close";
  }
  if (std::none_of(working_weekdays.begin(), working_weekdays.end(), [](bool b) { return b; })) {
    return "office hours need at least one working day in the week";
  }
  return {};
}

WorkingCalendar::WorkingCalendar(const TimeZone& zone, OfficeHours hours, HolidayCalendar holidays)
    : zone_(&zone), hours_(hours), holidays_(std::move(holidays)) {
  if (auto error = hours_.validation_error(); !error.empty()) {
    throw std::invalid_argument(error);
  }
}

date::year_month_day WorkingCalendar::local_date(Instant at) const {
  return date::year_month_day{date::floor<date::days>(at + zone_->offset_at(at))};
}

bool WorkingCalendar::is_working_day(date::year_month_day day) const {
  const unsigned monday_based = date::weekday{date::sys_days{day}}.iso_encoding() - 1;
  return hours_.working_weekdays.at(monday_based) && !holidays_.is_closed(day);
}

Instant WorkingCalendar::open_of(date::year_month_day day) const {
  return zone_->from_local(date::local_days{day} + hours_.open);
}

Instant WorkingCalendar::close_of(date::year_month_day day) const {
  return zone_->from_local(date::local_days{day} + hours_.close);
}

date::year_month_day WorkingCalendar::step_working_day(date::year_month_day day, int step) const {
  const date::sys_days start{day};
  for (date::sys_days d = start + date::days{step}; d - start != kLongestClosure * step;
       d += date::days{step}) {
    if (is_working_day(date::year_month_day{d})) {
      return date::year_month_day{d};
    }
  }
  throw std::runtime_error("no working day within two years of " + date::format("%F", start));
}

date::year_month_day WorkingCalendar::next_working_day(date::year_month_day day) const {
  return step_working_day(day, 1);
}

date::year_month_day WorkingCalendar::add_working_days(date::year_month_day day, int n) const {
  const int step = n < 0 ? -1 : 1;
  for (int i = 0; i != n; i += step) {
    day = step_working_day(day, step);
  }
  return day;
}

std::chrono::minutes WorkingCalendar::working_time_between(Instant a, Instant b) const {
  if (b <= a) {
    return std::chrono::minutes{0};
  }
  std::chrono::seconds total{0};
  // Office hours lie within their own local date, so the dates from a's to b's cover them all.
  const date::sys_days last{local_date(b)};
  for (date::sys_days d{local_date(a)}; d <= last; d += date::days{1}) {
    const date::year_month_day day{d};
    if (!is_working_day(day)) {
      continue;
    }
    const Instant start = std::max(a, open_of(day));
    const Instant end = std::min(b, close_of(day));
    if (start < end) {
      total += end - start;
    }
  }
  return std::chrono::floor<std::chrono::minutes>(total);
}

Instant WorkingCalendar::add_working_time(Instant from, std::chrono::minutes amount) const {
  if (amount < std::chrono::minutes{0}) {
    throw std::invalid_argument("working time to add must not be negative");
  }
  std::chrono::seconds remaining = amount;
  if (remaining == std::chrono::seconds{0}) {
    return from;
  }
  date::year_month_day day = local_date(from);
  if (!is_working_day(day)) {
    day = next_working_day(day);
  }
  for (;;) {
    const Instant start = std::max(from, open_of(day));
    const Instant end = close_of(day);
    if (start < end) {
      if (remaining <= end - start) {
        return start + remaining;
      }
      remaining -= end - start;
    }
    day = next_working_day(day);
  }
}

bool WorkingCalendar::is_within_office_hours(Instant at) const {
  const date::year_month_day day = local_date(at);
  return is_working_day(day) && open_of(day) <= at && at < close_of(day);
}

}  // namespace samla
