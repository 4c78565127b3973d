// The SMS channel as a profile configures it: the gateway's JSON in the profile's settings, its
// secret in the OS keyring or the private JSON secrets file the mailboxes use too.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "fake_gateway.h"
#include "samla/sync/credentials.h"
#include "samla/sync/profile_channels.h"
#include "samla/sync/sms_settings.h"

using namespace samla;
using namespace samla::test;

BOOST_AUTO_TEST_SUITE(SmsSettings)

BOOST_AUTO_TEST_CASE(the_secret_comes_from_the_named_json_secrets_file_which_must_be_private) {
  TempProfile profile;
  auto& store = profile.ws.store();
  const auto file = profile.dir / "secrets.json";
  file_credentials(file)->store(kSmsGatewaySecret, "s3cret=x");  // the mailboxes' format
  store.set_setting(kSmsGatewaySetting,
                    nlohmann::json{{"provider", "twilio"}, {"secrets_file", file.string()}}.dump());
  BOOST_CHECK_EQUAL(sms_gateway_secrets(store)(kSmsGatewaySecret).value_or(""), "s3cret=x");
  BOOST_CHECK(!sms_gateway_secrets(store)("missing"));
  ::chmod(file.c_str(), 0644);
  try {
    static_cast<void>(sms_gateway_secrets(store)(kSmsGatewaySecret));
    BOOST_ERROR("a world-readable secrets file was read");
  } catch (const CredentialError& e) {
    BOOST_CHECK(std::string(e.what()).find("chmod 600") != std::string::npos);
  }
  // A file not yet written holds no secret: the connector then asks for one (auth_required).
  store.set_setting(
      kSmsGatewaySetting,
      nlohmann::json{{"provider", "twilio"}, {"secrets_file", (profile.dir / "none").string()}}
          .dump());
  BOOST_CHECK(!sms_gateway_secrets(store)(kSmsGatewaySecret));
}

BOOST_AUTO_TEST_CASE(no_setting_no_connector_and_bad_settings_are_named) {
  TempProfile profile;
  auto& store = profile.ws.store();
  const SecretLookup secret = [](const std::string&) { return std::string("token"); };
  BOOST_CHECK(!make_sms_connector(store, secret));
  store.set_setting(kSmsGatewaySetting,
                    R"({"provider": "carrier-pigeon", "number": "+4722334455"})");
  BOOST_CHECK_THROW(static_cast<void>(make_sms_connector(store, secret)), std::invalid_argument);
  store.set_setting(kSmsGatewaySetting, R"({"provider": "twilio", "number": "12"})");
  BOOST_CHECK_THROW(static_cast<void>(make_sms_connector(store, secret)), std::invalid_argument);
  store.set_setting(kSmsGatewaySetting, R"({"provider": "twilio", "number": "+4722334455"})");
  BOOST_CHECK_THROW(static_cast<void>(make_sms_connector(store, secret)), std::invalid_argument);
  store.set_setting(kSmsGatewaySetting,
                    R"({"provider": "twilio", "number": "+4722334455", "account_sid": "AC1"})");
  try {
    static_cast<void>(make_sms_connector(store, [](const std::string&) { return std::nullopt; }));
    BOOST_ERROR("built without a secret");
  } catch (const SyncFailure& e) {
    BOOST_CHECK(e.auth_required());
  }
}

BOOST_AUTO_TEST_CASE(a_configured_twilio_gateway_sends_with_the_secret_from_the_secrets_file) {
  FakeGateway fake;
  TempProfile profile;
  fake.set_clock(profile.now);
  nlohmann::json settings{{"provider", "twilio"},       {"number", "22334455"},
                          {"account_sid", kAccountSid}, {"base_url", fake.base_url()},
                          {"department", "helse"},      {"receipt_wait_minutes", 5}};
  profile.ws.store().set_setting(kSmsGatewaySetting, settings.dump());
  const auto file = profile.dir / "secrets.json";
  file_credentials(file)->store(kSmsGatewaySecret, kAuthToken);
  settings["secrets_file"] = file.string();
  profile.ws.store().set_setting(kSmsGatewaySetting, settings.dump());
  auto connector = make_sms_connector(profile.ws.store(), sms_gateway_secrets(profile.ws.store()));
  BOOST_REQUIRE(connector);
  BOOST_CHECK_EQUAL(connector->id(), "sms:+4722334455");
  TestPass pass;
  fake.inbound("+4791234567", "Ring meg");
  connector->sync_once(profile.ws, pass);
  const auto rows = profile.conversations();
  BOOST_REQUIRE_EQUAL(rows.size(), 1U);
  const auto reply = profile.queue_reply(rows[0].id, "Vi ringjer.");
  connector->sync_once(profile.ws, pass);
  BOOST_REQUIRE_EQUAL(fake.outbound().size(), 1U);
  fake.set_status(fake.outbound()[0]["sid"], "sent");
  profile.now += std::chrono::minutes{5};  // receipt_wait_minutes from the settings
  connector->sync_once(profile.ws, pass);
  BOOST_CHECK(profile.reply(rows[0].id, reply)->state == Reply::State::Sent);
}

BOOST_AUTO_TEST_SUITE_END()
