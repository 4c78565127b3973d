// Deadline policy: each rule across weekends, Easter, 17 May, Ascension, Whitsun, Christmas and
// New Year, daylight-saving switches, the exact minutes of opening and closing, custom office
// hours and counts; and the policy versions over time. Dates are worked out by hand from the
// 2026-2028 calendars (Easter 2026: 5 April; 2028: 16 April).
#include <string>

#include <boost/test/unit_test.hpp>

#include "calendar_fixture.h"
#include "samla/models/deadline_policy.h"

// The suites are named after the types, so the tests live outside namespace samla and name
// samla::DeadlinePolicy and samla::PolicyBook in full.
using samla::ChannelPolicy;
using samla::compute_deadline;
using samla::DeadlineRule;
using samla::HolidayCalendar;
using samla::Instant;
using samla::OfficeHours;
using samla::PolicyClass;
using namespace std::chrono_literals;
using namespace date::literals;
using samla::test::oslo_calendar;
using samla::test::text;
using samla::test::utc;

namespace {

// Inputs are in UTC with the Oslo wall clock in a comment (CEST from 29 March to 25 October
// 2026); every deadline is a close, 15:00 local = 14:00 or 13:00 UTC.

const ChannelPolicy kLetters = samla::DeadlinePolicy::defaults().channels.at(PolicyClass::Letters);
const ChannelPolicy kSocial = samla::DeadlinePolicy::defaults().channels.at(PolicyClass::Social);
const ChannelPolicy kCallback =
    samla::DeadlinePolicy::defaults().channels.at(PolicyClass::Callback);

std::string deadline(const ChannelPolicy& policy, Instant received,
                     const samla::WorkingCalendar& calendar = oslo_calendar()) {
  return text(compute_deadline(policy, received, calendar));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DeadlinePolicy)

BOOST_AUTO_TEST_CASE(defaults_are_the_channel_strategy) {
  const samla::DeadlinePolicy policy = samla::DeadlinePolicy::defaults();
  BOOST_TEST(policy.validation_error().empty());
  BOOST_TEST(policy.channels.size() == 3U);
  BOOST_TEST((kLetters.rule == DeadlineRule::WorkingDaysAfterReceipt));
  BOOST_TEST(kLetters.working_days == 5);
  BOOST_TEST((kSocial.rule == DeadlineRule::SameDayOrNextWorkingDay));
  BOOST_TEST(kSocial.working_days == 1);
  BOOST_TEST((kCallback.rule == DeadlineRule::NextWorkingDay));
  BOOST_TEST(kCallback.working_days == 1);
  BOOST_TEST(policy.due_soon_within.count() == 6 * 60);
  BOOST_TEST(policy.handover_reminder_after.count() == 4 * 60);
}

BOOST_AUTO_TEST_CASE(invalid_policies_are_explained) {
  samla::DeadlinePolicy missing = samla::DeadlinePolicy::defaults();
  missing.channels.erase(PolicyClass::Callback);
  BOOST_TEST(missing.validation_error() == "the policy has no deadline for callbacks");
  samla::DeadlinePolicy zero_days = samla::DeadlinePolicy::defaults();
  zero_days.channels[PolicyClass::Letters].working_days = 0;
  BOOST_TEST(!zero_days.validation_error().empty());
  samla::DeadlinePolicy no_reminder = samla::DeadlinePolicy::defaults();
  no_reminder.handover_reminder_after = 0min;
  BOOST_TEST(!no_reminder.validation_error().empty());
  BOOST_CHECK_THROW((void)compute_deadline({DeadlineRule::WorkingDaysAfterReceipt, 0},
                                           utc(2026_y / 3 / 2, 9h), oslo_calendar()),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(letters_within_five_working_days) {
  // Monday 2 March 2026 10:00 CET: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 -> Mon 9 March 15:00 CET.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 2, 9h)) == "2026-03-09 14:00:00");
  // The same at exactly 15:00 and before opening: the day of receipt never counts.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 2, 14h)) == "2026-03-09 14:00:00");
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 2, 6h)) == "2026-03-09 14:00:00");
  // Saturday 7 March: Mon 9 ... Fri 13 -> the following Friday, 15:00 CET.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 7, 11h)) == "2026-03-13 14:00:00");
  // Sunday 8 March 23:30 CET is 22:30 UTC: still Sunday, so the same Friday.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 8, 22h + 30min)) == "2026-03-13 14:00:00");
}

BOOST_AUTO_TEST_CASE(letters_across_easter) {
  // Monday 30 March 2026 10:00 CEST: Tue 31, Wed 1 April, (Thu 2 - Mon 6 closed), Tue 7,
  // Wed 8, Thu 9 -> Thursday 9 April 15:00 CEST.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 30, 8h)) == "2026-04-09 13:00:00");
  // Received on Good Friday 3 April: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13 -> Mon 13 April.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 4 / 3, 9h)) == "2026-04-13 13:00:00");
}

BOOST_AUTO_TEST_CASE(letters_across_17_may_ascension_and_whitsun) {
  // Monday 11 May 2026: Tue 12, Wed 13, (Thu 14 Ascension), Fri 15, Mon 18, Tue 19.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 5 / 11, 8h)) == "2026-05-19 13:00:00");
  // Friday 22 May 2026 14:00 CEST: (Whit Monday 25) Tue 26, Wed 27, Thu 28, Fri 29, Mon 1 June.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 5 / 22, 12h)) == "2026-06-01 13:00:00");
  // Friday 12 May 2028: Mon 15, Tue 16, (Wed 17 May), Thu 18, Fri 19, Mon 22 May.
  BOOST_TEST(deadline(kLetters, utc(2028_y / 5 / 12, 8h)) == "2028-05-22 13:00:00");
  // Thursday 30 April 2026: (Fri 1 May) Mon 4, Tue 5, Wed 6, Thu 7, Fri 8 May.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 4 / 30, 8h)) == "2026-05-08 13:00:00");
}

BOOST_AUTO_TEST_CASE(letters_across_christmas_and_the_year_end) {
  // Monday 28 December 2026 10:00 CET: Tue 29, Wed 30, Thu 31, (Fri 1 January 2027), Mon 4,
  // Tue 5 -> Tuesday 5 January 2027 15:00 CET.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 12 / 28, 9h)) == "2027-01-05 14:00:00");
  // Wednesday 23 December 2026, statutory holidays only: Thu 24, (Fri 25), Mon 28, Tue 29,
  // Wed 30, Thu 31.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 12 / 23, 11h)) == "2026-12-31 14:00:00");
  // ... with Christmas Eve and New Year's Eve closed: Mon 28, Tue 29, Wed 30, Mon 4, Tue 5.
  HolidayCalendar::Config closed;
  closed.closed_every_year = {date::December / 24, date::December / 31};
  const samla::WorkingCalendar municipality = oslo_calendar({}, HolidayCalendar(closed));
  BOOST_TEST(deadline(kLetters, utc(2026_y / 12 / 23, 11h), municipality) == "2027-01-05 14:00:00");
}

BOOST_AUTO_TEST_CASE(letters_across_the_daylight_saving_switches) {
  // Friday 27 March 2026 10:00 CET: Mon 30, Tue 31, Wed 1 April, (Easter), Tue 7, Wed 8;
  // received in CET, due in CEST.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 27, 9h)) == "2026-04-08 13:00:00");
  // Friday 23 October 2026 10:00 CEST: Mon 26 ... Fri 30 October, 15:00 CET.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 10 / 23, 8h)) == "2026-10-30 14:00:00");
}

BOOST_AUTO_TEST_CASE(social_same_day_before_close_else_next_working_day) {
  // Monday 2 March 2026 (CET): before opening, at opening and a second before close -> 15:00.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 2, 6h)) == "2026-03-02 14:00:00");
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 2, 8h)) == "2026-03-02 14:00:00");
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 2, 13h + 59min + 59s)) == "2026-03-02 14:00:00");
  // Exactly 15:00 is after close -> Tuesday 3 March 15:00.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 2, 14h)) == "2026-03-03 14:00:00");
  // Friday 6 March 16:00 CET and Saturday 7 March -> Monday 9 March.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 6, 15h)) == "2026-03-09 14:00:00");
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 7, 11h)) == "2026-03-09 14:00:00");
  // Maundy Thursday 2 April 2026 11:00 CEST -> Tuesday 7 April 15:00 CEST.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 4 / 2, 9h)) == "2026-04-07 13:00:00");
  // Thursday 30 April 2026 16:00 CEST: (Fri 1 May) -> Monday 4 May.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 4 / 30, 14h)) == "2026-05-04 13:00:00");
  // Wednesday 17 May 2028 10:00 CEST -> Thursday 18 May.
  BOOST_TEST(deadline(kSocial, utc(2028_y / 5 / 17, 8h)) == "2028-05-18 13:00:00");
  // Thursday 31 December 2026 15:30 CET: (Fri 1 January) -> Monday 4 January 2027.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 12 / 31, 14h + 30min)) == "2027-01-04 14:00:00");
}

BOOST_AUTO_TEST_CASE(social_on_christmas_eve_depends_on_the_municipality) {
  // Thursday 24 December 2026 10:00 CET: open by statute -> the same day.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 12 / 24, 9h)) == "2026-12-24 14:00:00");
  HolidayCalendar::Config closed;
  closed.closed_every_year = {date::December / 24};
  const samla::WorkingCalendar municipality = oslo_calendar({}, HolidayCalendar(closed));
  // Closed on Christmas Eve: (Fri 25, weekend) -> Monday 28 December.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 12 / 24, 9h), municipality) == "2026-12-28 14:00:00");
}

BOOST_AUTO_TEST_CASE(social_near_the_daylight_saving_switches) {
  // Saturday 28 March 2026 -> Monday 30 March, 15:00 CEST (13:00 UTC, not 14:00).
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 28, 11h)) == "2026-03-30 13:00:00");
  // A second before the switch (01:59:59 CET on Sunday 29 March) and just after (03:00 CEST).
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 29, 59min + 59s)) == "2026-03-30 13:00:00");
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 29, 1h)) == "2026-03-30 13:00:00");
  // Friday 23 October 2026 at exactly 15:00 CEST -> Monday 26 October 15:00 CET.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 10 / 23, 13h)) == "2026-10-26 14:00:00");
  // Sunday 25 October 02:30, first (CEST, 00:30 UTC) and second time (CET, 01:30 UTC).
  BOOST_TEST(deadline(kSocial, utc(2026_y / 10 / 25, 30min)) == "2026-10-26 14:00:00");
  BOOST_TEST(deadline(kSocial, utc(2026_y / 10 / 25, 1h + 30min)) == "2026-10-26 14:00:00");
  // Saturday 24 October 23:30 CEST (21:30 UTC) is still Saturday -> Monday 26 as well.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 10 / 24, 21h + 30min)) == "2026-10-26 14:00:00");
}

BOOST_AUTO_TEST_CASE(callback_by_close_of_the_next_working_day) {
  // Monday 2 March 2026, even before opening -> Tuesday 3 March 15:00 CET.
  BOOST_TEST(deadline(kCallback, utc(2026_y / 3 / 2, 6h)) == "2026-03-03 14:00:00");
  BOOST_TEST(deadline(kCallback, utc(2026_y / 3 / 2, 9h)) == "2026-03-03 14:00:00");
  // Friday 6 March 10:00 CET -> Monday 9 March.
  BOOST_TEST(deadline(kCallback, utc(2026_y / 3 / 6, 9h)) == "2026-03-09 14:00:00");
  // Wednesday 1 April 2026 (before Easter) -> Tuesday 7 April 15:00 CEST.
  BOOST_TEST(deadline(kCallback, utc(2026_y / 4 / 1, 9h)) == "2026-04-07 13:00:00");
  // Wednesday 13 May 2026: (Thu 14 Ascension) -> Friday 15 May.
  BOOST_TEST(deadline(kCallback, utc(2026_y / 5 / 13, 9h)) == "2026-05-15 13:00:00");
  // Wednesday 30 December 2026 -> Thursday 31; Thursday 31 -> Monday 4 January 2027.
  BOOST_TEST(deadline(kCallback, utc(2026_y / 12 / 30, 9h)) == "2026-12-31 14:00:00");
  BOOST_TEST(deadline(kCallback, utc(2026_y / 12 / 31, 9h)) == "2027-01-04 14:00:00");
}

BOOST_AUTO_TEST_CASE(custom_office_hours_and_counts) {
  OfficeHours long_day;
  long_day.open = 8h;
  long_day.close = 15h + 30min;
  const samla::WorkingCalendar calendar = oslo_calendar(long_day);
  // Monday 2 March 2026 -> Monday 9 March 15:30 CET.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 3 / 2, 9h), calendar) == "2026-03-09 14:30:00");
  // 15:15 CET is before a 15:30 close -> the same day; 15:30 itself is after close.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 2, 14h + 15min), calendar) ==
             "2026-03-02 14:30:00");
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 2, 14h + 30min), calendar) ==
             "2026-03-03 14:30:00");
  // Ten working days from Monday 2 March: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 March.
  const ChannelPolicy ten_days{DeadlineRule::WorkingDaysAfterReceipt, 10};
  BOOST_TEST(deadline(ten_days, utc(2026_y / 3 / 2, 9h)) == "2026-03-16 14:00:00");
  // Same day, else the 2nd working day: Saturday 7 March -> Mon 9, Tue 10.
  const ChannelPolicy social_two{DeadlineRule::SameDayOrNextWorkingDay, 2};
  BOOST_TEST(deadline(social_two, utc(2026_y / 3 / 7, 11h)) == "2026-03-10 14:00:00");
  BOOST_TEST(deadline(social_two, utc(2026_y / 3 / 9, 11h)) == "2026-03-09 14:00:00");
}

BOOST_AUTO_TEST_CASE(custom_working_weekdays) {
  OfficeHours tuesday_to_saturday;
  tuesday_to_saturday.working_weekdays = {false, true, true, true, true, true, false};
  const samla::WorkingCalendar calendar = oslo_calendar(tuesday_to_saturday);
  // Saturday 7 March 2026 11:00 CET is a working day here -> the same day.
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 7, 10h), calendar) == "2026-03-07 14:00:00");
  // Saturday 7 March 16:00 -> Tuesday 10 March (Sunday and Monday closed).
  BOOST_TEST(deadline(kSocial, utc(2026_y / 3 / 7, 15h), calendar) == "2026-03-10 14:00:00");
  // Good Friday 3 April 2026: Sat 4, (Sun 5, Easter Monday 6), Tue 7, Wed 8, Thu 9, Fri 10.
  BOOST_TEST(deadline(kLetters, utc(2026_y / 4 / 3, 9h), calendar) == "2026-04-10 13:00:00");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(PolicyBook)

// From 1 July 2026 00:00 CEST (30 June 22:00 UTC) letters are promised within 3 working days.
samla::PolicyBook book_with_summer_change() {
  samla::PolicyBook book;
  samla::DeadlinePolicy faster = samla::DeadlinePolicy::defaults();
  faster.channels[PolicyClass::Letters].working_days = 3;
  book.add(utc(2026_y / 6 / 30, 22h), faster);
  return book;
}

int letter_days(const samla::PolicyBook& book, Instant at) {
  return book.in_force_at(at).channels.at(PolicyClass::Letters).working_days;
}

BOOST_AUTO_TEST_CASE(a_new_book_has_the_defaults_from_the_beginning_of_time) {
  const samla::PolicyBook book;
  BOOST_TEST(book.versions().size() == 1U);
  BOOST_TEST((book.versions().begin()->first == Instant::min()));
  BOOST_TEST(letter_days(book, Instant::min()) == 5);
  BOOST_TEST(book.in_force_at(utc(1970_y / 1 / 1, 0h)).channels.size() == 3U);
  BOOST_TEST(letter_days(book, Instant::max()) == 5);
}

BOOST_AUTO_TEST_CASE(the_version_in_force_is_the_latest_not_after_the_instant) {
  const samla::PolicyBook book = book_with_summer_change();
  BOOST_TEST(letter_days(book, utc(2026_y / 6 / 30, 21h + 59min + 59s)) == 5);
  BOOST_TEST(letter_days(book, utc(2026_y / 6 / 30, 22h)) == 3);  // effective time is inclusive
  BOOST_TEST(letter_days(book, utc(2027_y / 6 / 30, 22h)) == 3);
}

BOOST_AUTO_TEST_CASE(a_conversation_keeps_the_policy_in_force_when_it_arrived) {
  const samla::PolicyBook book = book_with_summer_change();
  const samla::WorkingCalendar calendar = oslo_calendar();
  auto letter_deadline = [&](Instant received) {
    const ChannelPolicy& policy = book.in_force_at(received).channels.at(PolicyClass::Letters);
    return text(compute_deadline(policy, received, calendar));
  };
  // Tuesday 30 June 2026 12:00 CEST, old policy: Wed 1, Thu 2, Fri 3, Mon 6, Tue 7 July.
  BOOST_TEST(letter_deadline(utc(2026_y / 6 / 30, 10h)) == "2026-07-07 13:00:00");
  // Wednesday 1 July 2026 12:00 CEST, new policy: Thu 2, Fri 3, Mon 6 July -- earlier.
  BOOST_TEST(letter_deadline(utc(2026_y / 7 / 1, 10h)) == "2026-07-06 13:00:00");
}

BOOST_AUTO_TEST_CASE(versions_may_be_added_in_any_order_and_replaced) {
  samla::PolicyBook book = book_with_summer_change();
  samla::DeadlinePolicy slower = samla::DeadlinePolicy::defaults();
  slower.channels[PolicyClass::Letters].working_days = 7;
  book.add(utc(2026_y / 1 / 1, 0h), slower);  // before the summer change, added after it
  BOOST_TEST(book.versions().size() == 3U);
  BOOST_TEST(letter_days(book, utc(2025_y / 12 / 31, 23h)) == 5);
  BOOST_TEST(letter_days(book, utc(2026_y / 3 / 1, 0h)) == 7);
  BOOST_TEST(letter_days(book, utc(2026_y / 8 / 1, 0h)) == 3);
  // The same effective time replaces; so does Instant::min() for the initial version.
  slower.channels[PolicyClass::Letters].working_days = 8;
  book.add(utc(2026_y / 1 / 1, 0h), slower);
  book.add(Instant::min(), slower);
  BOOST_TEST(book.versions().size() == 3U);
  BOOST_TEST(letter_days(book, utc(2026_y / 3 / 1, 0h)) == 8);
  BOOST_TEST(letter_days(book, utc(2020_y / 3 / 1, 0h)) == 8);
  BOOST_TEST(letter_days(book, utc(2026_y / 8 / 1, 0h)) == 3);
}

BOOST_AUTO_TEST_CASE(an_invalid_version_is_refused) {
  samla::PolicyBook book;
  samla::DeadlinePolicy broken = samla::DeadlinePolicy::defaults();
  broken.channels[PolicyClass::Social].working_days = -1;
  BOOST_CHECK_THROW(book.add(utc(2026_y / 1 / 1, 0h), broken), std::invalid_argument);
  BOOST_CHECK_THROW((void)samla::PolicyBook{broken}, std::invalid_argument);
  BOOST_TEST(book.versions().size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
