#include "samla/models/calendar.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>

namespace samla {
namespace {

constexpr int kFirstGregorianYear = 1583;  // first full year of the Gregorian calendar
constexpr int kLastYear = 9999;

// A statutory holiday is either on a fixed date or a fixed number of days from Easter Sunday.
// One table serves both the list and the look-up, so they cannot disagree.
struct HolidayRule {
  date::month_day fixed;  // used when !from_easter
  bool from_easter;
  int days_from_easter;
  std::string_view name_nb;
  std::string_view name_nn;
};

constexpr HolidayRule fixed(date::month_day md, std::string_view nb, std::string_view nn) {
  return {md, false, 0, nb, nn};
}
constexpr HolidayRule easter(int offset, std::string_view nb, std::string_view nn) {
  return {date::month_day{}, true, offset, nb, nn};
}

// In the statutory order; not always calendar order (Ascension Day can be 30 April), see the sort.
constexpr std::array kRules{
    fixed(date::January / 1, "Første nyttårsdag", "Første nyttårsdag"),
    easter(-3, "Skjærtorsdag", "Skjærtorsdag"),
    easter(-2, "Langfredag", "Langfredag"),
    easter(0, "Første påskedag", "Første påskedag"),
    easter(1, "Andre påskedag", "Andre påskedag"),
    fixed(date::May / 1, "Arbeidernes dag", "Arbeidarane sin dag"),
    fixed(date::May / 17, "Grunnlovsdagen", "Grunnlovsdagen"),
    easter(39, "Kristi himmelfartsdag", "Kristi himmelfartsdag"),
    easter(49, "Første pinsedag", "Første pinsedag"),
    easter(50, "Andre pinsedag", "Andre pinsedag"),
    fixed(date::December / 25, "Første juledag", "Første juledag"),
    fixed(date::December / 26, "Andre juledag", "Andre juledag"),
};

void check_year(int year) {
  if (year < kFirstGregorianYear || year > kLastYear) {
    throw std::out_of_range("the holiday calendar covers the years " +
                            std::to_string(kFirstGregorianYear) + " to " +
                            std::to_string(kLastYear) + ", not " + std::to_string(year));
  }
}

date::sys_days day_of(const HolidayRule& rule, int year, date::sys_days easter_day) {
  if (rule.from_easter) {
    return easter_day + date::days{rule.days_from_easter};
  }
  return date::sys_days{date::year{year} / rule.fixed};
}

}  // namespace

date::year_month_day easter_sunday(int year) {
  check_year(year);
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher), all integer arithmetic.
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return date::year{year} / date::month{static_cast<unsigned>(month)} /
         date::day{static_cast<unsigned>(day)};
}

std::vector<Holiday> norwegian_public_holidays(int year) {
  const date::sys_days easter_day{easter_sunday(year)};
  std::vector<Holiday> holidays;
  holidays.reserve(kRules.size());
  for (const HolidayRule& rule : kRules) {
    holidays.push_back(
        {date::year_month_day{day_of(rule, year, easter_day)}, rule.name_nb, rule.name_nn});
  }
  // Stable: two holidays on one day keep the table's order.
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const Holiday& x, const Holiday& y) { return x.day < y.day; });
  return holidays;
}

HolidayCalendar::HolidayCalendar(Config config)
    : config_(std::make_shared<const Config>(std::move(config))) {}

const HolidayCalendar::Config& HolidayCalendar::config() const {
  static const Config kStatutoryOnly;
  return config_ ? *config_ : kStatutoryOnly;
}

bool HolidayCalendar::is_public_holiday(date::year_month_day day) {
  const int year = static_cast<int>(day.year());
  const date::sys_days easter_day{easter_sunday(year)};
  const date::sys_days wanted{day};
  return std::any_of(kRules.begin(), kRules.end(), [&](const HolidayRule& rule) {
    return day_of(rule, year, easter_day) == wanted;
  });
}

bool HolidayCalendar::is_closed(date::year_month_day day) const {
  const Config& extra = config();
  if (extra.open_days.contains(day)) {
    return false;
  }
  return extra.closed_days.contains(day) ||
         extra.closed_every_year.contains(day.month() / day.day()) || is_public_holiday(day);
}

}  // namespace samla
