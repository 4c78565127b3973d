// When a functional mailbox answers automatically: a corpus of bounces, list mail, out-of-office
// replies, no-reply senders and our own mail, and the once-per-sender period.
#include <boost/test/unit_test.hpp>

#include <date/date.h>

#include "samla/sync/email/auto_reply.h"
#include "samla/sync/os_time_zone.h"

using namespace samla;

namespace {

Instant day(int d, int hour = 10) {
  return Instant{date::sys_days{date::year{2026} / date::month{11} / date::day{unsigned(d)}}} +
         std::chrono::hours{hour};
}

AutoReplyPolicy policy() {
  AutoReplyPolicy p;
  p.own_addresses = {"post@kommune.no", "Byggesak@Kommune.no"};
  return p;
}

AutoReplyVerdict verdict_of(const std::string& header_block,
                            std::optional<Instant> last = std::nullopt) {
  return decide_auto_reply(auto_reply_headers(header_block + "\r\nbody\r\n"), policy(), last,
                           day(20));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AutoReplyRules)

BOOST_AUTO_TEST_CASE(an_ordinary_citizen_gets_an_answer) {
  BOOST_TEST((verdict_of("From: Kari Nordmann <kari@example.no>\r\nSubject: Byggesøknad\r\n") ==
              AutoReplyVerdict::reply));
  BOOST_TEST(
      (verdict_of("From: kari@example.no\r\nAuto-Submitted: no\r\n") == AutoReplyVerdict::reply));
  BOOST_TEST((verdict_of("From: kari@example.no\r\nReturn-Path: <kari@example.no>\r\n") ==
              AutoReplyVerdict::reply));
}

BOOST_AUTO_TEST_CASE(bounces_and_delivery_reports) {
  BOOST_TEST(
      (verdict_of("Return-Path: <>\r\nFrom: Mail Delivery System <MAILER-DAEMON@mx.no>\r\n") ==
       AutoReplyVerdict::bounce));
  BOOST_TEST((verdict_of("From: MAILER-DAEMON@mx.example.no\r\n") == AutoReplyVerdict::bounce));
  BOOST_TEST((verdict_of("From: postmaster@example.no\r\n") == AutoReplyVerdict::bounce));
  BOOST_TEST(
      (verdict_of("From: kari@example.no\r\nContent-Type: multipart/report;\r\n"
                  " report-type=delivery-status; boundary=x\r\n") == AutoReplyVerdict::bounce));
  BOOST_TEST((verdict_of("Subject: no sender at all\r\n") == AutoReplyVerdict::no_sender));
  BOOST_TEST((verdict_of("From: <>\r\n") == AutoReplyVerdict::no_sender));
}

BOOST_AUTO_TEST_CASE(automatic_and_out_of_office_replies) {
  BOOST_TEST((verdict_of("From: kari@example.no\r\nAuto-Submitted: auto-replied\r\n") ==
              AutoReplyVerdict::auto_submitted));
  BOOST_TEST((verdict_of("From: kari@example.no\r\nAuto-Submitted: Auto-Generated; owner=x\r\n") ==
              AutoReplyVerdict::auto_submitted));
  // Folded header lines are read whole.
  BOOST_TEST((verdict_of("From: kari@example.no\r\nAuto-Submitted:\r\n auto-notified\r\n") ==
              AutoReplyVerdict::auto_submitted));
  // Exchange out-of-office replies.
  BOOST_TEST((verdict_of("From: kari@example.no\r\nX-Auto-Response-Suppress: All\r\n") ==
              AutoReplyVerdict::suppressed));
  BOOST_TEST((verdict_of("From: kari@example.no\r\nX-Auto-Response-Suppress: DR, OOF\r\n") ==
              AutoReplyVerdict::suppressed));
  BOOST_TEST((verdict_of("From: kari@example.no\r\nX-Autoreply: yes\r\n") ==
              AutoReplyVerdict::auto_submitted));
}

BOOST_AUTO_TEST_CASE(bulk_and_list_mail) {
  for (const char* precedence : {"bulk", "list", "junk", "BULK"}) {
    BOOST_TEST((verdict_of(std::string("From: news@example.no\r\nPrecedence: ") + precedence +
                           "\r\n") == AutoReplyVerdict::bulk));
  }
  BOOST_TEST((verdict_of("From: kari@example.no\r\nList-Id: <plan.lists.example.no>\r\n") ==
              AutoReplyVerdict::mailing_list));
  BOOST_TEST((verdict_of("From: kari@example.no\r\nList-Unsubscribe: <mailto:u@example.no>\r\n") ==
              AutoReplyVerdict::mailing_list));
  BOOST_TEST((verdict_of("From: kari@example.no\r\nlist-post: <mailto:l@example.no>\r\n") ==
              AutoReplyVerdict::mailing_list));
}

BOOST_AUTO_TEST_CASE(no_reply_and_own_addresses) {
  for (const char* sender : {"noreply@nav.no", "no-reply@altinn.no", "DoNotReply@x.no",
                             "noreply-varsel@kommune.no", "bounce-123@lists.no"}) {
    BOOST_TEST(
        (verdict_of(std::string("From: ") + sender + "\r\n") == AutoReplyVerdict::no_reply_address),
        sender);
  }
  BOOST_TEST((verdict_of("From: Kommunen <POST@kommune.no>\r\n") == AutoReplyVerdict::own_address));
  BOOST_TEST((verdict_of("From: byggesak@kommune.no\r\n") == AutoReplyVerdict::own_address));
}

BOOST_AUTO_TEST_CASE(at_most_once_per_sender_per_period) {
  const std::string citizen = "From: kari@example.no\r\n";
  BOOST_TEST((verdict_of(citizen, day(20, 9)) == AutoReplyVerdict::recently_answered));
  BOOST_TEST((verdict_of(citizen, day(14)) == AutoReplyVerdict::recently_answered));
  BOOST_TEST((verdict_of(citizen, day(13, 10)) == AutoReplyVerdict::reply));  // exactly 7 days
  BOOST_TEST((verdict_of(citizen, day(1)) == AutoReplyVerdict::reply));
  AutoReplyPolicy daily = policy();
  daily.per_sender_period = std::chrono::hours{24};
  BOOST_TEST((decide_auto_reply(auto_reply_headers(citizen), daily, day(19, 9), day(20)) ==
              AutoReplyVerdict::reply));
}

BOOST_AUTO_TEST_CASE(header_scan_stops_at_the_body) {
  const auto h = auto_reply_headers(
      "From: \"Nordmann, Kari\" <Kari@Example.NO>\r\nSubject: x\r\n\r\nList-Id: in the body\r\n"
      "Auto-Submitted: auto-replied\r\n");
  BOOST_TEST(h.from == "kari@example.no");
  BOOST_TEST(!h.list_header);
  BOOST_TEST(h.auto_submitted.empty());
  const auto bare = auto_reply_headers("from: kari@example.no\nprecedence: list\n\nbody");
  BOOST_TEST(bare.from == "kari@example.no");
  BOOST_TEST(bare.precedence == "list");
  BOOST_TEST(auto_reply_headers("").from.empty());
  BOOST_TEST(auto_reply_headers("garbage without colon\r\n\r\n").from.empty());
}

BOOST_AUTO_TEST_CASE(our_own_auto_reply_is_never_answered_by_a_second_instance) {
  // Instance A (post@a.kommune.no) auto-replies to instance B (post@b.kommune.no); B reads A's
  // reply and must stay silent; A would equally ignore B's. Our marks alone stop the loop,
  // whatever the period says.
  AutoReplyPolicy b;
  b.own_addresses = {"post@b.kommune.no"};
  b.per_sender_period = std::chrono::hours{0};
  const std::string from_a =
      "From: post@a.kommune.no\r\nAuto-Submitted: auto-replied\r\n"
      "X-Auto-Response-Suppress: All\r\nPrecedence: auto_reply\r\n";
  BOOST_TEST((decide_auto_reply(auto_reply_headers(from_a), b, std::nullopt, day(20)) !=
              AutoReplyVerdict::reply));
}

BOOST_AUTO_TEST_CASE(default_text_states_the_deadline_in_each_language) {
  OsTimeZone oslo("Europe/Oslo");
  AutoReplyFacts facts;
  facts.subject = "Byggesøknad";
  facts.department = "Byggesak";
  facts.deadline = Instant{date::sys_days{date::year{2026} / 12 / 7}} + std::chrono::hours{14};
  facts.zone = &oslo;
  facts.language = Language::Nynorsk;
  const auto nn = default_auto_reply(facts);
  BOOST_TEST(nn.subject == "Vi har fått meldinga di: Byggesøknad");
  BOOST_TEST(nn.body.find("måndag 7. desember 2026 kl. 15:00") != std::string::npos, nn.body);
  facts.language = Language::Bokmal;
  BOOST_TEST(default_auto_reply(facts).body.find("mandag 7. desember 2026") != std::string::npos);
  facts.language = Language::English;
  BOOST_TEST(default_auto_reply(facts).body.find("7 December 2026") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
