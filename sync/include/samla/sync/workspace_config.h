#pragma once
// The administrator's configuration of a profile as text: office hours ("09:00-15:00 mon-fri"),
// and deadline policy versions as JSON. Parsing is strict and says what is wrong.
#include <stdexcept>
#include <string>

#include "samla/models/calendar.h"
#include "samla/models/deadline_policy.h"
#include "samla/models/office_hours.h"

namespace samla {

/// Configuration text that does not say what it should; the message is for an administrator.
class ConfigError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// "09:00-15:00 mon-fri", "08:00-15:30 mon,tue,wed,thu,fri", "09:00-15:00" (Monday–Friday).
[[nodiscard]] OfficeHours parse_office_hours(const std::string& text);
[[nodiscard]] std::string format_office_hours(const OfficeHours& hours);

/// The policy book as JSON text and back: every version with its effective time, rule and
/// number of working days per policy class, due-soon window and handover reminder limit.
[[nodiscard]] std::string policy_book_to_json(const PolicyBook& book);
[[nodiscard]] PolicyBook policy_book_from_json(const std::string& text);

/// The days a municipality closes beyond the statutory holidays, and the holidays it keeps
/// open, as JSON: {"closed_every_year": ["12-24"], "closed_days": ["2026-12-28"],
/// "open_days": []}.
[[nodiscard]] std::string closed_days_to_json(const HolidayCalendar::Config& config);
[[nodiscard]] HolidayCalendar::Config closed_days_from_json(const std::string& text);
/// Adds `day` to the closed days: "12-24" closes that date every year, "2026-12-28" once.
void add_closed_day(HolidayCalendar::Config& config, const std::string& day);
/// Keeps the offices open on "2026-05-14" even if it is a holiday or a closed day.
void add_open_day(HolidayCalendar::Config& config, const std::string& day);

}  // namespace samla
