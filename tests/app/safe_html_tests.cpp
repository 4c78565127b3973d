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

BOOST_AUTO_TEST_CASE(tricks_that_fool_a_naive_tag_scanner_stay_harmless) {
  // Escaped markup stays text; a decoded character reference cannot make a link run script;
  // upper case, split and unclosed tags are read as a browser reads them.
  BOOST_TEST(sanitise_html("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") ==
             "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  const auto decoded = sanitise_html("<a href=\"javascript&#58;alert(1)\">x</a>");
  BOOST_TEST(decoded.find("<a>x</a>") != std::string::npos, decoded);
  BOOST_TEST(decoded.find("href") == std::string::npos, decoded);
  const auto upper = sanitise_html("<P>Hei</P><SCRIPT>alert(1)</SCRIPT><Img SRC=x onerror=y>");
  BOOST_TEST(upper == "<p>Hei</p>");
  const auto unclosed = sanitise_html("<b>feit <i>og skrå");
  BOOST_TEST(unclosed.find("<b>feit <i>og skrå</i></b>") != std::string::npos, unclosed);
  const auto attribute_quote = sanitise_html("<p title='\"><script>alert(1)</script>'>t</p>");
  BOOST_TEST(attribute_quote.find("<script") == std::string::npos, attribute_quote);
  BOOST_TEST(sanitise_html("a < b & c").find("a &lt; b &amp; c") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_web_and_mail_links_open) {
  BOOST_TEST(is_openable_link("https://kommune.no"));
  BOOST_TEST(is_openable_link("HTTP://kommune.no"));
  BOOST_TEST(is_openable_link("mailto:post@kommune.no"));
  BOOST_TEST(!is_openable_link("file:///etc/passwd"));
  BOOST_TEST(!is_openable_link("javascript:alert(1)"));
}

BOOST_AUTO_TEST_SUITE_END()
