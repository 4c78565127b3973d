// SMS segment counting against a table of cases at every boundary.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "samla/templates/sms_length.h"

using namespace samla;

namespace {

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

struct Case {
  const char* name;
  std::string text;
  SmsEncoding encoding;
  std::size_t segments;
  std::size_t units;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

// Flags and emoji: 🇳🇴 is two regional indicators (four UTF-16 units, one grapheme);
// 👍🏽 is thumbs up with a skin tone (four units); 👨‍👩‍👧 is a family ZWJ sequence
// (eight units).
const std::string kFlag = "\U0001F1F3\U0001F1F4";
const std::string kThumb = "\U0001F44D\U0001F3FD";
const std::string kFamily = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
const std::string kSmile = "\U0001F600";  // two units
// "å" as a + combining ring above: two code points, one grapheme, and not GSM.
const std::string kDecomposedA = "a\u030A";

const Case kCases[] = {
    {"empty", "", SmsEncoding::Gsm7, 0, 0},
    {"gsm 1", "a", SmsEncoding::Gsm7, 1, 1},
    {"gsm 160", repeat("a", 160), SmsEncoding::Gsm7, 1, 160},
    {"gsm 161", repeat("a", 161), SmsEncoding::Gsm7, 2, 161},
    {"gsm 153x2", repeat("a", 306), SmsEncoding::Gsm7, 2, 306},
    {"gsm 307", repeat("a", 307), SmsEncoding::Gsm7, 3, 307},
    {"gsm 153x3", repeat("a", 459), SmsEncoding::Gsm7, 3, 459},
    {"gsm 460", repeat("a", 460), SmsEncoding::Gsm7, 4, 460},
    {"norwegian letters are basic", repeat("ÆØÅæøå", 26) + "ab", SmsEncoding::Gsm7, 1, 158},
    {"norwegian 160", repeat("æ", 160), SmsEncoding::Gsm7, 1, 160},
    {"norwegian 161", repeat("ø", 161), SmsEncoding::Gsm7, 2, 161},
    {"basic non-ascii", "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà",
     SmsEncoding::Gsm7, 1, 62},
    {"extension counts two", "€", SmsEncoding::Gsm7, 1, 2},
    {"all extension characters", "^{}\\[~]|€\f", SmsEncoding::Gsm7, 1, 20},
    {"extension fills 160", repeat("a", 158) + "€", SmsEncoding::Gsm7, 1, 160},
    {"extension pushes to 161", repeat("a", 159) + "€", SmsEncoding::Gsm7, 2, 161},
    // 152 septets, then an escape pair that does not fit the one septet left: it moves whole
    // into the second segment, which then holds 2 + 151; one septet spills into a third.
    {"extension at the segment edge", repeat("a", 152) + "€" + repeat("a", 152), SmsEncoding::Gsm7,
     3, 306},
    {"extension just before the edge", repeat("a", 151) + "€" + repeat("a", 153), SmsEncoding::Gsm7,
     2, 306},
    {"backtick is not gsm", "`", SmsEncoding::Ucs2, 1, 1},
    {"ucs2 70", repeat("ś", 70), SmsEncoding::Ucs2, 1, 70},
    {"ucs2 71", repeat("ś", 71), SmsEncoding::Ucs2, 2, 71},
    {"ucs2 67x2", repeat("ś", 134), SmsEncoding::Ucs2, 2, 134},
    {"ucs2 135", repeat("ś", 135), SmsEncoding::Ucs2, 3, 135},
    {"ucs2 67x3", repeat("ś", 201), SmsEncoding::Ucs2, 3, 201},
    {"one non-gsm letter makes it all ucs2", repeat("a", 69) + "č", SmsEncoding::Ucs2, 1, 70},
    {"one non-gsm letter pushes to 2", repeat("a", 70) + "č", SmsEncoding::Ucs2, 2, 71},
    {"extension costs one unit in ucs2", repeat("€", 69) + "ś", SmsEncoding::Ucs2, 1, 70},
    {"70 extension characters are 140 septets", repeat("€", 70), SmsEncoding::Gsm7, 1, 140},
    {"81 extension characters", repeat("€", 81), SmsEncoding::Gsm7, 2, 162},
    {"emoji fits 70", repeat("ś", 68) + kSmile, SmsEncoding::Ucs2, 1, 70},
    {"emoji at 70/71", repeat("ś", 69) + kSmile, SmsEncoding::Ucs2, 2, 71},
    // 66 units, then a surrogate pair that would straddle 67/68: it moves whole.
    {"emoji at the segment edge", repeat("ś", 66) + kSmile + repeat("ś", 66), SmsEncoding::Ucs2, 3,
     134},
    {"emoji just before the edge", repeat("ś", 65) + kSmile + repeat("ś", 67), SmsEncoding::Ucs2, 2,
     134},
    {"flag at the segment edge", repeat("ś", 65) + kFlag + repeat("ś", 65), SmsEncoding::Ucs2, 3,
     134},
    {"flag before the edge", repeat("ś", 63) + kFlag + repeat("ś", 67), SmsEncoding::Ucs2, 2, 134},
    {"skin tone at the segment edge", repeat("ś", 64) + kThumb + repeat("ś", 66), SmsEncoding::Ucs2,
     3, 134},
    {"zwj family at the segment edge", repeat("ś", 60) + kFamily + repeat("ś", 66),
     SmsEncoding::Ucs2, 3, 134},
    {"decomposed letter is ucs2", kDecomposedA, SmsEncoding::Ucs2, 1, 2},
    {"decomposed letter at the segment edge", repeat("ś", 66) + kDecomposedA + repeat("ś", 66),
     SmsEncoding::Ucs2, 3, 134},
    {"sami letters", "Áŋgir čázi đ ŋ š ŧ ž", SmsEncoding::Ucs2, 1, 20},
    {"sami 71", repeat("á", 71), SmsEncoding::Ucs2, 2, 71},
    {"newlines are basic", "a\nb\r\nc", SmsEncoding::Gsm7, 1, 6},
    {"tab is not gsm", "a\tb", SmsEncoding::Ucs2, 1, 3},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(SmsLength)

BOOST_DATA_TEST_CASE(counts_like_phones_and_gateways, boost::unit_test::data::make(kCases), c) {
  const auto length = sms_length(c.text);
  BOOST_CHECK_EQUAL(to_string(length.encoding), to_string(c.encoding));
  BOOST_CHECK_EQUAL(length.segments, c.segments);
  BOOST_CHECK_EQUAL(length.units, c.units);
}

BOOST_AUTO_TEST_CASE(reports_the_room_left) {
  const auto one = sms_length(repeat("a", 150));
  BOOST_CHECK_EQUAL(one.per_segment, 160U);
  BOOST_CHECK_EQUAL(one.left, 10U);
  const auto two = sms_length(repeat("a", 200));
  BOOST_CHECK_EQUAL(two.per_segment, 153U);
  BOOST_CHECK_EQUAL(two.left, 106U);
  const auto ucs = sms_length(repeat("ś", 100));
  BOOST_CHECK_EQUAL(ucs.per_segment, 67U);
  BOOST_CHECK_EQUAL(ucs.left, 34U);
}

BOOST_AUTO_TEST_CASE(gsm_costs) {
  BOOST_CHECK_EQUAL(gsm7_cost(U'a'), 1);
  BOOST_CHECK_EQUAL(gsm7_cost(U'Å'), 1);
  BOOST_CHECK_EQUAL(gsm7_cost(U'€'), 2);
  BOOST_CHECK_EQUAL(gsm7_cost(U'á'), 0);
  BOOST_CHECK_EQUAL(gsm7_cost(U'Ç'), 1);
  BOOST_CHECK_EQUAL(gsm7_cost(U'ç'), 0);  // only the capital is in the basic table
}

BOOST_AUTO_TEST_SUITE_END()
