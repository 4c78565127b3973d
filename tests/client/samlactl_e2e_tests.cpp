// samlactl end to end: the built binary on temp profiles, the demo data and broken inputs.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "e2e_profile.h"

namespace {

using Profile = samla::test::E2eProfile;

std::string deadline(const std::string& channel, const std::string& received) {
  Profile p;
  const auto r = p.run({"deadline", "--channel", channel, "--received", received});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return r.out.substr(0, r.out.find('\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SamlactlDeadline)

BOOST_AUTO_TEST_CASE(deadlines_as_iso_8601_with_oslo_offset) {
  // Thursday 24 Dec 2026: Christmas Eve is a working day by default; 25, 26 Dec, weekend and
  // 1 Jan are not: 28, 29, 30, 31 Dec, 4 Jan.
  BOOST_CHECK_EQUAL(deadline("email", "2026-12-24T10:00"), "2027-01-04T15:00:00+01:00");
  BOOST_CHECK_EQUAL(deadline("email", "2026-12-21T10:00"), "2026-12-29T15:00:00+01:00");
  BOOST_CHECK_EQUAL(deadline("digital-post", "2026-12-23T09:00:00Z"), "2026-12-31T15:00:00+01:00");
  // Summer time: +02:00.
  BOOST_CHECK_EQUAL(deadline("email", "2026-06-01T12:00:00+02:00"), "2026-06-08T15:00:00+02:00");
  BOOST_CHECK_EQUAL(deadline("social", "2026-12-07T14:59"), "2026-12-07T15:00:00+01:00");
  BOOST_CHECK_EQUAL(deadline("sms", "2026-12-07T15:00"), "2026-12-08T15:00:00+01:00");
  BOOST_CHECK_EQUAL(deadline("callback", "2026-12-07T08:00"), "2026-12-08T15:00:00+01:00");
}

BOOST_AUTO_TEST_CASE(bad_time_or_channel_is_a_usage_error) {
  Profile p;
  auto r = p.run({"deadline", "--channel", "email", "--received", "yesterday"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_NE(r.err.find("'yesterday' is not a time"), std::string::npos);
  r = p.run({"deadline", "--channel", "fax", "--received", "2026-12-07T10:00"});
  BOOST_CHECK_NE(r.exit_code, 0);
  BOOST_CHECK(!std::filesystem::exists(p.dir / "samla.sqlite"));  // no profile made for nothing
}

BOOST_AUTO_TEST_SUITE_END()
