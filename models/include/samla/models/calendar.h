#pragma once
// The Norwegian public holidays, and which days an office is closed because of them.

#include <memory>
#include <set>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace samla {

/// Western (Gregorian) Easter Sunday of `year`; the moving Norwegian holidays hang off it.
/// Throws std::out_of_range outside 1583..9999 (before the Gregorian calendar, past 4 digits).
[[nodiscard]] date::year_month_day easter_sunday(int year);

/// One statutory public holiday (helligdag or offentleg høgtidsdag) with its names in bokmål and
/// nynorsk; the names are static text, so the views never dangle.
struct Holiday {
  date::year_month_day day;
  std::string_view name_nb;
  std::string_view name_nn;
};

/// The statutory holidays of `year`, sorted by date: 1 Jan, Maundy Thursday, Good Friday, Easter
/// Sunday and Monday, 1 May, 17 May, Ascension Day, Whit Sunday and Monday, 25 and 26 Dec
/// (helligdagsloven and the 1947 law on 1 and 17 May). Today's list is applied to every year.
/// Two holidays on one day (17 May on Ascension Day, e.g. 2007) stay two entries with one date.
/// Throws std::out_of_range outside 1583..9999.
[[nodiscard]] std::vector<Holiday> norwegian_public_holidays(int year);

/// The days an office is closed for holidays: the statutory ones, plus the days a municipality
/// also closes (Christmas Eve, a one-off closure), minus holidays it keeps open. Immutable once
/// built, cheap to copy (the configuration is shared) and safe to share between threads; no cache
/// is needed, since a look-up is a few integer operations (one Easter computation).
class HolidayCalendar {
 public:
  /// What a municipality configures on top of the statutory list.
  struct Config {
    std::set<date::month_day> closed_every_year;  // e.g. 24 Dec and 31 Dec
    std::set<date::year_month_day> closed_days;   // one-off closures, e.g. a day between holidays
    std::set<date::year_month_day> open_days;     // wins over everything: open on these dates
  };

  HolidayCalendar() = default;  // statutory holidays only
  explicit HolidayCalendar(Config config);

  /// True on a statutory holiday, whatever the configuration says.
  [[nodiscard]] static bool is_public_holiday(date::year_month_day day);
  /// True when the office is closed for a holiday or a configured closed day.
  [[nodiscard]] bool is_closed(date::year_month_day day) const;
  [[nodiscard]] const Config& config() const;

 private:
  std::shared_ptr<const Config> config_;  // null: statutory holidays only
};

}  // namespace samla
