// samlactl template … and sms count end to end: list, show, render for a conversation and with
// sample values, check with positions, import as new versions (comms only), export, history
// with diffs, retire; SMS counts as JSON from standard input.
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

struct Municipality : E2eProfile {
  Municipality() {
    ok({"department", "add", "byggesak", "Byggesak"});
    ok({"department", "add", "innbyggjarservice", "Innbyggjarservice"});
    ok({"user", "add", "ola", "Ola Nordmann", "--member", "byggesak:caseworker"});
    ok({"user", "add", "anne", "Anne Tveit", "--member", "innbyggjarservice:comms"});
    ok({"config", "default-department", "byggesak"});
    write(dir / "in" / "m.eml",
          "From: =?utf-8?Q?B=C3=B8rre_Lie?= <borre@example.no>\r\n"
          "To: byggesak@kommune.example\r\n"
          "Subject: Garasje\r\n"
          "Date: Mon, 07 Dec 2026 09:30:00 +0100\r\n"
          "Message-ID: <garasje-1@example.no>\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\n"
          "Hei! Eg lurer p\xC3\xA5 kva eg treng. Eg har ikkje byggel\xC3\xB8yve fr\xC3\xA5 "
          "f\xC3\xB8r.\r\n");
    ok({"import", (dir / "in").string()});
    conversation = json::parse(ok({"list", "--view", "all", "--json"}).out).at(0).at("id");
  }

  [[nodiscard]] samla::test::ProcessResult sms_count(const std::string& text) const {
    return samla::test::run_process(SAMLACTL, {"sms", "count"}, {"LANGUAGE=en", "LC_ALL=C.UTF-8"},
                                    text);
  }

  std::string conversation;
};

const char* const kEdited = R"({"id": "auto-reply-email", "kind": "auto-reply", "channel": "email",
  "name": "Automatisk svar", "texts": {
    "nn": {"subject": "Takk, {citizen.name|du}", "body": "Hei!\nDu får svar innan {deadline}."},
    "nb": {"subject": "Takk", "body": "Du får svar innen {deadline}."}}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(SamlactlTemplates)

BOOST_FIXTURE_TEST_CASE(list_and_show, Municipality) {
  const auto list = ok({"template", "list"}).out;
  BOOST_CHECK(list.find("auto-reply-email\tauto-reply\temail\tv0") != std::string::npos);
  BOOST_CHECK(list.find("callback-sms\tcallback-notice\tcallback\tv0") != std::string::npos);
  const auto sms = json::parse(ok({"template", "list", "--kind", "callback-notice", "--json"}).out);
  BOOST_REQUIRE_EQUAL(sms.size(), 1U);
  BOOST_CHECK_EQUAL(sms[0].at("id"), "callback-sms");
  BOOST_CHECK_EQUAL(json::parse(ok({"template", "list", "--channel", "sms", "--json"}).out).size(),
                    2U);  // the preliminary reply and the handover notice fit any channel
  const auto shown = json::parse(ok({"template", "show", "preliminary-reply", "--json"}).out);
  BOOST_CHECK_EQUAL(shown.at("kind"), "preliminary-reply");
  BOOST_CHECK_EQUAL(shown.at("version"), 0);
  BOOST_CHECK(shown.at("texts").contains("nn"));
  BOOST_CHECK(shown.at("texts").contains("nb"));
  BOOST_CHECK(shown.at("texts").contains("en"));
  BOOST_CHECK_EQUAL(run({"template", "show", "nope"}).exit_code, 1);
  BOOST_CHECK_EQUAL(run({"template", "list", "--kind", "letter"}).exit_code, 2);
}

BOOST_FIXTURE_TEST_CASE(render_for_a_conversation_and_with_samples, Municipality) {
  const auto r = json::parse(
      ok({"template", "render", "auto-reply-email", "--conversation", conversation, "--json"}).out);
  BOOST_CHECK_EQUAL(r.at("language"), "nn");  // detected from the citizen's words
  const std::string body = r.at("body");
  BOOST_CHECK(body.starts_with("Hei, Børre Lie!"));
  BOOST_CHECK(body.find("innan måndag 14. desember 2026") != std::string::npos);
  const auto nb =
      ok({"template", "render", "auto-reply-email", "--conversation", conversation, "--lang", "nb"})
          .out;
  BOOST_CHECK(nb.starts_with("Takk for meldingen din\n\nHei, Børre Lie!"));
  const auto sample = json::parse(ok({"template", "render", "callback-sms", "--lang", "en", "--set",
                                      "callback_time=2026-12-08T10:00", "--json"})
                                      .out);
  BOOST_CHECK(std::string(sample.at("body")).find("on Tuesday 8 December 2026 at 10:00") !=
              std::string::npos);
  BOOST_CHECK_EQUAL(sample.at("sms").at("encoding"), "GSM-7");
  BOOST_CHECK_EQUAL(sample.at("sms").at("segments"), 1);
  // The handover notice only after acceptance.
  const auto refused =
      run({"template", "render", "handover-notice", "--conversation", conversation});
  BOOST_CHECK_EQUAL(refused.exit_code, 1);
  BOOST_CHECK(refused.err.find("only after the receiving department has accepted") !=
              std::string::npos);
  BOOST_CHECK_EQUAL(run({"template", "render", "auto-reply-email", "--set", "x=1"}).exit_code, 2);
}

BOOST_FIXTURE_TEST_CASE(check_reports_errors_with_their_position, Municipality) {
  write(dir / "bad.json", R"({"id": "x", "kind": "sms", "texts": {"nn": {"body":
    "Hei {citizen.name}!\nVi ringjer {callback_tim}."}}})");
  const auto bad = run({"template", "check", (dir / "bad.json").string()});
  BOOST_CHECK_EQUAL(bad.exit_code, 1);
  BOOST_CHECK(bad.err.find("x nn.body line 2, column 12: unknown placeholder {callback_tim}") !=
              std::string::npos);
  const auto as_json =
      json::parse(run({"template", "check", (dir / "bad.json").string(), "--json"}).out);
  BOOST_CHECK_EQUAL(as_json.at(0).at("texts").at(0).at("errors").at(0).at("line"), 2);
  BOOST_CHECK_EQUAL(as_json.at(0).at("texts").at(0).at("errors").at(0).at("column"), 12);
  write(dir / "hints.json", R"({"id": "y", "kind": "reply-snippet", "texts": {"nb": {"body":
    "Vedrørende din henvendelse: søknaden blir behandlet."}}})");
  const auto hints = run({"template", "check", (dir / "hints.json").string()});
  BOOST_CHECK_EQUAL(hints.exit_code, 0);  // hints never block
  BOOST_CHECK(hints.out.find("«Vedrørende» is officialese; try «om»") != std::string::npos);
  BOOST_CHECK(hints.out.find("«blir behandlet» may be passive") != std::string::npos);
  BOOST_CHECK_EQUAL(run({"template", "check", (dir / "missing.json").string()}).exit_code, 2);
}

BOOST_FIXTURE_TEST_CASE(import_saves_versions_for_comms_only_and_history_shows_diffs,
                        Municipality) {
  write(dir / "edited.json", kEdited);
  const auto refused = run({"--as", "ola", "template", "import", (dir / "edited.json").string()});
  BOOST_CHECK_EQUAL(refused.exit_code, 1);
  BOOST_CHECK(refused.err.find("only communications staff and administrators can change "
                               "templates") != std::string::npos);
  const auto saved = ok({"--as", "anne", "template", "import", (dir / "edited.json").string()});
  BOOST_CHECK(saved.out.find("TemplateSaved auto-reply-email v1") != std::string::npos);
  BOOST_CHECK_EQUAL(
      json::parse(ok({"template", "show", "auto-reply-email", "--json"}).out).at("author"), "anne");
  const auto r = ok({"template", "render", "auto-reply-email", "--conversation", conversation}).out;
  BOOST_CHECK(r.starts_with("Takk, Børre Lie\n\nHei!\nDu får svar innan måndag 14. desember"));

  const auto history = ok({"template", "history", "auto-reply-email"}, "2026-12-07T11:00").out;
  BOOST_CHECK(history.find("07.12.2026 10:00 Anne Tveit: saved version 1") != std::string::npos);
  BOOST_CHECK(history.find("+ Du får svar innan {deadline}.") != std::string::npos);
  BOOST_CHECK(history.find("- Takk for meldinga di") != std::string::npos);
  const auto h = json::parse(ok({"template", "history", "auto-reply-email", "--json"}).out);
  BOOST_REQUIRE_EQUAL(h.size(), 1U);
  BOOST_CHECK_EQUAL(h[0].at("event"), "TemplateSaved");
  BOOST_CHECK(h[0].at("diff").contains("nn.body"));

  // A broken item is named and the rest is imported.
  write(dir / "mixed.json", std::string(R"({"templates": [{"id": "a", "kind": "sms", "name": "A",
    "texts": {"nn": {"body": "Hei {"}}}, )") +
                                kEdited + "]}");
  const auto mixed = run({"--as", "anne", "template", "import", (dir / "mixed.json").string()});
  BOOST_CHECK_EQUAL(mixed.exit_code, 1);
  BOOST_CHECK(mixed.err.find("a nn.body line 1, column 5") != std::string::npos);
  BOOST_CHECK(mixed.out.find("TemplateSaved auto-reply-email v2") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(export_reads_back_and_retire_hides, Municipality) {
  const auto exported = ok({"template", "export"}).out;
  write(dir / "all.json", exported);
  BOOST_CHECK_EQUAL(json::parse(exported).at("templates").size(), 4U);
  ok({"--as", "anne", "template", "import", (dir / "all.json").string()});
  BOOST_CHECK(ok({"template", "list"}).out.find("v1") != std::string::npos);
  BOOST_CHECK(ok({"--as", "anne", "template", "retire", "callback-sms"}).out ==
              "TemplateRetired callback-sms\n");
  BOOST_CHECK(ok({"template", "list"}).out.find("callback-sms") == std::string::npos);
  BOOST_CHECK(ok({"template", "list", "--all"}).out.find("callback-sms") != std::string::npos);
  BOOST_CHECK_EQUAL(run({"--as", "anne", "template", "retire", "callback-sms"}).exit_code, 1);
  BOOST_CHECK_EQUAL(run({"--as", "ola", "template", "retire", "preliminary-reply"}).exit_code, 1);
}

BOOST_FIXTURE_TEST_CASE(sms_count_from_standard_input, Municipality) {
  const auto gsm = sms_count(std::string(160, 'a'));
  BOOST_CHECK_EQUAL(gsm.exit_code, 0);
  BOOST_CHECK_EQUAL(gsm.out, "{\"encoding\": \"GSM-7\", \"segments\": 1, \"units\": 160}\n");
  BOOST_CHECK_EQUAL(json::parse(sms_count(std::string(161, 'a') + "\n").out).at("segments"), 2);
  const auto ucs = json::parse(sms_count("Hei 😀\n").out);
  BOOST_CHECK_EQUAL(ucs.at("encoding"), "UCS-2");
  BOOST_CHECK_EQUAL(ucs.at("units"), 6);
  BOOST_CHECK_EQUAL(json::parse(sms_count("€").out).at("units"), 2);
}

BOOST_AUTO_TEST_SUITE_END()
