// The Norwegian calendar and the working calendar: Easter, the statutory holidays against an
// independent published list, closed days, office hours, and office time across nights, weekends,
// holidays and daylight-saving switches. Expected values are worked out by hand from the calendar.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "calendar_fixture.h"
#include "samla/models/calendar.h"
#include "samla/models/office_hours.h"

#ifndef SAMLA_TEST_DATA_DIR
#error "SAMLA_TEST_DATA_DIR must name tests/data"
#endif

// The suites are named after the classes, so the tests live outside namespace samla and name
// samla::WorkingCalendar in full.
using samla::easter_sunday;
using samla::Holiday;
using samla::HolidayCalendar;
using samla::Instant;
using samla::norwegian_public_holidays;
using samla::OfficeHours;
using namespace std::chrono_literals;
using namespace date::literals;
using samla::test::oslo_calendar;
using samla::test::text;
using samla::test::utc;

namespace {

// The published list: for each year, the holiday dates (a day with two holidays is one row).
std::map<int, std::set<date::year_month_day>> read_reference_list() {
  std::ifstream in(std::string(SAMLA_TEST_DATA_DIR) + "/norwegian_holidays_1990_2100.csv");
  BOOST_REQUIRE_MESSAGE(in, "cannot open the reference holiday list in " SAMLA_TEST_DATA_DIR);
  std::map<int, std::set<date::year_month_day>> by_year;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#' || line.starts_with("date,")) {
      continue;
    }
    // A row starts with an ISO date: YYYY-MM-DD,
    BOOST_REQUIRE_MESSAGE(line.size() > 10 && line[4] == '-' && line[7] == '-' && line[10] == ',',
                          "unexpected line: " << line);
    const int y = std::stoi(line.substr(0, 4));
    const auto m = static_cast<unsigned>(std::stoi(line.substr(5, 2)));
    const auto d = static_cast<unsigned>(std::stoi(line.substr(8, 2)));
    const date::year_month_day day = date::year{y} / date::month{m} / date::day{d};
    BOOST_REQUIRE_MESSAGE(day.ok(), "not a date: " << line);
    by_year[y].insert(day);
  }
  return by_year;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Calendar)

BOOST_AUTO_TEST_CASE(easter_sunday_matches_published_dates) {
  BOOST_TEST(easter_sunday(1583) == 1583_y / date::April / 10);  // first Gregorian year
  BOOST_TEST(easter_sunday(1818) == 1818_y / date::March / 22);  // the earliest possible date
  BOOST_TEST(easter_sunday(1943) == 1943_y / date::April / 25);  // the latest possible date
  BOOST_TEST(easter_sunday(2000) == 2000_y / date::April / 23);
  BOOST_TEST(easter_sunday(2024) == 2024_y / date::March / 31);
  BOOST_TEST(easter_sunday(2025) == 2025_y / date::April / 20);
  BOOST_TEST(easter_sunday(2026) == 2026_y / date::April / 5);
  BOOST_TEST(easter_sunday(2038) == 2038_y / date::April / 25);
  BOOST_TEST(easter_sunday(2285) == 2285_y / date::March / 22);
  BOOST_TEST(easter_sunday(9999) == 9999_y / date::March / 28);
}

BOOST_AUTO_TEST_CASE(easter_is_a_sunday_from_22_march_to_25_april_in_every_year) {
  for (int year = 1583; year <= 9999; ++year) {
    const date::year_month_day easter = easter_sunday(year);
    BOOST_TEST_REQUIRE(static_cast<int>(easter.year()) == year);
    BOOST_TEST_REQUIRE(date::weekday{date::sys_days{easter}} == date::Sunday);
    BOOST_TEST_REQUIRE(easter >= date::year{year} / date::March / 22);
    BOOST_TEST_REQUIRE(easter <= date::year{year} / date::April / 25);
  }
}

BOOST_AUTO_TEST_CASE(years_outside_the_gregorian_range_are_rejected) {
  BOOST_CHECK_THROW((void)easter_sunday(1582), std::out_of_range);
  BOOST_CHECK_THROW((void)easter_sunday(10000), std::out_of_range);
  BOOST_CHECK_THROW((void)norwegian_public_holidays(1582), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(holidays_of_2026_with_their_names) {
  // Easter Sunday 2026 is 5 April: Maundy Thursday 2 April, Ascension 14 May (+39), Whit Sunday
  // 24 May (+49); 17 May is a Sunday and 26 December a Saturday, they stay holidays.
  const std::vector<Holiday> holidays = norwegian_public_holidays(2026);
  const std::vector<std::pair<date::year_month_day, std::string_view>> expected{
      {2026_y / 1 / 1, "Første nyttårsdag"},
      {2026_y / 4 / 2, "Skjærtorsdag"},
      {2026_y / 4 / 3, "Langfredag"},
      {2026_y / 4 / 5, "Første påskedag"},
      {2026_y / 4 / 6, "Andre påskedag"},
      {2026_y / 5 / 1, "Arbeidernes dag"},
      {2026_y / 5 / 14, "Kristi himmelfartsdag"},
      {2026_y / 5 / 17, "Grunnlovsdagen"},
      {2026_y / 5 / 24, "Første pinsedag"},
      {2026_y / 5 / 25, "Andre pinsedag"},
      {2026_y / 12 / 25, "Første juledag"},
      {2026_y / 12 / 26, "Andre juledag"},
  };
  BOOST_TEST_REQUIRE(holidays.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST(holidays[i].day == expected[i].first);
    BOOST_TEST(holidays[i].name_nb == expected[i].second);
    BOOST_TEST(!holidays[i].name_nn.empty());
  }
  BOOST_TEST(holidays[5].name_nn == "Arbeidarane sin dag");
}

BOOST_AUTO_TEST_CASE(two_holidays_on_one_day_stay_two_entries) {
  // Easter 2008 was 23 March, so Ascension Day (+39) fell on 1 May.
  std::vector<Holiday> holidays = norwegian_public_holidays(2008);
  BOOST_TEST(holidays.size() == 12U);
  BOOST_TEST(holidays[5].day == 2008_y / 5 / 1);
  BOOST_TEST(holidays[6].day == 2008_y / 5 / 1);
  // Easter 2027 is 28 March, so Whit Monday (+50) is 17 May.
  holidays = norwegian_public_holidays(2027);
  const auto on_17_may = std::count_if(holidays.begin(), holidays.end(),
                                       [](const Holiday& h) { return h.day == 2027_y / 5 / 17; });
  BOOST_TEST(on_17_may == 2);
}

BOOST_AUTO_TEST_CASE(holidays_are_sorted_by_date_in_every_year) {
  // Easter on 22 March (2285) puts Ascension Day on 30 April, before 1 May.
  const std::vector<Holiday> in_2285 = norwegian_public_holidays(2285);
  BOOST_TEST(in_2285[5].day == 2285_y / 4 / 30);
  BOOST_TEST(in_2285[5].name_nb == "Kristi himmelfartsdag");
  for (int year = 1583; year <= 9999; ++year) {
    const std::vector<Holiday> holidays = norwegian_public_holidays(year);
    BOOST_TEST_REQUIRE(
        std::is_sorted(holidays.begin(), holidays.end(),
                       [](const Holiday& a, const Holiday& b) { return a.day < b.day; }));
  }
}

// The reference list (python-holidays, see the CSV's header) agrees with the statutory list in
// every year 1990-2100; it starts 1 and 17 May only in 1947, which this range does not reach.
BOOST_AUTO_TEST_CASE(holidays_match_the_published_list_1990_to_2100) {
  const auto reference = read_reference_list();
  BOOST_TEST_REQUIRE(reference.size() == 111U);
  BOOST_TEST_REQUIRE(reference.begin()->first == 1990);
  BOOST_TEST_REQUIRE(reference.rbegin()->first == 2100);
  for (const auto& [year, days] : reference) {
    std::set<date::year_month_day> ours;
    for (const Holiday& holiday : norwegian_public_holidays(year)) {
      ours.insert(holiday.day);
    }
    BOOST_TEST(ours == days, "holidays differ in " << year);
  }
}

BOOST_AUTO_TEST_CASE(is_public_holiday_matches_the_published_list_on_every_day) {
  const auto reference = read_reference_list();
  const date::sys_days last{2100_y / 12 / 31};
  int holidays = 0;
  for (date::sys_days d{1990_y / 1 / 1}; d <= last; d += date::days{1}) {
    const date::year_month_day day{d};
    const bool listed = reference.at(static_cast<int>(day.year())).contains(day);
    BOOST_TEST_REQUIRE(HolidayCalendar::is_public_holiday(day) == listed, "on " << day);
    holidays += listed ? 1 : 0;
  }
  BOOST_TEST(holidays == 1322);  // 111 years x 12 holidays, less 10 days with two at once
}

BOOST_AUTO_TEST_CASE(a_municipality_adds_closed_days_and_keeps_some_open) {
  HolidayCalendar::Config config;
  config.closed_every_year = {date::December / 24, date::December / 31};
  config.closed_days = {2026_y / 5 / 15};                 // the Friday after Ascension Day
  config.open_days = {2026_y / 4 / 2, 2027_y / 12 / 24};  // Maundy Thursday; one Christmas Eve
  const HolidayCalendar calendar(config);

  BOOST_TEST(calendar.is_closed(2026_y / 12 / 24));
  BOOST_TEST(!HolidayCalendar::is_public_holiday(2026_y / 12 / 24));
  BOOST_TEST(calendar.is_closed(2026_y / 12 / 31));
  BOOST_TEST(calendar.is_closed(2026_y / 5 / 15));
  BOOST_TEST(!calendar.is_closed(2027_y / 5 / 15));  // one-off only
  BOOST_TEST(calendar.is_closed(2026_y / 12 / 25));  // statutory stays closed
  BOOST_TEST(!calendar.is_closed(2026_y / 4 / 2));   // open on a holiday
  BOOST_TEST(HolidayCalendar::is_public_holiday(2026_y / 4 / 2));
  BOOST_TEST(!calendar.is_closed(2027_y / 12 / 24));  // open wins over a yearly closed day
  BOOST_TEST(!calendar.is_closed(2026_y / 3 / 4));    // an ordinary Wednesday

  const HolidayCalendar statutory;
  BOOST_TEST(!statutory.is_closed(2026_y / 12 / 24));
  BOOST_TEST(statutory.is_closed(2026_y / 4 / 2));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(WorkingCalendar)

BOOST_AUTO_TEST_CASE(the_test_zone_follows_the_time_zone_contract) {
  const samla::test::OsloZoneForTests oslo;
  BOOST_TEST(oslo.offset_at(utc(2026_y / 1 / 15, 12h)).count() == 3600);
  BOOST_TEST(oslo.offset_at(utc(2026_y / 7 / 15, 12h)).count() == 7200);
  // Spring 2026: clocks jump from 02:00 to 03:00 on 29 March (01:00 UTC); 02:30 does not exist
  // and moves forward past the gap, to 03:30 CEST = 01:30 UTC.
  BOOST_TEST(text(oslo.from_local(date::local_days{2026_y / 3 / 29} + 2h + 30min)) ==
             "2026-03-29 01:30:00");
  BOOST_TEST(text(oslo.from_local(date::local_days{2026_y / 3 / 29} + 3h)) ==
             "2026-03-29 01:00:00");
  // Autumn 2026: 03:00 CEST becomes 02:00 CET on 25 October; 02:30 happens twice, the earlier
  // is 02:30 CEST = 00:30 UTC.
  BOOST_TEST(text(oslo.from_local(date::local_days{2026_y / 10 / 25} + 2h + 30min)) ==
             "2026-10-25 00:30:00");
}

BOOST_AUTO_TEST_CASE(office_hours_are_validated) {
  BOOST_TEST(OfficeHours{}.validation_error().empty());
  OfficeHours backwards;
  backwards.open = 15h;
  backwards.close = 9h;
  BOOST_TEST(!backwards.validation_error().empty());
  OfficeHours past_midnight;
  past_midnight.close = 25h;
  BOOST_TEST(!past_midnight.validation_error().empty());
  OfficeHours before_midnight;
  before_midnight.open = -1h;
  BOOST_TEST(!before_midnight.validation_error().empty());
  OfficeHours never;
  never.working_weekdays.fill(false);
  BOOST_TEST(!never.validation_error().empty());
  BOOST_CHECK_THROW((void)oslo_calendar(never), std::invalid_argument);
  OfficeHours all_day;
  all_day.open = 0h;
  all_day.close = 24h;
  BOOST_TEST(all_day.validation_error().empty());
}

BOOST_AUTO_TEST_CASE(local_date_follows_the_oslo_offset) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  // 23:30 UTC on 28 March 2026 is 00:30 CET on Sunday 29 March.
  BOOST_TEST(calendar.local_date(utc(2026_y / 3 / 28, 23h + 30min)) == 2026_y / 3 / 29);
  // 22:30 UTC on 24 October 2026 is 00:30 CEST on 25 October; an hour earlier, still the 24th.
  BOOST_TEST(calendar.local_date(utc(2026_y / 10 / 24, 22h + 30min)) == 2026_y / 10 / 25);
  BOOST_TEST(calendar.local_date(utc(2026_y / 10 / 24, 21h + 59min)) == 2026_y / 10 / 24);
  // 23:00 UTC on 25 October 2026 is 00:00 CET on the 26th (winter time again).
  BOOST_TEST(calendar.local_date(utc(2026_y / 10 / 25, 23h)) == 2026_y / 10 / 26);
  BOOST_TEST(calendar.local_date(utc(2026_y / 10 / 25, 22h + 59min)) == 2026_y / 10 / 25);
}

BOOST_AUTO_TEST_CASE(working_days_skip_weekends_and_holidays) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  BOOST_TEST(calendar.is_working_day(2026_y / 3 / 2));    // Monday
  BOOST_TEST(!calendar.is_working_day(2026_y / 3 / 7));   // Saturday
  BOOST_TEST(!calendar.is_working_day(2026_y / 3 / 8));   // Sunday
  BOOST_TEST(!calendar.is_working_day(2026_y / 4 / 2));   // Maundy Thursday
  BOOST_TEST(!calendar.is_working_day(2026_y / 5 / 14));  // Ascension Day
  BOOST_TEST(calendar.is_working_day(2026_y / 12 / 24));  // Christmas Eve: open by default
  // Easter 2026: Wednesday 1 April, then Thursday to Monday closed, open again Tuesday 7 April.
  BOOST_TEST(calendar.next_working_day(2026_y / 4 / 1) == 2026_y / 4 / 7);
  // Thursday 24 December 2026 -> Monday 28 (Christmas Day is a Friday).
  BOOST_TEST(calendar.next_working_day(2026_y / 12 / 24) == 2026_y / 12 / 28);
  // Thursday 31 December 2026 -> Monday 4 January 2027 (New Year's Day is a Friday).
  BOOST_TEST(calendar.next_working_day(2026_y / 12 / 31) == 2027_y / 1 / 4);
  // Strictly after, also from a working day.
  BOOST_TEST(calendar.next_working_day(2026_y / 3 / 2) == 2026_y / 3 / 3);
}

BOOST_AUTO_TEST_CASE(add_working_days_counts_from_the_day_after) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  BOOST_TEST(calendar.add_working_days(2026_y / 3 / 7, 0) == 2026_y / 3 / 7);
  // Saturday 7 March 2026: Mon 9, Tue 10, Wed 11, Thu 12, Fri 13.
  BOOST_TEST(calendar.add_working_days(2026_y / 3 / 7, 5) == 2026_y / 3 / 13);
  // Monday 30 March 2026: Tue 31, Wed 1 April, (Easter Thu 2 - Mon 6), Tue 7, Wed 8, Thu 9.
  BOOST_TEST(calendar.add_working_days(2026_y / 3 / 30, 5) == 2026_y / 4 / 9);
  // Backwards from Tuesday 7 April over Easter: Wednesday 1 April, then Tuesday 31 March.
  BOOST_TEST(calendar.add_working_days(2026_y / 4 / 7, -1) == 2026_y / 4 / 1);
  BOOST_TEST(calendar.add_working_days(2026_y / 4 / 7, -2) == 2026_y / 3 / 31);
}

BOOST_AUTO_TEST_CASE(open_and_close_follow_daylight_saving) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  BOOST_TEST(text(calendar.open_of(2026_y / 3 / 27)) == "2026-03-27 08:00:00");  // CET
  BOOST_TEST(text(calendar.close_of(2026_y / 3 / 27)) == "2026-03-27 14:00:00");
  BOOST_TEST(text(calendar.open_of(2026_y / 3 / 30)) == "2026-03-30 07:00:00");  // CEST
  BOOST_TEST(text(calendar.close_of(2026_y / 3 / 30)) == "2026-03-30 13:00:00");
  BOOST_TEST(text(calendar.close_of(2026_y / 10 / 23)) == "2026-10-23 13:00:00");  // CEST
  BOOST_TEST(text(calendar.close_of(2026_y / 10 / 26)) == "2026-10-26 14:00:00");  // CET
}

BOOST_AUTO_TEST_CASE(within_office_hours_includes_opening_and_excludes_closing) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  // Monday 2 March 2026, CET: 09:00 is 08:00 UTC, 15:00 is 14:00 UTC.
  BOOST_TEST(!calendar.is_within_office_hours(utc(2026_y / 3 / 2, 7h + 59min + 59s)));
  BOOST_TEST(calendar.is_within_office_hours(utc(2026_y / 3 / 2, 8h)));
  BOOST_TEST(calendar.is_within_office_hours(utc(2026_y / 3 / 2, 13h + 59min + 59s)));
  BOOST_TEST(!calendar.is_within_office_hours(utc(2026_y / 3 / 2, 14h)));
  // Saturday noon, and noon on Good Friday 2026 (CEST).
  BOOST_TEST(!calendar.is_within_office_hours(utc(2026_y / 3 / 7, 11h)));
  BOOST_TEST(!calendar.is_within_office_hours(utc(2026_y / 4 / 3, 10h)));
}

BOOST_AUTO_TEST_CASE(working_time_between_counts_office_time_only) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  auto between = [&](Instant a, Instant b) { return calendar.working_time_between(a, b).count(); };
  // Monday 2 March 2026 10:00-13:30 CET.
  BOOST_TEST(between(utc(2026_y / 3 / 2, 9h), utc(2026_y / 3 / 2, 12h + 30min)) == 210);
  // Overnight: Monday 14:00 CET -> Tuesday 10:00 CET is 1 h + 1 h.
  BOOST_TEST(between(utc(2026_y / 3 / 2, 13h), utc(2026_y / 3 / 3, 9h)) == 120);
  // Weekend: Friday 6 March 13:00 CET -> Monday 9 March 09:30 CET is 2 h + 30 min.
  BOOST_TEST(between(utc(2026_y / 3 / 6, 12h), utc(2026_y / 3 / 9, 8h + 30min)) == 150);
  // Easter: Wednesday 1 April 12:00 CEST -> Tuesday 7 April 10:00 CEST is 3 h + 1 h.
  BOOST_TEST(between(utc(2026_y / 4 / 1, 10h), utc(2026_y / 4 / 7, 8h)) == 240);
  // Daylight saving: Friday 27 March 14:00 CET -> Monday 30 March 10:00 CEST is 1 h + 1 h,
  // though 67 hours pass in UTC.
  BOOST_TEST(between(utc(2026_y / 3 / 27, 13h), utc(2026_y / 3 / 30, 8h)) == 120);
  // A whole week, midnight to midnight: five days of six hours.
  BOOST_TEST(between(utc(2026_y / 3 / 1, 23h), utc(2026_y / 3 / 8, 23h)) == 5 * 360);
  // Outside office hours only, backwards, and under a minute.
  BOOST_TEST(between(utc(2026_y / 3 / 7, 8h), utc(2026_y / 3 / 8, 20h)) == 0);
  BOOST_TEST(between(utc(2026_y / 3 / 3, 9h), utc(2026_y / 3 / 2, 9h)) == 0);
  BOOST_TEST(between(utc(2026_y / 3 / 2, 9h), utc(2026_y / 3 / 2, 9h + 59s)) == 0);
}

BOOST_AUTO_TEST_CASE(working_time_on_the_switch_days_is_wall_clock_time) {
  OfficeHours every_day_all_day;
  every_day_all_day.open = 0h;
  every_day_all_day.close = 24h;
  every_day_all_day.working_weekdays.fill(true);
  const samla::WorkingCalendar all_day = oslo_calendar(every_day_all_day);
  // Sunday 29 March 2026 has 23 hours, Sunday 25 October 2026 has 25.
  BOOST_TEST(
      all_day
          .working_time_between(all_day.open_of(2026_y / 3 / 29), all_day.close_of(2026_y / 3 / 29))
          .count() == 23 * 60);
  BOOST_TEST(all_day
                 .working_time_between(all_day.open_of(2026_y / 10 / 25),
                                       all_day.close_of(2026_y / 10 / 25))
                 .count() == 25 * 60);
  // Office hours 01:00-04:00 across the spring gap: 01:00 CET (00:00 UTC) to 04:00 CEST (02:00
  // UTC).
  OfficeHours night = every_day_all_day;
  night.open = 1h;
  night.close = 4h;
  const samla::WorkingCalendar night_shift = oslo_calendar(night);
  BOOST_TEST(text(night_shift.open_of(2026_y / 3 / 29)) == "2026-03-29 00:00:00");
  BOOST_TEST(text(night_shift.close_of(2026_y / 3 / 29)) == "2026-03-29 02:00:00");
  BOOST_TEST(night_shift.working_time_between(utc(2026_y / 3 / 28, 12h), utc(2026_y / 3 / 29, 12h))
                 .count() == 120);
}

BOOST_AUTO_TEST_CASE(add_working_time_carries_over_nights_weekends_and_holidays) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  // Monday 2 March 13:00 CET + 2 h = 15:00 the same day: a close counts.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 3 / 2, 12h), 2h)) ==
             "2026-03-02 14:00:00");
  // Monday 13:00 CET + 4 h = 2 h on Monday, 2 h on Tuesday: Tuesday 11:00 CET.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 3 / 2, 12h), 4h)) ==
             "2026-03-03 10:00:00");
  // Before opening: Monday 06:00 CET + 1 h = 10:00 CET.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 3 / 2, 5h), 1h)) == "2026-03-02 09:00:00");
  // Saturday 7 March + 6 h = all of Monday: 15:00 CET.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 3 / 7, 11h), 6h)) ==
             "2026-03-09 14:00:00");
  // Easter: Wednesday 1 April 12:00 CEST + 4 h = 3 h, then Tuesday 7 April 10:00 CEST.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 4 / 1, 10h), 4h)) ==
             "2026-04-07 08:00:00");
  // Daylight saving: Friday 27 March 14:00 CET + 2 h = Monday 30 March 10:00 CEST.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 3 / 27, 13h), 2h)) ==
             "2026-03-30 08:00:00");
  // Christmas 2026, Wednesday 23 December 14:00 CET + 4 h: 1 h, then Christmas Eve 09:00-12:00.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 12 / 23, 13h), 4h)) ==
             "2026-12-24 11:00:00");
  HolidayCalendar::Config christmas_eve_closed;
  christmas_eve_closed.closed_every_year = {date::December / 24};
  const samla::WorkingCalendar closed = oslo_calendar({}, HolidayCalendar(christmas_eve_closed));
  // ... and with Christmas Eve closed: 1 h, then Monday 28 December 09:00-12:00.
  BOOST_TEST(text(closed.add_working_time(utc(2026_y / 12 / 23, 13h), 4h)) ==
             "2026-12-28 11:00:00");
  // Nothing to add: the same instant, even outside hours.
  BOOST_TEST(text(calendar.add_working_time(utc(2026_y / 3 / 7, 11h), 0min)) ==
             "2026-03-07 11:00:00");
  BOOST_CHECK_THROW((void)calendar.add_working_time(utc(2026_y / 3 / 2, 12h), -1min),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(add_working_time_and_working_time_between_agree) {
  const samla::WorkingCalendar calendar = oslo_calendar();
  // Every 7 h 13 min through 2026 (so the start walks through all times of day and weekdays).
  for (Instant from = utc(2026_y / 1 / 1, 0h); from < utc(2027_y / 1 / 1, 0h); from += 7h + 13min) {
    for (const std::chrono::minutes amount : {1min, 90min, 360min, 241min, 1860min}) {
      const Instant until = calendar.add_working_time(from, amount);
      BOOST_TEST_REQUIRE(calendar.working_time_between(from, until).count() == amount.count(),
                         "from " << text(from) << " + " << amount.count() << " min");
      BOOST_TEST_REQUIRE(calendar.working_time_between(from, until - 1s).count() < amount.count());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
