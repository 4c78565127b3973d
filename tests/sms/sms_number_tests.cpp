// Phone numbers as caseworkers and gateways write them, to E.164 with Norwegian defaults.
#include <boost/test/unit_test.hpp>

#include "samla/sync/sms_number.h"

using namespace samla;

BOOST_AUTO_TEST_SUITE(SmsNumbers)

BOOST_AUTO_TEST_CASE(norwegian_numbers_without_country_code_get_plus_47) {
  BOOST_CHECK_EQUAL(to_e164("91234567"), "+4791234567");
  BOOST_CHECK_EQUAL(to_e164("912 34 567"), "+4791234567");
  BOOST_CHECK_EQUAL(to_e164("412-34-567"), "+4741234567");
  BOOST_CHECK_EQUAL(to_e164("22 33 44 55"), "+4722334455");  // a landline is a number too
}

BOOST_AUTO_TEST_CASE(international_prefixes_are_understood) {
  BOOST_CHECK_EQUAL(to_e164("0047 912 34 567"), "+4791234567");
  BOOST_CHECK_EQUAL(to_e164("004791234567"), "+4791234567");
  BOOST_CHECK_EQUAL(to_e164("+47 912 34 567"), "+4791234567");
  BOOST_CHECK_EQUAL(to_e164("+46 70 123 45 67"), "+46701234567");
  BOOST_CHECK_EQUAL(to_e164("+1 415 555 2671"), "+14155552671");
  BOOST_CHECK_EQUAL(to_e164("0701234567", "SE"), "+46701234567");
}

BOOST_AUTO_TEST_CASE(malformed_numbers_are_refused_with_the_number_named) {
  for (const char* bad : {"", "abc", "9123456", "12345678", "1963", "+47 912", "+999 1234567"}) {
    BOOST_TEST_CONTEXT(bad) {
      try {
        static_cast<void>(to_e164(bad));
        BOOST_ERROR("accepted");
      } catch (const InvalidPhoneNumber& e) {
        BOOST_CHECK(std::string(e.what()).find(std::string("\"") + bad + "\"") !=
                    std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(is_e164_only_for_the_canonical_form) {
  BOOST_CHECK(is_e164("+4791234567"));
  BOOST_CHECK(!is_e164("91234567"));
  BOOST_CHECK(!is_e164("+47 912 34 567"));
  BOOST_CHECK(!is_e164("+4712345678"));
}

BOOST_AUTO_TEST_SUITE_END()
