// What the HTML panes may show: escaped text, harmless formatting, no scripts, no fetches.
#include <boost/test/unit_test.hpp>

#include "safe_html.h"

using namespace samla::app;

BOOST_AUTO_TEST_SUITE(SafeHtml)

BOOST_AUTO_TEST_CASE(plain_text_is_escaped_with_line_breaks_and_links) {
  BOOST_TEST(plain_text_to_html("a < b & c\nd") == "a &lt; b &amp; c<br>d");
  BOOST_TEST(plain_text_to_html("see https://kommune.no/byggesak.") ==
             "see <a href=\"https://kommune.no/byggesak\">https://kommune.no/byggesak</a>.");
  BOOST_TEST(plain_text_to_html("x\"javascript:alert(1)\"") == "x&quot;javascript:alert(1)&quot;");
}

BOOST_AUTO_TEST_CASE(html_mail_keeps_formatting_and_loses_scripts_images_and_attributes) {
  const auto out = sanitise_html(
      "<html><head><title>t</title><style>p{}</style></head><body onload=\"x()\">"
      "<p style=\"color:red\" onclick=\"evil()\">Hei <b>du</b></p>"
      "<script>alert('x')</script><img src=\"https://tracker.example/p.gif\">"
      "<iframe src=\"https://x\">inner</iframe><!-- c -->"
      "<a href=\"javascript:alert(1)\">bad</a> <a href='https://kommune.no'>ok</a></body></html>");
  BOOST_TEST(out == "<p>Hei <b>du</b></p><a>bad</a> <a href=\"https://kommune.no\">ok</a>");
}

BOOST_AUTO_TEST_CASE(only_web_and_mail_links_open) {
  BOOST_TEST(is_openable_link("https://kommune.no"));
  BOOST_TEST(is_openable_link("HTTP://kommune.no"));
  BOOST_TEST(is_openable_link("mailto:post@kommune.no"));
  BOOST_TEST(!is_openable_link("file:///etc/passwd"));
  BOOST_TEST(!is_openable_link("javascript:alert(1)"));
}

BOOST_AUTO_TEST_SUITE_END()
