#pragma once
// The administrator's configuration of a profile as text: office hours ("09:00-15:00 mon-fri"),
// and deadline policy versions as JSON. Parsing is strict and says what is wrong.
#include <stdexcept>
#include <string>

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

}  // namespace samla
