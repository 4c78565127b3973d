#include "samla/templates/date_text.h"

#include <array>
#include <cstdio>

namespace samla {
namespace {

// Index 0 is Monday, as ISO weekdays count.
constexpr std::array<std::string_view, 7> kWeekdayNn{"måndag", "tysdag",  "onsdag", "torsdag",
                                                     "fredag", "laurdag", "søndag"};
constexpr std::array<std::string_view, 7> kWeekdayNb{"mandag", "tirsdag", "onsdag", "torsdag",
                                                     "fredag", "lørdag",  "søndag"};
constexpr std::array<std::string_view, 7> kWeekdayEn{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                     "Friday", "Saturday", "Sunday"};
// Month names are the same in nynorsk and bokmål.
constexpr std::array<std::string_view, 12> kMonthNo{"januar",    "februar", "mars",     "april",
                                                    "mai",       "juni",    "juli",     "august",
                                                    "september", "oktober", "november", "desember"};
constexpr std::array<std::string_view, 12> kMonthEn{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string long_date(date::year_month_day day, Language language) {
  const auto weekday = date::weekday{date::sys_days{day}}.iso_encoding() - 1;
  const auto month = static_cast<unsigned>(day.month()) - 1;
  const auto d = std::to_string(static_cast<unsigned>(day.day()));
  const auto y = std::to_string(static_cast<int>(day.year()));
  switch (language) {
    case Language::Nynorsk:
      return std::string(kWeekdayNn[weekday]) + " " + d + ". " + std::string(kMonthNo[month]) +
             " " + y;
    case Language::Bokmal:
      return std::string(kWeekdayNb[weekday]) + " " + d + ". " + std::string(kMonthNo[month]) +
             " " + y;
    case Language::English:
      return std::string(kWeekdayEn[weekday]) + " " + d + " " + std::string(kMonthEn[month]) + " " +
             y;
  }
  return {};
}

std::string long_date_time(Instant at, const TimeZone& zone, Language language) {
  const auto local = date::local_seconds{(at + zone.offset_at(at)).time_since_epoch()};
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<std::chrono::seconds> tod{local - day};
  std::array<char, 8> clock{};
  std::snprintf(clock.data(), clock.size(), "%02d:%02d", static_cast<int>(tod.hours().count()),
                static_cast<int>(tod.minutes().count()));
  const auto text = long_date(date::year_month_day{day}, language);
  return text + (language == Language::English ? " at " : " kl. ") + clock.data();
}

}  // namespace samla
