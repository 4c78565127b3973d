// The demo workspace end to end: what `scripts/run.sh` shows a first-time user must be there.
#include <set>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "e2e_profile.h"

using nlohmann::json;

namespace {

struct Demo : samla::test::E2eProfile {
  Demo() {
    const auto r = ok({"demo", "--from", SAMLA_DEMO_DIR}, kNow);
    BOOST_REQUIRE_NE(r.out.find("Demo workspace ready"), std::string::npos);
  }
  json list(const std::string& view, const std::string& as) const {
    return json::parse(ok({"list", "--view", view, "--as", as, "--json"}, kNow).out);
  }
  static constexpr const char* kNow = "2026-12-09T11:00";  // a Wednesday
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SamlactlDemo, Demo)

BOOST_AUTO_TEST_CASE(every_channel_and_department_with_work_in_progress) {
  const auto all = list("all", "erik");
  BOOST_CHECK_GE(all.size(), 25U);
  std::set<std::string> channels;
  std::set<std::string> departments;
  int overdue = 0;
  int closed = 0;
  int handovers = 0;
  for (const auto& c : all) {
    channels.insert(c["channel"].get<std::string>());
    departments.insert(c["department"].get<std::string>());
    overdue += c["overdue"].get<bool>() ? 1 : 0;
    closed += c["status"] == "closed" ? 1 : 0;
    handovers += c["handover_to"].is_null() ? 0 : 1;
  }
  BOOST_CHECK((channels == std::set<std::string>{"email", "digital-post", "facebook", "instagram",
                                                 "sms", "callback"}));
  BOOST_CHECK((departments == std::set<std::string>{"byggesak", "barnehage", "skatt",
                                                    "innbyggjarservice", "helse"}));
  BOOST_CHECK_GE(overdue, 3);
  BOOST_CHECK_EQUAL(closed, 1);
  BOOST_CHECK_GE(handovers, 1);
  // The national identity number in one message never shows in a preview.
  for (const auto& c : all) {
    BOOST_CHECK(c["snippet"].get<std::string>().find("40088") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(views_for_the_people_of_the_demo) {
  // Erik (Byggesak) has his own, Tone (lead) has a handover to accept, Skatt has one too.
  BOOST_CHECK_GE(list("mine", "erik").size(), 2U);
  BOOST_CHECK_EQUAL(list("handovers", "tone").size(), 1U);
  BOOST_CHECK_EQUAL(list("handovers", "hans").size(), 1U);
  BOOST_CHECK_GE(list("overdue", "tone").size(), 1U);
  BOOST_CHECK_GE(list("department", "hans").size(), 1U);
  const auto reminders = json::parse(ok({"reminders", "--as", "tone", "--json"}, kNow).out);
  bool stuck_handover = false;
  for (const auto& r : reminders) stuck_handover |= r["kind"] == "handover-not-accepted";
  BOOST_CHECK(stuck_handover);
}

BOOST_AUTO_TEST_CASE(preliminary_reply_and_declined_handover_are_in_the_timelines) {
  const auto hits = json::parse(ok({"search", "garasje gnr", "--json"}, kNow).out);
  BOOST_REQUIRE_GE(hits.size(), 1U);
  const auto garage = json::parse(ok({"show", hits[0]["id"], "--json"}, kNow).out);
  BOOST_CHECK_EQUAL(garage["assignee"], "erik");
  BOOST_CHECK(!garage["promised"].is_null());
  BOOST_CHECK_EQUAL(garage["deadline"], garage["promised"]);
  // Promised for the close of office hours on a working day (six days after 9 Dec: Tue 15th).
  BOOST_CHECK_EQUAL(garage["promised"], "2026-12-15T15:00:00+01:00");
  // Two messages: the follow-up was threaded in by In-Reply-To.
  int messages = 0;
  std::set<std::string> types;
  for (const auto& e : garage["timeline"]) {
    messages += e["type"] == "MessageReceived" ? 1 : 0;
    types.insert(e["type"].get<std::string>());
    BOOST_CHECK(e["rejected"].is_null());
  }
  BOOST_CHECK_EQUAL(messages, 2);
  BOOST_CHECK(types.count("PreliminaryReplySent") == 1);
  BOOST_CHECK(types.count("NoteAdded") == 1);

  const auto english = json::parse(ok({"search", "resident", "--json"}, kNow).out);
  BOOST_REQUIRE_EQUAL(english.size(), 1U);
  const auto text = ok({"show", english[0]["id"]}, kNow).out;
  BOOST_CHECK_NE(text.find("Byggesak declined the handover"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(demo_is_idempotent_and_everything_shows) {
  const auto before = list("all", "erik").size();
  const auto again = ok({"demo", "--from", SAMLA_DEMO_DIR}, kNow);
  BOOST_CHECK_NE(again.out.find("already set up"), std::string::npos);
  BOOST_CHECK_EQUAL(list("all", "erik").size(), before);
  for (const auto& c : list("all", "erik")) {
    const auto r = run({"show", c["id"].get<std::string>()}, kNow);
    BOOST_CHECK_MESSAGE(r.exit_code == 0, r.err);
  }
  // The human table too: one header and one line per conversation.
  const auto table = ok({"list", "--view", "all"}, kNow).out;
  BOOST_CHECK_EQUAL(static_cast<std::size_t>(std::count(table.begin(), table.end(), '\n')),
                    before + 1);
  // Export: one line per message, all of them.
  const auto lines = ok({"export", "--format", "jsonl"}, kNow).out;
  BOOST_CHECK_EQUAL(std::count(lines.begin(), lines.end(), '\n'), 29);
}

BOOST_AUTO_TEST_SUITE_END()
