// The SMS channel the way an administrator and a caseworker use it: the built samlactl against
// the contract fake of Twilio. `sms-gateway set` keeps the token out of the settings and off the
// command line; `sms` queues an SMS to the citizen of an email conversation; `sync --once` sends
// it, follows its delivery report and files the citizen's answer into the same conversation;
// with the gateway down (5xx, 429, no connection, an answer lost) the SMS stays queued and goes
// out exactly once later.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e_profile.h"
#include "fake_gateway.h"

using nlohmann::json;
using namespace samla;
using namespace samla::test;

namespace {

// 2026-12-07 (a Monday) at hh:mm, Oslo (UTC+1).
Instant oslo(int hour, int minute, int second = 0) {
  return Instant{date::sys_days{date::year{2026} / 12 / 7}} + std::chrono::hours{hour - 1} +
         std::chrono::minutes{minute} + std::chrono::seconds{second};
}
std::string oslo_text(int hour, int minute, int second = 0) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-12-07T%02d:%02d:%02d", hour, minute, second);
  return text;
}

struct SmsMunicipality : E2eProfile {
  std::filesystem::path secrets = dir / "agent" / "secrets.json";

  SmsMunicipality() {
    ok({"department", "add", "helse", "Helse og omsorg"});
    ok({"user", "add", "ola", "Ola Nordmann", "--member", "helse:caseworker"});
    ok({"mailbox", "post@kommune.example", "helse"});
    ok({"config", "default-department", "helse"});
    ok({"config", "current-user", "ola"});
    const auto mail = dir / "in" / "bustad.eml";
    std::filesystem::create_directories(mail.parent_path());
    std::ofstream(mail, std::ios::binary) << "From: =?utf-8?Q?=C3=85se_Lie?= <ase@example.no>\r\n"
                                             "To: post@kommune.example\r\n"
                                             "Subject: =?utf-8?Q?Heimeteneste?=\r\n"
                                             "Date: Mon, 07 Dec 2026 09:30:00 +0100\r\n"
                                             "Message-ID: <heime-1@example.no>\r\n"
                                             "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                                             "Kan de ringje meg? Mobilen min er 912 34 567.\r\n";
    ok({"import", mail.string()});
  }

  // `set` with the token on standard input, never on the command line.
  ProcessResult set_gateway(std::vector<std::string> args, const std::string& token,
                            const std::string& now = oslo_text(10, 0)) const {
    args.insert(args.begin(), {"--profile", dir.string(), "--now", now, "sms-gateway", "set"});
    return run_process(SAMLACTL, args, {"LANGUAGE=en", "LC_ALL=C.UTF-8", "SAMLA_LANGUAGE="}, token);
  }
  ProcessResult twilio(const std::string& base_url, const std::string& token = kAuthToken,
                       const std::vector<std::string>& more = {}) const {
    std::vector<std::string> args{
        "twilio",     "--number", "22 33 44 55",    "--account-sid",  kAccountSid,
        "--base-url", base_url,   "--secrets-file", secrets.string(), "--receipt-wait-minutes",
        "5"};
    args.insert(args.end(), more.begin(), more.end());
    return set_gateway(args, token);
  }

  std::string only_conversation() const {
    const auto list = json::parse(ok({"list", "--view", "all", "--json"}).out);
    BOOST_REQUIRE_EQUAL(list.size(), 1U);
    return list[0]["id"].get<std::string>();
  }
  json timeline(const std::string& id) const {
    return json::parse(ok({"show", id, "--json"}).out)["timeline"];
  }
  static std::size_t count(const json& timeline, const std::string& type) {
    std::size_t n = 0;
    for (const auto& e : timeline) n += e["type"] == type ? 1U : 0U;
    return n;
  }
  ProcessResult sync(int hour, int minute, int second = 0) const {
    return run({"sync", "--once"}, oslo_text(hour, minute, second));
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SamlactlSms, SmsMunicipality)

BOOST_AUTO_TEST_CASE(gateway_settings_name_bad_fields_and_keep_the_token_secret) {
  auto r = set_gateway({"twilio", "--number", "12", "--account-sid", kAccountSid}, "t");
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_MESSAGE(r.err.find("--number") != std::string::npos, r.err);
  r = set_gateway({"twilio", "--number", "22334455", "--account-sid", "AC12"}, "t");
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_MESSAGE(r.err.find("--account-sid") != std::string::npos, r.err);
  r = set_gateway({"twilio", "--number", "22334455", "--account-sid", kAccountSid, "--base-url",
                   "http://sms.example.com"},
                  "t");
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_MESSAGE(r.err.find("--base-url") != std::string::npos, r.err);
  r = set_gateway({"rest", "--number", "22334455"}, "t");
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_MESSAGE(r.err.find("--mapping") != std::string::npos, r.err);
  r = twilio("http://127.0.0.1:9", "");
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_MESSAGE(r.err.find("no secret") != std::string::npos, r.err);
  // Nothing of the refused attempts was kept.
  BOOST_CHECK_EQUAL(run({"sms-gateway", "show"}).exit_code, 1);
  BOOST_CHECK(!std::filesystem::exists(secrets));

  r = twilio("http://127.0.0.1:9", "s3cret-token");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  struct stat info {};
  BOOST_REQUIRE_EQUAL(::stat(secrets.c_str(), &info), 0);
  BOOST_CHECK_EQUAL(info.st_mode & 0777U, 0600U);
  // The one secrets-file format of Samla: JSON {name: secret}, as the mailboxes' passwords.
  std::ifstream in(secrets);
  BOOST_CHECK_EQUAL(json::parse(in)["sms_gateway"], "s3cret-token");
  const auto shown = ok({"sms-gateway", "show"}).out;
  BOOST_CHECK(shown.find("s3cret-token") == std::string::npos);
  const auto settings = json::parse(shown);
  BOOST_CHECK_EQUAL(settings["number"], "+4722334455");
  BOOST_CHECK_EQUAL(settings["account_sid"], kAccountSid);
  BOOST_CHECK_EQUAL(settings["secrets_file"], secrets.string());
  BOOST_CHECK_EQUAL(settings["secret_stored"], true);

  // Another number, the token kept.
  r = set_gateway({"twilio", "--number", "+47 22 33 44 66", "--account-sid", kAccountSid,
                   "--secrets-file", secrets.string(), "--keep-secret"},
                  "");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_CHECK_EQUAL(json::parse(ok({"sms-gateway", "show"}).out)["number"], "+4722334466");

  ok({"sms-gateway", "remove"});
  BOOST_CHECK_EQUAL(run({"sms-gateway", "show"}).exit_code, 1);
  std::ifstream after(secrets);
  BOOST_CHECK(!json::parse(after).contains("sms_gateway"));
  r = run({"sync", "--once"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);  // no channels left
}

BOOST_AUTO_TEST_CASE(an_sms_to_the_citizen_of_an_email_goes_out_once_through_every_outage) {
  FakeGateway fake;
  fake.set_clock(oslo(10, 0));
  BOOST_REQUIRE_MESSAGE(twilio(fake.base_url()).exit_code == 0, "sms-gateway set failed");
  const auto id = only_conversation();

  // An email conversation has no number of the citizen: the caseworker gives one.
  auto r = run({"sms", id, "Vi ringjer deg i dag før kl. 15."});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_MESSAGE(r.err.find("--to") != std::string::npos, r.err);
  r = run({"sms", id, "Vi ringjer deg i dag før kl. 15.", "--to", "12"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_MESSAGE(r.err.find("--to") != std::string::npos, r.err);
  r = ok({"sms", id.substr(0, 8), "Vi ringjer deg i dag før kl. 15.", "--to", "912 34 567"},
         oslo_text(10, 0));
  BOOST_CHECK_MESSAGE(r.out.find("ReplyQueued") != std::string::npos, r.out);
  BOOST_CHECK_MESSAGE(r.out.find("+4791234567") != std::string::npos, r.out);
  auto events = timeline(id);
  BOOST_REQUIRE_EQUAL(count(events, "ReplyQueued"), 1U);
  for (const auto& e : events) {
    if (e["type"] == "ReplyQueued") BOOST_CHECK_EQUAL(e["payload"]["channel"], "sms");
  }

  // Sent as Twilio documents it: To, From and Body.
  fake.set_clock(oslo(10, 1));
  r = sync(10, 1);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto sent = fake.outbound();
  BOOST_REQUIRE_EQUAL(sent.size(), 1U);
  BOOST_CHECK_EQUAL(sent[0]["to"], "+4791234567");
  BOOST_CHECK_EQUAL(sent[0]["from"], "+4722334455");
  BOOST_CHECK_EQUAL(sent[0]["body"], "Vi ringjer deg i dag før kl. 15.");
  BOOST_CHECK_EQUAL(count(timeline(id), "ReplySent"), 0U);  // taken, not yet delivered

  // The delivery report.
  fake.set_clock(oslo(10, 2));
  fake.set_status(sent[0]["sid"], "delivered");
  BOOST_REQUIRE_MESSAGE(sync(10, 2).exit_code == 0, "sync failed");
  events = timeline(id);
  BOOST_REQUIRE_EQUAL(count(events, "ReplySent"), 1U);
  for (const auto& e : events) {
    if (e["type"] == "ReplySent") BOOST_CHECK_EQUAL(e["payload"]["external_id"], sent[0]["sid"]);
  }

  // The citizen answers by SMS: the answer joins the same conversation.
  fake.set_clock(oslo(10, 3));
  fake.inbound("+4791234567", "Takk, det passar fint.");
  BOOST_REQUIRE_MESSAGE(sync(10, 4).exit_code == 0, "sync failed");
  BOOST_CHECK_EQUAL(only_conversation(), id);
  events = timeline(id);
  BOOST_REQUIRE_EQUAL(count(events, "MessageReceived"), 2U);
  BOOST_CHECK_EQUAL(events.back()["payload"]["message"]["channel"], "sms");
  BOOST_CHECK_EQUAL(events.back()["payload"]["message"]["body_text"], "Takk, det passar fint.");

  // The gateway down: 503, then 429, then no connection. The SMS waits and nothing is lost.
  ok({"sms", id, "Vi ringjer i morgon i staden.", "--to", "+4791234567"}, oslo_text(10, 5));
  fake.set_clock(oslo(10, 6));
  fake.faults({{"fail", 1}, {"fail_status", 503}});
  r = sync(10, 6);
  BOOST_CHECK_EQUAL(r.exit_code, 3);
  BOOST_CHECK_MESSAGE(!r.err.empty(), "no word of the failure");
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
  const int requests = fake.api_requests();
  BOOST_CHECK_EQUAL(sync(10, 6, 10).exit_code, 0);  // backing off: the gateway is left alone
  BOOST_CHECK_EQUAL(fake.api_requests(), requests);

  fake.set_clock(oslo(10, 7));
  fake.faults({{"rate_limit", 1}, {"retry_after", 120}});
  BOOST_CHECK_EQUAL(sync(10, 7).exit_code, 3);
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);
  BOOST_CHECK_EQUAL(sync(10, 8).exit_code, 0);  // Retry-After: 120 s not yet over
  BOOST_CHECK_EQUAL(fake.outbound().size(), 1U);

  r = twilio("http://127.0.0.1:9", "", {"--keep-secret"});  // nothing listens there
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_CHECK_EQUAL(sync(10, 10).exit_code, 3);
  BOOST_REQUIRE_MESSAGE(twilio(fake.base_url(), "", {"--keep-secret"}).exit_code == 0, "set");
  events = timeline(id);
  BOOST_CHECK_EQUAL(count(events, "ReplyQueued"), 2U);
  BOOST_CHECK_EQUAL(count(events, "ReplySent"), 1U);
  BOOST_CHECK_EQUAL(count(events, "ReplyFailed"), 0U);

  // The answer to the submit is lost after the gateway made the message: asked, not resent.
  fake.set_clock(oslo(10, 30));
  fake.faults({{"drop_after", 1}});
  BOOST_CHECK_EQUAL(sync(10, 30).exit_code, 3);
  BOOST_CHECK_EQUAL(fake.outbound().size(), 2U);
  fake.set_clock(oslo(10, 40));
  BOOST_REQUIRE_MESSAGE(sync(10, 40).exit_code == 0, "sync failed");
  sent = fake.outbound();
  BOOST_REQUIRE_EQUAL(sent.size(), 2U);  // exactly once
  BOOST_CHECK_EQUAL(sent[1]["body"], "Vi ringjer i morgon i staden.");
  fake.set_status(sent[1]["sid"], "delivered");
  BOOST_REQUIRE_MESSAGE(sync(10, 41).exit_code == 0, "sync failed");
  BOOST_REQUIRE_MESSAGE(sync(10, 42).exit_code == 0, "sync failed");
  BOOST_CHECK_EQUAL(fake.outbound().size(), 2U);
  events = timeline(id);
  BOOST_CHECK_EQUAL(count(events, "ReplySent"), 2U);
  BOOST_CHECK_EQUAL(count(events, "ReplyFailed"), 0U);
}

BOOST_AUTO_TEST_SUITE_END()
