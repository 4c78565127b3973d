// The SMS channel as a profile configures it: the gateway's JSON in the profile's settings, its
// secret in a private secrets file.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include <fstream>

#include "fake_gateway.h"
#include "samla/sync/sms_settings.h"

using namespace samla;
using namespace samla::test;

namespace {

std::filesystem::path secrets_at(const std::filesystem::path& dir, const std::string& text,
                                 mode_t mode) {
  const auto file = dir / "secrets";
  std::ofstream(file) << text;
  ::chmod(file.c_str(), mode);
  return file;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SmsSettings)

BOOST_AUTO_TEST_CASE(the_secrets_file_must_be_private) {
  TempProfile profile;
  const auto file = secrets_at(profile.dir, "# SMS\nsms_gateway=s3cret=x\n\nother=1\n", 0644);
  try {
    static_cast<void>(secrets_file(file));
    BOOST_ERROR("a world-readable secrets file was read");
  } catch (const std::runtime_error& e) {
    BOOST_CHECK(std::string(e.what()).find("chmod 600") != std::string::npos);
  }
  ::chmod(file.c_str(), 0600);
  const auto lookup = secrets_file(file);
  BOOST_CHECK_EQUAL(lookup("sms_gateway").value_or(""), "s3cret=x");
  BOOST_CHECK(!lookup("missing"));
  BOOST_CHECK_THROW(static_cast<void>(secrets_file(profile.dir / "none")), std::runtime_error);
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

BOOST_AUTO_TEST_CASE(a_configured_twilio_gateway_sends_with_the_secret_from_the_file) {
  FakeGateway fake;
  TempProfile profile;
  fake.set_clock(profile.now);
  nlohmann::json settings{{"provider", "twilio"},       {"number", "22334455"},
                          {"account_sid", kAccountSid}, {"base_url", fake.base_url()},
                          {"department", "helse"},      {"receipt_wait_minutes", 5}};
  profile.ws.store().set_setting(kSmsGatewaySetting, settings.dump());
  const auto secrets =
      secrets_file(secrets_at(profile.dir, std::string("sms_gateway=") + kAuthToken + "\n", 0600));
  auto connector = make_sms_connector(profile.ws.store(), secrets);
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
