// The IMAP framer and parser on scripted server bytes.
#include <boost/test/unit_test.hpp>

#include "samla/sync/email/imap_mailbox_name.h"
#include "samla/sync/email/imap_response.h"

using namespace samla;

namespace {

// Splits a scripted stream into responses, feeding it in pieces of `step` bytes.
std::vector<ImapResponse> responses_of(std::string_view stream, std::size_t step) {
  std::vector<ImapResponse> out;
  std::string buffer;
  ImapFramer framer;
  std::size_t fed = 0;
  while (fed < stream.size() || !buffer.empty()) {
    if (const auto length = framer.complete(buffer)) {
      out.push_back(parse_imap_response(std::string_view(buffer).substr(0, *length)));
      buffer.erase(0, *length);
      framer.consumed(*length);
      continue;
    }
    if (fed >= stream.size()) break;
    const std::size_t n = std::min(step, stream.size() - fed);
    buffer.append(stream.substr(fed, n));
    fed += n;
  }
  BOOST_TEST(buffer.empty());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ImapResponseParser)

BOOST_AUTO_TEST_CASE(status_responses_with_codes) {
  const auto r = parse_imap_response("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n");
  BOOST_TEST((r.kind == ImapResponse::Kind::untagged));
  BOOST_TEST(r.status == "OK");
  BOOST_REQUIRE(r.code.size() == 2U);
  BOOST_TEST(r.code[0] == "UIDVALIDITY");
  BOOST_TEST(r.code[1] == "3857529045");
  BOOST_TEST(r.text == "UIDs valid");

  const auto tagged = parse_imap_response("S7 NO [TRYCREATE] Mailbox doesn't exist: Sent\r\n");
  BOOST_TEST((tagged.kind == ImapResponse::Kind::tagged));
  BOOST_TEST(tagged.tag == "S7");
  BOOST_TEST(tagged.status == "NO");
  BOOST_TEST(tagged.code[0] == "TRYCREATE");

  const auto caps = parse_imap_response(
      "S1 OK [CAPABILITY IMAP4rev1 IDLE CONDSTORE ESEARCH LITERAL+] Logged in\r\n");
  BOOST_TEST(caps.code.size() == 6U);
  BOOST_TEST(caps.code[5] == "LITERAL+");

  const auto permanent = parse_imap_response("* OK [PERMANENTFLAGS (\\Answered \\*)] Limited\r\n");
  BOOST_TEST(permanent.code[1] == "(\\Answered \\*)");

  const auto plus = parse_imap_response("+ idling\r\n");
  BOOST_TEST((plus.kind == ImapResponse::Kind::continuation));
  BOOST_TEST(plus.text == "idling");
  const auto bare = parse_imap_response("+\r\n");
  BOOST_TEST((bare.kind == ImapResponse::Kind::continuation));
}

BOOST_AUTO_TEST_CASE(data_responses) {
  const auto exists = parse_imap_response("* 23 EXISTS\r\n");
  BOOST_TEST(exists.number.value_or(0) == 23U);
  BOOST_TEST(exists.name == "EXISTS");

  const auto search = parse_imap_response("* SEARCH 2 84 882\r\n");
  BOOST_TEST(search.name == "SEARCH");
  BOOST_REQUIRE(search.data.size() == 3U);
  BOOST_TEST(search.data[2].number == 882U);

  const auto empty = parse_imap_response("* SEARCH\r\n");
  BOOST_TEST(empty.data.empty());

  const auto esearch = parse_imap_response("* ESEARCH (TAG \"S4\") UID ALL 1:3,7,9:10\r\n");
  BOOST_TEST(esearch.name == "ESEARCH");
  BOOST_REQUIRE(esearch.data.size() == 4U);
  BOOST_TEST((esearch.data[0].kind == ImapValue::Kind::list));
  BOOST_TEST(esearch.data[0].find("TAG")->text == "S4");
  BOOST_TEST(esearch.data[2].is_atom("all"));
  const auto uids = parse_imap_sequence_set(esearch.data[3].text);
  BOOST_TEST(uids == (std::vector<std::uint32_t>{1, 2, 3, 7, 9, 10}));

  const auto list = parse_imap_response("* LIST (\\HasNoChildren \\Sent) \".\" Sent\r\n");
  BOOST_TEST(list.data[0].items.size() == 2U);
  BOOST_TEST(list.data[1].text == ".");
  BOOST_TEST(list.data[2].is_atom("Sent"));
}

BOOST_AUTO_TEST_CASE(fetch_with_literal_body_and_nil) {
  const std::string body = "Subject: hei\r\n\r\n(unbalanced ) and {5}\r\n\"quote\r\n";
  const std::string wire =
      "* 12 FETCH (UID 4827313 FLAGS (\\Seen) MODSEQ (624140003) "
      "INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" ENVELOPE NIL "
      "BODY[] {" +
      std::to_string(body.size()) + "}\r\n" + body + ")\r\n";
  const auto r = parse_imap_response(wire);
  BOOST_TEST(r.number.value_or(0) == 12U);
  BOOST_TEST(r.name == "FETCH");
  BOOST_REQUIRE(r.data.size() == 1U);
  const ImapValue& attributes = r.data[0];
  BOOST_TEST(attributes.find("UID")->number == 4827313U);
  BOOST_TEST(attributes.find("FLAGS")->items[0].text == "\\Seen");
  BOOST_TEST(attributes.find("MODSEQ")->items[0].number == 624140003U);
  BOOST_TEST(attributes.find("INTERNALDATE")->text == "17-Jul-1996 02:44:25 -0700");
  BOOST_TEST((attributes.find("ENVELOPE")->kind == ImapValue::Kind::nil));
  BOOST_TEST(attributes.find("BODY[]")->text == body);
  BOOST_TEST(attributes.find("body[]") != nullptr);  // names are case-insensitive
  BOOST_TEST(attributes.find("RFC822.SIZE") == nullptr);
}

BOOST_AUTO_TEST_CASE(sections_with_spaces_and_escapes) {
  const auto r = parse_imap_response(
      "* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM)] \"a \\\"quoted\\\" \\\\ value\" "
      "BODY[]<0> {3+}\r\nabc)\r\n");
  BOOST_TEST(r.data[0].items[0].text == "BODY[HEADER.FIELDS (SUBJECT FROM)]");
  BOOST_TEST(r.data[0].items[1].text == "a \"quoted\" \\ value");
  BOOST_TEST(r.data[0].find("BODY[]<0>")->text == "abc");
}

BOOST_AUTO_TEST_CASE(framer_in_any_pieces) {
  const std::string body(5000, 'x');
  const std::string stream = "* 3 EXISTS\r\n* 1 FETCH (UID 1 BODY[] {5000}\r\n" + body +
                             ")\r\n* 2 FETCH (UID 2 BODY[] {0}\r\n)\r\nS3 OK Fetch completed.\r\n";
  for (const std::size_t step :
       {std::size_t{1}, std::size_t{7}, std::size_t{4096}, stream.size()}) {
    const auto responses = responses_of(stream, step);
    BOOST_REQUIRE(responses.size() == 4U);
    BOOST_TEST(responses[1].data[0].find("BODY[]")->text == body);
    BOOST_TEST(responses[2].data[0].find("BODY[]")->text.empty());
    BOOST_TEST(responses[3].tag == "S3");
  }
}

BOOST_AUTO_TEST_CASE(malformed_input_is_an_error_not_a_crash) {
  for (const std::string bad :
       {"* 1 FETCH (UID 1\r\n", "* 1 FETCH (BODY[] {10}\r\nabc)\r\n", "S1 MAYBE done\r\n",
        "* OK [UIDVALIDITY 1 no end\r\n", "* SEARCH \"unterminated\r\n",
        "* 1 FETCH (BODY[HEADER {3}\r\nabc)\r\n", "* 1 FETCH ((((((\r\n", "\r\n", "*\r\n",
        "* 1 FETCH (UID 1) trailing ) \r\n", "* 1 FETCH (UID 1)\r\nextra"}) {
    BOOST_CHECK_THROW((void)parse_imap_response(bad), ImapParseError);
  }
  std::string deep = "* 1 FETCH ";
  for (int i = 0; i < 200; ++i) deep += "(";
  deep += "\r\n";
  BOOST_CHECK_THROW((void)parse_imap_response(deep), ImapParseError);

  ImapFramer framer;
  BOOST_CHECK_THROW((void)framer.complete("* 1 FETCH (BODY[] {999999999999}\r\n"), ImapParseError);
  BOOST_CHECK_THROW((void)parse_imap_sequence_set("1:*"), ImapParseError);
  BOOST_CHECK_THROW((void)parse_imap_sequence_set("0"), ImapParseError);
  BOOST_CHECK_THROW((void)parse_imap_sequence_set("1:4294967295", 1000), ImapParseError);
}

BOOST_AUTO_TEST_CASE(command_helpers) {
  BOOST_TEST(imap_quoted("Sent").value() == "\"Sent\"");
  BOOST_TEST(imap_quoted("a\"b\\c").value() == "\"a\\\"b\\\\c\"");
  BOOST_TEST(!imap_quoted("line\r\nbreak"));
  BOOST_TEST(!imap_quoted("S\xc3\xa6rskilt"));  // 8-bit: a literal is needed
  BOOST_TEST(imap_sequence_set({1, 2, 3, 5, 7, 8}) == "1:3,5,7:8");
  BOOST_TEST(imap_sequence_set({}).empty());
}

// The server's side of RFC 7162 §3.2.5.2 (SELECT with QRESYNC), byte for byte, in 7-byte pieces.
BOOST_AUTO_TEST_CASE(qresync_select_with_vanished_and_modseq) {
  const std::string stream =
      "* 314 EXISTS\r\n"
      "* OK [UIDVALIDITY 67890007] Ok\r\n"
      "* OK [HIGHESTMODSEQ 90060128194045007] Highest mailbox mod-sequence\r\n"
      "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n"
      "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n"
      "* 50 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))\r\n"
      "* VANISHED 212\r\n"
      "A02 OK [READ-WRITE] Sorry, UIDVALIDITY mismatch\r\n";
  const auto all = responses_of(stream, 7);
  BOOST_REQUIRE(all.size() == 8U);
  BOOST_TEST(all[2].code.at(0) == "HIGHESTMODSEQ");
  BOOST_TEST(all[2].code.at(1) == "90060128194045007");

  const auto earlier = imap_vanished(all[3]);
  BOOST_REQUIRE(earlier.has_value());
  BOOST_TEST(earlier->earlier);
  BOOST_TEST(earlier->uids.size() == 1U + 74U + 1U + 92U + 327U);
  BOOST_TEST(earlier->uids.front() == 41U);
  BOOST_TEST(earlier->uids.back() == 540U);

  BOOST_TEST(imap_fetch_modseq(all[4].data.at(0)).value() == 90060115194045001ULL);
  BOOST_TEST(imap_fetch_modseq(all[5].data.at(0)).value() == 90060115194045308ULL);

  const auto live = imap_vanished(all[6]);  // an expunge during the session: a single UID
  BOOST_REQUIRE(live.has_value());
  BOOST_TEST(!live->earlier);
  BOOST_TEST(live->uids == (std::vector<std::uint32_t>{212}));

  BOOST_TEST(!imap_vanished(all[0]));  // "* 314 EXISTS" is not VANISHED
  BOOST_TEST(!imap_vanished(all[7]));
  BOOST_TEST(!imap_fetch_modseq(parse_imap_response("* 1 FETCH (UID 4)\r\n").data.at(0)));
}

BOOST_AUTO_TEST_CASE(enabled_and_nomodseq_responses) {
  const auto enabled = parse_imap_response("* ENABLED QRESYNC CONDSTORE\r\n");
  BOOST_TEST(enabled.name == "ENABLED");
  BOOST_REQUIRE(enabled.data.size() == 2U);
  BOOST_TEST(enabled.data[0].is_atom("qresync"));
  const auto nomodseq = parse_imap_response("* OK [NOMODSEQ] No permanent modsequences\r\n");
  BOOST_TEST(nomodseq.code == (std::vector<std::string>{"NOMODSEQ"}));
}

BOOST_AUTO_TEST_CASE(malformed_vanished_and_modseq_are_errors) {
  for (const std::string bad :
       {"* VANISHED\r\n", "* VANISHED (EARLIER)\r\n", "* VANISHED (LATER) 1:3\r\n",
        "* VANISHED (EARLIER) 0:3\r\n", "* VANISHED 1:*\r\n", "* VANISHED 1,2 3\r\n",
        "* VANISHED \"1:3\"\r\n", "* VANISHED (EARLIER EARLIER) 4\r\n"}) {
    const auto r = parse_imap_response(bad);
    BOOST_CHECK_THROW((void)imap_vanished(r), ImapParseError);
  }
  for (const std::string bad : {"* 1 FETCH (MODSEQ 5)\r\n", "* 1 FETCH (MODSEQ ())\r\n",
                                "* 1 FETCH (MODSEQ (a))\r\n", "* 1 FETCH (MODSEQ (1 2))\r\n"}) {
    const auto r = parse_imap_response(bad);
    BOOST_CHECK_THROW((void)imap_fetch_modseq(r.data.at(0)), ImapParseError);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ImapMailboxName)

// RFC 3501 §5.1.3's own example, and the Norwegian folder names of Outlook and webmail.
BOOST_AUTO_TEST_CASE(rfc_3501_example_and_norwegian_folders) {
  const std::string taipei =
      "~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
  BOOST_TEST(imap_mailbox_name(taipei) == "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
  BOOST_TEST(utf8_mailbox_name("~peter/mail/&U,BTFw-/&ZeVnLIqe-") == taipei);

  BOOST_TEST(imap_mailbox_name("Sendte elementer") == "Sendte elementer");
  BOOST_TEST(imap_mailbox_name("Utkast") == "Utkast");
  BOOST_TEST(imap_mailbox_name("S\xc3\xb8ppelpost") == "S&APg-ppelpost");
  BOOST_TEST(imap_mailbox_name("Innboks/\xc3\x86\xc3\x98\xc3\x85") == "Innboks/&AMYA2ADF-");
  BOOST_TEST(imap_mailbox_name("R&D") == "R&-D");
  BOOST_TEST(imap_mailbox_name("\xf0\x9f\x93\xa8 Post") == "&2D3c6A- Post");  // U+1F4E8
  for (const std::string name :
       {"S\xc3\xb8ppelpost", "Innboks/\xc3\x86\xc3\x98\xc3\x85", "R&D", "\xf0\x9f\x93\xa8 Post",
        "\xc3\xa6\xc3\xb8\xc3\xa5 & \xc3\xa6", ""}) {
    BOOST_TEST(utf8_mailbox_name(imap_mailbox_name(name)) == name);
  }
}

BOOST_AUTO_TEST_CASE(broken_names_are_refused) {
  // The RFC's own counter-examples: "&Jjo!" (no '-' before the '!') and "&U,BTFw-&ZeVnLIqe-"
  // (a superfluous shift); "&AGE-" spells ASCII in base64 where it must stand for itself.
  BOOST_TEST(utf8_mailbox_name("&Jjo-!") == "\xe2\x98\xba!");
  BOOST_TEST(utf8_mailbox_name("&U,BTF2XlZyyKng-") ==
             "\xe5\x8f\xb0\xe5\x8c\x97\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
  for (const std::string bad : {"&Jjo!", "&U,BTFw-&ZeVnLIqe-", "&-&", "&AMY", "&A-", "&2D0-",
                                "&3D3c6A-", "&AP-", "caf\xc3\xa9", "tab\there", "&AGE-"}) {
    BOOST_CHECK_THROW((void)utf8_mailbox_name(bad), ImapMailboxNameError);
  }
  for (const std::string bad : {"\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80"}) {
    BOOST_CHECK_THROW((void)imap_mailbox_name(bad), ImapMailboxNameError);
  }
}

BOOST_AUTO_TEST_SUITE_END()
