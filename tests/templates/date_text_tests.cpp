#include <date/tz.h>
#include <boost/test/unit_test.hpp>

#include "samla/templates/date_text.h"

using namespace samla;

namespace {
struct Oslo final : TimeZone {
  const date::time_zone* z = date::locate_zone("Europe/Oslo");
  [[nodiscard]] std::chrono::seconds offset_at(Instant at) const override {
    return z->get_info(at).offset;
  }
  [[nodiscard]] Instant from_local(date::local_seconds t) const override {
    return Instant{t.time_since_epoch() - z->get_info(t).first.offset};
  }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(DateText)

BOOST_AUTO_TEST_CASE(long_dates_in_each_language) {
  using namespace date::literals;
  const date::year_month_day day = 2026_y / date::December / 7;
  BOOST_CHECK_EQUAL(long_date(day, Language::Nynorsk), "måndag 7. desember 2026");
  BOOST_CHECK_EQUAL(long_date(day, Language::Bokmal), "mandag 7. desember 2026");
  BOOST_CHECK_EQUAL(long_date(day, Language::English), "Monday 7 December 2026");
  BOOST_CHECK_EQUAL(long_date(2027_y / date::May / 17, Language::Nynorsk), "måndag 17. mai 2027");
  BOOST_CHECK_EQUAL(long_date(2026_y / date::December / 8, Language::Nynorsk),
                    "tysdag 8. desember 2026");
  BOOST_CHECK_EQUAL(long_date(2026_y / date::December / 12, Language::Bokmal),
                    "lørdag 12. desember 2026");
  BOOST_CHECK_EQUAL(long_date(2026_y / date::December / 13, Language::Nynorsk),
                    "søndag 13. desember 2026");
}

BOOST_AUTO_TEST_CASE(date_and_time_in_local_time) {
  Oslo oslo;
  // 14:00 UTC in December is 15:00 in Oslo; in June 13:00 UTC is 15:00.
  const Instant winter = date::sys_days{date::year{2026} / 12 / 7} + std::chrono::hours{14};
  const Instant summer = date::sys_days{date::year{2026} / 6 / 1} + std::chrono::hours{13};
  BOOST_CHECK_EQUAL(long_date_time(winter, oslo, Language::Nynorsk),
                    "måndag 7. desember 2026 kl. 15:00");
  BOOST_CHECK_EQUAL(long_date_time(summer, oslo, Language::English), "Monday 1 June 2026 at 15:00");
}

BOOST_AUTO_TEST_CASE(language_codes) {
  BOOST_CHECK(language_from_code("nn") == Language::Nynorsk);
  BOOST_CHECK(language_from_code("no") == Language::Bokmal);
  BOOST_CHECK(language_from_code("en") == Language::English);
  BOOST_CHECK(!language_from_code("sv"));
  BOOST_CHECK_EQUAL(to_code(Language::Nynorsk), "nn");
}

BOOST_AUTO_TEST_SUITE_END()
