// The outbound queue a connector sends from: queued replies per channel until sent or failed.
#include <boost/test/unit_test.hpp>

#include "store_fixture.h"

using namespace samla;
using namespace samla::test;

namespace {

Event outcome(const std::string& id, const std::string& conversation, Instant when,
              EventPayload payload) {
  return Event{id,          conversation, std::string(kSystemActor),
               "byggesak",  when,         std::move(payload),
               std::nullopt};
}

std::string queue_reply(Store& store, const std::string& conversation, const std::string& text,
                        Instant when) {
  const auto queued = act(store, conversation, "ola", QueueReply{"Sv: Sak", text}, when);
  BOOST_REQUIRE(queued.accepted());
  return std::get<ReplyQueued>(queued.events.at(0).payload).reply_id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StoreReplyQueue)

BOOST_AUTO_TEST_CASE(lists_queued_replies_of_the_channel_until_sent_or_failed) {
  Store store(":memory:", test_options());
  save_municipality(store);
  const auto mail = store.ingest(email("<a@x>", "Sak", "første", at(2026, 11, 23))).conversation_id;
  auto text_message = email("sms-1", "SMS", "hei", at(2026, 11, 23));
  text_message.channel = Channel::Sms;
  const auto sms = store.ingest(text_message).conversation_id;

  const auto first = queue_reply(store, mail, "Svar ein", at(2026, 11, 23, 11));
  const auto second = queue_reply(store, mail, "Svar to", at(2026, 11, 23, 12));
  const auto on_sms = queue_reply(store, sms, "Svar på SMS", at(2026, 11, 23, 12));

  auto queued = store.queued_replies(Channel::Email);
  BOOST_REQUIRE_EQUAL(queued.size(), 2U);
  BOOST_CHECK_EQUAL(queued[0].reply().reply_id, first);  // oldest first
  BOOST_CHECK_EQUAL(queued[0].reply().text, "Svar ein");
  BOOST_CHECK_EQUAL(queued[0].conversation_id, mail);
  BOOST_CHECK_EQUAL(queued[1].reply().reply_id, second);
  BOOST_REQUIRE_EQUAL(store.queued_replies(Channel::Sms).size(), 1U);
  BOOST_CHECK_EQUAL(store.queued_replies(Channel::Sms)[0].reply().reply_id, on_sms);
  BOOST_CHECK(store.queued_replies(Channel::Facebook).empty());
  BOOST_CHECK_EQUAL(store.queued_replies(Channel::Email, 1).size(), 1U);

  store.append(std::vector<Event>{
      outcome("sent-1", mail, at(2026, 11, 23, 13), ReplySent{first, "<r1@kommune.no>"}),
      outcome("failed-2", mail, at(2026, 11, 23, 13), ReplyFailed{second, "mailbox full"})});
  BOOST_CHECK(store.queued_replies(Channel::Email).empty());
  BOOST_CHECK_EQUAL(store.queued_replies(Channel::Sms).size(), 1U);
}

BOOST_AUTO_TEST_CASE(an_sms_reply_goes_out_by_sms_whatever_the_conversation_came_by) {
  Store store(":memory:", test_options());
  save_municipality(store);
  const auto mail = store.ingest(email("<a@x>", "Sak", "første", at(2026, 11, 23))).conversation_id;
  auto request = email("cb-1", "Ring meg", "om byggesaka", at(2026, 11, 23));
  request.channel = Channel::Callback;
  request.from = Party{"Åse", "+4791234567"};
  const auto callback = store.ingest(request).conversation_id;

  const auto by_mail = queue_reply(store, mail, "Svar på e-post", at(2026, 11, 23, 11));
  const auto sms_on_mail =
      act(store, mail, "ola", QueueReply{"", "Vi ringjer.", Channel::Sms, Party{"", "+4791234567"}},
          at(2026, 11, 23, 12));
  BOOST_REQUIRE(sms_on_mail.accepted());
  const auto& queued_sms = std::get<ReplyQueued>(sms_on_mail.events.at(0).payload);
  BOOST_CHECK(queued_sms.channel == Channel::Sms);
  BOOST_CHECK_EQUAL(queued_sms.to.at(0).address, "+4791234567");
  BOOST_CHECK(queued_sms.subject.empty());
  const auto on_callback = queue_reply(store, callback, "Vi ringjer i dag.", at(2026, 11, 23, 13));

  const auto email_queue = store.queued_replies(Channel::Email);
  BOOST_REQUIRE_EQUAL(email_queue.size(), 1U);  // never the SMS, never the callback's reply
  BOOST_CHECK_EQUAL(email_queue[0].reply().reply_id, by_mail);
  const auto sms_queue = store.queued_replies(Channel::Sms);
  BOOST_REQUIRE_EQUAL(sms_queue.size(), 2U);
  BOOST_CHECK_EQUAL(sms_queue[0].reply().reply_id, queued_sms.reply_id);
  BOOST_CHECK_EQUAL(sms_queue[0].conversation_id, mail);
  BOOST_CHECK_EQUAL(sms_queue[1].reply().reply_id, on_callback);
  BOOST_CHECK_EQUAL(sms_queue[1].conversation_id, callback);
  BOOST_CHECK(store.queued_replies(Channel::Callback).empty());
}

BOOST_AUTO_TEST_SUITE_END()
