// One conversation as the pane shows it: facts, the reply window of social media, the timeline
// as safe HTML, and which actions are offered to whom.
#include <boost/test/unit_test.hpp>

#include "conversation_page.h"
#include "demo_fixture.h"
#include "inbox_model.h"

using namespace samla;
using namespace samla::app;

namespace {

std::string find_conversation(Workspace& ws, Channel channel, const std::string& user,
                              InboxView v = InboxView::All) {
  InboxModel model(ws, user);
  model.choose(ListChoice{ListChoice::Kind::View, v, {}, {}});
  for (std::size_t i = 0; i < model.size(); ++i) {
    if (model.row(i).channel == channel) return model.row(i).id;
  }
  throw std::runtime_error("no such conversation in the demo");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ConversationPageTests)

BOOST_AUTO_TEST_CASE(social_media_show_when_the_reply_window_closes) {
  test::DemoProfile demo;
  const auto id = find_conversation(demo.ws(), Channel::Instagram, "aud", InboxView::Mine);
  const auto c = demo.ws().store().conversation(id);
  const auto page = make_page(demo.ws(), *c, "aud");
  BOOST_REQUIRE(page.reply_window_closes.has_value());
  Instant last{};
  for (const auto& e : c->timeline) {
    if (const auto* m = std::get_if<MessageReceived>(&e.event.payload))
      last = m->message.received_at;
  }
  BOOST_TEST((*page.reply_window_closes == last + std::chrono::hours{24}));
  BOOST_TEST(page.facts_html.find("Reply window") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(email_has_no_reply_window_and_a_timeline_with_who_and_what) {
  test::DemoProfile demo;
  const auto id = find_conversation(demo.ws(), Channel::Email, "erik", InboxView::Mine);
  const auto page = make_page(demo.ws(), *demo.ws().store().conversation(id), "erik");
  BOOST_TEST(!page.reply_window_closes.has_value());
  BOOST_TEST(page.timeline_html.find("Erik Brekke") != std::string::npos);
  BOOST_TEST(page.assigned_to_me);
  BOOST_TEST(offers(page, Action::Reply));
  BOOST_TEST(!offers(page, Action::Accept));
  BOOST_TEST(!offers(page, Action::Reopen));
  // An SMS to the citizen from an email too: the caseworker enters the number.
  BOOST_TEST(offers(page, Action::Sms));
}

BOOST_AUTO_TEST_CASE(an_sms_from_an_email_conversation_shows_where_it_went) {
  test::DemoProfile demo;
  const auto id = find_conversation(demo.ws(), Channel::Email, "erik", InboxView::Mine);
  const auto outcome = demo.ws().execute(
      id, QueueReply{"", "Vi ringjer i dag.", Channel::Sms, Party{"", "+4791234567"}}, "erik");
  BOOST_REQUIRE(outcome.decision.accepted());
  const auto page = make_page(demo.ws(), *demo.ws().store().conversation(id), "erik");
  BOOST_TEST(page.timeline_html.find("SMS written to +4791234567") != std::string::npos);
  BOOST_TEST(page.timeline_html.find("Vi ringjer i dag.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(accept_is_offered_to_the_receiving_department_only) {
  test::DemoProfile demo;
  const auto id = find_conversation(demo.ws(), Channel::Instagram, "tone", InboxView::Handovers);
  const auto c = *demo.ws().store().conversation(id);
  const auto receiver = make_page(demo.ws(), c, "erik");  // Byggesak
  BOOST_TEST(offers(receiver, Action::Accept));
  BOOST_TEST(offers(receiver, Action::Decline));
  const auto sender = make_page(demo.ws(), c, "lars");  // Innbyggjarservice
  BOOST_TEST(!offers(sender, Action::Accept));
  BOOST_TEST(sender.facts_html.find("waiting for Byggesak to accept") != std::string::npos);
  BOOST_TEST(!offers(sender, Action::Assign));  // lars is no lead
  BOOST_TEST(offers(make_page(demo.ws(), c, "mona"), Action::Assign));
}

BOOST_AUTO_TEST_CASE(citizen_text_cannot_inject_markup_into_the_timeline) {
  test::DemoProfile demo;
  InboundMessage m;
  m.channel = Channel::Email;
  m.external_id = "evil@example";
  m.from = {"<b>Evil</b>", "evil@example.org"};
  m.subject = "<script>alert(1)</script>";
  m.body_text = "Hi <img src=\"http://tracker.example/x.png\"> see https://example.org/a?b=1.";
  m.received_at = demo.now() - std::chrono::hours{1};
  const auto result = demo.ws().store().ingest(m);
  const auto page =
      make_page(demo.ws(), *demo.ws().store().conversation(result.conversation_id), "erik");
  BOOST_TEST(page.timeline_html.find("<script") == std::string::npos);
  BOOST_TEST(page.timeline_html.find("<img") == std::string::npos);
  BOOST_TEST(page.timeline_html.find("&lt;img") != std::string::npos);
  BOOST_TEST(page.timeline_html.find("<a href=\"https://example.org/a?b=1\">") !=
             std::string::npos);
  BOOST_TEST(page.facts_html.find("<b>Evil") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
