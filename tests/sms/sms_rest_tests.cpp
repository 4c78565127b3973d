// The configurable REST gateway: its mapping is checked when read, and a second dialect of the
// fake (a bearer-token JSON API with its own field names and status words) is spoken end to end
// through the same connector.
#include <boost/test/unit_test.hpp>

#include "fake_gateway.h"
#include "samla/sync/sms_connector.h"
#include "samla/sync/sms_rest_gateway.h"

using namespace samla;
using namespace samla::test;

namespace {

nlohmann::json mapping_for(const std::string& base_url) {
  auto mapping = nlohmann::json::parse(R"({
    "auth": {"type": "bearer"},
    "send": {"path": "/rest/v1/sms", "format": "json", "to": "recipient", "from": "sender",
             "text": "message", "id": "/data/id"},
    "status": {"path": "/rest/v1/sms/{id}", "state": "/data/state", "reason": "/data/reason",
               "map": {"ACCEPTED": "pending", "SENT": "sent", "DELIVERED": "delivered",
                       "FAILED": "failed"}},
    "inbound": {"path": "/rest/v1/inbox", "cursor_param": "after", "list": "/messages",
                "next_cursor": "/cursor", "id": "/id", "from": "/msisdn", "to": "/recipient",
                "text": "/text", "time": "/received"},
    "error": "/error/text"})");
  mapping["base_url"] = base_url;
  return mapping;
}

struct RestFixture {
  FakeGateway fake;
  TempProfile profile;
  TestPass pass;
  std::unique_ptr<SmsConnector> connector;

  RestFixture() {
    fake.set_clock(profile.now);
    SmsConnectorOptions options;
    options.number = kOurNumber;
    connector = std::make_unique<SmsConnector>(
        std::make_unique<RestGateway>(
            parse_rest_gateway_mapping(mapping_for(fake.base_url()).dump()), kRestToken),
        options);
  }
  void sync() { connector->sync_once(profile.ws, pass); }
};

void check_refused(const nlohmann::json& mapping, const std::string& expected) {
  BOOST_TEST_CONTEXT(expected) {
    try {
      static_cast<void>(parse_rest_gateway_mapping(mapping.dump()));
      BOOST_ERROR("accepted");
    } catch (const std::invalid_argument& e) {
      BOOST_CHECK_MESSAGE(std::string(e.what()).find(expected) != std::string::npos, e.what());
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SmsRestMapping)

BOOST_AUTO_TEST_CASE(a_complete_mapping_is_read) {
  const auto m = parse_rest_gateway_mapping(mapping_for("https://sms.example.no/").dump());
  BOOST_CHECK_EQUAL(m.base_url, "https://sms.example.no");
  BOOST_CHECK(m.auth == RestGatewayMapping::Auth::Bearer);
  BOOST_CHECK_EQUAL(m.to_field, "recipient");
  BOOST_CHECK(m.states.at("DELIVERED") == SmsDelivery::Delivered);
  BOOST_CHECK(!m.form);
}

BOOST_AUTO_TEST_CASE(an_incomplete_or_wrong_mapping_is_refused_by_name) {
  auto m = mapping_for("x");
  BOOST_CHECK_THROW(static_cast<void>(parse_rest_gateway_mapping("not json")),
                    std::invalid_argument);
  m.erase("base_url");
  check_refused(m, "base_url");
  m = mapping_for("x");
  m["send"].erase("to");
  check_refused(m, "send.to");
  m = mapping_for("x");
  m["status"]["path"] = "/v1/sms";
  check_refused(m, "{id}");
  m = mapping_for("x");
  m["status"]["map"]["SENT"] = "gone";
  check_refused(m, "\"gone\"");
  m = mapping_for("x");
  m["inbound"]["id"] = "no-slash";
  check_refused(m, "JSON pointer");
  m = mapping_for("x");
  m["auth"] = {{"type", "basic"}};
  check_refused(m, "auth.user");
  m = mapping_for("x");
  m.erase("inbound");
  check_refused(m, "\"inbound\"");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(SmsRestGateway, RestFixture)

BOOST_AUTO_TEST_CASE(send_delivery_report_and_inbound_reply_in_a_second_dialect) {
  fake.inbound("+4791234567", "Ring meg");
  sync();
  auto rows = profile.conversations();
  BOOST_REQUIRE_EQUAL(rows.size(), 1U);
  const auto conversation = rows[0].id;
  const auto reply = profile.queue_reply(conversation, "Vi ringjer deg i dag.");
  sync();
  const auto out = fake.outbound();
  BOOST_REQUIRE_EQUAL(out.size(), 1U);
  BOOST_CHECK_EQUAL(out[0]["to"], "+4791234567");
  BOOST_CHECK_EQUAL(out[0]["from"], kOurNumber);
  fake.set_status(out[0]["sid"], "delivered");  // DELIVERED in this dialect
  sync();
  BOOST_CHECK(profile.reply(conversation, reply)->state == Reply::State::Sent);

  // The citizen answers: the cursor moves on, the answer joins the conversation once.
  fake.inbound("+4791234567", "Takk, det passar");
  sync();
  sync();
  rows = profile.conversations();
  BOOST_REQUIRE_EQUAL(rows.size(), 1U);
  BOOST_CHECK_EQUAL(rows[0].message_count, 2U);
}

BOOST_AUTO_TEST_CASE(failures_keep_the_reply_and_a_refused_recipient_fails_it) {
  fake.inbound("+4791234567", "Ring meg");
  fake.inbound("+4741234567", "Ring meg og");
  sync();
  std::map<std::string, std::string> by_number;
  for (const auto& row : profile.conversations()) by_number[row.citizen.address] = row.id;
  fake.control("block", {{"number", "+4741234567"}});
  const auto blocked = profile.queue_reply(by_number["+4741234567"], "Hei");
  const auto good = profile.queue_reply(by_number["+4791234567"], "Hei");

  fake.faults({{"rate_limit", 1}, {"retry_after", 10}});
  try {
    sync();
    BOOST_ERROR("the pass did not fail");
  } catch (const SyncFailure& e) {
    BOOST_CHECK(e.retryable());
    BOOST_CHECK(std::string(e.what()).find("Too many requests") != std::string::npos);
  }
  profile.now += std::chrono::seconds{10};
  sync();
  const auto* r = profile.reply(by_number["+4741234567"], blocked);
  BOOST_CHECK(r->state == Reply::State::Failed);
  BOOST_CHECK_MESSAGE(r->failure.find("opted out") != std::string::npos, r->failure);
  BOOST_CHECK(profile.reply(by_number["+4791234567"], good)->state == Reply::State::Queued);
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
  fake.set_status(fake.outbound()[0]["sid"], "undelivered", 30005, "Unknown destination");
  sync();
  r = profile.reply(by_number["+4791234567"], good);
  BOOST_CHECK(r->state == Reply::State::Failed);
  BOOST_CHECK_MESSAGE(r->failure.find("FAILED: Unknown destination") != std::string::npos,
                      r->failure);
}

BOOST_AUTO_TEST_SUITE_END()
