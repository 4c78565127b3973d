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

BOOST_AUTO_TEST_SUITE_END()
