// The SMS channel end to end through Twilio's Programmable Messaging REST API, against the
// contract fake. The documented behaviours each test relies on are named in its comment; they
// come from Twilio's public reference of the Message resource (create, fetch, read), its
// message status values, its API response and error format, and error pages 20003, 20429,
// 21211 and 21610.
#include <boost/test/unit_test.hpp>

#include "fake_gateway.h"
#include "samla/sync/sms_connector.h"
#include "samla/sync/sms_twilio.h"

using namespace samla;
using namespace samla::test;

namespace {

constexpr const char* kCitizen = "+4791234567";

struct TwilioFixture {
  FakeGateway fake;
  TempProfile profile;
  TestPass pass;
  std::unique_ptr<SmsConnector> connector = make(kAuthToken);

  TwilioFixture() { fake.set_clock(profile.now); }

  [[nodiscard]] std::unique_ptr<SmsConnector> make(const std::string& token) const {
    TwilioSettings settings;
    settings.base_url = fake.base_url();
    settings.account_sid = kAccountSid;
    settings.auth_token = token;
    SmsConnectorOptions options;
    options.number = "22 33 44 55";  // written as people do: the connector keeps +4722334455
    return std::make_unique<SmsConnector>(std::make_unique<TwilioGateway>(settings), options);
  }
  void sync() { connector->sync_once(profile.ws, pass); }
  void advance(std::chrono::seconds by) {
    profile.now += by;
    fake.set_clock(profile.now);
  }
  // The failure a pass throws when the gateway fails as a whole.
  SyncFailure failing_sync() {
    try {
      sync();
    } catch (const SyncFailure& e) {
      return e;
    }
    BOOST_FAIL("the pass did not fail");
    throw std::logic_error("unreachable");
  }
  // One citizen's conversation with one message, and a reply queued to it.
  std::pair<std::string, std::string> conversation_with_reply(const std::string& text) {
    fake.inbound(kCitizen, "Kan de ringje meg om heimetenesta?");
    sync();
    const auto rows = profile.conversations();
    BOOST_REQUIRE_EQUAL(rows.size(), 1U);
    return {rows[0].id, profile.queue_reply(rows[0].id, text)};
  }
  [[nodiscard]] std::string sid_of(const std::string& reply_id) const {
    const auto progress = SmsConnector::progress_of(profile.ws.store(), connector->id(), reply_id);
    BOOST_REQUIRE(progress);
    return progress->message_id;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SmsTwilio, TwilioFixture)

// Read: GET …/Messages.json?To=<our number>&DateSent>=<GMT day>, newest first; inbound messages
// have direction "inbound" and a "SM…" sid. Ingest is idempotent on the sid, and the citizen's
// number threads the conversation.
BOOST_AUTO_TEST_CASE(inbound_messages_thread_by_the_citizens_number_and_are_stored_once) {
  BOOST_CHECK_EQUAL(connector->id(), "sms:+4722334455");
  const auto first = fake.inbound(kCitizen, "Hei, når kjem heimehjelpa?");
  advance(std::chrono::minutes{5});
  fake.inbound("+4741234567", "Eg vil bestille time");
  sync();
  advance(std::chrono::minutes{5});
  fake.inbound(kCitizen, "Ho kom no. Takk!");
  sync();
  sync();  // the same day is read again: nothing doubles

  auto rows = profile.conversations();
  BOOST_REQUIRE_EQUAL(rows.size(), 2U);
  const auto& from_citizen = rows[0].citizen.address == kCitizen ? rows[0] : rows[1];
  BOOST_CHECK_EQUAL(from_citizen.message_count, 2U);
  BOOST_CHECK(from_citizen.channel == Channel::Sms);
  BOOST_CHECK_EQUAL(from_citizen.owner_department, "helse");
  const auto conversation = profile.ws.store().conversation(from_citizen.id);
  BOOST_REQUIRE(conversation);
  BOOST_CHECK_EQUAL(conversation->message_ids.at(0), first);
  const auto* received = std::get_if<MessageReceived>(&conversation->timeline.at(0).event.payload);
  BOOST_REQUIRE(received);
  BOOST_CHECK_EQUAL(received->message.body_text, "Hei, når kjem heimehjelpa?");
  BOOST_CHECK_EQUAL(received->message.to.at(0).address, "+4722334455");
  BOOST_CHECK(received->message.received_at == profile.now - std::chrono::minutes{10});
}

// Create: POST …/Messages.json, form-encoded To/From/Body with Basic auth → 201 and a Message
// with sid and status "queued". Fetch: GET …/Messages/{Sid}.json; "delivered" is final.
BOOST_AUTO_TEST_CASE(a_queued_reply_is_sent_and_the_delivery_report_marks_it_sent) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg før kl. 15 i dag.");
  sync();
  auto out = fake.outbound();
  BOOST_REQUIRE_EQUAL(out.size(), 1U);
  BOOST_CHECK_EQUAL(out[0]["to"], kCitizen);
  BOOST_CHECK_EQUAL(out[0]["from"], "+4722334455");
  BOOST_CHECK_EQUAL(out[0]["body"], "Vi ringjer deg før kl. 15 i dag.");
  const std::string sid = out[0]["sid"];
  BOOST_CHECK_EQUAL(sid_of(reply), sid);
  // Taken by the gateway, not yet delivered: still queued, and not submitted again.
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
  fake.set_status(sid, "sending");
  sync();
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
  BOOST_CHECK_EQUAL(
      SmsConnector::progress_of(profile.ws.store(), connector->id(), reply)->provider_status,
      "sending");

  fake.set_status(sid, "delivered");
  sync();
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Sent);
  const auto state = profile.ws.store().conversation(conversation);
  const auto* sent = std::get_if<ReplySent>(&state->timeline.back().event.payload);
  BOOST_REQUIRE(sent);
  BOOST_CHECK_EQUAL(sent->external_id, sid);
  BOOST_CHECK(!state->timeline.back().rejection);
  BOOST_CHECK(!state->awaiting_since);  // answered: the deadline no longer runs
  BOOST_CHECK(profile.ws.store().queued_replies(Channel::Sms).empty());
  sync();
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
}

// Status "undelivered" (a delivery receipt said it did not arrive) with error_code and
// error_message, e.g. 30003 Unreachable destination handset.
BOOST_AUTO_TEST_CASE(an_undelivered_report_becomes_a_failed_reply_with_the_reason) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg i morgon.");
  sync();
  const std::string sid = fake.outbound()[0]["sid"];
  fake.set_status(sid, "sent");
  sync();
  fake.set_status(sid, "undelivered", 30003, "Unreachable destination handset");
  sync();
  const auto* r = profile.reply(conversation, reply);
  BOOST_CHECK(r->state == Reply::State::Failed);
  BOOST_CHECK_MESSAGE(r->failure.find("30003") != std::string::npos &&
                          r->failure.find("Unreachable destination handset") != std::string::npos,
                      r->failure);
}

// Status "sent": the nearest carrier took it; networks without receipts never say more.
BOOST_AUTO_TEST_CASE(a_reply_sent_without_a_receipt_counts_as_sent_after_the_wait) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg i morgon.");
  sync();
  fake.set_status(fake.outbound()[0]["sid"], "sent");
  advance(std::chrono::minutes{14});
  sync();
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
  advance(std::chrono::minutes{1});
  sync();
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Sent);
}

// 5xx: the gateway failed; the reply stays queued, the connector backs off (30 s, then 60 s)
// without touching the gateway, then sends it exactly once.
BOOST_AUTO_TEST_CASE(gateway_down_keeps_the_reply_queued_and_retries_after_back_off) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg i dag.");
  fake.faults({{"fail", 2}, {"fail_status", 503}});
  const auto down = failing_sync();
  BOOST_CHECK(down.retryable());
  BOOST_CHECK(!down.auth_required());
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
  BOOST_CHECK(fake.outbound().empty());

  const int requests = fake.api_requests();
  advance(std::chrono::seconds{29});
  sync();  // still backing off: the gateway is left alone
  BOOST_CHECK_EQUAL(fake.api_requests(), requests);
  advance(std::chrono::seconds{1});
  static_cast<void>(failing_sync());  // the second 503: now 60 s
  advance(std::chrono::seconds{59});
  sync();
  BOOST_CHECK(fake.outbound().empty());
  advance(std::chrono::seconds{1});
  sync();
  BOOST_REQUIRE_EQUAL(fake.outbound().size(), 1U);
  fake.set_status(fake.outbound()[0]["sid"], "delivered");
  sync();
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Sent);
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
}

// No connection at all (the gateway's port closed): "offline", and nothing is lost.
BOOST_AUTO_TEST_CASE(no_connection_is_offline_and_the_reply_waits) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg i dag.");
  TwilioSettings settings;
  settings.base_url = "http://127.0.0.1:1";  // nothing listens on port 1
  settings.account_sid = kAccountSid;
  settings.auth_token = kAuthToken;
  SmsConnectorOptions options;
  options.number = "+4722334455";
  connector = std::make_unique<SmsConnector>(std::make_unique<TwilioGateway>(settings), options);
  const auto offline = failing_sync();
  BOOST_CHECK(offline.offline());
  BOOST_CHECK(offline.retryable());
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
  connector = make(kAuthToken);
  advance(std::chrono::seconds{30});
  sync();
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
}

// The connection drops after the gateway created the message (its answer is lost). Before
// sending again the connector reads …/Messages.json?To=…&From=… (newest first) and finds it.
BOOST_AUTO_TEST_CASE(a_lost_answer_to_a_send_does_not_send_the_sms_twice) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg kl. 13.");
  fake.faults({{"drop_after", 1}});
  const auto lost = failing_sync();
  BOOST_CHECK(lost.retryable());
  BOOST_REQUIRE_EQUAL(fake.outbound().size(), 1U);  // the gateway has it
  advance(std::chrono::seconds{30});
  sync();
  BOOST_REQUIRE_EQUAL(fake.outbound().size(), 1U);  // found, not sent again
  const std::string sid = fake.outbound()[0]["sid"];
  BOOST_CHECK_EQUAL(sid_of(reply), sid);
  fake.set_status(sid, "delivered");
  sync();
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Sent);
}

// A connection dropped before the gateway did anything: the marker of the attempt makes the
// connector look first, it finds nothing, and sends once.
BOOST_AUTO_TEST_CASE(a_dropped_connection_before_the_send_sends_it_once_later) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg kl. 14.");
  fake.faults({{"drop_before", 1}});
  BOOST_CHECK(failing_sync().retryable());
  BOOST_CHECK(fake.outbound().empty());
  advance(std::chrono::seconds{30});
  sync();
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
}

// 429 with code 20429: "never processed and always safe to retry"; wait for Retry-After.
BOOST_AUTO_TEST_CASE(rate_limiting_waits_as_long_as_retry_after_says) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg kl. 14.");
  fake.faults({{"rate_limit", 1}, {"retry_after", 120}});
  const auto limited = failing_sync();
  BOOST_CHECK(limited.retryable());
  BOOST_CHECK(std::string(limited.what()).find("20429") != std::string::npos);
  const int requests = fake.api_requests();
  advance(std::chrono::seconds{119});
  sync();
  BOOST_CHECK_EQUAL(fake.api_requests(), requests);
  advance(std::chrono::seconds{1});
  sync();
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
}

// 400 with code 21610 (unsubscribed recipient, after the citizen sent STOP) fails that reply for
// good; a number our validation refuses never reaches the gateway; the other replies go out.
BOOST_AUTO_TEST_CASE(a_refused_or_invalid_number_fails_that_reply_and_the_rest_go_out) {
  fake.inbound(kCitizen, "Ring meg");
  fake.inbound("+4741234567", "STOP");
  fake.inbound("12345678", "Frå eit nummer som ikkje finst");
  sync();
  const auto rows = profile.conversations();
  BOOST_REQUIRE_EQUAL(rows.size(), 3U);
  std::map<std::string, std::string> by_number;
  for (const auto& row : rows) by_number[row.citizen.address] = row.id;
  BOOST_REQUIRE_EQUAL(by_number.count("12345678"), 1U);  // kept as the gateway gave it
  fake.control("block", {{"number", "+4741234567"}});
  const auto invalid = profile.queue_reply(by_number["12345678"], "Hei");
  const auto blocked = profile.queue_reply(by_number["+4741234567"], "Hei");
  const auto good = profile.queue_reply(by_number[kCitizen], "Vi ringjer deg i dag.");
  sync();

  const auto* r = profile.reply(by_number["12345678"], invalid);
  BOOST_CHECK(r->state == Reply::State::Failed);
  BOOST_CHECK_MESSAGE(r->failure.find("\"12345678\"") != std::string::npos, r->failure);
  r = profile.reply(by_number["+4741234567"], blocked);
  BOOST_CHECK(r->state == Reply::State::Failed);
  BOOST_CHECK_MESSAGE(r->failure.find("21610") != std::string::npos, r->failure);
  BOOST_CHECK(profile.reply(by_number[kCitizen], good)->state == Reply::State::Queued);
  const auto out = fake.outbound();
  BOOST_REQUIRE_EQUAL(out.size(), 1U);
  BOOST_CHECK_EQUAL(out[0]["to"], kCitizen);
}

// 401 with code 20003 (Authenticate): a person must give new credentials; nothing is failed.
BOOST_AUTO_TEST_CASE(a_refused_token_asks_for_credentials_and_keeps_the_reply) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg i dag.");
  connector = make("wrong-token");
  const auto refused = failing_sync();
  BOOST_CHECK(refused.auth_required());
  BOOST_CHECK(!refused.retryable());
  BOOST_CHECK(std::string(refused.what()).find("20003") != std::string::npos);
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
  BOOST_CHECK(fake.outbound().empty());
}

// Paging: next_page_uri is followed until it is null.
BOOST_AUTO_TEST_CASE(every_page_of_inbound_messages_is_read) {
  for (int i = 0; i < 130; ++i) {
    fake.inbound("+479" + std::to_string(1000000 + i), "melding " + std::to_string(i));
  }
  sync();
  BOOST_CHECK_EQUAL(profile.conversations().size(), 130U);
  BOOST_CHECK_EQUAL(pass.done, 130U);
}

// The engine stops: the pass ends after the current item and the next pass picks up the rest.
BOOST_AUTO_TEST_CASE(a_stopped_pass_leaves_the_rest_for_the_next) {
  fake.inbound(kCitizen, "ein");
  fake.inbound("+4741234567", "to");
  pass.stop = true;
  sync();
  BOOST_CHECK(profile.conversations().empty());
  pass.stop = false;
  sync();
  BOOST_CHECK_EQUAL(profile.conversations().size(), 2U);
}

// A malformed answer from the gateway (not JSON) is the gateway's failure, retried later.
BOOST_AUTO_TEST_CASE(a_garbled_answer_is_retried_not_failed) {
  const auto [conversation, reply] = conversation_with_reply("Vi ringjer deg.");
  fake.faults({{"fail", 1}, {"fail_status", 200}});  // an HTML page with status 200
  BOOST_CHECK(failing_sync().retryable());
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Queued);
}

BOOST_AUTO_TEST_SUITE_END()
