// samlactl end to end: import (good and broken files), the caseworker's commands and their
// refusals, the views, search and export, on a profile built from scratch.
#include <fstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "e2e_profile.h"

using nlohmann::json;
using samla::test::E2eProfile;

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A municipality of two departments and four people, and a folder of messages to import.
struct Municipality : E2eProfile {
  std::filesystem::path inbox = dir / "inbox";
  Municipality() {
    ok({"department", "add", "byggesak", "Byggesak"});
    ok({"department", "add", "skatt", "Skatt og avgift"});
    ok({"user", "add", "kari", "Kari Nordmann", "--member", "byggesak:lead"});
    ok({"user", "add", "ola", "Ola Nordmann", "--member", "byggesak:caseworker"});
    ok({"user", "add", "ingrid", "Ingrid Haugen", "--member", "byggesak"});
    ok({"user", "add", "per", "Per Olsen", "--member", "skatt:caseworker"});
    ok({"mailbox", "byggesak@kommune.example", "byggesak"});
    ok({"config", "default-department", "byggesak"});
    write(inbox / "garasje.eml",
          "From: =?utf-8?Q?B=C3=B8rre_Lie?= <borre@example.no>\r\n"
          "To: byggesak@kommune.example\r\n"
          "Subject: =?utf-8?Q?S=C3=B8knad_om_garasje?=\r\n"
          "Date: Mon, 07 Dec 2026 09:30:00 +0100\r\n"
          "Message-ID: <garasje-1@example.no>\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\n"
          "Treng eg byggeløyve for ein garasje på 48 m²?\r\n");
    write(
        inbox / "sms.json",
        R"([{"channel":"sms","id":"sms-1","from":"+4791234567","text":"Kan de ringe meg om eigedomsskatten?","received_at":"2026-12-07T14:00","department":"skatt"}])");
  }

  // The id of the only conversation whose subject or text contains `word`.
  std::string id_of(const std::string& word) {
    const auto r = ok({"search", word, "--json"});
    const auto hits = json::parse(r.out);
    BOOST_REQUIRE_EQUAL(hits.size(), 1U);
    return hits[0]["id"].get<std::string>();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SamlactlWorkflow, Municipality)

BOOST_AUTO_TEST_CASE(import_list_show) {
  auto r = ok({"import", inbox.string()});
  BOOST_CHECK_NE(r.out.find("imported 2 messages, 0 already present, 0 problems"),
                 std::string::npos);
  const auto all = json::parse(ok({"list", "--view", "all", "--json"}).out);
  BOOST_REQUIRE_EQUAL(all.size(), 2U);
  // Ordered by deadline: the SMS is due the same day, the email in five working days.
  BOOST_CHECK_EQUAL(all[0]["channel"], "sms");
  BOOST_CHECK_EQUAL(all[0]["deadline"], "2026-12-07T15:00:00+01:00");
  BOOST_CHECK_EQUAL(all[0]["department"], "skatt");
  BOOST_CHECK_EQUAL(all[1]["channel"], "email");
  BOOST_CHECK_EQUAL(all[1]["subject"], "Søknad om garasje");
  BOOST_CHECK_EQUAL(all[1]["citizen"]["name"], "Børre Lie");
  BOOST_CHECK_EQUAL(all[1]["department"], "byggesak");  // routed by mailbox
  BOOST_CHECK_EQUAL(all[1]["deadline"], "2026-12-14T15:00:00+01:00");
  const auto shown = json::parse(ok({"show", all[1]["id"].get<std::string>(), "--json"}).out);
  BOOST_CHECK_EQUAL(shown["timeline"].size(), 1U);
  BOOST_CHECK_EQUAL(shown["timeline"][0]["type"], "MessageReceived");
  // A unique prefix of 8 characters is enough, as lists show it.
  const auto text = ok({"show", all[1]["id"].get<std::string>().substr(0, 8)}).out;
  BOOST_CHECK_NE(text.find("Treng eg byggeløyve"), std::string::npos);
  BOOST_CHECK_NE(text.find("Byggesak"), std::string::npos);
  // Re-import changes nothing.
  r = ok({"import", inbox.string()});
  BOOST_CHECK_NE(r.out.find("imported 0 messages, 2 already present"), std::string::npos);
  BOOST_CHECK_EQUAL(json::parse(ok({"list", "--json"}).out).size(), 2U);
}

BOOST_AUTO_TEST_CASE(claim_assign_and_refusals) {
  ok({"import", inbox.string()});
  const auto id = id_of("garasje");
  // A caseworker may not assign others; the rules' reason is printed and the exit code is 1.
  auto r = run({"assign", id, "ingrid", "--as", "ola"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_EQUAL(r.err, "refused: only a lead of Byggesak can assign this conversation\n");
  r = run({"claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_EQUAL(r.err, "refused: only members of Byggesak can claim this conversation\n");
  ok({"claim", id, "--as", "ola"});
  BOOST_CHECK_EQUAL(json::parse(ok({"list", "--view", "mine", "--as", "ola", "--json"}).out).size(),
                    1U);
  BOOST_CHECK_EQUAL(
      json::parse(ok({"list", "--view", "department", "--as", "ola", "--json"}).out).size(), 0U);
  ok({"assign", id, "ingrid", "--as", "kari"});
  const auto shown = json::parse(ok({"show", id, "--json"}).out);
  BOOST_CHECK_EQUAL(shown["assignee"], "ingrid");
  BOOST_CHECK_EQUAL(shown["timeline"].size(), 3U);
  BOOST_CHECK_EQUAL(shown["timeline"][2]["actor"], "kari");
  // Without --as and without a current user, the command says how to name yourself.
  r = run({"claim", id});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_NE(r.err.find("--as USER"), std::string::npos);
  // An unknown conversation is named.
  r = run({"claim", "00000000-dead", "--as", "ola"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_NE(r.err.find("no conversation '00000000-dead'"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(handover_accept_and_decline) {
  ok({"import", inbox.string()});
  const auto id = id_of("garasje");
  ok({"handover", "request", id, "skatt", "--note", "Gjeld eigedomsskatt", "--as", "ola"});
  auto waiting = json::parse(ok({"list", "--view", "handovers", "--as", "per", "--json"}).out);
  BOOST_REQUIRE_EQUAL(waiting.size(), 1U);
  BOOST_CHECK_EQUAL(waiting[0]["handover_to"], "skatt");
  BOOST_CHECK_EQUAL(waiting[0]["department"], "byggesak");  // still the sender's
  auto r = run({"handover", "accept", id, "--as", "kari"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_EQUAL(r.err, "refused: only members of Skatt og avgift can accept this handover\n");
  r = run({"handover", "decline", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);  // --reason is required
  ok({"handover", "decline", id, "--reason", "Ikkje skatt: byggesak", "--as", "per"});
  auto shown = json::parse(ok({"show", id, "--json"}).out);
  BOOST_CHECK_EQUAL(shown["department"], "byggesak");
  BOOST_CHECK(shown["handover"].is_null());
  BOOST_CHECK_NE(ok({"show", id}).out.find("Ikkje skatt: byggesak"), std::string::npos);
  // Second try, accepted: the deadline stays the first message's.
  ok({"handover", "request", id, "skatt", "--as", "ola"});
  ok({"handover", "accept", id, "--as", "per"}, "2026-12-08T10:00");
  shown = json::parse(ok({"show", id, "--json"}).out);
  BOOST_CHECK_EQUAL(shown["department"], "skatt");
  BOOST_CHECK_EQUAL(shown["deadline"], "2026-12-14T15:00:00+01:00");
  r = run({"handover", "accept", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_EQUAL(r.err,
                    "refused: the handover was already accepted by Per Olsen at 08.12.2026 "
                    "10:00\n");
}

BOOST_AUTO_TEST_CASE(notes_replies_preliminary_close_reopen) {
  ok({"import", inbox.string()});
  const auto id = id_of("garasje");
  ok({"note", id, "Ventar på situasjonsplan", "--as", "ola"});
  ok({"preliminary", id, "--promised", "2027-01-15T12:00", "Svar kjem innan 15. januar", "--as",
      "ola"});
  auto shown = json::parse(ok({"show", id, "--json"}).out);
  BOOST_CHECK_EQUAL(shown["deadline"], "2027-01-15T12:00:00+01:00");
  auto r = run({"preliminary", id, "--promised", "2026-12-01T12:00", "for seint", "--as", "ola"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_NE(r.err.find("the promised date must be in the future"), std::string::npos);
  ok({"reply", id, "Du treng ikkje søke.", "--as", "ola"});
  ok({"close", id, "--as", "ola"});
  shown = json::parse(ok({"show", id, "--json"}).out);
  BOOST_CHECK_EQUAL(shown["status"], "closed");
  BOOST_CHECK(shown["deadline"].is_null());
  r = run({"close", id, "--as", "ola"});
  BOOST_CHECK_EQUAL(r.err, "refused: the conversation is already closed\n");
  ok({"reopen", id, "--as", "ingrid"});
  BOOST_CHECK_EQUAL(json::parse(ok({"show", id, "--json"}).out)["status"], "open");
}

BOOST_AUTO_TEST_CASE(views_follow_the_clock) {
  ok({"import", inbox.string()});
  // 14:30 on the day: the SMS (due 15:00) is due soon for Skatt; at 15:00 it is overdue.
  auto due =
      json::parse(ok({"list", "--view", "due", "--as", "per", "--json"}, "2026-12-07T14:30").out);
  BOOST_REQUIRE_EQUAL(due.size(), 1U);
  BOOST_CHECK_EQUAL(due[0]["channel"], "sms");
  BOOST_CHECK_EQUAL(
      json::parse(
          ok({"list", "--view", "overdue", "--as", "per", "--json"}, "2026-12-07T14:30").out)
          .size(),
      0U);
  auto overdue = json::parse(
      ok({"list", "--view", "overdue", "--as", "per", "--json"}, "2026-12-07T15:00").out);
  BOOST_REQUIRE_EQUAL(overdue.size(), 1U);
  BOOST_CHECK_EQUAL(overdue[0]["overdue"], true);
  // Ola in Byggesak does not see Skatt's overdue SMS.
  BOOST_CHECK_EQUAL(
      json::parse(
          ok({"list", "--view", "overdue", "--as", "ola", "--json"}, "2026-12-07T15:00").out)
          .size(),
      0U);
  const auto reminders =
      json::parse(ok({"reminders", "--as", "per", "--json"}, "2026-12-07T15:00").out);
  BOOST_REQUIRE_EQUAL(reminders.size(), 1U);
  BOOST_CHECK_EQUAL(reminders[0]["kind"], "overdue");
}

BOOST_AUTO_TEST_CASE(export_jsonl) {
  ok({"import", inbox.string()});
  const auto out = ok({"export", "--format", "jsonl"}).out;
  std::istringstream lines(out);
  std::string line;
  std::vector<json> rows;
  while (std::getline(lines, line)) rows.push_back(json::parse(line));
  BOOST_REQUIRE_EQUAL(rows.size(), 2U);
  for (const auto& row : rows) {
    for (const char* key : {"id", "conversation", "channel", "external_id", "from", "to", "subject",
                            "received_at", "body_text", "attachments"}) {
      BOOST_CHECK_MESSAGE(row.contains(key), key);
    }
  }
  const auto& email = rows[0]["channel"] == "email" ? rows[0] : rows[1];
  BOOST_CHECK_EQUAL(email["external_id"], "garasje-1@example.no");
  BOOST_CHECK_EQUAL(email["from"]["name"], "Børre Lie");
  BOOST_CHECK_EQUAL(email["from"]["address"], "borre@example.no");
  BOOST_CHECK_EQUAL(email["received_at"], "2026-12-07T09:30:00+01:00");
  BOOST_CHECK_EQUAL(email["to"][0]["address"], "byggesak@kommune.example");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(SamlactlBrokenInput, Municipality)

BOOST_AUTO_TEST_CASE(bad_files_are_named_and_skipped_the_rest_is_imported) {
  write(inbox / "broken.json",
        R"([{"channel":"sms","from":"+4790000000","text":"ok","received_at":"2026-12-07T10:00"},
{"channel":"sms","from":"+4790000001"},
{"channel":"fax","from":"x","text":"y","received_at":"2026-12-07T10:00"}])");
  write(inbox / "notjson.json", "{ this is not json");
  write(inbox / "truncated.eml",
        "From: a@example.no\r\nSubject: avbrote\r\nContent-Type: multipart/mixed; "
        "boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHalv melding");
  write(inbox / "three.mbox",
        "From a@example.no Mon Dec  7 10:00:00 2026\nFrom: a@example.no\nSubject: ein\n"
        "Message-ID: <mb1@x>\nDate: Mon, 07 Dec 2026 10:00:00 +0100\n\nfyrste\n\n"
        "From b@example.no Mon Dec  7 10:01:00 2026\nFrom: b@example.no\nSubject: to\n"
        "Message-ID: <mb2@x>\nDate: Mon, 07 Dec 2026 10:01:00 +0100\n\nandre\n\n"
        "From c@example.no Mon Dec  7 10:02:00 2026\nFrom: c@example.no\nSubject: tre\n"
        "Message-ID: <mb3@x>\nDate: Mon, 07 Dec 2026 10:02:00 +0100\n\ntredje\n");
  const auto r = run({"import", inbox.string(), (dir / "missing.eml").string()});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_NE(r.err.find("notjson.json"), std::string::npos);
  BOOST_CHECK_NE(r.err.find("broken.json"), std::string::npos);
  BOOST_CHECK_NE(r.err.find("missing.eml"), std::string::npos);
  // garasje.eml + sms.json + 1 good of broken.json + truncated.eml (best effort) + 3 mbox.
  BOOST_CHECK_NE(r.out.find("imported 7 messages"), std::string::npos);
  BOOST_CHECK_EQUAL(json::parse(ok({"list", "--json"}).out).size(), 7U);
  BOOST_CHECK_EQUAL(json::parse(ok({"search", "Halv", "--json"}).out).size(), 1U);
}

BOOST_AUTO_TEST_CASE(hostile_search_queries_do_not_fail) {
  ok({"import", inbox.string()});
  for (const char* q : {"\"", "AND(", "-", "*", "garasje OR", "NEAR(a b", "'; DROP TABLE x"}) {
    const auto r = run({"search", q, "--json"});
    BOOST_CHECK_MESSAGE(r.exit_code == 0, std::string(q) + ": " + r.err);
    BOOST_CHECK_NO_THROW([[maybe_unused]] const auto parsed = json::parse(r.out));
  }
}

BOOST_AUTO_TEST_CASE(office_calendar) {
  const auto email_deadline = [&] {
    return ok({"deadline", "--channel", "email", "--received", "2026-12-21T10:00"}).out;
  };
  BOOST_CHECK_EQUAL(email_deadline(), "2026-12-29T15:00:00+01:00\n");
  ok({"calendar", "close", "12-24"});
  ok({"calendar", "close", "2026-12-28"});
  BOOST_CHECK_EQUAL(email_deadline(), "2026-12-31T15:00:00+01:00\n");
  const auto shown = json::parse(ok({"calendar", "show"}).out);
  BOOST_CHECK_EQUAL(shown["closed_every_year"][0], "12-24");
  const auto r = run({"calendar", "close", "24.12"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_NE(r.err.find("'24.12' is not a date"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(usage_errors) {
  auto r = run({"list", "--view", "inbox"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_NE(r.err.find("inbox"), std::string::npos);
  r = run({"frobnicate"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  r = run({"department", "add", "x", "X", "--hours", "25:00-15:00"});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_NE(r.err.find("25:00"), std::string::npos);
  r = run({"user", "add", "u", "U", "--member", "nowhere:lead"});
  BOOST_CHECK_NE(r.exit_code, 0);
  BOOST_CHECK_NE(r.err.find("nowhere"), std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
