// Desktops syncing through one hub: concurrent assignment, a day of offline work, handovers
// between departments on different machines, lost connections. Every desktop must end up with
// the same conversations, and a person whose local work did not take effect is told why.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>
#include "hub_fixture.h"
#include "samla/models/fold.h"

#include "samla/sync/event_json.h"

namespace samla::test {
namespace {

// The fold each desktop shows, compared field by field that matters to people.
void require_same(Desktop& a, Desktop& b, const std::string& conversation) {
  auto ca = a.store().conversation(conversation);
  auto cb = b.store().conversation(conversation);
  BOOST_REQUIRE(ca && cb);
  BOOST_TEST(ca->owner_department == cb->owner_department);
  BOOST_TEST(ca->assignee.value_or("-") == cb->assignee.value_or("-"));
  BOOST_TEST(ca->handover.has_value() == cb->handover.has_value());
  BOOST_TEST(ca->timeline.size() == cb->timeline.size());
  BOOST_TEST(ca->rejected().size() == cb->rejected().size());
}

std::size_t events_in(Desktop& d, const std::string& conversation) {
  return d.store().events_of(conversation).size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HubSync)

BOOST_AUTO_TEST_CASE(two_leads_assign_the_same_conversation_at_once) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak");
  auto kari = hub.desktop("kari");
  auto per = hub.desktop("per");
  kari->sync();
  per->sync();
  // Both see it unassigned and assign it, each before seeing the other's.
  kari->act(conversation, Assign{"ola"});
  per->act(conversation, Assign{"per"});
  BOOST_TEST(kari->sync().pushed == 1U);
  BOOST_TEST(per->sync().pushed == 1U);
  kari->sync();
  // Kari's came first in the hub's order: it stands on every desktop, Per's is rejected.
  for (auto* d : {kari.get(), per.get()}) {
    auto c = d->store().conversation(conversation);
    BOOST_REQUIRE(c);
    BOOST_TEST(c->assignee.value_or("-") == "ola");
    BOOST_TEST(c->rejected().size() == 1U);
  }
  require_same(*kari, *per, conversation);
  BOOST_TEST(rejected_local_events(kari->store()).empty());
  auto lost = rejected_local_events(per->store());
  BOOST_REQUIRE_EQUAL(lost.size(), 1U);
  BOOST_TEST(lost[0].type == "Assigned");
  BOOST_TEST((lost[0].by == RejectedLocalEvent::By::fold));
  BOOST_TEST(lost[0].text().find("Kari Nordmann assigned the conversation to Ola Nordmann") == 0U);
}

BOOST_AUTO_TEST_CASE(a_day_offline_loses_nothing_and_doubles_nothing) {
  HubFixture hub;
  const auto first = hub.new_conversation("byggesak", "Garasje");
  const auto second = hub.new_conversation("byggesak", "Tilbygg");
  auto ola = hub.desktop("ola");
  auto kari = hub.desktop("kari");
  ola->sync();
  kari->sync();

  ola->go_offline();
  ola->act(first, Assign{"ola"});
  ola->act(first, QueueReply{"Svar: Garasje", "Du treng ikkje søke."});
  ola->act(first, AddNote{"Ringde innbyggjaren"});
  ola->act(second, RequestHandover{"skatt", "Dette gjeld eigedomsskatt"});
  try {
    ola->sync();
    BOOST_FAIL("a pass without a hub must fail");
  } catch (const SyncFailure& e) {
    BOOST_TEST(e.offline());
  }
  BOOST_TEST(hub_sync_status(ola->store()).outbox == 4U);
  // Meanwhile the office goes on: a new message arrives and Kari writes a note.
  kari->act(first, AddNote{"Sjå òg sak 2026/17"});
  kari->sync();
  const auto third = hub.new_conversation("byggesak", "Nabovarsel");

  ola->go_online();
  const auto report = ola->sync();
  BOOST_TEST(report.pushed == 4U);
  BOOST_TEST(report.refused == 0U);
  BOOST_TEST(hub_sync_status(ola->store()).outbox == 0U);
  kari->sync();
  // Nothing doubled: once more, and the hub and both desktops are unchanged.
  const auto on_hub = hub.hub_event_count();
  BOOST_TEST(on_hub == 3U + 1U + 4U);
  BOOST_TEST(ola->sync().pushed == 0U);
  BOOST_TEST(hub.hub_event_count() == on_hub);
  for (const auto& id : {first, second, third}) require_same(*ola, *kari, id);
  BOOST_TEST(events_in(*ola, first) == 5U);
  auto c = kari->store().conversation(first);
  BOOST_TEST(c->assignee.value_or("-") == "ola");
  BOOST_TEST(c->replies.size() == 1U);
  BOOST_TEST(kari->store().conversation(second)->handover.has_value());
  BOOST_TEST(rejected_local_events(ola->store()).empty());
}

BOOST_AUTO_TEST_CASE(a_push_repeated_after_a_lost_reply_is_recorded_once) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak");
  auto ola = hub.desktop("ola");
  ola->sync();
  ola->act(conversation, AddNote{"Eitt notat"});
  const auto note = ola->store().outbox().at(0);
  // The hub recorded it but the reply was lost: the desktop pushes it again.
  auto raw = hub.connect_as("ola");
  const auto seq =
      raw.exec("SELECT hub.push($1::jsonb)", {to_json_text(event_to_json(note))}).at(0, 0);
  BOOST_TEST(ola->sync().pushed == 1U);
  BOOST_TEST(hub.hub_event_count() == 2U);
  BOOST_TEST(ola->store().events_of(conversation).back().hub_sequence.value_or(0) ==
             std::stoll(seq));
  // The connection drops between passes: the next pass reconnects.
  ola->hub().disconnect();
  BOOST_TEST(ola->sync().pushed == 0U);
}

BOOST_AUTO_TEST_CASE(a_handover_is_accepted_on_another_desktop) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak", "Eigedomsskatt");
  auto ola = hub.desktop("ola");
  auto siri = hub.desktop("siri");
  ola->sync();
  siri->sync();
  BOOST_TEST(!siri->store().conversation(conversation));  // not Skatt's yet

  ola->act(conversation, AddNote{"Ikkje vårt"});
  ola->act(conversation, RequestHandover{"skatt", "Gjeld eigedomsskatt"});
  ola->sync();
  siri->sync();
  // Skatt receives the whole history, not only what came after the handover.
  auto seen = siri->store().conversation(conversation);
  BOOST_REQUIRE(seen);
  BOOST_TEST(events_in(*siri, conversation) == 3U);
  BOOST_TEST(seen->message_ids.size() == 1U);
  BOOST_REQUIRE(seen->handover);
  BOOST_TEST(seen->handover->to_department == "skatt");

  siri->act(conversation, AcceptHandover{});
  siri->sync();
  ola->sync();
  for (auto* d : {ola.get(), siri.get()}) {
    auto c = d->store().conversation(conversation);
    BOOST_TEST(c->owner_department == "skatt");
    BOOST_TEST(!c->handover.has_value());
    BOOST_TEST(c->rejected().empty());
  }
  require_same(*ola, *siri, conversation);
}

BOOST_AUTO_TEST_CASE(a_declined_handover_comes_back_with_its_reason) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak", "Skilsmisse");
  auto ola = hub.desktop("ola");
  auto tor = hub.desktop("tor");
  ola->sync();
  ola->act(conversation, RequestHandover{"skatt", "Kanskje dykkar?"});
  ola->sync();
  tor->sync();
  tor->act(conversation, DeclineHandover{"Dette er ikkje skatt; prøv Helse"});
  tor->sync();
  ola->sync();
  auto c = ola->store().conversation(conversation);
  BOOST_TEST(c->owner_department == "byggesak");
  BOOST_TEST(!c->handover.has_value());
  BOOST_REQUIRE(c->last_handover);
  BOOST_TEST(c->last_handover->reason == "Dette er ikkje skatt; prøv Helse");
  require_same(*ola, *tor, conversation);
  // Byggesak may now hand it over elsewhere; Skatt still sees how its part ended.
  ola->act(conversation, RequestHandover{"helse", "Til Helse"});
  ola->sync();
  tor->sync();
  BOOST_TEST(tor->store().conversation(conversation)->handover->to_department == "helse");
}

BOOST_AUTO_TEST_CASE(an_event_the_hub_refuses_is_shown_and_not_pushed_again) {
  HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak");
  auto per = hub.desktop("per");
  per->sync();
  // Per is no longer a lead, but his desktop has not heard it yet.
  add_hub_member(hub.owner(), "per", "byggesak", Role::Caseworker);
  per->act(conversation, Assign{"ola"});
  // The directory arrives first in the pass; the push is refused by the hub's trigger.
  const auto report = per->sync();
  BOOST_TEST(report.refused == 1U);
  auto lost = rejected_local_events(per->store());
  BOOST_REQUIRE(!lost.empty());
  BOOST_TEST((lost[0].by == RejectedLocalEvent::By::hub));
  BOOST_TEST(lost[0].text() == "only a lead of byggesak can assign this conversation");
  BOOST_TEST(hub_sync_status(per->store()).outbox == 0U);
  BOOST_TEST(hub_sync_status(per->store()).refused == 1U);
  BOOST_TEST(per->sync().refused == 0U);  // not pushed again
  BOOST_TEST(hub.hub_event_count() == 1U);
}

BOOST_AUTO_TEST_CASE(attachments_travel_with_their_conversation_only) {
  HubFixture hub;
  InboundMessage message;
  message.channel = Channel::Email;
  message.external_id = "with-attachment@innbygger.example";
  message.from = {"Innbygger", "innbygger@example.no"};
  message.subject = "Teikningar";
  message.body_text = "Vedlagt.";
  message.received_at = hub.agent().workspace().now() - std::chrono::hours{1};
  message.department = "byggesak";
  message.attachments = {{"teikning.pdf", "application/pdf", 0, ""}};
  // Bytes with NULs in them; "end" stands apart so no escape swallows its "e".
  static constexpr char kPdf[] =
      "%PDF-1.4\0binary\xff\0"
      "end";
  const std::string bytes(kPdf, sizeof kPdf - 1);
  const std::vector<AttachmentBytes> data{{bytes}};
  const auto conversation = hub.agent().store().ingest(message, data).conversation_id;
  hub.agent().sync();

  auto ola = hub.desktop("ola");
  ola->sync();
  const auto c = ola->store().conversation(conversation);
  BOOST_REQUIRE(c);
  const auto& received = std::get<MessageReceived>(c->timeline.at(0).event.payload);
  const auto hash = received.message.attachments.at(0).blob;
  BOOST_TEST(ola->store().blob(hash).value_or("") == bytes);
  // Skatt sees neither the conversation nor its attachment.
  auto siri = hub.connect_as("siri");
  BOOST_TEST(siri.exec("SELECT count(*) FROM hub.blobs").at(0, 0) == "0");
  auto owner_count = hub.owner().exec("SELECT count(*) FROM hub.blobs").at(0, 0);
  BOOST_TEST(owner_count == "1");
}

// Issue: templates "sync to every desktop with the hub". A comms advisor saves a new version
// of the auto-reply on their desktop; a caseworker of another department, who sees none of
// Byggesak's conversations, gets it on the next pass, with its author and history.
BOOST_AUTO_TEST_CASE(a_template_saved_by_comms_reaches_every_desktop) {
  HubFixture hub;
  auto kim = hub.desktop("kim");
  auto hege = hub.desktop("hege");
  kim->sync();
  hege->sync();
  auto content = kim->workspace().template_info("auto-reply-email")->content;
  content.texts["nn"].body = "Takk for meldinga, {citizen.name|du}! Svar innan {deadline}.";
  content.base_version = 0;
  const auto saved = kim->workspace().save_template("auto-reply-email", content, "kim");
  BOOST_REQUIRE(saved.accepted());
  kim->sync();
  BOOST_TEST(kim->store().outbox_size() == 0U);

  hege->sync();
  const auto seen = hege->workspace().template_info("auto-reply-email");
  BOOST_REQUIRE(seen);
  BOOST_TEST(seen->version == 1);
  BOOST_TEST(seen->author == "kim");
  BOOST_TEST(seen->content.texts.at("nn").body == content.texts.at("nn").body);
  BOOST_TEST(hege->workspace().template_history("auto-reply-email").size() == 1U);

  // A caseworker's desktop refuses to save one, so nothing reaches the hub.
  auto ola = hub.desktop("ola");
  ola->sync();
  content.base_version = 1;
  const auto refused = ola->workspace().save_template("auto-reply-email", content, "ola");
  BOOST_TEST(!refused.accepted());
  BOOST_TEST(refused.rejection.has_value());
  BOOST_TEST(ola->store().outbox_size() == 0U);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace samla::test
