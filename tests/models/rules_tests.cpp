// Every command, allowed and refused, by role and by state.
#include <boost/test/unit_test.hpp>

#include "domain_fixture.h"
#include "oslo_zone_for_tests.h"
#include "samla/models/rules.h"

using namespace samla;
using samla::test::at;

namespace {

struct Fixture {
  test::ConversationScript s;
  test::OsloZoneForTests zone;
  Instant t0 = at(2026, 12, 7, 8, 30);  // Monday 09:30 in Oslo

  Fixture() { BOOST_REQUIRE(s.feed(s.received("<m1@example.no>", t0))); }

  std::string refused(const std::string& actor, const Command& command, Instant when) {
    auto d = s.run(actor, command, when);
    BOOST_REQUIRE_MESSAGE(!d.accepted(), "expected a refusal");
    BOOST_CHECK(d.events.empty());
    return d.rejection->text(zone);
  }
  void allowed(const std::string& actor, const Command& command, Instant when) {
    auto d = s.run(actor, command, when);
    BOOST_REQUIRE_MESSAGE(d.accepted(), (d.rejection ? d.rejection->text(zone) : ""));
    BOOST_CHECK_EQUAL(d.events.size(), 1U);
  }
  Instant later(int minutes) const { return t0 + std::chrono::minutes{minutes}; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(AssignmentRules, Fixture)

BOOST_AUTO_TEST_CASE(member_claims_unassigned_conversation) {
  allowed("ola", Claim{}, later(1));
  BOOST_CHECK_EQUAL(s.state.assignee.value_or(""), "ola");
  BOOST_CHECK_EQUAL(s.state.assigned_by, "ola");
}

BOOST_AUTO_TEST_CASE(member_of_other_department_cannot_claim) {
  BOOST_CHECK_EQUAL(refused("per", Claim{}, later(1)),
                    "only members of Byggesak can claim this conversation");
  BOOST_CHECK(!s.state.assignee);
}

BOOST_AUTO_TEST_CASE(caseworker_cannot_take_a_colleagues_conversation) {
  allowed("ola", Claim{}, later(1));
  BOOST_CHECK_EQUAL(refused("ingrid", Claim{}, later(2)),
                    "the conversation is assigned to Ola Nordmann; ask a lead of Byggesak to "
                    "reassign it");
}

BOOST_AUTO_TEST_CASE(lead_assigns_a_member) {
  allowed("kari", Assign{"ingrid"}, later(1));
  BOOST_CHECK_EQUAL(*s.state.assignee, "ingrid");
  allowed("kari", Assign{"ola"}, later(2));  // a lead reassigns
  BOOST_CHECK_EQUAL(*s.state.assignee, "ola");
}

BOOST_AUTO_TEST_CASE(caseworker_cannot_assign_others) {
  BOOST_CHECK_EQUAL(refused("ola", Assign{"ingrid"}, later(1)),
                    "only a lead of Byggesak can assign this conversation");
}

BOOST_AUTO_TEST_CASE(lead_of_other_department_cannot_assign) {
  BOOST_CHECK_EQUAL(refused("siri", Assign{"ola"}, later(1)),
                    "only a lead of Byggesak can assign this conversation");
}

BOOST_AUTO_TEST_CASE(assignee_must_belong_to_the_department) {
  BOOST_CHECK_EQUAL(refused("kari", Assign{"per"}, later(1)),
                    "Per Olsen is not a member of Byggesak");
  BOOST_CHECK_EQUAL(refused("kari", Assign{"nobody"}, later(1)), "nobody is not a known user");
}

BOOST_AUTO_TEST_CASE(admin_may_assign) { allowed("admin", Assign{"ola"}, later(1)); }

BOOST_AUTO_TEST_CASE(assigning_the_same_person_twice_is_refused) {
  allowed("kari", Assign{"ola"}, later(1));
  BOOST_CHECK_EQUAL(refused("kari", Assign{"ola"}, later(2)),
                    "the conversation is already assigned to Ola Nordmann");
}

BOOST_AUTO_TEST_CASE(unassign_by_assignee_or_lead_only) {
  BOOST_CHECK_EQUAL(refused("ola", Unassign{}, later(1)),
                    "the conversation is not assigned to anyone");
  allowed("ola", Claim{}, later(1));
  BOOST_CHECK_EQUAL(refused("ingrid", Unassign{}, later(2)),
                    "only Ola Nordmann or a lead of Byggesak can unassign this conversation");
  allowed("ola", Unassign{}, later(3));
  BOOST_CHECK(!s.state.assignee);
  allowed("ingrid", Claim{}, later(4));
  allowed("kari", Unassign{}, later(5));
}

BOOST_AUTO_TEST_CASE(unknown_user_is_refused) {
  BOOST_CHECK_EQUAL(refused("mallory", Claim{}, later(1)), "mallory is not a known user");
}

BOOST_AUTO_TEST_CASE(people_cannot_forge_channel_events) {
  auto e = s.make("ola", "byggesak", later(1), ReplySent{"r1", "x"});
  BOOST_REQUIRE(check(s.state, e, s.directory()));
  BOOST_CHECK_EQUAL(check(s.state, e, s.directory())->text(zone),
                    "ReplySent events come from the channel, not from a person");
  auto system_note = s.make(std::string(kSystemActor), "byggesak", later(1), NoteAdded{"x"});
  BOOST_CHECK_EQUAL(check(s.state, system_note, s.directory())->text(zone),
                    "NoteAdded must be done by a person");
}

BOOST_AUTO_TEST_CASE(commands_on_an_unknown_conversation_are_refused) {
  test::ConversationScript empty;
  auto d = empty.run("kari", Assign{"ola"}, later(1));
  BOOST_REQUIRE(!d.accepted());
  BOOST_CHECK_EQUAL(d.rejection->text(zone), "there is no such conversation");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(CloseReopenNoteRules, Fixture)

BOOST_AUTO_TEST_CASE(member_closes_and_reopens) {
  allowed("ola", Close{}, later(1));
  BOOST_CHECK(!s.state.is_open());
  BOOST_CHECK_EQUAL(refused("ola", Close{}, later(2)), "the conversation is already closed");
  BOOST_CHECK_EQUAL(refused("ola", Claim{}, later(2)),
                    "the conversation is closed; reopen it before you assign it");
  BOOST_CHECK_EQUAL(refused("per", Reopen{}, later(3)),
                    "only members of Byggesak can reopen this conversation");
  allowed("ola", Reopen{}, later(3));
  BOOST_CHECK(s.state.is_open());
  BOOST_CHECK_EQUAL(refused("ola", Reopen{}, later(4)), "the conversation is already open");
}

BOOST_AUTO_TEST_CASE(outsider_cannot_close) {
  BOOST_CHECK_EQUAL(refused("per", Close{}, later(1)),
                    "only members of Byggesak can close this conversation");
  BOOST_CHECK_EQUAL(refused("anne", Close{}, later(1)),
                    "only members of Byggesak can close this conversation");
}

BOOST_AUTO_TEST_CASE(new_inbound_message_reopens_closed_conversation) {
  allowed("ola", Close{}, later(1));
  BOOST_REQUIRE(s.feed(s.received("<m2@example.no>", later(60))));
  BOOST_CHECK(s.state.is_open());
  BOOST_CHECK(s.state.awaiting_since == later(60));
}

BOOST_AUTO_TEST_CASE(the_same_message_twice_is_rejected) {
  BOOST_CHECK(!s.feed(s.received("<m1@example.no>", later(5))));
  BOOST_CHECK_EQUAL(s.state.message_ids.size(), 1U);
}

BOOST_AUTO_TEST_CASE(notes_by_members_not_outsiders) {
  allowed("ola", AddNote{"Ringt innbyggjar, ventar på teikningar."}, later(1));
  BOOST_CHECK_EQUAL(refused("per", AddNote{"hei"}, later(2)),
                    "only members of Byggesak can add notes to this conversation");
  BOOST_CHECK_EQUAL(refused("ola", AddNote{"  \n"}, later(2)), "the note is empty");
}

BOOST_AUTO_TEST_CASE(closing_with_a_pending_handover_is_refused) {
  allowed("ola", RequestHandover{"skatt", "Gjeld eigedomsskatt"}, later(1));
  BOOST_CHECK_EQUAL(refused("ola", Close{}, later(2)),
                    "a handover to Skatt og avgift is waiting; withdraw it before closing");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(HandoverRules, Fixture)

BOOST_AUTO_TEST_CASE(sender_stays_owner_until_accepted) {
  allowed("ola", Claim{}, later(1));
  allowed("ola", RequestHandover{"skatt", "Gjeld eigedomsskatt"}, later(2));
  BOOST_REQUIRE(s.state.handover);
  BOOST_CHECK_EQUAL(s.state.owner_department, "byggesak");
  BOOST_CHECK_EQUAL(*s.state.assignee, "ola");
  BOOST_CHECK_EQUAL(s.state.handover->to_department, "skatt");
  BOOST_CHECK_EQUAL(s.state.handover->requested_by, "ola");
  // The receiving side may read and note while it decides, but not reply or close.
  allowed("per", AddNote{"Ser på saka."}, later(3));
  BOOST_CHECK_EQUAL(refused("per", QueueReply{"", "Hei"}, later(3)),
                    "only members of Byggesak can reply to this conversation");
  allowed("per", AcceptHandover{}, later(4));
  BOOST_CHECK_EQUAL(s.state.owner_department, "skatt");
  BOOST_CHECK(!s.state.assignee);
  BOOST_CHECK(!s.state.handover);
  BOOST_CHECK_EQUAL(s.log.back().department, "skatt");
  // Ownership moved: Byggesak can no longer act, Skatt can.
  BOOST_CHECK_EQUAL(refused("ola", Close{}, later(5)),
                    "only members of Skatt og avgift can close this conversation");
  allowed("per", Claim{}, later(5));
}

BOOST_AUTO_TEST_CASE(only_receiving_department_accepts) {
  allowed("ola", RequestHandover{"skatt", ""}, later(1));
  BOOST_CHECK_EQUAL(refused("kari", AcceptHandover{}, later(2)),
                    "only members of Skatt og avgift can accept this handover");
  BOOST_CHECK_EQUAL(refused("kari", DeclineHandover{"nei"}, later(2)),
                    "only members of Skatt og avgift can decline this handover");
}

BOOST_AUTO_TEST_CASE(decline_returns_with_reason) {
  allowed("ola", Claim{}, later(1));
  allowed("ola", RequestHandover{"skatt", ""}, later(2));
  BOOST_CHECK_EQUAL(refused("per", DeclineHandover{" "}, later(3)),
                    "give a reason for declining the handover");
  allowed("per", DeclineHandover{"Dette gjeld ikkje eigedomsskatt."}, later(3));
  BOOST_CHECK(!s.state.handover);
  BOOST_CHECK_EQUAL(s.state.owner_department, "byggesak");
  BOOST_CHECK_EQUAL(*s.state.assignee, "ola");
  BOOST_REQUIRE(s.state.last_handover);
  BOOST_CHECK(s.state.last_handover->kind == HandoverOutcome::Kind::Declined);
  BOOST_CHECK_EQUAL(s.state.last_handover->reason, "Dette gjeld ikkje eigedomsskatt.");
  BOOST_CHECK_EQUAL(s.state.last_handover->by, "per");
}

BOOST_AUTO_TEST_CASE(second_accept_names_who_accepted_first) {
  allowed("ola", RequestHandover{"skatt", ""}, later(1));
  allowed("siri", AcceptHandover{}, at(2026, 12, 7, 9, 42));
  BOOST_CHECK_EQUAL(refused("per", AcceptHandover{}, later(80)),
                    "the handover was already accepted by Siri Berg at 07.12.2026 10:42");
}

BOOST_AUTO_TEST_CASE(withdraw_by_sender_side) {
  allowed("ola", RequestHandover{"skatt", ""}, later(1));
  BOOST_CHECK_EQUAL(refused("per", WithdrawHandover{}, later(2)),
                    "only members of Byggesak can withdraw the handover of this conversation");
  allowed("ingrid", WithdrawHandover{}, later(2));
  BOOST_CHECK(!s.state.handover);
  BOOST_CHECK_EQUAL(refused("per", AcceptHandover{}, later(3)),
                    "the handover was withdrawn by Ingrid Haugen at 07.12.2026 09:32");
}

BOOST_AUTO_TEST_CASE(handover_preconditions) {
  BOOST_CHECK_EQUAL(refused("per", RequestHandover{"skatt", ""}, later(1)),
                    "only members of Byggesak can hand over this conversation");
  BOOST_CHECK_EQUAL(refused("ola", RequestHandover{"byggesak", ""}, later(1)),
                    "the conversation already belongs to Byggesak");
  BOOST_CHECK_EQUAL(refused("ola", RequestHandover{"vegvesen", ""}, later(1)),
                    "vegvesen is not a known department");
  BOOST_CHECK_EQUAL(refused("per", AcceptHandover{}, later(1)), "there is no handover to accept");
  allowed("ola", RequestHandover{"skatt", ""}, later(1));
  BOOST_CHECK_EQUAL(refused("ola", RequestHandover{"barnehage", ""}, later(2)),
                    "a handover to Skatt og avgift is already waiting to be accepted");
}

BOOST_AUTO_TEST_CASE(deadline_clock_does_not_restart_on_handover) {
  const auto waiting = s.state.awaiting_since;
  allowed("ola", RequestHandover{"skatt", ""}, later(100));
  allowed("per", AcceptHandover{}, later(200));
  BOOST_CHECK(s.state.awaiting_since == waiting);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(ReplyRules, Fixture)

BOOST_AUTO_TEST_CASE(reply_is_queued_then_sent_by_the_channel) {
  allowed("ola", QueueReply{"", "Takk for spørsmålet."}, later(1));
  BOOST_REQUIRE_EQUAL(s.state.replies.size(), 1U);
  const auto reply_id = s.state.replies[0].reply_id;
  auto queued = std::get<ReplyQueued>(s.log.back().payload);
  BOOST_CHECK_EQUAL(queued.subject, "Re: Søknad om bruksendring");
  BOOST_REQUIRE_EQUAL(queued.to.size(), 1U);
  BOOST_CHECK_EQUAL(queued.to[0].address, "kari.innbyggjar@example.no");
  BOOST_CHECK(s.state.awaiting_since);  // queued is not yet answered
  BOOST_CHECK(s.feed(
      s.make(std::string(kSystemActor), "byggesak", later(2), ReplyFailed{reply_id, "SMTP 451"})));
  BOOST_CHECK(s.state.replies[0].state == Reply::State::Failed);
  BOOST_CHECK(s.feed(s.make(std::string(kSystemActor), "byggesak", later(3),
                            ReplySent{reply_id, "<r1@kommune.no>"})));
  BOOST_CHECK(s.state.replies[0].state == Reply::State::Sent);
  BOOST_CHECK(!s.state.awaiting_since);
  BOOST_CHECK(!s.feed(s.make(std::string(kSystemActor), "byggesak", later(4),
                             ReplySent{reply_id, "<r1@kommune.no>"})));
  BOOST_CHECK(!s.feed(
      s.make(std::string(kSystemActor), "byggesak", later(4), ReplySent{"no-such-reply", "x"})));
}

BOOST_AUTO_TEST_CASE(an_sms_to_the_citizen_names_its_channel_and_number) {
  allowed("ola",
          QueueReply{"Ignored", "Vi ringjer i dag.", Channel::Sms, Party{"Kari", "+4791234567"}},
          later(1));
  const auto queued = std::get<ReplyQueued>(s.log.back().payload);
  BOOST_CHECK(queued.channel == Channel::Sms);
  BOOST_REQUIRE_EQUAL(queued.to.size(), 1U);
  BOOST_CHECK_EQUAL(queued.to[0].address, "+4791234567");
  BOOST_CHECK(queued.subject.empty());  // an SMS has no subject
  // Without a channel: the conversation's own, to its citizen, as before.
  allowed("ola", QueueReply{"", "Svar"}, later(2));
  const auto plain = std::get<ReplyQueued>(s.log.back().payload);
  BOOST_CHECK(!plain.channel);
  BOOST_CHECK_EQUAL(plain.to.at(0).address, "kari.innbyggjar@example.no");
  BOOST_CHECK_EQUAL(s.state.replies.size(), 2U);
}

BOOST_AUTO_TEST_CASE(reply_refusals) {
  BOOST_CHECK_EQUAL(refused("ola", QueueReply{"", " "}, later(1)), "the reply is empty");
  allowed("ola", Close{}, later(1));
  BOOST_CHECK_EQUAL(refused("ola", QueueReply{"", "Hei"}, later(2)),
                    "the conversation is closed; reopen it before you reply");
}

BOOST_AUTO_TEST_CASE(preliminary_reply_moves_the_deadline) {
  const auto promised = at(2027, 1, 15, 14, 0);
  allowed("ola", SendPreliminaryReply{promised, "Vi svarar innan 15. januar."}, later(1));
  BOOST_CHECK(s.state.promised == promised);
  BOOST_CHECK_EQUAL(refused("ola", SendPreliminaryReply{later(0), "x"}, later(2)),
                    "the promised date must be in the future");
  BOOST_CHECK_EQUAL(refused("per", SendPreliminaryReply{promised, "x"}, later(2)),
                    "only members of Byggesak can reply to this conversation");
}

BOOST_AUTO_TEST_CASE(preliminary_reply_needs_a_waiting_message) {
  allowed("ola", QueueReply{"", "Svar"}, later(1));
  s.feed(s.make(std::string(kSystemActor), "byggesak", later(2),
                ReplySent{s.state.replies[0].reply_id, "<r@k>"}));
  BOOST_CHECK_EQUAL(refused("ola", SendPreliminaryReply{later(10000), "x"}, later(3)),
                    "no message is waiting for an answer");
}

BOOST_AUTO_TEST_SUITE_END()
