#include <boost/test/unit_test.hpp>

#include "samla/models/national_id.h"

using namespace samla;

// Numbers made for the tests with the published mod-11 weights (3 7 6 1 8 9 4 5 2 and
// 5 4 3 2 7 6 5 4 3 2); 41019012393 is a D-number (day + 40).
BOOST_AUTO_TEST_SUITE(NationalId)

BOOST_AUTO_TEST_CASE(check_digits) {
  BOOST_CHECK(is_national_id("01019012480"));
  BOOST_CHECK(is_national_id("15058543206"));
  BOOST_CHECK(is_national_id("41019012393"));
  BOOST_CHECK(!is_national_id("01019012481"));  // last check digit wrong
  BOOST_CHECK(!is_national_id("01019012470"));  // first check digit wrong
  BOOST_CHECK(!is_national_id("0101901248"));   // too short
  BOOST_CHECK(!is_national_id("0101901248a"));
}

BOOST_AUTO_TEST_CASE(masks_in_text) {
  BOOST_CHECK_EQUAL(mask_national_ids("Fnr 01019012480, ring meg"), "Fnr 010190*****, ring meg");
  BOOST_CHECK_EQUAL(mask_national_ids("fnr: 010190 12480."), "fnr: 010190*****.");
  BOOST_CHECK_EQUAL(mask_national_ids("15058543206"), "150585*****");
}

BOOST_AUTO_TEST_CASE(leaves_other_numbers_alone) {
  // Invalid check digits, longer runs, account numbers and phone numbers stay as written.
  BOOST_CHECK_EQUAL(mask_national_ids("Saksnr 01019012481"), "Saksnr 01019012481");
  BOOST_CHECK_EQUAL(mask_national_ids("konto 1501901248012"), "konto 1501901248012");
  BOOST_CHECK_EQUAL(mask_national_ids("tlf +47 912 34 567"), "tlf +47 912 34 567");
  BOOST_CHECK_EQUAL(mask_national_ids("x101019012480"), "x101019012480");
  BOOST_CHECK_EQUAL(mask_national_ids(""), "");
}

BOOST_AUTO_TEST_SUITE_END()
