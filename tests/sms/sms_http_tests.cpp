// The HTTP edge shared by the gateways: RFC 2822 dates as Twilio writes them, Retry-After,
// what a status code means, form encoding.
#include <boost/test/unit_test.hpp>

#include "gateway_http.h"

using namespace samla;
using namespace samla::sms;

BOOST_AUTO_TEST_SUITE(SmsHttp)

BOOST_AUTO_TEST_CASE(rfc2822_dates_are_read_with_their_offset) {
  const auto at = parse_rfc2822("Fri, 13 Aug 2010 01:16:24 +0000");
  BOOST_REQUIRE(at);
  BOOST_CHECK(*at == Instant{date::sys_days{date::year{2010} / 8 / 13}} + std::chrono::hours{1} +
                         std::chrono::minutes{16} + std::chrono::seconds{24});
  BOOST_CHECK(parse_rfc2822("13 Aug 2010 03:16:24 +0200") == at);
  BOOST_CHECK(parse_rfc2822("Thu, 12 Aug 2010 23:16:24 -0200") == at);
  for (const char* bad : {"", "Fri, 13 Aug 2010", "Fri, 32 Aug 2010 01:16:24 +0000",
                          "Fri, 13 Foo 2010 01:16:24 +0000", "Fri, 13 Aug 2010 01:16:24 GMT",
                          "Fri, 13 Aug 2010 01:16:24 +0000 x", "2010-08-13T01:16:24Z"}) {
    BOOST_TEST_CONTEXT(bad) { BOOST_CHECK(!parse_rfc2822(bad)); }
  }
}

BOOST_AUTO_TEST_CASE(retry_after_in_seconds_only) {
  HttpResponse response;
  BOOST_CHECK(!retry_after(response));
  response.headers = {{"retry-after", "120"}};
  BOOST_CHECK(retry_after(response) == std::chrono::seconds{120});
  response.headers = {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}};
  BOOST_CHECK(!retry_after(response));
  response.headers = {{"retry-after", "-5"}};
  BOOST_CHECK(!retry_after(response));
}

BOOST_AUTO_TEST_CASE(status_codes_mean_what_the_connector_does_next) {
  BOOST_CHECK(failure_kind(400) == SmsGatewayError::Kind::Rejected);
  BOOST_CHECK(failure_kind(404) == SmsGatewayError::Kind::Rejected);
  BOOST_CHECK(failure_kind(401) == SmsGatewayError::Kind::Auth);
  BOOST_CHECK(failure_kind(403) == SmsGatewayError::Kind::Auth);
  BOOST_CHECK(failure_kind(429) == SmsGatewayError::Kind::RateLimited);
  BOOST_CHECK(failure_kind(500) == SmsGatewayError::Kind::Unavailable);
  BOOST_CHECK(failure_kind(503) == SmsGatewayError::Kind::Unavailable);
  BOOST_CHECK(failure_kind(302) == SmsGatewayError::Kind::Unavailable);
}

BOOST_AUTO_TEST_CASE(form_encoding_escapes_everything_but_unreserved) {
  BOOST_CHECK_EQUAL(form_encode({{"To", "+4791234567"}, {"Body", "Hei på deg & takk"}}),
                    "To=%2B4791234567&Body=Hei%20p%C3%A5%20deg%20%26%20takk");
  BOOST_CHECK_EQUAL(form_encode({{"DateSent>", "2026-11-23"}}), "DateSent%3E=2026-11-23");
}

BOOST_AUTO_TEST_SUITE_END()
