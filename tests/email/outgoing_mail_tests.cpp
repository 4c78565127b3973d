// Our replies as bytes: the headers a reply must carry, read back with our own MIME reader.
#include <boost/test/unit_test.hpp>

#include <date/date.h>

#include "samla/sync/email/auto_reply.h"
#include "samla/sync/email/outgoing_mail.h"
#include "samla/sync/message_files.h"

using namespace samla;

namespace {

OutgoingMail reply() {
  OutgoingMail mail;
  mail.from = {"Kommunen, Byggesak", "byggesak@kommune.no"};
  mail.to = {{"Åse Ødegård", "ase@example.no"}};
  mail.subject = "Sv: Søknad om løyve – garasje";
  mail.body = "Hei Åse!\n\nVi har sett på søknaden. Ein lang linje " + std::string(90, 'x') +
              "\n\nHelsing\nByggesak\n";
  mail.message_id = stable_message_id("reply:r1", mail.from.address);
  mail.references = {"first@example.no", "second@example.no"};
  mail.date = Instant{date::sys_days{date::year{2026} / 11 / 20}} + std::chrono::hours{13};
  return mail;
}

bool has_line(const std::string& bytes, const std::string& line) {
  return bytes.find("\r\n" + line + "\r\n") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OutgoingMailFormat)

BOOST_AUTO_TEST_CASE(headers_of_a_reply) {
  const std::string bytes = render_mail(reply());
  BOOST_TEST(bytes.find("\n") == bytes.find("\r\n") + 1);  // CRLF line ends
  BOOST_TEST(has_line(bytes, "In-Reply-To: <second@example.no>"), bytes);
  BOOST_TEST(has_line(bytes, "References: <first@example.no> <second@example.no>"), bytes);
  BOOST_TEST(bytes.find("Message-Id: <samla-") != std::string::npos, bytes);
  BOOST_TEST(bytes.find("@kommune.no>") != std::string::npos);
  BOOST_TEST(bytes.find("Date: Fri, 20 Nov 2026 13:00:00 +0000") != std::string::npos, bytes);
  BOOST_TEST(bytes.find("Content-Type: text/plain; charset=utf-8") != std::string::npos, bytes);
  BOOST_TEST(bytes.find("Content-Transfer-Encoding: quoted-printable") != std::string::npos);
  BOOST_TEST(bytes.find("MIME-Version: 1.0") != std::string::npos);
  BOOST_TEST(bytes.find("Auto-Submitted") == std::string::npos);
  // Nothing but 7-bit ASCII on the wire; lines within 78 characters.
  for (const char c : bytes) BOOST_TEST(static_cast<unsigned char>(c) < 0x80);
  std::size_t start = 0;
  while (start < bytes.size()) {
    const std::size_t end = bytes.find("\r\n", start);
    BOOST_TEST((end == std::string::npos ? bytes.size() : end) - start <= 78U);
    if (end == std::string::npos) break;
    start = end + 2;
  }
}

BOOST_AUTO_TEST_CASE(reads_back_as_written) {
  const OutgoingMail mail = reply();
  const auto parsed = parse_mime(render_mail(mail));
  BOOST_TEST(parsed.message.subject == mail.subject);
  BOOST_TEST(parsed.message.from.name == "Kommunen, Byggesak");
  BOOST_TEST(parsed.message.to.at(0).name == "Åse Ødegård");
  BOOST_TEST(parsed.message.body_text.find("Hei Åse!") != std::string::npos);
  BOOST_TEST(parsed.message.body_text.find(std::string(90, 'x')) != std::string::npos);
  BOOST_TEST(parsed.message.external_id == mail.message_id);
  BOOST_TEST(parsed.message.references.at(0) == "second@example.no");
  for (const auto& warning : parsed.message.warnings) BOOST_ERROR(warning);
  BOOST_TEST(!parsed.automated);
}

BOOST_AUTO_TEST_CASE(an_auto_reply_is_marked_and_never_answered) {
  OutgoingMail mail = reply();
  mail.automatic = true;
  const std::string bytes = render_mail(mail);
  BOOST_TEST(has_line(bytes, "Auto-Submitted: auto-replied"), bytes);
  BOOST_TEST(has_line(bytes, "X-Auto-Response-Suppress: All"), bytes);
  BOOST_TEST(parse_mime(bytes).automated);
  AutoReplyPolicy other;
  other.own_addresses = {"post@another.no"};
  BOOST_TEST((decide_auto_reply(auto_reply_headers(bytes), other, std::nullopt, mail.date) ==
              AutoReplyVerdict::auto_submitted));
}

BOOST_AUTO_TEST_CASE(stable_message_ids) {
  BOOST_TEST(stable_message_id("reply:1", "a@b.no") == stable_message_id("reply:1", "a@b.no"));
  BOOST_TEST(stable_message_id("reply:1", "a@b.no") != stable_message_id("reply:2", "a@b.no"));
  BOOST_TEST(stable_message_id("k", "no-domain").find("@samla.invalid") != std::string::npos);
}

// The References of a reply: repeats and our placeholder ids for mail without a Message-ID go;
// a long thread keeps its newest 20, the message answered last.
BOOST_AUTO_TEST_CASE(references_of_a_thread) {
  BOOST_TEST(thread_references({"a@x", "", "sha256:00ff", "b@x", "a@x"}) ==
                 (std::vector<std::string>{"a@x", "b@x"}),
             boost::test_tools::per_element());
  std::vector<std::string> long_thread;
  for (int i = 0; i < 25; ++i) long_thread.push_back("m" + std::to_string(i) + "@x");
  const auto kept = thread_references(long_thread);
  BOOST_TEST(kept.size() == 20U);
  BOOST_TEST(kept.front() == "m5@x");
  BOOST_TEST(kept.back() == "m24@x");
}

BOOST_AUTO_TEST_SUITE_END()
