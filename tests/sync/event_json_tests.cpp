// Events as JSON: every payload type round-trips, and broken JSON names the broken field.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <thread>

#include "samla/sync/event_json.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/sha256.h"
#include "samla/sync/uuid.h"
#include "store_fixture.h"

using namespace samla;
using nlohmann::json;
using samla::test::at;

namespace {

InboundMessage full_message() {
  InboundMessage m;
  m.channel = Channel::DigitalPost;
  m.external_id = "dpi-7f3a";
  m.from = {"Åse Ødegård", "12345678901"};
  m.to = {{"Byggesak", "byggesak@kommune.no"}, {"", "post@kommune.no"}};
  m.subject = "Søknad om «tilbygg»";
  m.body_text = "Hei!\n\nKor lang tid tek det? \"Sitat\" og \\ bakstrek.\t😀";
  m.received_at = at(2026, 11, 22, 10, 0);
  m.thread_key = "case-2026/123";
  m.references = {"<a@b>", "<c@d>"};
  m.department = "byggesak";
  m.language = "nn";
  m.attachments = {{"teikning.pdf", "application/pdf", 123456, std::string(64, 'a')},
                   {"bilete.jpg", "image/jpeg", 0, ""}};
  m.warnings = {"charset guessed as windows-1252"};
  return m;
}

Event event_with(EventPayload payload, std::optional<std::int64_t> hub_sequence = {}) {
  return Event{"0f8c3a52-6d1e-4b7a-9c2e-5a1f0b3d7e94",
               "conv-1",
               "kari",
               "byggesak",
               at(2026, 11, 23, 9, 30),
               std::move(payload),
               hub_sequence};
}

std::vector<EventPayload> every_payload() {
  return {MessageReceived{full_message()},
          AutoReplySent{"<a@b>", "Takk for meldinga.", at(2026, 11, 30, 15)},
          Assigned{"ola", std::nullopt},
          Assigned{"ola", std::string("ingrid")},
          Unassigned{},
          ReplyQueued{"r-1", {{"Åse", "ase@example.no"}}, "Svar: søknad", "Hei Åse"},
          ReplyQueued{"r-2", {{"", "+4791234567"}}, "", "Vi ringjer i morgon.", Channel::Sms},
          ReplySent{"r-1", "<reply-1@kommune.no>"},
          ReplyFailed{"r-1", "550 mailbox unavailable"},
          PreliminaryReplySent{at(2026, 12, 14, 15), "Vi svarar innan 14. desember."},
          NoteAdded{"Ringte innbyggjaren."},
          HandoverRequested{"skatt", "Gjeld eigedomsskatt"},
          HandoverAccepted{},
          HandoverDeclined{"Ikkje vårt fagfelt"},
          HandoverWithdrawn{},
          Closed{},
          Reopened{},
          TemplateSaved{TemplateKind::AutoReply,
                        Channel::Email,
                        "Automatisk svar",
                        {{"nn", {"Takk", "Hei {citizen.name}"}}, {"en", {"Thanks", "Hello"}}},
                        3},
          TemplateSaved{TemplateKind::Sms, std::nullopt, "SMS", {{"nb", {"", "Hei"}}}, 0},
          TemplateRetired{4}};
}

/// The field an EventJsonError names when `text` is read as an event.
std::string failing_field(const json& j) {
  try {
    (void)event_from_json(j);
  } catch (const EventJsonError& error) {
    BOOST_TEST_MESSAGE(error.what());
    return error.field();
  }
  BOOST_FAIL("no error for " << j.dump());
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(EventJson)

BOOST_AUTO_TEST_CASE(every_payload_type_round_trips_through_text) {
  std::set<std::string> types;
  for (const auto& payload : every_payload()) {
    for (const auto seq : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{42}}) {
      const auto event = event_with(payload, seq);
      const auto text = to_json_text(event_to_json(event));
      const auto back = event_from_json(parse_json_text(text));
      BOOST_TEST_CONTEXT(text) { BOOST_CHECK(back == event); }
      types.insert(std::string(event.type_name()));
    }
  }
  BOOST_CHECK_EQUAL(types.size(), std::variant_size_v<EventPayload>);
}

BOOST_AUTO_TEST_CASE(payload_alone_round_trips_by_type_name) {
  for (const auto& payload : every_payload()) {
    const auto back = payload_from_json(event_type_name(payload), payload_to_json(payload));
    BOOST_CHECK(back == payload);
  }
}

BOOST_AUTO_TEST_CASE(message_keeps_every_field) {
  const auto m = full_message();
  const auto j = message_to_json(m);
  BOOST_CHECK_EQUAL(j.at("channel"), "digital-post");
  BOOST_CHECK_EQUAL(j.at("received_at"), "2026-11-22T10:00:00Z");
  BOOST_CHECK_EQUAL(j.at("attachments").at(0).at("size"), 123456);
  BOOST_CHECK(message_from_json(parse_json_text(to_json_text(j))) == m);
}

BOOST_AUTO_TEST_CASE(instants_are_iso_8601_utc) {
  const auto j = event_to_json(event_with(Closed{}));
  BOOST_CHECK_EQUAL(j.at("at"), "2026-11-23T09:30:00Z");
  BOOST_CHECK_EQUAL(j.at("type"), "Closed");
  BOOST_CHECK(j.at("payload").is_object());
  BOOST_CHECK(j.at("hub_sequence").is_null());
}

BOOST_AUTO_TEST_CASE(optional_fields_may_be_absent_or_null) {
  auto j = event_to_json(event_with(Assigned{"ola", std::string("ingrid")}));
  j["payload"].erase("expected_assignee");
  j.erase("hub_sequence");
  const auto e = event_from_json(j);
  BOOST_CHECK(!std::get<Assigned>(e.payload).expected_assignee);
  BOOST_CHECK(!e.hub_sequence);
}

BOOST_AUTO_TEST_CASE(a_reply_keeps_its_channel_and_older_replies_read_without_one) {
  const auto sms = event_to_json(
      event_with(ReplyQueued{"r-2", {{"", "+4791234567"}}, "", "Vi ringjer.", Channel::Sms}));
  BOOST_CHECK_EQUAL(sms.at("payload").at("channel"), "sms");
  const auto plain = event_to_json(event_with(ReplyQueued{"r-1", {}, "Sv: Sak", "Svar"}));
  // Written as before when there is no channel, so older versions read it unchanged.
  BOOST_CHECK(!plain.at("payload").contains("channel"));
  BOOST_CHECK(!std::get<ReplyQueued>(event_from_json(plain).payload).channel);
  auto bad = sms;
  bad["payload"]["channel"] = "pigeon";
  BOOST_CHECK_EQUAL(failing_field(bad), "payload.channel");
}

BOOST_AUTO_TEST_CASE(missing_fields_are_named) {
  auto j = event_to_json(event_with(MessageReceived{full_message()}));
  auto without = [&](std::vector<std::string> path) {
    auto copy = j;
    json* node = &copy;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) node = &node->at(path[i]);
    node->erase(path.back());
    return copy;
  };
  BOOST_CHECK_EQUAL(failing_field(without({"id"})), "id");
  BOOST_CHECK_EQUAL(failing_field(without({"at"})), "at");
  BOOST_CHECK_EQUAL(failing_field(without({"payload"})), "payload");
  BOOST_CHECK_EQUAL(failing_field(without({"payload", "message", "received_at"})),
                    "payload.message.received_at");
  BOOST_CHECK_EQUAL(failing_field(without({"payload", "message", "from", "address"})),
                    "payload.message.from.address");
  BOOST_CHECK_EQUAL(failing_field(without({"payload", "message", "warnings"})),
                    "payload.message.warnings");
}

BOOST_AUTO_TEST_CASE(template_payloads_name_their_broken_fields) {
  auto j = event_to_json(event_with(TemplateSaved{
      TemplateKind::AutoReply, Channel::Email, "Svar", {{"nn", {"Takk", "Hei"}}}, 1}));
  auto bad_kind = j;
  bad_kind["payload"]["kind"] = "letter";
  BOOST_CHECK_EQUAL(failing_field(bad_kind), "payload.kind");
  auto bad_channel = j;
  bad_channel["payload"]["channel"] = "fax";
  BOOST_CHECK_EQUAL(failing_field(bad_channel), "payload.channel");
  auto bad_text = j;
  bad_text["payload"]["texts"]["nn"].erase("body");
  BOOST_CHECK_EQUAL(failing_field(bad_text), "payload.texts.nn.body");
  auto no_texts = j;
  no_texts["payload"]["texts"] = json::array();
  BOOST_CHECK_EQUAL(failing_field(no_texts), "payload.texts");
}

BOOST_AUTO_TEST_CASE(malformed_fields_are_named) {
  const auto j = event_to_json(event_with(MessageReceived{full_message()}));
  auto with = [&](const json::json_pointer& pointer, json value) {
    auto copy = j;
    copy[pointer] = std::move(value);
    return copy;
  };
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/actor"), 7)), "actor");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/at"), "2026-11-23 09:30")), "at");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/at"), "2026-02-30T10:00:00Z")), "at");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/type"), "Teleported")), "type");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/hub_sequence"), "12")), "hub_sequence");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/hub_sequence"), 1.5)), "hub_sequence");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/payload/message/channel"), "fax")),
                    "payload.message.channel");
  BOOST_CHECK_EQUAL(
      failing_field(with(json::json_pointer("/payload/message/attachments/1/size"), -1)),
      "payload.message.attachments[1].size");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/payload/message/references/1"), 3)),
                    "payload.message.references[1]");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/payload/message/to"), json::object())),
                    "payload.message.to");
  BOOST_CHECK_EQUAL(failing_field(with(json::json_pointer("/payload"), json::array())), "payload");
  BOOST_CHECK_EQUAL(failing_field(json::array()), "");
}

BOOST_AUTO_TEST_CASE(errors_are_invalid_argument_with_readable_text) {
  auto j = event_to_json(event_with(NoteAdded{"x"}));
  j["payload"].erase("text");
  BOOST_CHECK_THROW((void)event_from_json(j), std::invalid_argument);
  try {
    (void)event_from_json(j);
  } catch (const std::exception& error) {
    BOOST_CHECK_EQUAL(std::string(error.what()), "field 'payload.text': missing");
  }
}

BOOST_AUTO_TEST_CASE(text_that_is_not_json_is_an_error) {
  BOOST_CHECK_THROW((void)parse_json_text("{\"id\": "), EventJsonError);
  BOOST_CHECK_THROW((void)parse_json_text(""), EventJsonError);
}

BOOST_AUTO_TEST_CASE(writing_invalid_utf8_replaces_it_instead_of_failing) {
  auto m = full_message();
  m.body_text = "caf\xE9 \xFF";
  const auto text = to_json_text(message_to_json(m));
  const auto back = message_from_json(parse_json_text(text));
  BOOST_CHECK_EQUAL(back.body_text, "caf\xEF\xBF\xBD \xEF\xBF\xBD");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Iso8601Utc)

BOOST_AUTO_TEST_CASE(writes_utc_with_seconds) {
  BOOST_CHECK_EQUAL(to_iso8601(at(2026, 11, 22, 10, 0)), "2026-11-22T10:00:00Z");
  BOOST_CHECK_EQUAL(to_iso8601(Instant{}), "1970-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(reads_utc_offsets_and_fractions) {
  BOOST_CHECK(parse_iso8601("2026-11-22T10:00:00Z") == at(2026, 11, 22, 10, 0));
  BOOST_CHECK(parse_iso8601("2026-11-22T11:00:00+01:00") == at(2026, 11, 22, 10, 0));
  BOOST_CHECK(parse_iso8601("2026-11-22T08:30:00-01:30") == at(2026, 11, 22, 10, 0));
  BOOST_CHECK(parse_iso8601("2026-11-22T10:00:00.999Z") == at(2026, 11, 22, 10, 0));
}

BOOST_AUTO_TEST_CASE(rejects_everything_else) {
  for (const char* text :
       {"", "2026-11-22", "2026-11-22T10:00:00", "2026-11-22T10:00Z", "2026-13-01T10:00:00Z",
        "2026-02-29T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T10:00:00Zjunk",
        "2026-11-22T10:00:00+0100", "2026-11-22T10:00:00.Z", " 2026-11-22T10:00:00Z"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_CHECK(!parse_iso8601(text)); }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Uuid)

BOOST_AUTO_TEST_CASE(version_4_canonical_and_unique_across_threads) {
  std::vector<std::vector<std::string>> made(4);
  std::vector<std::thread> threads;
  threads.reserve(made.size());
  for (auto& out : made) {
    threads.emplace_back([&out] {
      for (int i = 0; i < 2000; ++i) out.push_back(new_uuid());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& out : made) {
    for (const auto& id : out) {
      BOOST_REQUIRE_EQUAL(id.size(), 36U);
      BOOST_CHECK_EQUAL(id[8], '-');
      BOOST_CHECK_EQUAL(id[14], '4');
      BOOST_CHECK(std::string("89ab").find(id[19]) != std::string::npos);
      all.insert(id);
    }
  }
  BOOST_CHECK_EQUAL(all.size(), 8000U);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Sha256)

BOOST_AUTO_TEST_CASE(known_digests) {
  BOOST_CHECK_EQUAL(sha256_hex(""),
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_CHECK_EQUAL(sha256_hex("abc"),
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_CHECK_EQUAL(sha256_hex(std::string("a\0b", 3)),
                    "59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138");
}

BOOST_AUTO_TEST_SUITE_END()
