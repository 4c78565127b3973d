// The Settings window's channel pages without a window: email accounts with their passwords out
// of the store, the SMS gateway's JSON, the team hub's connection string, the window language;
// and what the sync engine is given and the banner says.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "channel_settings.h"
#include "demo_fixture.h"
#include "samla/sync/email/email_accounts.h"
#include "samla/sync/sms_settings.h"
#include "sync_plan.h"

using namespace samla;
using namespace samla::app;

namespace {

// A keyring that is a 0600 file in the profile's folder (no Secret Service in unit tests).
KeyringFactory file_keyring(const std::filesystem::path& dir) {
  return [dir] { return file_credentials(dir / "keyring.json"); };
}

EmailAccountSettings post_account() {
  EmailAccountSettings account;
  account.address = "post@eksempel.kommune.no";
  account.imap_url = "imaps://imap.eksempel.kommune.no";
  account.smtp_url = "smtps://smtp.eksempel.kommune.no";
  return account;
}

// The whole store file as bytes: no password may be in it.
bool store_holds(const test::DemoProfile& demo, const std::string& text) {
  for (const auto& entry : std::filesystem::directory_iterator(demo.dir())) {
    if (entry.path().filename().string().find("keyring") != std::string::npos) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    if (bytes.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ChannelSettingsTests)

BOOST_AUTO_TEST_CASE(an_email_account_is_saved_with_its_password_in_the_keyring_only) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  BOOST_TEST(settings.email_accounts().empty());
  settings.save_email_account(post_account(), "hemmeleg-passord-42");
  const auto accounts = settings.email_accounts();
  BOOST_REQUIRE(accounts.size() == 1U);
  BOOST_TEST(accounts[0].imap_url == "imaps://imap.eksempel.kommune.no");
  BOOST_TEST(settings.has_email_password(accounts[0]));
  BOOST_TEST(*file_credentials(demo.dir() / "keyring.json")
                  ->lookup(credential_key("post@eksempel.kommune.no")) == "hemmeleg-passord-42");
  BOOST_TEST(!store_holds(demo, "hemmeleg-passord-42"));

  // Editing without a password keeps the stored one.
  auto edited = accounts[0];
  edited.display_name = "Eksempel kommune";
  settings.save_email_account(edited, "");
  BOOST_TEST(settings.email_accounts()[0].display_name == "Eksempel kommune");
  BOOST_TEST(settings.has_email_password(edited));

  settings.remove_email_account("POST@eksempel.kommune.no");
  BOOST_TEST(settings.email_accounts().empty());
  BOOST_TEST(!file_credentials(demo.dir() / "keyring.json")
                  ->lookup(credential_key("post@eksempel.kommune.no"))
                  .has_value());
}

BOOST_AUTO_TEST_CASE(an_email_form_that_cannot_work_is_refused_in_words) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  auto account = post_account();
  account.address = "post";
  BOOST_CHECK_EXCEPTION(
      settings.save_email_account(account, "x"), std::invalid_argument,
      [](const auto& e) { return std::string(e.what()).find("address") != std::string::npos; });
  account = post_account();
  account.imap_url = "https://imap.eksempel.kommune.no";
  BOOST_CHECK_THROW(settings.save_email_account(account, "x"), std::invalid_argument);
  account = post_account();
  account.inbox = "  ";
  BOOST_CHECK_EXCEPTION(
      settings.save_email_account(account, "x"), std::invalid_argument,
      [](const auto& e) { return std::string(e.what()).find("folder") != std::string::npos; });
  account = post_account();
  account.auto_reply_days = -1;
  BOOST_CHECK_THROW(settings.save_email_account(account, "x"), std::invalid_argument);
  BOOST_TEST(settings.email_accounts().empty());
}

BOOST_AUTO_TEST_CASE(the_more_settings_of_an_account_reach_the_connector) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  auto account = post_account();
  account.inbox = " Innboks/Byggesak ";
  account.sent = "Sendt";
  account.auto_reply_days = 3;
  account.smtp_login = false;
  account.qresync = false;
  settings.save_email_account(account, "pw");
  const auto saved = settings.email_accounts().at(0);
  BOOST_TEST(saved.inbox == "Innboks/Byggesak");
  const auto connector = settings.account_to_test(saved, "");  // the stored password
  BOOST_TEST(connector.inbox == "Innboks/Byggesak");
  BOOST_TEST(connector.sent == "Sendt");
  BOOST_TEST((connector.auto_reply_policy.per_sender_period == std::chrono::hours{72}));
  BOOST_TEST(connector.smtp.user.empty());  // a relay: no login
  BOOST_TEST(connector.imap.password == "pw");
  BOOST_TEST(!connector.qresync);
  // A typed password is used for the test and kept nowhere.
  BOOST_TEST(settings.account_to_test(saved, "typed").imap.password == "typed");
  BOOST_TEST(*file_credentials(demo.dir() / "keyring.json")
                  ->lookup(credential_key("post@eksempel.kommune.no")) == "pw");
}

BOOST_AUTO_TEST_CASE(a_connection_test_without_any_password_says_so) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  BOOST_CHECK_EXCEPTION(
      (void)settings.account_to_test(post_account(), ""), std::invalid_argument,
      [](const auto& e) { return std::string(e.what()).find("password") != std::string::npos; });
}

BOOST_AUTO_TEST_CASE(the_sms_gateway_keeps_its_json_and_its_token_in_the_keyring) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  BOOST_TEST(!settings.sms_gateway().has_value());
  // A key the window does not edit survives a save.
  demo.ws().store().set_setting(kSmsGatewaySetting, R"({"receipt_wait_minutes": 30})");
  settings.save_sms_gateway({"twilio", " +4722334455 ", "AC123"}, "token-77");
  const auto json = nlohmann::json::parse(*demo.ws().store().setting(kSmsGatewaySetting));
  BOOST_TEST(json.at("provider") == "twilio");
  BOOST_TEST(json.at("number") == "+4722334455");
  BOOST_TEST(json.at("account_sid") == "AC123");
  BOOST_TEST(json.at("receipt_wait_minutes") == 30);
  BOOST_TEST(!json.contains("token"));
  BOOST_TEST(*file_credentials(demo.dir() / "keyring.json")->lookup(kSmsGatewaySecret) ==
             "token-77");
  BOOST_TEST(settings.sms_gateway()->account_sid == "AC123");
  BOOST_CHECK_THROW(settings.save_sms_gateway({"twilio", "22334455", "AC1"}, ""),
                    std::invalid_argument);
  BOOST_CHECK_THROW(settings.save_sms_gateway({"twilio", "+4722334455", ""}, ""),
                    std::invalid_argument);
  settings.remove_sms_gateway();
  BOOST_TEST(!settings.sms_gateway().has_value());
}

BOOST_AUTO_TEST_CASE(the_hub_form_becomes_the_connection_string_samlactl_saves) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  HubForm form;
  form.host = "hub.eksempel.kommune.no";
  form.port = "5433";
  form.database = "samla";
  form.login = "erik";
  form.user = "erik";
  form.ca_file = "/etc/samla/hub ca.crt";
  settings.save_hub(form, "pg-secret");
  const auto saved = hub_settings(demo.ws().store());
  BOOST_REQUIRE(saved.has_value());
  BOOST_TEST(saved->conninfo ==
             "host=hub.eksempel.kommune.no port=5433 dbname=samla user=erik sslmode=verify-full "
             "sslrootcert='/etc/samla/hub ca.crt'");
  BOOST_TEST(saved->user == "erik");
  BOOST_TEST(*demo.ws().current_user() == "erik");
  BOOST_TEST(!store_holds(demo, "pg-secret"));
  const auto read = settings.hub();
  BOOST_REQUIRE(read.has_value());
  BOOST_TEST(read->ca_file == "/etc/samla/hub ca.crt");
  BOOST_TEST(read->port == "5433");
  BOOST_TEST(read->other == "");

  // Options the form has no field for are kept.
  const auto other = hub_form_from("host=h dbname=d user=u connect_timeout=5", "u");
  BOOST_TEST(other.other == "connect_timeout=5");
  BOOST_TEST(to_conninfo(other).find("connect_timeout=5") != std::string::npos);

  // In team mode the engine gets the hub only, with the password from the keyring.
  settings.save_email_account(post_account(), "pw");
  const auto plan = plan_sync(demo.ws(), file_keyring(demo.dir()));
  BOOST_TEST(plan.team);
  BOOST_REQUIRE(plan.connectors.size() == 1U);
  BOOST_TEST(plan.connectors[0]->id() == "hub");

  BOOST_CHECK_THROW(settings.save_hub(HubForm{}, ""), std::invalid_argument);
  settings.leave_hub();
  BOOST_TEST(!hub_settings(demo.ws().store()).has_value());
  BOOST_TEST(!plan_sync(demo.ws(), file_keyring(demo.dir())).team);
}

BOOST_AUTO_TEST_CASE(solo_mode_runs_every_channel_and_names_those_without_a_password) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  // One account with its password in its own secrets file, one whose password is missing.
  auto with = post_account();
  with.secrets_file = (demo.dir() / "secrets.json").string();
  settings.save_email_account(with, "pw");
  auto without = post_account();
  without.address = "byggesak@eksempel.kommune.no";
  without.secrets_file = (demo.dir() / "secrets.json").string();
  settings.save_email_account(without, "");
  const auto plan = plan_sync(demo.ws(), file_keyring(demo.dir()));
  BOOST_TEST(!plan.team);
  BOOST_REQUIRE(plan.connectors.size() == 1U);
  BOOST_TEST(plan.connectors[0]->id() == "imap:post@eksempel.kommune.no");
  BOOST_REQUIRE(plan.problems.size() == 1U);
  BOOST_TEST(plan.problems[0].auth_required);
  BOOST_TEST(problem_text(plan.problems[0]) == "byggesak@eksempel.kommune.no: password needed");

  BannerFacts facts;
  facts.problems = plan.problems;
  const auto banner = banner_for(facts);
  BOOST_TEST((banner.kind == Banner::Kind::password));
  BOOST_TEST(banner.offers_settings);
  BOOST_TEST(banner.text.find("byggesak@eksempel.kommune.no") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_banner_says_offline_with_the_changes_waiting_and_rejections_first) {
  BannerFacts facts;
  BOOST_TEST((banner_for(facts).kind == Banner::Kind::none));
  facts.team = true;
  facts.hub_offline = true;
  facts.waiting = 3;
  BOOST_TEST(banner_for(facts).text == "Offline — 3 changes waiting to be sent");
  facts.waiting = 1;
  BOOST_TEST(banner_for(facts).text == "Offline — 1 change waiting to be sent");
  facts.fresh_rejections = {"Your change to «Garasje» did not take effect: taken", "second"};
  const auto banner = banner_for(facts);
  BOOST_TEST((banner.kind == Banner::Kind::rejected));
  BOOST_TEST(banner.text == "Your change to «Garasje» did not take effect: taken (and 1 more)");
  // Solo mode has no offline banner: channels say so in the status bar.
  facts = {};
  facts.hub_offline = true;
  facts.waiting = 2;
  BOOST_TEST((banner_for(facts).kind == Banner::Kind::none));
}

BOOST_AUTO_TEST_CASE(the_window_language_is_a_profile_setting) {
  test::DemoProfile demo;
  ChannelSettings settings(demo.ws(), file_keyring(demo.dir()));
  BOOST_TEST(settings.window_language() == "");
  settings.set_window_language("nn");
  BOOST_TEST(*demo.ws().store().setting("ui.language") == "nn");
  BOOST_CHECK_THROW(settings.set_window_language("de"), std::invalid_argument);
  BOOST_TEST(settings.window_language() == "nn");
}

BOOST_AUTO_TEST_SUITE_END()
