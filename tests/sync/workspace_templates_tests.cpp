// Templates through the workspace: the shipped defaults, saves and retirements as events in
// the log and the outbox, history with diffs, rendering for a conversation in the citizen's
// language, the handover notice only after acceptance, and the auto-reply for the email engine.
#include <boost/test/unit_test.hpp>

#include "samla/sync/workspace.h"
#include "store_fixture.h"

using namespace samla;
using samla::test::TempDir;

namespace {

// Oslo wall clock in December is UTC+1.
Instant oslo(int y, unsigned m, unsigned d, int hh, int mm = 0) {
  return samla::test::at(y, m, d, hh - 1, mm);
}

struct Fixture {
  TempDir dir;
  Instant now = oslo(2026, 12, 7, 10);  // Monday
  Workspace ws{dir.path(), WorkspaceOptions{[this] { return now; }, "Europe/Oslo"}};

  Fixture() {
    ws.add_department({"byggesak", "Byggesak"});
    ws.add_department({"skatt", "Skatt og avgift"});
    ws.add_department({"innbyggjarservice", "Innbyggjarservice"});
    ws.add_user({"kari", "Kari Nordmann", {{"byggesak", Role::Lead}}});
    ws.add_user({"ola", "Ola Nordmann", {{"byggesak", Role::Caseworker}}});
    ws.add_user({"per", "Per Olsen", {{"skatt", Role::Caseworker}}});
    ws.add_user({"anne", "Anne Tveit", {{"innbyggjarservice", Role::Comms}}});
    ws.set_municipality("Eksempel kommune", "12 34 56 78", "post@eksempel.kommune.no");
  }

  std::string conversation(const std::string& body, const std::string& language = "",
                           const std::string& name = "Åse Ødegård") {
    auto m = samla::test::email("<" + std::to_string(++counter) + "@x>", "Garasje", body,
                                oslo(2026, 12, 7, 9), "byggesak");
    m.from = {name, "ase@example.no"};
    m.language = language;
    return ws.store().ingest(m).conversation_id;
  }

  TemplateSaved edited(const std::string& id, const std::string& nn_body) const {
    auto content = ws.template_info(id)->content;
    content.texts["nn"].body = nn_body;
    content.base_version = ws.template_info(id)->version;
    return content;
  }

  int counter = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(WorkspaceTemplates, Fixture)

BOOST_AUTO_TEST_CASE(the_shipped_templates_are_version_0) {
  const auto all = ws.templates();
  BOOST_REQUIRE_EQUAL(all.size(), 4U);
  for (const auto& t : all) {
    BOOST_CHECK(t.shipped);
    BOOST_CHECK_EQUAL(t.version, 0);
    BOOST_CHECK_EQUAL(t.content.texts.size(), 3U);
  }
  TemplateFilter sms;
  sms.kind = TemplateKind::CallbackNotice;
  BOOST_CHECK_EQUAL(ws.templates(sms).size(), 1U);
  TemplateFilter email;
  email.channel = Channel::Email;  // the email auto-reply and the channel-free ones
  BOOST_CHECK_EQUAL(ws.templates(email).size(), 3U);
  BOOST_CHECK(!ws.template_info("no-such-template"));
}

BOOST_AUTO_TEST_CASE(saves_are_events_in_the_log_and_the_outbox) {
  const auto before = ws.store().outbox_size();
  const auto outcome = ws.save_template(
      "auto-reply-email", edited("auto-reply-email", "Takk, {citizen.name|du}!"), "anne");
  BOOST_REQUIRE(outcome.accepted());
  BOOST_CHECK_EQUAL(outcome.version, 1);
  BOOST_CHECK_EQUAL(ws.store().outbox_size(), before + 1);
  const auto events = ws.store().template_events();
  BOOST_REQUIRE_EQUAL(events.size(), 1U);
  BOOST_CHECK_EQUAL(events[0].conversation_id, "template:auto-reply-email");
  BOOST_CHECK_EQUAL(events[0].actor, "anne");
  BOOST_CHECK(events[0].at == now);
  BOOST_CHECK_EQUAL(events[0].type_name(), "TemplateSaved");
  // No inbox row for a template.
  BOOST_CHECK_EQUAL(ws.store().count(InboxView::All, {}), 0U);
  const auto info = ws.template_info("auto-reply-email");
  BOOST_CHECK_EQUAL(info->version, 1);
  BOOST_CHECK_EQUAL(info->author, "anne");
  BOOST_CHECK_EQUAL(info->content.texts.at("nn").body, "Takk, {citizen.name|du}!");
  BOOST_CHECK_EQUAL(ws.template_info("auto-reply-email", 0)->content.texts.at("nn").body,
                    ws.template_info("auto-reply-email", 0)->content.texts.at("nn").body);
  BOOST_CHECK(ws.template_info("auto-reply-email", 0)->content.texts.at("nn").body !=
              info->content.texts.at("nn").body);
  BOOST_CHECK(!ws.template_info("auto-reply-email", 2));
  // A rebuild of the projections leaves templates alone.
  ws.store().rebuild_projections();
  BOOST_CHECK_EQUAL(ws.store().count(InboxView::All, {}), 0U);
}

BOOST_AUTO_TEST_CASE(only_comms_and_admins_save) {
  const auto outcome =
      ws.save_template("auto-reply-email", edited("auto-reply-email", "Takk!"), "ola");
  BOOST_CHECK(!outcome.accepted());
  BOOST_REQUIRE(outcome.rejection);
  BOOST_CHECK_EQUAL(outcome.rejection->text(ws.zone()),
                    "only communications staff and administrators can change templates");
  BOOST_CHECK(ws.store().template_events().empty());
  BOOST_REQUIRE(ws.retire_template("auto-reply-email", "kari"));
}

BOOST_AUTO_TEST_CASE(errors_stop_a_save_with_their_position) {
  const auto outcome = ws.save_template(
      "auto-reply-email", edited("auto-reply-email", "Hei!\nSvar innan {dedline"), "anne");
  BOOST_CHECK(!outcome.accepted());
  BOOST_CHECK(!outcome.rejection);
  bool found = false;
  for (const auto& c : outcome.checks) {
    if (c.language != "nn") continue;
    BOOST_REQUIRE_EQUAL(c.body_errors.size(), 1U);
    BOOST_CHECK_EQUAL(c.body_errors[0].line, 2U);
    BOOST_CHECK_EQUAL(c.body_errors[0].column, 12U);
    found = true;
  }
  BOOST_CHECK(found);
  BOOST_CHECK(ws.store().template_events().empty());
  auto unknown_language = edited("auto-reply-email", "Hei");
  unknown_language.texts["de"] = {"", "Hallo"};
  BOOST_CHECK(!ws.save_template("auto-reply-email", unknown_language, "anne").accepted());
  BOOST_CHECK_THROW(ws.save_template("Bad Id", unknown_language, "anne"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_stale_save_is_refused) {
  BOOST_REQUIRE(
      ws.save_template("preliminary-reply", edited("preliminary-reply", "A {reference}"), "anne")
          .accepted());
  auto stale = edited("preliminary-reply", "B");
  stale.base_version = 0;
  const auto outcome = ws.save_template("preliminary-reply", stale, "anne");
  BOOST_REQUIRE(outcome.rejection);
  BOOST_CHECK(outcome.rejection->text(ws.zone()).starts_with("Anne Tveit saved version 1"));
}

BOOST_AUTO_TEST_CASE(history_has_authors_times_and_diffs) {
  BOOST_REQUIRE(ws.save_template("callback-sms",
                                 edited("callback-sms", "Vi ringjer {callback_time}."), "anne")
                    .accepted());
  now += std::chrono::hours{1};
  BOOST_REQUIRE(!ws.retire_template("callback-sms", "anne"));
  const auto history = ws.template_history("callback-sms");
  BOOST_REQUIRE_EQUAL(history.size(), 2U);
  BOOST_CHECK(history[0].kind == TemplateChange::Kind::Saved);
  BOOST_CHECK_EQUAL(history[0].version, 1);
  BOOST_CHECK_EQUAL(history[0].author, "anne");
  BOOST_REQUIRE_EQUAL(history[0].diffs.size(), 1U);  // only nn.body changed
  const auto& diff = history[0].diffs.at("nn.body");
  BOOST_REQUIRE_EQUAL(diff.size(), 2U);
  BOOST_CHECK(diff[0].op == DiffLine::Op::Removed);
  BOOST_CHECK(diff[1].op == DiffLine::Op::Added);
  BOOST_CHECK_EQUAL(diff[1].text, "Vi ringjer {callback_time}.");
  BOOST_CHECK(history[1].kind == TemplateChange::Kind::Retired);
  BOOST_CHECK(history[1].at == now);
  // Retired: not listed, not rendered, listed with include_retired.
  BOOST_CHECK_EQUAL(ws.templates().size(), 3U);
  TemplateFilter all;
  all.include_retired = true;
  BOOST_CHECK_EQUAL(ws.templates(all).size(), 4U);
  BOOST_CHECK(ws.retire_template("callback-sms", "anne"));  // already retired
  BOOST_CHECK(ws.retire_template("no-such", "anne"));
}

BOOST_AUTO_TEST_CASE(new_templates_beside_the_shipped_ones) {
  TemplateSaved snippet;
  snippet.kind = TemplateKind::ReplySnippet;
  snippet.name = "Opningstider";
  snippet.texts["nb"] = {"", "Vi har åpent {department}."};
  BOOST_REQUIRE(ws.save_template("opening-hours", snippet, "anne").accepted());
  BOOST_CHECK_EQUAL(ws.templates().size(), 5U);
  BOOST_CHECK(!ws.template_info("opening-hours")->shipped);
}

BOOST_AUTO_TEST_CASE(renders_for_a_conversation_in_the_citizens_language) {
  const auto nn = conversation("Hei! Eg lurer på kva som skjer. Eg har ikkje fått svar.");
  const auto preview = ws.render_template("auto-reply-email", nn);
  BOOST_CHECK(preview.message.language == Language::Nynorsk);
  BOOST_CHECK(preview.message.missing.empty());
  BOOST_CHECK(preview.message.body.starts_with("Hei, Åse Ødegård!"));
  // Received Monday 09:00: five working days on is Monday 14 December, close of office.
  BOOST_CHECK(preview.message.body.find("innan måndag 14. desember 2026") != std::string::npos);
  BOOST_CHECK(preview.message.body.find("SAM-") != std::string::npos);

  const auto nb = conversation("Hei! Jeg lurer på hva som skjer. Jeg har ikke fått svar.");
  BOOST_CHECK(ws.render_template("auto-reply-email", nb).message.language == Language::Bokmal);
  const auto known = conversation("Hei", "en");
  BOOST_CHECK(ws.render_template("auto-reply-email", known)
                  .message.body.find("by Monday 14 December 2026") != std::string::npos);
  // Nothing to tell: the administration language, nynorsk unless set.
  const auto unknown = conversation("Hei");
  BOOST_CHECK(ws.render_template("auto-reply-email", unknown).message.language ==
              Language::Nynorsk);
  ws.set_administration_language(Language::Bokmal);
  BOOST_CHECK(ws.render_template("auto-reply-email", unknown).message.language == Language::Bokmal);
  // An explicit language wins; extra values too.
  TemplateValues extra;
  extra["reason"] = std::string("vi må spørje Plan");
  const auto prelim = ws.render_template("preliminary-reply", unknown, Language::Nynorsk, extra);
  BOOST_CHECK(prelim.message.body.find("fordi vi må spørje Plan.") != std::string::npos);
  BOOST_CHECK_THROW((void)ws.render_template("no-such", unknown), std::invalid_argument);
  BOOST_CHECK_THROW((void)ws.render_template("auto-reply-email", "no-such"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_greeting_without_a_name_when_none_is_known) {
  const auto id = conversation("Eg har ikkje fått svar frå dykk.", "", "");
  const auto preview = ws.render_template("auto-reply-email", id);
  BOOST_CHECK(preview.message.body.starts_with("Hei!\n\n"));
}

BOOST_AUTO_TEST_CASE(the_handover_notice_waits_for_acceptance) {
  const auto id = conversation("Eg har ikkje fått svar frå dykk.");
  BOOST_CHECK_THROW((void)ws.render_template("handover-notice", id), std::invalid_argument);
  BOOST_REQUIRE(ws.execute(id, RequestHandover{"skatt", ""}, "ola").decision.accepted());
  BOOST_CHECK_THROW((void)ws.render_template("handover-notice", id), std::invalid_argument);
  BOOST_REQUIRE(ws.execute(id, AcceptHandover{}, "per").decision.accepted());
  const auto preview = ws.render_template("handover-notice", id);
  BOOST_CHECK_EQUAL(preview.message.subject, "Skatt og avgift har teke over saka di");
  BOOST_CHECK(preview.message.body.find("12 34 56 78") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sms_templates_are_counted) {
  const auto id = conversation("Eg har ikkje fått svar frå dykk.");
  TemplateValues extra;
  extra["callback_time"] = oslo(2026, 12, 8, 10);
  const auto preview = ws.render_template("callback-sms", id, std::nullopt, extra);
  BOOST_REQUIRE(preview.sms);
  BOOST_CHECK_EQUAL(preview.sms->segments, 1U);
  BOOST_CHECK(preview.message.body.find("tysdag 8. desember 2026 kl. 10:00") != std::string::npos);
  const auto checks = ws.check_template(ws.template_info("callback-sms")->content);
  for (const auto& c : checks) {
    BOOST_REQUIRE(c.sms);
    BOOST_CHECK(!c.sms->may_exceed());
  }
}

BOOST_AUTO_TEST_CASE(the_auto_reply_for_the_email_engine) {
  const auto id = conversation("Hei! Jeg lurer på hva som skjer. Jeg har ikke fått svar.");
  const auto c = ws.store().conversation(id);
  auto reply = ws.render_auto_reply(*c);
  BOOST_REQUIRE(reply);
  BOOST_CHECK(reply->language == Language::Bokmal);
  BOOST_CHECK_EQUAL(reply->subject, "Takk for meldingen din");
  BOOST_CHECK(reply->body.find("innen mandag 14. desember 2026") != std::string::npos);
  // A saved version is used at once; retired, there is none for email.
  auto edited_content = edited("auto-reply-email", "x");
  edited_content.texts["nb"].subject = "Vi har fått meldingen";
  BOOST_REQUIRE(ws.save_template("auto-reply-email", edited_content, "anne").accepted());
  BOOST_CHECK_EQUAL(ws.render_auto_reply(*c)->subject, "Vi har fått meldingen");
  BOOST_REQUIRE(!ws.retire_template("auto-reply-email", "anne"));
  BOOST_CHECK(!ws.render_auto_reply(*c));
}

BOOST_AUTO_TEST_CASE(templates_from_the_hub_are_folded_in_hub_order) {
  ws.add_user({"admin", "Systemansvarleg", {{"innbyggjarservice", Role::Admin}}});
  // Anne saves on this desktop while the administrator's save of the same version reaches the
  // hub first: in hub order Anne's change came second and is refused, visibly.
  const auto mine =
      ws.save_template("auto-reply-email", edited("auto-reply-email", "Anne sin tekst."), "anne");
  BOOST_REQUIRE(mine.accepted());
  Event theirs{"hub-1",
               template_stream("auto-reply-email"),
               "admin",
               "innbyggjarservice",
               now - std::chrono::minutes{5},
               edited("auto-reply-email", "Administratoren sin tekst."),
               std::int64_t{1}};
  std::get<TemplateSaved>(theirs.payload).base_version = 0;
  ws.store().merge_pulled(std::vector<Event>{theirs});
  const auto info = ws.template_info("auto-reply-email");
  BOOST_CHECK_EQUAL(info->version, 1);
  BOOST_CHECK_EQUAL(info->author, "admin");
  BOOST_CHECK_EQUAL(info->content.texts.at("nn").body, "Administratoren sin tekst.");
  const auto history = ws.template_history("auto-reply-email");
  BOOST_REQUIRE_EQUAL(history.size(), 2U);
  BOOST_CHECK(!history[0].rejection);
  BOOST_REQUIRE(history[1].rejection);
  BOOST_CHECK(history[1].rejection->text(ws.zone()).starts_with(
      "Systemansvarleg saved version 1 of this template"));
  // Our own event, pushed: it leaves the outbox and keeps its place after the hub's.
  const auto ours = ws.store().template_events().front();
  BOOST_CHECK_EQUAL(ours.actor, "anne");
  const auto queued = ws.store().outbox_size();
  ws.store().mark_pushed(ours.id, 2);
  BOOST_CHECK_EQUAL(ws.store().outbox_size(), queued - 1);
  BOOST_CHECK_EQUAL(ws.template_info("auto-reply-email")->author, "admin");
}

BOOST_AUTO_TEST_CASE(hints_use_the_configured_officialese) {
  TemplateSaved t;
  t.kind = TemplateKind::ReplySnippet;
  t.name = "x";
  t.texts["nn"] = {"", "Vedkomande søknaden din."};
  auto checks = ws.check_template(t);
  BOOST_REQUIRE_EQUAL(checks.size(), 1U);
  BOOST_CHECK_EQUAL(checks[0].hints.size(), 1U);
  ws.set_officialese(Language::Nynorsk, "søknaden = saka");
  checks = ws.check_template(t);
  BOOST_REQUIRE_EQUAL(checks[0].hints.size(), 1U);
  BOOST_CHECK_EQUAL(checks[0].hints[0].args[1], "saka");
}

BOOST_AUTO_TEST_SUITE_END()
