#pragma once
// Why the rules refused an event or a command, in words a person can read. The message is an
// English format string (also the gettext msgid) with positional arguments {0}, {1} …, so the
// client can translate it without models knowing about catalogues.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "samla/models/time.h"

namespace samla {

/// One argument of a rejection: text, or a moment shown in the reader's local time.
using RejectionArg = std::variant<std::string, Instant>;

struct Rejection {
  std::string_view format;  // e.g. "only a lead of {0} can assign this conversation"
  std::vector<RejectionArg> args;

  /// The message in English with moments written as "dd.mm.yyyy HH:MM" in `zone`.
  [[nodiscard]] std::string text(const TimeZone& zone) const;
  /// The same with a translated format string.
  [[nodiscard]] std::string text(std::string_view translated_format, const TimeZone& zone) const;
};

/// Substitutes {0}, {1} … in `format`; used for rejections and anything else with positional
/// arguments. Unknown indexes are left as written.
[[nodiscard]] std::string substitute(std::string_view format, const std::vector<std::string>& args);

/// "dd.mm.yyyy HH:MM" in the zone's local time, the way Norwegian offices write it.
[[nodiscard]] std::string format_local(Instant at, const TimeZone& zone);

}  // namespace samla
