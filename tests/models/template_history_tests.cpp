// A template's stream: only comms staff and administrators change it, versions count up, a
// change made against an old version is refused, and retired templates can come back.
#include <boost/test/unit_test.hpp>

#include "domain_fixture.h"
#include "oslo_zone_for_tests.h"
#include "samla/models/template_history.h"

using namespace samla;
using samla::test::at;

namespace {

TemplateSaved content(std::int64_t base, const std::string& body = "Takk for meldinga di.") {
  TemplateSaved t;
  t.kind = TemplateKind::AutoReply;
  t.channel = Channel::Email;
  t.name = "Automatisk svar";
  t.texts["nn"] = TemplateText{"Takk", body};
  t.base_version = base;
  return t;
}

int counter = 0;

Event event(const std::string& actor, EventPayload payload, Instant when = at(2026, 12, 7)) {
  return Event{"t" + std::to_string(++counter),
               template_stream("auto-reply-email"),
               actor,
               "x",
               when,
               std::move(payload),
               std::nullopt};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TemplateHistoryFold)

BOOST_AUTO_TEST_CASE(stream_ids) {
  BOOST_CHECK_EQUAL(template_stream("sms-1"), "template:sms-1");
  BOOST_CHECK(is_template_stream("template:sms-1"));
  BOOST_CHECK(!is_template_stream("4f1c9a2e-0000-4000-8000-000000000000"));
  BOOST_CHECK_EQUAL(template_id_of("template:sms-1"), "sms-1");
  BOOST_CHECK_EQUAL(template_id_of("conv-1"), "");
  BOOST_CHECK(is_valid_template_id("auto-reply-email"));
  for (const char* bad : {"", "-a", "Auto", "a b", "æ", "a/b"})
    BOOST_CHECK(!is_valid_template_id(bad));
  BOOST_CHECK(template_kind_from_string("callback-notice") == TemplateKind::CallbackNotice);
  BOOST_CHECK_EQUAL(to_string(TemplateKind::PreliminaryReply), "preliminary-reply");
  BOOST_CHECK(!template_kind_from_string("letter"));
}

BOOST_AUTO_TEST_CASE(comms_and_admins_save_versions_with_author_and_time) {
  const auto dir = test::municipality();
  const auto h = fold_template({event("anne", content(0), at(2026, 12, 7, 9)),
                                event("admin", content(1, "Ny tekst."), at(2026, 12, 8, 9))},
                               dir);
  BOOST_CHECK_EQUAL(h.id, "auto-reply-email");
  BOOST_REQUIRE_EQUAL(h.version(), 2);
  BOOST_CHECK_EQUAL(h.versions[0].author, "anne");
  BOOST_CHECK(h.versions[0].at == at(2026, 12, 7, 9));
  BOOST_CHECK_EQUAL(h.versions[1].number, 2);
  BOOST_CHECK_EQUAL(h.current()->content.texts.at("nn").body, "Ny tekst.");
  BOOST_CHECK(!h.retired);
}

BOOST_AUTO_TEST_CASE(caseworkers_and_leads_are_refused_with_a_reason) {
  const auto dir = test::municipality();
  for (const char* who : {"ola", "kari"}) {
    TemplateHistory h;
    BOOST_CHECK(!apply_template(h, event(who, content(0)), dir));
    BOOST_REQUIRE(h.timeline.back().rejection);
    BOOST_CHECK_EQUAL(h.timeline.back().rejection->text(test::OsloZoneForTests{}),
                      "only communications staff and administrators can change templates");
    BOOST_CHECK(!h.saved());
  }
  TemplateHistory h;
  BOOST_CHECK(!apply_template(h, event("nobody", content(0)), dir));
  BOOST_CHECK(!apply_template(h, event(std::string(kSystemActor), content(0)), dir));
}

BOOST_AUTO_TEST_CASE(a_save_against_an_old_version_is_refused) {
  const auto dir = test::municipality();
  TemplateHistory h;
  BOOST_CHECK(apply_template(h, event("anne", content(0), at(2026, 12, 7, 9, 30)), dir));
  // The administrator edited version 0 too and saves after Anne.
  BOOST_CHECK(!apply_template(h, event("admin", content(0, "Min tekst.")), dir));
  BOOST_CHECK_EQUAL(h.timeline.back().rejection->text(test::OsloZoneForTests{}),
                    "Anne Dahl saved version 1 of this template at 07.12.2026 10:30 in the "
                    "meantime");
  BOOST_CHECK(!apply_template(h, event("admin", content(5)), dir));
  BOOST_CHECK_EQUAL(h.version(), 1);
}

BOOST_AUTO_TEST_CASE(kind_name_and_text_are_required) {
  const auto dir = test::municipality();
  TemplateHistory h;
  BOOST_REQUIRE(apply_template(h, event("anne", content(0)), dir));
  auto other_kind = content(1);
  other_kind.kind = TemplateKind::Sms;
  BOOST_CHECK(!apply_template(h, event("anne", other_kind), dir));
  auto no_name = content(1);
  no_name.name = " ";
  BOOST_CHECK(!apply_template(h, event("anne", no_name), dir));
  auto no_text = content(1);
  no_text.texts.clear();
  BOOST_CHECK(!apply_template(h, event("anne", no_text), dir));
  BOOST_CHECK_EQUAL(h.version(), 1);
}

BOOST_AUTO_TEST_CASE(retire_and_bring_back) {
  const auto dir = test::municipality();
  TemplateHistory h;
  // A shipped template (version 0) can be retired before anyone saved it.
  BOOST_CHECK(apply_template(h, event("anne", TemplateRetired{0}, at(2026, 12, 7, 11)), dir));
  BOOST_CHECK(h.retired);
  BOOST_CHECK_EQUAL(h.retired_by, "anne");
  BOOST_CHECK(!apply_template(h, event("admin", TemplateRetired{0}), dir));
  BOOST_CHECK_EQUAL(h.timeline.back().rejection->text(test::OsloZoneForTests{}),
                    "the template was already retired by Anne Dahl at 07.12.2026 12:00");
  BOOST_CHECK(!apply_template(h, event("ola", TemplateRetired{0}), dir));
  BOOST_CHECK(apply_template(h, event("admin", content(0)), dir));
  BOOST_CHECK(!h.retired);
}

BOOST_AUTO_TEST_CASE(template_events_do_not_belong_in_a_conversation) {
  test::ConversationScript script;
  script.feed(script.received("m1", at(2026, 12, 7)));
  BOOST_CHECK(!script.feed(script.make("anne", "innbyggjarservice", at(2026, 12, 7), content(0))));
  BOOST_CHECK(
      !script.feed(script.make("anne", "innbyggjarservice", at(2026, 12, 7), TemplateRetired{})));
  // ... and conversation events do not belong in a template stream.
  TemplateHistory h;
  BOOST_CHECK(!apply_template(h, event("anne", NoteAdded{"hei"}), test::municipality()));
  Event misplaced = event("anne", content(0));
  misplaced.conversation_id = "conv-1";
  BOOST_CHECK(!apply_template(h, misplaced, test::municipality()));
}

BOOST_AUTO_TEST_SUITE_END()
