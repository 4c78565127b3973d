// Department isolation and the role rules are the hub's, not the client's: these tests talk
// raw SQL to the hub with a caseworker's own credentials, as a hostile or broken client would.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include "hub_fixture.h"

#include "samla/sync/event_json.h"
#include "samla/sync/uuid.h"

namespace samla::test {
namespace {

// An event as a client would send it, in the JSON every Samla writes.
std::string event_text(const std::string& conversation, const std::string& actor,
                       const std::string& department, const EventPayload& payload) {
  Event event{new_uuid(),
              conversation,
              actor,
              department,
              Instant{date::sys_days{date::year{2026} / 11 / 23}} + std::chrono::hours{11},
              payload,
              std::nullopt};
  return to_json_text(event_to_json(event));
}

std::size_t count(HubConnection& c, const std::string& sql, const HubParams& params = {}) {
  return std::stoul(c.exec(sql, params).at(0, 0));
}

// Runs `sql` and expects the hub to refuse it; returns the refusal's text.
std::string refused(HubConnection& c, const std::string& sql, const HubParams& params = {}) {
  try {
    (void)c.exec(sql, params);
  } catch (const HubRefused& e) {
    return e.what();
  } catch (const SyncFailure& e) {
    return e.what();
  }
  BOOST_FAIL("the hub accepted: " + sql);
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HubSecurity)

BOOST_AUTO_TEST_CASE(a_caseworker_cannot_read_another_departments_conversations) {
  HubFixture hub;
  const auto byggesak = hub.new_conversation("byggesak");
  const auto skatt = hub.new_conversation("skatt");
  auto siri = hub.connect_as("siri");  // Skatt
  BOOST_TEST(
      count(siri, "SELECT count(*) FROM hub.events WHERE conversation_id = $1", {byggesak}) == 0U);
  BOOST_TEST(count(siri, "SELECT count(*) FROM hub.events WHERE conversation_id = $1", {skatt}) ==
             1U);
  BOOST_TEST(count(siri, "SELECT count(*) FROM hub.conversations") == 1U);
  BOOST_TEST(count(siri,
                   "SELECT count(*) FROM hub.conversation_access WHERE department_id = "
                   "'byggesak'") == 0U);
  BOOST_TEST(count(siri,
                   "SELECT count(*) FROM hub.pull(0, 0, 1000) p "
                   "WHERE p.doc::jsonb ->> 'conversation_id' = $1",
                   {byggesak}) == 0U);
  // The owning department does see it.
  auto ola = hub.connect_as("ola");
  BOOST_TEST(count(ola, "SELECT count(*) FROM hub.events WHERE conversation_id = $1", {byggesak}) ==
             1U);
}

BOOST_AUTO_TEST_CASE(a_caseworker_cannot_insert_an_event_as_another_user) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak");
  auto ola = hub.connect_as("ola");
  const auto as_kari = event_text(conversation, "kari", "byggesak", NoteAdded{"kari sa ja"});
  BOOST_TEST(refused(ola, "SELECT hub.push($1::jsonb)", {as_kari}).find("yourself") !=
             std::string::npos);
  BOOST_TEST(
      refused(ola, "INSERT INTO hub.events (doc) VALUES ($1::jsonb)", {as_kari}).find("yourself") !=
      std::string::npos);
  // Nor as the system: channel events are the agent's.
  const auto as_system =
      event_text(conversation, "system", "byggesak", AutoReplySent{"x", "Takk", {}});
  (void)refused(ola, "SELECT hub.push($1::jsonb)", {as_system});
  // As herself it works.
  const auto own = event_text(conversation, "ola", "byggesak", NoteAdded{"sjekkar"});
  BOOST_TEST(count(ola, "SELECT count(*) FROM (SELECT hub.push($1::jsonb)) p", {own}) == 1U);
  BOOST_TEST(hub.hub_event_count() == 2U);
}

BOOST_AUTO_TEST_CASE(a_caseworker_cannot_accept_a_handover_addressed_elsewhere) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak");
  auto kari = hub.connect_as("kari");
  (void)kari.exec("SELECT hub.push($1::jsonb)",
                  {event_text(conversation, "kari", "byggesak",
                              HandoverRequested{"skatt", "Gjeld eigedomsskatt"})});
  auto hege = hub.connect_as("hege");  // Helse: the handover is addressed to Skatt
  BOOST_TEST(refused(hege, "SELECT hub.push($1::jsonb)",
                     {event_text(conversation, "hege", "skatt", HandoverAccepted{})})
                 .find("only members of skatt can accept") != std::string::npos);
  // Nor may the sender's own department accept for Skatt.
  auto ola = hub.connect_as("ola");
  (void)refused(ola, "SELECT hub.push($1::jsonb)",
                {event_text(conversation, "ola", "byggesak", HandoverAccepted{})});
  // Skatt can, and then owns it.
  auto siri = hub.connect_as("siri");
  (void)siri.exec("SELECT hub.push($1::jsonb)",
                  {event_text(conversation, "siri", "skatt", HandoverAccepted{})});
  BOOST_TEST(
      hub.owner()
          .exec("SELECT owner_department FROM hub.conversations WHERE id = $1", {conversation})
          .at(0, 0) == "skatt");
}

BOOST_AUTO_TEST_CASE(only_a_lead_assigns_others) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak");
  auto ola = hub.connect_as("ola");  // a caseworker of Byggesak
  BOOST_TEST(refused(ola, "SELECT hub.push($1::jsonb)",
                     {event_text(conversation, "ola", "byggesak", Assigned{"per", std::nullopt})})
                 .find("only a lead of byggesak can assign") != std::string::npos);
  // Claiming for oneself is a caseworker's right; a lead assigns others.
  (void)ola.exec("SELECT hub.push($1::jsonb)",
                 {event_text(conversation, "ola", "byggesak", Assigned{"ola", std::nullopt})});
  auto kari = hub.connect_as("kari");
  (void)kari.exec("SELECT hub.push($1::jsonb)",
                  {event_text(conversation, "kari", "byggesak", Assigned{"per", "ola"})});
  // A lead of another department is no lead here.
  auto tor = hub.connect_as("tor");
  (void)refused(tor, "SELECT hub.push($1::jsonb)",
                {event_text(conversation, "tor", "skatt", Assigned{"siri", "per"})});
}

BOOST_AUTO_TEST_CASE(only_comms_and_admins_save_templates) {
  HubFixture hub;
  const std::string saved =
      R"({"id":")" + new_uuid() +
      R"(","conversation_id":"template:auto-reply","type":"TemplateSaved","actor":"ola",)"
      R"("department":"byggesak","at":"2026-11-23T10:00:00Z","payload":{}})";
  auto ola = hub.connect_as("ola");
  BOOST_TEST(refused(ola, "SELECT hub.push($1::jsonb)", {saved}).find("only comms staff") !=
             std::string::npos);
  std::string by_kim = saved;
  by_kim.replace(by_kim.find("\"ola\""), 5, "\"kim\"");
  auto kim = hub.connect_as("kim");
  (void)kim.exec("SELECT hub.push($1::jsonb)", {by_kim});
  // Templates reach every desktop, whatever the department.
  auto hege = hub.connect_as("hege");
  BOOST_TEST(count(hege, "SELECT count(*) FROM hub.pull(0, 0, 100)") == 1U);
}

BOOST_AUTO_TEST_CASE(a_caseworker_cannot_touch_the_tables_directly) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak");
  auto ola = hub.connect_as("ola");
  (void)refused(ola, "UPDATE hub.events SET actor = 'ola'");
  (void)refused(ola, "DELETE FROM hub.events");
  (void)refused(ola, "TRUNCATE hub.events");
  (void)refused(ola, "INSERT INTO hub.memberships VALUES ('ola', 'skatt', 'lead')");
  (void)refused(ola, "UPDATE hub.memberships SET role = 'admin'");
  (void)refused(ola, "UPDATE hub.conversations SET owner_department = 'skatt'");
  (void)refused(ola, "INSERT INTO hub.conversation_access VALUES ($1, 'helse', 0)", {conversation});
  (void)refused(ola, "INSERT INTO hub.users VALUES ('x', 'x', 'x', 'agent')");
  (void)refused(ola, "ALTER TABLE hub.events DISABLE ROW LEVEL SECURITY");
  (void)refused(ola, "ALTER TABLE hub.events DISABLE TRIGGER record_event");
  (void)refused(ola, "SET ROLE samla_hub_owner");
  (void)refused(ola, "CREATE TABLE hub.mine (x int)");
  (void)refused(ola, "SELECT setval('hub.event_seq', 1)");
  (void)refused(ola, "SELECT * FROM hub.migrations");
  (void)refused(ola, "INSERT INTO hub.blobs VALUES (repeat('a', 64), 1, 'x')");
  (void)refused(ola, "SELECT hub.put_blob(encode(sha256('x'), 'hex'), 'x')");
  // The owner still sees everything as it was.
  BOOST_TEST(hub.hub_event_count() == 1U);
  BOOST_TEST(count(hub.owner(), "SELECT count(*) FROM hub.memberships WHERE user_id = 'ola'") ==
             1U);
}

BOOST_AUTO_TEST_CASE(tls_with_a_verified_certificate_and_nothing_less) {
  HubFixture hub;
  const auto& server = HubServer::get();
  const auto verified = hub.conninfo_of("kari") +
                        " sslmode=verify-full sslrootcert=" + (server.dir / "ca.crt").string();
  HubConnection kari(verified);
  BOOST_TEST(kari.exec("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").at(0, 0) == "t");
  // A desktop syncs over it.
  HubSettings settings = hub.settings_of("kari");
  settings.conninfo = verified;
  Desktop desk("kari", settings);
  (void)desk.sync();
  // A server whose certificate the given CA did not sign is refused before any password goes.
  try {
    HubConnection impostor(hub.conninfo_of("kari") + " sslmode=verify-full sslrootcert=" +
                           (server.dir / "other-ca.crt").string());
    BOOST_FAIL("connected to a server that could not be verified");
  } catch (const SyncFailure& e) {
    BOOST_TEST(std::string(e.what()).find("certificate verify failed") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace samla::test
