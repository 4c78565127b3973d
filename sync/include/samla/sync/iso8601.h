#pragma once
// Instants as ISO 8601 text, the way files, JSON payloads and the hub exchange them. Samla always
// writes UTC with seconds ("2026-11-22T10:00:00Z"); it reads that and explicit offsets.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "samla/models/time.h"

namespace samla {

/// "2026-11-22T10:00:00Z".
[[nodiscard]] std::string to_iso8601(Instant at);

/// Reads "YYYY-MM-DDTHH:MM:SS" followed by "Z" or an offset "+hh:mm"/"-hh:mm"; fractional seconds
/// are allowed and dropped. Nothing else: no date without time, no local time without a zone.
/// nullopt when the text is not such a time.
[[nodiscard]] std::optional<Instant> parse_iso8601(std::string_view text);

/// Reads what people and other systems write: "YYYY-MM-DDTHH:MM[:SS[.fff]]" (a space may stand
/// for the T) followed by "Z", an offset ("+hh:mm", "+hhmm", "+hh"), or nothing: then it is a
/// wall-clock time in `local` (a time in the spring gap moves forward past it, an ambiguous autumn
/// time is the earlier instant). No date without a time. nullopt when the text is not such a time.
[[nodiscard]] std::optional<Instant> parse_iso8601(std::string_view text, const TimeZone& local);

/// `at` as wall-clock time in `zone` with that zone's offset, for people and exports:
/// "2026-12-31T15:00:00+01:00".
[[nodiscard]] std::string format_iso8601(Instant at, const TimeZone& zone);

}  // namespace samla
