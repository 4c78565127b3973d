#pragma once
// Dates and times written out the way a letter in each language writes them:
// «måndag 7. desember 2026» (nn), «mandag 7. desember 2026» (nb), «Monday 7 December 2026» (en).
#include <string>

#include <date/date.h>

#include "samla/models/time.h"
#include "samla/templates/language.h"

namespace samla {

[[nodiscard]] std::string long_date(date::year_month_day day, Language language);
/// The long date plus the time of day: «måndag 7. desember 2026 kl. 15:00» / «… at 15:00».
[[nodiscard]] std::string long_date_time(Instant at, const TimeZone& zone, Language language);

}  // namespace samla
