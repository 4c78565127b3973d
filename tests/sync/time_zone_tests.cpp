// OsTimeZone (the OS tz database behind models' TimeZone) and the zone-aware ISO 8601 reader and
// writer, pinned on Europe/Oslo's real DST transitions.
#include <boost/test/unit_test.hpp>

#include <stdexcept>

#include "samla/sync/iso8601.h"
#include "samla/sync/os_time_zone.h"

namespace {

using namespace std::chrono_literals;
using samla::Instant;

Instant utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
  return Instant{date::sys_days{date::year{y} / date::month{mo} / date::day{d}}} +
         std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

date::local_seconds wall(int y, unsigned mo, unsigned d, int h, int mi) {
  return date::local_days{date::year{y} / date::month{mo} / date::day{d}} + std::chrono::hours{h} +
         std::chrono::minutes{mi};
}

// A zone with a fixed offset: shows parse_iso8601 uses the zone it is given.
class FixedZone final : public samla::TimeZone {
 public:
  explicit FixedZone(std::chrono::seconds offset) : offset_(offset) {}
  [[nodiscard]] std::chrono::seconds offset_at(Instant /*at*/) const override { return offset_; }
  [[nodiscard]] Instant from_local(date::local_seconds wall_clock) const override {
    return Instant{wall_clock.time_since_epoch() - offset_};
  }

 private:
  std::chrono::seconds offset_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(OsTimeZone)

BOOST_AUTO_TEST_CASE(oslo_is_the_default_and_has_winter_and_summer_offsets) {
  const samla::OsTimeZone oslo;
  BOOST_TEST(oslo.name() == "Europe/Oslo");
  BOOST_TEST(oslo.offset_at(utc(2026, 1, 15, 12, 0)).count() == 3600);
  BOOST_TEST(oslo.offset_at(utc(2026, 7, 15, 12, 0)).count() == 7200);
}

BOOST_AUTO_TEST_CASE(offset_changes_at_the_transition_instants) {
  const samla::OsTimeZone oslo("Europe/Oslo");
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  BOOST_TEST(oslo.offset_at(utc(2026, 3, 29, 0, 59, 59)).count() == 3600);
  BOOST_TEST(oslo.offset_at(utc(2026, 3, 29, 1, 0)).count() == 7200);
  BOOST_TEST(oslo.offset_at(utc(2026, 10, 25, 0, 59, 59)).count() == 7200);
  BOOST_TEST(oslo.offset_at(utc(2026, 10, 25, 1, 0)).count() == 3600);
}

BOOST_AUTO_TEST_CASE(from_local_reads_an_ordinary_wall_clock_time) {
  const samla::OsTimeZone oslo;
  BOOST_TEST((oslo.from_local(wall(2026, 12, 31, 15, 0)) == utc(2026, 12, 31, 14, 0)));
  BOOST_TEST((oslo.from_local(wall(2026, 6, 1, 9, 0)) == utc(2026, 6, 1, 7, 0)));
}

BOOST_AUTO_TEST_CASE(a_time_in_the_spring_gap_moves_forward_past_it) {
  const samla::OsTimeZone oslo;
  // 02:30 on 29 March 2026 does not exist in Oslo; it is read as 03:30 CEST (01:30 UTC).
  BOOST_TEST((oslo.from_local(wall(2026, 3, 29, 2, 30)) == utc(2026, 3, 29, 1, 30)));
  BOOST_TEST((oslo.from_local(wall(2026, 3, 29, 2, 0)) == utc(2026, 3, 29, 1, 0)));
}

BOOST_AUTO_TEST_CASE(an_ambiguous_autumn_time_is_the_earlier_instant) {
  const samla::OsTimeZone oslo;
  // 02:30 on 25 October 2026 happens twice; the first is 02:30 CEST = 00:30 UTC.
  BOOST_TEST((oslo.from_local(wall(2026, 10, 25, 2, 30)) == utc(2026, 10, 25, 0, 30)));
  BOOST_TEST((oslo.from_local(wall(2026, 10, 25, 3, 0)) == utc(2026, 10, 25, 2, 0)));
}

BOOST_AUTO_TEST_CASE(other_zones_work_too) {
  const samla::OsTimeZone utc_zone("UTC");
  BOOST_TEST(utc_zone.offset_at(utc(2026, 7, 1, 0, 0)).count() == 0);
  const samla::OsTimeZone new_york("America/New_York");
  BOOST_TEST(new_york.offset_at(utc(2026, 1, 1, 12, 0)).count() == -5 * 3600);
}

BOOST_AUTO_TEST_CASE(an_unknown_zone_name_is_an_invalid_argument) {
  BOOST_CHECK_THROW(samla::OsTimeZone("Europe/Atlantis"), std::invalid_argument);
  BOOST_CHECK_THROW(samla::OsTimeZone(""), std::invalid_argument);
  try {
    samla::OsTimeZone zone("Mars/Olympus_Mons");
    BOOST_FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()).find("Mars/Olympus_Mons") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Iso8601)

BOOST_AUTO_TEST_CASE(reads_utc_and_explicit_offsets) {
  const samla::OsTimeZone oslo;
  BOOST_TEST((samla::parse_iso8601("2026-12-31T15:00:00Z", oslo) == utc(2026, 12, 31, 15, 0)));
  BOOST_TEST((samla::parse_iso8601("2026-12-31T15:00:00+01:00", oslo) == utc(2026, 12, 31, 14, 0)));
  BOOST_TEST(
      (samla::parse_iso8601("2026-12-31T15:00:00-05:30", oslo) == utc(2026, 12, 31, 20, 30)));
  BOOST_TEST((samla::parse_iso8601("2026-12-31T15:00:00+0100", oslo) == utc(2026, 12, 31, 14, 0)));
  BOOST_TEST((samla::parse_iso8601("2026-12-31T15:00:00+01", oslo) == utc(2026, 12, 31, 14, 0)));
  BOOST_TEST((samla::parse_iso8601("2026-12-31t15:00:00z", oslo) == utc(2026, 12, 31, 15, 0)));
}

BOOST_AUTO_TEST_CASE(seconds_and_fractions_are_optional) {
  const samla::OsTimeZone oslo;
  BOOST_TEST((samla::parse_iso8601("2026-12-31T15:00Z", oslo) == utc(2026, 12, 31, 15, 0)));
  BOOST_TEST(
      (samla::parse_iso8601("2026-12-31T15:00:07.123456Z", oslo) == utc(2026, 12, 31, 15, 0, 7)));
  BOOST_TEST(
      (samla::parse_iso8601("2026-12-31 15:00:07,5+01:00", oslo) == utc(2026, 12, 31, 14, 0, 7)));
}

BOOST_AUTO_TEST_CASE(without_an_offset_it_is_the_wall_clock_of_the_given_zone) {
  const samla::OsTimeZone oslo;
  BOOST_TEST((samla::parse_iso8601("2026-12-31T15:00:00", oslo) == utc(2026, 12, 31, 14, 0)));
  BOOST_TEST((samla::parse_iso8601("2026-07-01T09:30", oslo) == utc(2026, 7, 1, 7, 30)));
  BOOST_TEST((samla::parse_iso8601("2026-03-29T02:30:00", oslo) == utc(2026, 3, 29, 1, 30)));
  BOOST_TEST((samla::parse_iso8601("2026-10-25T02:30:00", oslo) == utc(2026, 10, 25, 0, 30)));
  const FixedZone minus_three(-3h);
  BOOST_TEST((samla::parse_iso8601("2026-07-01T09:30", minus_three) == utc(2026, 7, 1, 12, 30)));
}

BOOST_AUTO_TEST_CASE(rejects_what_is_not_a_time) {
  const samla::OsTimeZone oslo;
  for (const char* bad :
       {"", "2026-12-31", "2026-12-31T", "2026-12-31T15", "2026-13-01T10:00Z", "2026-02-30T10:00Z",
        "2026-12-31T24:00Z", "2026-12-31T15:60Z", "2026-12-31T15:00:00+25:00",
        "2026-12-31T15:00:00+01:", "31.12.2026 15:00", "2026-12-31T15:00:00Z trailing",
        "2026-12-31T15:00:00.Z", "yesterday", "2026-1-31T15:00Z"}) {
    BOOST_TEST(!samla::parse_iso8601(bad, oslo).has_value(), "accepted '" << bad << "'");
  }
}

BOOST_AUTO_TEST_CASE(a_leap_second_reads_as_the_next_minute) {
  const samla::OsTimeZone oslo;
  BOOST_TEST((samla::parse_iso8601("2016-12-31T23:59:60Z", oslo) == utc(2017, 1, 1, 0, 0)));
}

BOOST_AUTO_TEST_CASE(formats_wall_clock_time_with_the_offset_in_force) {
  const samla::OsTimeZone oslo;
  BOOST_TEST(samla::format_iso8601(utc(2026, 12, 31, 14, 0), oslo) == "2026-12-31T15:00:00+01:00");
  BOOST_TEST(samla::format_iso8601(utc(2026, 7, 1, 7, 30, 5), oslo) == "2026-07-01T09:30:05+02:00");
  BOOST_TEST(samla::format_iso8601(utc(2026, 7, 1, 7, 30), samla::OsTimeZone("UTC")) ==
             "2026-07-01T07:30:00+00:00");
  BOOST_TEST(samla::format_iso8601(utc(2026, 7, 1, 7, 30), FixedZone(-(5h + 30min))) ==
             "2026-07-01T02:00:00-05:30");
  // Across midnight and the year boundary.
  BOOST_TEST(samla::format_iso8601(utc(2026, 12, 31, 23, 30), oslo) == "2027-01-01T00:30:00+01:00");
}

BOOST_AUTO_TEST_CASE(format_and_parse_round_trip) {
  const samla::OsTimeZone oslo;
  for (const Instant at :
       {utc(2026, 3, 29, 0, 59, 59), utc(2026, 3, 29, 1, 0), utc(2026, 10, 25, 0, 30),
        utc(2026, 10, 25, 1, 30), utc(1999, 12, 31, 23, 59, 59)}) {
    const auto back = samla::parse_iso8601(samla::format_iso8601(at, oslo), oslo);
    BOOST_TEST((back == at), samla::format_iso8601(at, oslo));
  }
}

BOOST_AUTO_TEST_SUITE_END()
