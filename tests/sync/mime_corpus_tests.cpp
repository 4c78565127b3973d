// Every message of the shared e-mail corpus (shared/corpus/email beside the repository: 272 real
// and synthetic messages, many broken on purpose; see its SOURCES.md) read by parse_mime. None may
// throw or lose its text; each gives a sender or says why not; every string is valid UTF-8; and
// for a good number of them the result is what a person reading the message sees.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "samla/sync/iso8601.h"
#include "samla/sync/message_files.h"
#include "samla/sync/os_time_zone.h"
#include "samla/sync/sha256.h"

namespace {

using samla::Instant;
using samla::ParsedMessage;

struct ManifestEntry {
  std::string path;    // relative to the corpus folder
  std::string sha256;  // of the file's bytes
  std::uintmax_t bytes = 0;
  std::string source;
};

std::filesystem::path corpus_dir() { return {SAMLA_CORPUS_DIR}; }

// Stands in for every missing or unreadable Date, so a result can be told from a real date.
const Instant kFallback = Instant{std::chrono::seconds{946684800}};  // 2000-01-01T00:00:00Z

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The corpus must be there: a missing corpus is a failure, never a silent pass.
std::vector<ManifestEntry> manifest() {
  const auto dir = corpus_dir();
  BOOST_REQUIRE_MESSAGE(std::filesystem::is_directory(dir),
                        "the shared e-mail corpus is missing: expected the folder "
                            << dir << " (shared/corpus/email beside the repository)");
  const auto file = dir / "MANIFEST.tsv";
  BOOST_REQUIRE_MESSAGE(std::filesystem::is_regular_file(file), "no MANIFEST.tsv in " << dir);
  std::ifstream in(file);
  std::vector<ManifestEntry> entries;
  std::string line;
  std::getline(in, line);  // the header row
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::istringstream fields(line);
    ManifestEntry entry;
    std::string bytes;
    std::getline(fields, entry.path, '\t');
    std::getline(fields, entry.sha256, '\t');
    std::getline(fields, bytes, '\t');
    std::getline(fields, entry.source, '\t');
    entry.bytes = std::stoull(bytes);
    entries.push_back(std::move(entry));
  }
  BOOST_REQUIRE_MESSAGE(entries.size() >= 250U,
                        "MANIFEST.tsv lists only " << entries.size() << " messages");
  return entries;
}

ParsedMessage parse(const std::string& relative_path) {
  const auto file = corpus_dir() / relative_path;
  BOOST_REQUIRE_MESSAGE(std::filesystem::is_regular_file(file),
                        "corpus message missing: " << file
                                                   << " (is shared/corpus/email beside the "
                                                      "repository?)");
  samla::ReadOptions options;
  options.fallback_received_at = kFallback;
  return samla::parse_mime(read_bytes(file), options);
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

std::string warnings_of(const samla::InboundMessage& m) {
  std::string text;
  for (const auto& w : m.warnings) text += "[" + w + "] ";
  return text;
}

bool has_warning(const samla::InboundMessage& m, std::string_view part) {
  return std::ranges::any_of(m.warnings,
                             [part](const std::string& w) { return contains(w, part); });
}

// What a person sees in one corpus message; unset fields are not checked.
struct Expected {
  const char* path;
  const char* subject = nullptr;      // exactly
  const char* from_name = nullptr;    // exactly
  const char* body = nullptr;         // contained in the body text
  const char* warning = nullptr;      // contained in one warning
  const char* attachment = nullptr;   // a file name among the attachments
  const char* received_at = nullptr;  // ISO 8601 with offset
  int automated = -1;                 // 0 or 1 when checked
};

const std::vector<Expected>& expectations() {
  static const std::vector<Expected> all = {
      // Written for Samla: Norwegian, Sami, Swedish and Danish with the charset tricks of Nordic
      // mail.
      {.path = "synthetic-nordic/n01-latin1-qp.eml",
       .subject = "Søknad om byggetillatelse på Ærøy",
       .from_name = "Bjørn Åse",
       .body = "tilbygg på 25 m² på gården min på Ærøy",
       .received_at = "2024-03-26T14:59:59+01:00",
       .automated = 0},
      {.path = "synthetic-nordic/n02-cp1252-labelled-latin1.eml",
       .subject = "Faktura for mars",
       .from_name = "Kari Nordmann",
       .body = "Beløpet er € 1 250 – forfall 15. april.\nMerk: “KID” må oppgis ‘alltid’."},
      {.path = "synthetic-nordic/n03-cp1252-b-subject.eml",
       .subject = "SV: VS: Møte 17. mai – «agenda»",
       .from_name = "Ærlig, Øystein",
       .body = "Se vedlagt agenda – «møte» flyttes til kl. 09.00."},
      {.path = "synthetic-nordic/n04-utf8-split-multibyte-encoded-words.eml",
       .subject = "Påminnelse: frist for innsyn i søknaden",
       .from_name = "Stølen",
       .body = "Dette er en påminnelse om fristen."},
      {.path = "synthetic-nordic/n05-raw-utf8-headers.eml",
       .subject = "Kristi himmelfartsdag – stengt",
       .from_name = "Åsa Ødegård",
       .body = "Kontoret er stengt på Kristi himmelfartsdag."},
      {.path = "synthetic-nordic/n06-raw-latin1-headers.eml",
       .subject = "Søknad om tilskudd – pinse",
       .from_name = "Per Hågensen",
       .body = "Hilsen Per på Ås.",
       .warning = "raw 8-bit"},
      {.path = "synthetic-nordic/n07-attachment-filenames.eml",
       .subject = "Vedlegg til klage",
       .from_name = "Lise Aas",
       .body = "Se vedlegg.",
       .attachment = "Klage på vedtak æøå.pdf"},
      {.path = "synthetic-nordic/n08-outlook-related-alternative.eml",
       .subject = "God jul og godt nytt år!",
       .from_name = "Måns Björklund",
       .body = "God jul og godt nytt år! Kontoret holder stengt 24.–26. desember.",
       .attachment = "image001.png",
       .received_at = "2024-12-19T17:45:12+01:00"},
      {.path = "synthetic-nordic/n09-no-charset-8bit-body.eml",
       .subject = "Godt nyttaar",
       .body = "Godt nytt år fra oss på Øvre Ål!",
       .warning = "without a declared charset"},
      {.path = "synthetic-nordic/n10-iso-8859-15-euro.eml",
       .subject = "Gebyr € 25 - kvittering",
       .from_name = "Dansk Bank - Æbeløkke",
       .body = "Gebyr: € 25,00. Tak for din betaling, Søren."},
      {.path = "synthetic-nordic/n11-utf8-bom-sami.eml",
       .subject = "Sámi álbmotbeaivi – Giitu!",
       .from_name = "Máret Ánne Sárá",
       .body = "Buorre beaivi! Čálán dán sámegillii: đ ŋ š ŧ ž."},
      {.path = "synthetic-nordic/n12-obsolete-date.eml",
       .subject = "Langfredag",
       .body = "Mottatt langfredag.",
       .warning = "obsolete",
       .received_at = "2024-03-29T14:59:59+01:00"},
      {.path = "synthetic-nordic/n13-encoded-word-mix.eml",
       .subject = "Hvorfor? Fordi_ æøå (=?x) a=?b",
       .from_name = "Grå Trøndelag",
       .body = "Test."},
      {.path = "synthetic-nordic/n14-forwarded-rfc822.eml",
       .subject = "VS: Klage på gebyr",
       .from_name = "Saksbehandler",
       .body = "From: Ola Ødegaard <ola@example.no>\nDate: Wed, 22 May 2024 11:00:00 +0200\n"
               "Subject: Klage på gebyr",
       .attachment = "Klage.eml"},
      {.path = "synthetic-nordic/n15-long-folded-subject.eml",
       .subject = "Vedrørende søknad om dispensasjon fra reguleringsplan for Årstad – gnr. 12 bnr. "
                  "345 – ny behandling etter klage",
       .body = "Dag etter overgang til normaltid.",
       .received_at = "2025-10-27T09:00:00+01:00"},
      // enmime: one broken thing each.
      {.path = "enmime/low-quality/incorrect-charset.raw",
       .subject = "plain text",
       .body = "∮ E⋅da = Q,  n → ∞"},
      {.path = "enmime/low-quality/unk-charset-part.raw",
       .body = "A text section",
       .warning = "unknown charset 'fakescii'",
       .attachment = "foo_9E5D72.zip"},
      {.path = "enmime/low-quality/malformed-base64-attach.raw",
       .body = "A text section",
       .warning = "base64",
       .attachment = "some.doc"},
      {.path = "enmime/low-quality/bad-header-start.raw",
       .subject = "plain text",
       .from_name = "James Hillyerd",
       .body = "A text section"},
      {.path = "enmime/mail/erroneous.raw",
       .body = "Not an RFC-822 Document",
       .warning = "not a MIME message"},
      {.path = "enmime/mail/multipart-wo-boundary.raw",
       .subject = "Delivery Status Notification (Failure)",
       .body = "multipart message without boundary",
       .warning = "no boundary",
       .automated = 1},
      {.path = "enmime/mail/mime-bad-content-transfer-encoding.raw",
       .subject = "alert",
       .body = "ploozdect  nispplul swunkglap",
       .warning = "declared as base64"},
      {.path = "enmime/mail/qp-utf8-header.raw", .subject = "MIME UTF8 Test ¢ More Text"},
      {.path = "enmime/mail/non-mime-html-charset-header-only.raw", .body = "Test Müller"},
      {.path = "enmime/mail/html-only-inline.raw", .body = "Test of HTML section"},
      {.path = "enmime/mail/mime-signed.raw", .body = "Section one", .automated = 0},
      // flanker: real-world mail and Mailgun's broken fixtures.
      {.path = "flanker/8bitmime.eml", .body = "Превел"},
      {.path = "flanker/bilingual-simple.eml",
       .subject = "Simple text. How are you? Как ты поживаешь?"},
      {.path = "flanker/from-encoding.eml", .from_name = "Ingo Lütkebohle"},
      {.path = "flanker/mailgun-pic.eml",
       .subject = "Mailgun rocks!",
       .body = "Мейлган! Хахах!",
       .attachment = "mailgun.png"},
      {.path = "flanker/enclosed.eml",
       .subject = "Wow",
       .body = "Hello",
       .attachment = "thanks.eml"},
      {.path = "flanker/iphone.eml", .from_name = "Danielle", .body = "Hello"},
      {.path = "flanker/missing-boundaries.eml", .body = "Hi This is a broken message"},
      {.path = "flanker/bounce/office365.eml", .body = "couldn't be delivered", .automated = 1},
      {.path = "flanker/bounce/mailbox-full.eml", .automated = 1},
      // mailcore2: charsets from bug reports.
      {.path = "mailcore2/1015-windows-1252.eml", .body = "microphone wasn’t showing up"},
      {.path = "mailcore2/1021-chinese.eml", .subject = "哈哈", .from_name = "向左"},
      {.path = "mailcore2/1433-utf-8.eml",
       .subject = "[PressNetwork Digest] 2010年12月21日(火) [2件]",
       .from_name = "プレスネットワーク",
       .body = "プレスネットワークダイジェスト",
       .warning = "ISO-2022-JP"},
      {.path = "mailcore2/1640-no-charset.eml",
       .subject = "[멜론] 이용약관 및 서비스 상품약관 변경 안내",
       .body = "언제나 멜론을 사랑해주시는 회원님께 감사드리며"},
      {.path = "mailcore2/1798-korean.eml",
       .subject = "[주말특가] 일본정품 후끈후끈 핫팩, 손난로 주말특가!"},
      {.path = "mailcore2/2195-greek.eml",
       .subject = "Έκδοση μηνιαίου λογαριασμού 15/02/2011",
       .body = "Αγαπητέ συνδρομητή"},
      {.path = "mailcore2/3424-encoding.eml", .body = "Вам выставлен счет № 258680047"},
      {.path = "mailcore2/4850-russian.eml",
       .subject = "Рассылка: Уведомление участникам тендеров"},
      {.path = "mailcore2/6144-russian.eml",
       .subject = "Comment posted on \"Что лучше Android или iOS..?!\""},
      {.path = "mailcore2/989-encoding-7.eml",
       .subject = "Тестовое сообщение в кодировке windows-1251",
       .body = "Тестовое сообщение в кодировке windows-1251"},
      {.path = "mailcore2/gh-965-utf8.eml",
       .subject = "Welcome to APPNAME",
       .body = "Welcome to APPNAME™.",
       .warning = "blank space ended the headers"},
      {.path = "mailcore2/1808-winmail-dat.eml", .attachment = "winmail.dat"},
      // mikel/mail: odd headers, Asian charsets, RFC 6532.
      {.path = "mikel-mail/attachment_emails/attachment_pdf.eml",
       .subject = "Another PDF with 🎉 Unicode chars in it 🍿"},
      {.path = "mikel-mail/multi_charset/japanese_iso_2022.eml",
       .subject = "まみむめも",
       .body = "すみません。"},
      {.path = "mikel-mail/multi_charset/japanese_shift_jis.eml", .body = "あいうえお"},
      {.path = "mikel-mail/multi_charset/ks_c_5601-1987.eml", .body = "스티해"},
      {.path = "mikel-mail/rfc6532/utf8_headers.eml",
       .subject = "Säying Hello",
       .from_name = "Jöhn Doe"},
      {.path = "mikel-mail/plain_emails/raw_email_with_partially_quoted_subject.eml",
       .subject = "Re: Test: \"漢字\" mid \"漢字\" tail"},
      {.path = "mikel-mail/error_emails/header_fields_with_empty_values.eml",
       .from_name = "Jørn Støylen"},
      {.path = "mikel-mail/error_emails/bad_date_header.eml",
       .warning = "unreadable Date header",
       .received_at = "2000-01-01T00:00:00Z"},
      {.path = "mikel-mail/multipart_report_emails/report_422.eml", .automated = 1},
      // MimeKit: Japanese, deep nesting, embedded messages, TNEF.
      {.path = "mimekit/messages/japanese.txt",
       .subject = "日本語メールテスト (testing Japanese emails)"},
      {.path = "mimekit/messages/stack-overflow.txt",
       .subject = "Message Subject",
       .body = "Message Body"},
      {.path = "mimekit/messages/simple-embedded-message.eml",
       .body = "This is the message body.",
       .attachment = "embedded message.eml"},
      {.path = "mimekit/tnef/ukr.eml", .body = "шостий", .attachment = "winmail.dat"},
  };
  return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MimeCorpus)

BOOST_AUTO_TEST_CASE(the_corpus_is_present_and_intact) {
  const auto entries = manifest();
  for (const auto& entry : entries) {
    const auto file = corpus_dir() / entry.path;
    BOOST_TEST_CONTEXT(entry.path) {
      BOOST_REQUIRE(std::filesystem::is_regular_file(file));
      const std::string bytes = read_bytes(file);
      BOOST_TEST(bytes.size() == entry.bytes);
      BOOST_TEST(samla::sha256_hex(bytes) == entry.sha256);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_message_is_read_without_throwing_or_losing_it) {
  const auto entries = manifest();
  std::size_t read = 0;
  std::size_t with_warnings = 0;
  std::size_t with_attachments = 0;
  std::map<std::string, std::size_t> per_source;
  for (const auto& entry : entries) {
    BOOST_TEST_CONTEXT(entry.path) {
      ParsedMessage parsed;
      BOOST_REQUIRE_NO_THROW(parsed = parse(entry.path));
      const auto& m = parsed.message;
      ++read;
      ++per_source[entry.source];
      if (!m.warnings.empty()) ++with_warnings;
      if (!m.attachments.empty()) ++with_attachments;

      BOOST_TEST((m.channel == samla::Channel::Email));
      // A sender, or a warning that says why there is none.
      BOOST_TEST((!m.from.address.empty() || !m.from.name.empty() || !m.warnings.empty()),
                 "no sender and no warning");
      // The time comes from the Date header, or the fallback is used and said to be.
      if (m.received_at == kFallback) {
        BOOST_TEST((has_warning(m, "Date header") || has_warning(m, "not a MIME message")),
                   warnings_of(m));
      }
      // Something to show: text, an attachment, or a warning that there is none.
      BOOST_TEST((!m.body_text.empty() || !m.attachments.empty() || has_warning(m, "no text")),
                 warnings_of(m));
      BOOST_TEST(!m.external_id.empty());
      if (m.external_id.starts_with("sha256:")) {
        BOOST_TEST(m.external_id == "sha256:" + entry.sha256);  // digest of the raw bytes
      }
      BOOST_TEST(m.thread_key.empty());
      BOOST_TEST(m.department.empty());
      // Every string is valid UTF-8, with no carriage returns or NULs left in the text.
      std::vector<std::string> strings{m.external_id, m.from.name, m.from.address, m.subject,
                                       m.body_text};
      for (const auto& p : m.to) strings.insert(strings.end(), {p.name, p.address});
      for (const auto& a : m.attachments)
        strings.insert(strings.end(), {a.filename, a.content_type});
      strings.insert(strings.end(), m.references.begin(), m.references.end());
      strings.insert(strings.end(), m.warnings.begin(), m.warnings.end());
      for (const auto& s : strings) BOOST_TEST(valid_utf8(s), "invalid UTF-8: " << s);
      BOOST_TEST(!contains(m.body_text, "\r"));
      BOOST_TEST(!contains(m.body_text, std::string_view("\0", 1)));
      BOOST_TEST(!contains(m.subject, "\n"));
      // Bytes and descriptions of attachments match one to one.
      BOOST_REQUIRE(parsed.attachments.size() == m.attachments.size());
      for (std::size_t i = 0; i < m.attachments.size(); ++i) {
        BOOST_TEST(parsed.attachments[i].data.size() == m.attachments[i].size);
        BOOST_TEST(!m.attachments[i].filename.empty());
        BOOST_TEST(contains(m.attachments[i].content_type, "/"));
      }
    }
  }
  BOOST_TEST(read == entries.size());
  BOOST_TEST(per_source.size() >= 6U);
  BOOST_TEST_MESSAGE("corpus: " << read << " messages read, " << with_warnings << " with warnings, "
                                << with_attachments << " with attachments");
}

BOOST_AUTO_TEST_CASE(known_messages_read_as_a_person_sees_them) {
  BOOST_TEST(expectations().size() >= 50U);
  for (const auto& expected : expectations()) {
    BOOST_TEST_CONTEXT(expected.path) {
      const auto parsed = parse(expected.path);
      const auto& m = parsed.message;
      if (expected.subject != nullptr) BOOST_TEST(m.subject == expected.subject);
      if (expected.from_name != nullptr) BOOST_TEST(m.from.name == expected.from_name);
      if (expected.body != nullptr) {
        BOOST_TEST(contains(m.body_text, expected.body), "body: " << m.body_text.substr(0, 400));
      }
      if (expected.warning != nullptr) {
        BOOST_TEST(has_warning(m, expected.warning), warnings_of(m));
      }
      if (expected.attachment != nullptr) {
        const bool found =
            std::any_of(m.attachments.begin(), m.attachments.end(),
                        [&](const auto& a) { return a.filename == expected.attachment; });
        BOOST_TEST(found,
                   "attachment '" << expected.attachment << "' not among " << m.attachments.size());
      }
      if (expected.received_at != nullptr) {
        const samla::OsTimeZone oslo;
        BOOST_TEST((m.received_at == samla::parse_iso8601(expected.received_at, oslo)),
                   samla::format_iso8601(m.received_at, oslo));
      }
      if (expected.automated >= 0) BOOST_TEST(parsed.automated == (expected.automated == 1));
    }
  }
}

BOOST_AUTO_TEST_CASE(nordic_details) {
  const auto n07 = parse("synthetic-nordic/n07-attachment-filenames.eml");
  BOOST_REQUIRE(n07.message.attachments.size() == 2U);
  BOOST_TEST(n07.message.attachments[1].filename == "Søknad – bilag 2.pdf");
  BOOST_TEST(n07.attachments[0].data.starts_with("%PDF-1.4"));
  BOOST_TEST(n07.message.warnings.empty(), warnings_of(n07.message));

  const auto n08 = parse("synthetic-nordic/n08-outlook-related-alternative.eml");
  BOOST_TEST(n08.message.external_id ==
             "DB9PR10MB1234ABCD5678EF90@DB9PR10MB1234.EURPRD10.PROD.OUTLOOK.COM");
  BOOST_REQUIRE(n08.message.to.size() == 1U);
  BOOST_TEST(n08.message.to[0].name == "Trønder, Pål");
  BOOST_TEST(n08.message.attachments[0].content_type == "image/png");
  BOOST_TEST(n08.message.attachments[0].size == 70U);

  const auto n11 = parse("synthetic-nordic/n11-utf8-bom-sami.eml");
  BOOST_TEST(n11.message.body_text.starts_with("Buorre"));  // the BOM is gone

  const auto n14 = parse("synthetic-nordic/n14-forwarded-rfc822.eml");
  BOOST_TEST(n14.message.body_text.starts_with("Videresendt til arkivering.\n\n"));
  BOOST_TEST(contains(n14.message.body_text, "Jeg klager på gebyret for hjemmebesøk."));
  // The kept .eml opens again as the citizen's original message.
  const auto inner = samla::parse_mime(n14.attachments.at(0).data);
  BOOST_TEST(inner.message.external_id == "inner.n14@example.no");
  BOOST_TEST(inner.message.from.name == "Ola Ødegaard");

  // Every synthetic message reads without a warning except where something is really wrong.
  for (const char* clean :
       {"n01-latin1-qp.eml", "n02-cp1252-labelled-latin1.eml", "n03-cp1252-b-subject.eml",
        "n04-utf8-split-multibyte-encoded-words.eml", "n05-raw-utf8-headers.eml",
        "n10-iso-8859-15-euro.eml", "n11-utf8-bom-sami.eml", "n15-long-folded-subject.eml"}) {
    const auto parsed = parse(std::string("synthetic-nordic/") + clean);
    BOOST_TEST(parsed.message.warnings.empty(), clean << ": " << warnings_of(parsed.message));
  }
}

BOOST_AUTO_TEST_CASE(talon_replies_keep_the_reply_text) {
  for (const char* name : {"android", "aol", "apple_mail", "apple_mail_2", "comcast", "gmail",
                           "hotmail", "iphone", "outlook", "sparrow", "yahoo"}) {
    const auto parsed = parse(std::string("talon/") + name + ".eml");
    BOOST_TEST(parsed.message.body_text.starts_with("Hello"), name);
  }
}

BOOST_AUTO_TEST_CASE(reading_is_deterministic) {
  for (const auto& entry : manifest()) {
    BOOST_TEST_CONTEXT(entry.path) {
      const auto first = parse(entry.path);
      const auto second = parse(entry.path);
      BOOST_TEST((first.message == second.message));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
