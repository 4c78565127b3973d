// Message files: MIME parsing (GMime) with small inline fixtures, JSON and mbox files, folders,
// routing by mailbox, and the demo data. Broken input must give a clear problem or warning and
// never lose the rest.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include "samla/sync/iso8601.h"
#include "samla/sync/message_files.h"
#include "samla/sync/os_time_zone.h"

namespace {

using namespace std::chrono_literals;
using samla::Instant;
using samla::ParsedMessage;
using samla::ReadOptions;
using samla::ReadResult;

const samla::OsTimeZone& oslo() {
  static const samla::OsTimeZone zone("Europe/Oslo");
  return zone;
}

Instant at(std::string_view iso) {
  const auto instant = samla::parse_iso8601(iso, oslo());
  BOOST_REQUIRE(instant.has_value());
  return *instant;
}

// A fixed "now" for everything relative: Wednesday 11 November 2026, 14:30 in Oslo.
const Instant kNow = Instant{std::chrono::seconds{1794403800}};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool has_warning(const samla::InboundMessage& m, std::string_view part) {
  return std::any_of(m.warnings.begin(), m.warnings.end(),
                     [&](const std::string& w) { return contains(w, part); });
}

std::string all_warnings(const samla::InboundMessage& m) {
  std::string text;
  for (const auto& w : m.warnings) text += "[" + w + "] ";
  return text;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Every string a message carries is valid UTF-8 (the store and the GUI rely on it).
void require_valid_utf8(const ParsedMessage& parsed) {
  const auto& m = parsed.message;
  std::vector<std::string> strings{m.external_id, m.from.name,  m.from.address, m.subject,
                                   m.body_text,   m.thread_key, m.department,   m.language};
  for (const auto& p : m.to) strings.insert(strings.end(), {p.name, p.address});
  for (const auto& a : m.attachments) strings.insert(strings.end(), {a.filename, a.content_type});
  strings.insert(strings.end(), m.references.begin(), m.references.end());
  strings.insert(strings.end(), m.warnings.begin(), m.warnings.end());
  for (const auto& s : strings) BOOST_TEST(valid_utf8(s), "invalid UTF-8: " << s);
  BOOST_TEST(parsed.attachments.size() == m.attachments.size());
  for (std::size_t i = 0; i < parsed.attachments.size() && i < m.attachments.size(); ++i) {
    BOOST_TEST(parsed.attachments[i].data.size() == m.attachments[i].size);
  }
}

ParsedMessage mime(std::string_view raw, ReadOptions options = {}) {
  if (!options.fallback_received_at) options.fallback_received_at = kNow;
  ParsedMessage parsed = samla::parse_mime(raw, options);
  require_valid_utf8(parsed);
  return parsed;
}

ReadResult json(std::string_view text, const ReadOptions& options = {},
                const std::string& name = "in.json") {
  ReadResult result = samla::read_message_data(text, name, options);
  for (const auto& m : result.messages) require_valid_utf8(m);
  return result;
}

// A temporary folder, removed with everything in it at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device random;
    path = std::filesystem::temp_directory_path() /
           ("samla-message-files-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path write(const std::string& name, std::string_view content) const {
    auto file = path / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return file;
  }
};

constexpr std::string_view kSimple =
    "From: Kari Nordmann <kari@example.no>\n"
    "To: Postmottak <postmottak@eksempel.kommune.no>\n"
    "Subject: Hei\n"
    "Date: Mon, 02 Nov 2026 10:14:00 +0100\n"
    "Message-ID: <simple-1@example.no>\n"
    "\n"
    "Kort melding.\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(MimeParsing)

BOOST_AUTO_TEST_CASE(reads_headers_and_plain_text) {
  const auto parsed = mime(kSimple);
  const auto& m = parsed.message;
  BOOST_TEST((m.channel == samla::Channel::Email));
  BOOST_TEST(m.from.name == "Kari Nordmann");
  BOOST_TEST(m.from.address == "kari@example.no");
  BOOST_REQUIRE(m.to.size() == 1U);
  BOOST_TEST(m.to[0].name == "Postmottak");
  BOOST_TEST(m.to[0].address == "postmottak@eksempel.kommune.no");
  BOOST_TEST(m.subject == "Hei");
  BOOST_TEST(m.body_text == "Kort melding.");
  BOOST_TEST(m.external_id == "simple-1@example.no");
  BOOST_TEST((m.received_at == at("2026-11-02T10:14:00+01:00")));
  BOOST_TEST(m.thread_key.empty());
  BOOST_TEST(m.department.empty());
  BOOST_TEST(m.warnings.empty(), all_warnings(m));
  BOOST_TEST(!parsed.automated);
}

BOOST_AUTO_TEST_CASE(decodes_rfc2047_subjects_and_names_in_any_charset) {
  const auto m =
      mime(
          "From: =?iso-8859-1?Q?Bj=F8rn_=C5se?= <bjorn@example.no>\n"
          "To: =?utf-8?B?w4VzYSDDmGRlZ8OlcmQ=?= <asa@example.no>, \"Per Olsen\" <per@example.no>\n"
          "Cc: =?windows-1252?Q?Fr=F8ken_=93Test=94?= <test@example.no>\n"
          "Subject: =?iso-8859-1?Q?S=F8knad_om_byggetillatelse_p=E5_=C6r=F8y?=\n"
          "Date: Tue, 26 Mar 2024 14:59:59 +0100\n\nx\n")
          .message;
  BOOST_TEST(m.from.name == "Bjørn Åse");
  BOOST_TEST(m.subject == "Søknad om byggetillatelse på Ærøy");
  BOOST_REQUIRE(m.to.size() == 3U);  // To first, then Cc
  BOOST_TEST(m.to[0].name == "Åsa Ødegård");
  BOOST_TEST(m.to[1].name == "Per Olsen");
  BOOST_TEST(m.to[2].name == "Frøken “Test”");
}

BOOST_AUTO_TEST_CASE(a_character_split_across_encoded_words_is_joined) {
  const auto m =
      mime(
          "From: a@example.no\nSubject: =?UTF-8?B?aSBzww==?=\n =?UTF-8?B?uGtuYWRlbg==?=\n"
          "Date: Mon, 01 Apr 2024 10:00:00 +0200\n\nx\n")
          .message;
  BOOST_TEST(m.subject == "i søknaden");
}

BOOST_AUTO_TEST_CASE(raw_8bit_headers_are_read_as_utf8_or_windows_1252) {
  const auto utf8 = mime("From: \xC3\x85sa <a@example.no>\nSubject: P\xC3\xA5ske\n\nx\n").message;
  BOOST_TEST(utf8.from.name == "Åsa");
  BOOST_TEST(utf8.subject == "Påske");
  const auto latin =
      mime("From: Per H\xE5gensen <p@example.no>\nSubject: S\xF8knad \x96 pinse\n\nx\n").message;
  BOOST_TEST(latin.from.name == "Per Hågensen");
  BOOST_TEST(latin.subject == "Søknad – pinse");
  BOOST_TEST(has_warning(latin, "raw 8-bit"), all_warnings(latin));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_headers_still_gives_valid_utf8) {
  const auto m =
      mime(
          "From: \"\xD0\xAE\xD0\xBD\xF1\" <x@example.no>\nSubject: bad \xFF\xFE\xC3 end\n"
          "Date: Mon, 01 Apr 2024 10:00:00 +0200\n\nbody \xC3\x28 text\n")
          .message;
  BOOST_TEST(contains(m.subject, "bad"));
  BOOST_TEST(contains(m.subject, "end"));
  BOOST_TEST(contains(m.body_text, "body"));
}

BOOST_AUTO_TEST_CASE(message_id_and_threading_headers) {
  const auto m = mime(
                     "From: a@example.no\nMessage-ID: <reply@example.no>\n"
                     "In-Reply-To: <second@example.no>\n"
                     "References: <first@example.no> <second@example.no>\n"
                     "Date: Mon, 01 Apr 2024 10:00:00 +0200\n\nx\n")
                     .message;
  BOOST_TEST(m.external_id == "reply@example.no");
  // In-Reply-To first, then References newest first, without duplicates.
  BOOST_TEST(m.references == (std::vector<std::string>{"second@example.no", "first@example.no"}));
  BOOST_TEST(m.thread_key.empty());
}

BOOST_AUTO_TEST_CASE(without_message_id_the_id_is_the_sha256_of_the_raw_bytes) {
  constexpr std::string_view raw = "From: a@example.no\nSubject: x\n\nbody\n";
  const auto m = mime(raw).message;
  BOOST_TEST(m.external_id.starts_with("sha256:"));
  BOOST_TEST(m.external_id.size() == 7U + 64U);
  BOOST_TEST(mime(raw).message.external_id == m.external_id);  // stable
  BOOST_TEST(mime("From: a@example.no\nSubject: x\n\nbody!\n").message.external_id !=
             m.external_id);
}

BOOST_AUTO_TEST_CASE(date_fallbacks_are_warned) {
  ReadOptions options;
  options.fallback_received_at = at("2026-01-05T08:00:00+01:00");
  const auto missing = mime("From: a@example.no\n\nx\n", options).message;
  BOOST_TEST((missing.received_at == *options.fallback_received_at));
  BOOST_TEST(has_warning(missing, "no Date header"), all_warnings(missing));

  const auto garbage = mime("From: a@example.no\nDate: <HR>\n\nx\n", options).message;
  BOOST_TEST((garbage.received_at == *options.fallback_received_at));
  BOOST_TEST(has_warning(garbage, "unreadable Date header '<HR>'"), all_warnings(garbage));

  // The obsolete zone name CET is one hour east of UTC, not UTC as GMime would read it.
  const auto cet = mime("From: a@example.no\nDate: 29 Mar 24 14:59:59 CET\n\nx\n").message;
  BOOST_TEST((cet.received_at == at("2024-03-29T14:59:59+01:00")));
  BOOST_TEST(has_warning(cet, "obsolete"), all_warnings(cet));
  // A comment naming the zone beside a numeric offset changes nothing.
  const auto both =
      mime("From: a@example.no\nDate: Tue, 21 Apr 2020 15:40:22 +0200 (CEST)\n\nx\n").message;
  BOOST_TEST((both.received_at == at("2020-04-21T15:40:22+02:00")));
}

BOOST_AUTO_TEST_CASE(demo_age_header_is_honoured_only_with_now) {
  constexpr std::string_view raw =
      "From: a@example.no\nDate: Mon, 02 Nov 2026 10:14:00 +0100\n"
      "X-Samla-Demo-Received-Ago: 3d4h\n\nx\n";
  ReadOptions demo;
  demo.now = kNow;
  BOOST_TEST((mime(raw, demo).message.received_at == kNow - 76h));
  BOOST_TEST((mime(raw).message.received_at == at("2026-11-02T10:14:00+01:00")));
  const auto bad = mime(
                       "From: a@example.no\nDate: Mon, 02 Nov 2026 10:14:00 +0100\n"
                       "X-Samla-Demo-Received-Ago: soon\n\nx\n",
                       demo)
                       .message;
  BOOST_TEST((bad.received_at == at("2026-11-02T10:14:00+01:00")));
  BOOST_TEST(has_warning(bad, "X-Samla-Demo-Received-Ago"), all_warnings(bad));
}

BOOST_AUTO_TEST_CASE(text_plain_is_preferred_in_alternatives) {
  const auto m = mime(
                     "From: a@example.no\nContent-Type: multipart/alternative; boundary=b\n\n"
                     "--b\nContent-Type: text/html\n\n<p>HTML version</p>\n"
                     "--b\nContent-Type: text/plain\n\nPlain version\n--b--\n")
                     .message;
  BOOST_TEST(m.body_text == "Plain version");
  BOOST_TEST(m.attachments.empty());
}

BOOST_AUTO_TEST_CASE(html_only_is_reduced_to_readable_text) {
  const auto parsed = mime(
      "From: a@example.no\nContent-Type: text/html; charset=utf-8\n\n"
      "<!DOCTYPE html><html><head><title>Tittel</title><style>p{color:red}</style>"
      "<script>document.write('nei')</script></head><body>"
      "<p>Hei &amp; takk,</p><p>M&oslash;te  p&aring;\n  tysdag&nbsp;kl.&#160;10 &mdash; "
      "&#x263A;</p>"
      "<ul><li>Ein</li><li>To</li></ul><!-- kommentar --><img src=\"http://tracker.example/p.gif\">"
      "<div>Linje 1<br>Linje 2</div><a href=\"https://eksempel.kommune.no\">Lenkje</a>"
      "<p>a &lt; b &gt; c &unknown; &#0;</p></body></html>\n");
  const auto& m = parsed.message;
  BOOST_TEST(m.body_text ==
             "Hei & takk,\n\nMøte på tysdag kl. 10 — ☺\n\n• Ein\n• To\n\nLinje 1\nLinje 2\n"
             "Lenkje\n\na < b > c &unknown;");  // &#0; names no character: dropped
  BOOST_TEST(!contains(m.body_text, "tracker"));
  BOOST_TEST(!contains(m.body_text, "nei"));
  BOOST_TEST(!contains(m.body_text, "Tittel"));
}

BOOST_AUTO_TEST_CASE(html_is_read_as_browsers_read_it) {
  // </br> breaks a line; <!VR> and Outlook's <![if …]> are comments; a document without
  // <html>/<head>/<body> still has its text; named references beyond Latin are decoded;
  // nesting deeper than any stack survives.
  const auto m = mime(
                     "From: a@example.no\nContent-Type: text/html; charset=utf-8\n\n"
                     "<title>T</title><style>p{}</style><div>Linje 1</br>Linje 2</BR >Linje 3"
                     "<!VR><![if !supportLists]>·<![endif]> &tau;&alpha; &#150; ok</div>\n")
                     .message;
  BOOST_TEST(m.body_text == "Linje 1\nLinje 2\nLinje 3· τα – ok");
  std::string deep = "From: a@example.no\nContent-Type: text/html\n\n";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "djupt";
  const auto nested = mime(deep).message;
  BOOST_TEST(nested.body_text == "djupt");
}

BOOST_AUTO_TEST_CASE(html_charset_from_meta_when_the_part_declares_none) {
  const auto m =
      mime(
          "From: a@example.no\nContent-Type: text/html\n\n"
          "<html><head><meta charset=\"iso-8859-1\"></head><body>p\xE5 \xF8y</body></html>\n")
          .message;
  BOOST_TEST(m.body_text == "på øy");
}

BOOST_AUTO_TEST_CASE(declared_charsets_are_converted) {
  BOOST_TEST(mime("From: a@example.no\nContent-Type: text/plain; charset=iso-8859-1\n"
                  "Content-Transfer-Encoding: quoted-printable\n\nS=F8knad p=E5 =C6r=F8y\n")
                 .message.body_text == "Søknad på Ærøy");
  // Windows-1252 bytes under an ISO-8859-1 label (Outlook) are read as Windows-1252.
  BOOST_TEST(mime("From: a@example.no\nContent-Type: text/plain; charset=iso-8859-1\n\n"
                  "\x80 1 250 \x96 \x93KID\x94\n")
                 .message.body_text == "€ 1 250 – “KID”");
  BOOST_TEST(mime("From: a@example.no\nContent-Type: text/plain; charset=ISO-8859-15\n\n\xA4 25\n")
                 .message.body_text == "€ 25");
  BOOST_TEST(mime("From: a@example.no\nContent-Type: text/plain; charset=koi8-r\n\n\xF7\xC1\xCD\n")
                 .message.body_text == "Вам");
  BOOST_TEST(
      mime("From: a@example.no\nContent-Type: text/plain; charset=\"koi8_r\"\n\n\xF7\xC1\xCD\n")
          .message.body_text == "Вам");
}

BOOST_AUTO_TEST_CASE(undeclared_8bit_is_tried_as_utf8_then_windows_1252) {
  const auto utf8 = mime("From: a@example.no\n\nGodt nytt \xC3\xA5r\n").message;
  BOOST_TEST(utf8.body_text == "Godt nytt år");
  BOOST_TEST(has_warning(utf8, "read as UTF-8"), all_warnings(utf8));
  const auto latin =
      mime("From: a@example.no\nContent-Type: text/plain\n\nGodt nytt \xE5r p\xE5 \xD8vre\n")
          .message;
  BOOST_TEST(latin.body_text == "Godt nytt år på Øvre");
  BOOST_TEST(has_warning(latin, "read as windows-1252"), all_warnings(latin));
  // Declared US-ASCII but really UTF-8.
  const auto ascii =
      mime("From: a@example.no\nContent-Type: text/plain; charset=us-ascii\n\n\xE2\x88\xAE E\n")
          .message;
  BOOST_TEST(ascii.body_text == "∮ E");
}

BOOST_AUTO_TEST_CASE(unknown_charset_is_a_warning_and_the_text_is_kept) {
  const auto m = mime(
                     "From: a@example.no\nContent-Type: text/plain; charset=x-klingon\n\n"
                     "Hei p\xC3\xA5 deg\n")
                     .message;
  BOOST_TEST(m.body_text == "Hei på deg");
  BOOST_TEST(has_warning(m, "unknown charset 'x-klingon'"), all_warnings(m));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_under_a_utf8_label_is_replaced) {
  const auto mostly = mime(
                          "From: a@example.no\nContent-Type: text/plain; charset=utf-8\n\n"
                          "bl\xC3\xA5 og gr\xC3\xB8nn \xFF slutt\n")
                          .message;
  BOOST_TEST(mostly.body_text == "blå og grønn \xEF\xBF\xBD slutt");
  BOOST_TEST(has_warning(mostly, "invalid UTF-8"), all_warnings(mostly));
  // Text that is not UTF-8 at all is read as Windows-1252.
  const auto latin =
      mime("From: a@example.no\nContent-Type: text/plain; charset=utf-8\n\nbl\xE5\n").message;
  BOOST_TEST(latin.body_text == "blå");
  BOOST_TEST(has_warning(latin, "declared as UTF-8 is not"), all_warnings(latin));
}

BOOST_AUTO_TEST_CASE(attachments_with_rfc2231_and_rfc2047_names) {
  const auto parsed = mime(
      "From: a@example.no\nDate: Tue, 21 May 2024 14:00:00 +0200\n"
      "Content-Type: multipart/mixed; boundary=\"xx\"\n\n"
      "--xx\nContent-Type: text/plain; charset=utf-8\n\nSe vedlegg.\n"
      "--xx\nContent-Type: application/pdf;\n\tname*=iso-8859-1''Klage%20p%E5%20vedtak.pdf\n"
      "Content-Transfer-Encoding: base64\nContent-Disposition: attachment;\n"
      "\tfilename*0*=iso-8859-1''Klage%20p%E5%20;\n\tfilename*1*=vedtak%20%E6%F8%E5.pdf\n\n"
      "JVBERi0xLjQK\n"
      "--xx\nContent-Type: application/pdf; name=\"=?utf-8?B?U8O4a25hZCDigJMgYmlsYWcgMi5wZGY=?=\"\n"
      "Content-Transfer-Encoding: base64\n"
      "Content-Disposition: attachment; "
      "filename=\"=?utf-8?B?U8O4a25hZCDigJMgYmlsYWcgMi5wZGY=?=\"\n\n"
      "JVBERi0xLjQK\n"
      "--xx\nContent-Type: image/png\nContent-Disposition: inline\nContent-ID: <img1>\n"
      "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
      "--xx\nContent-Type: application/octet-stream; name=\"../../etc/passwd\"\n\nsecret\n"
      "--xx--\n");
  const auto& m = parsed.message;
  BOOST_TEST(m.body_text == "Se vedlegg.");
  BOOST_REQUIRE(m.attachments.size() == 4U);
  BOOST_TEST(m.attachments[0].filename == "Klage på vedtak æøå.pdf");
  BOOST_TEST(m.attachments[0].content_type == "application/pdf");
  BOOST_TEST(m.attachments[0].size == 9U);
  BOOST_TEST(parsed.attachments[0].data == "%PDF-1.4\n");
  BOOST_TEST(m.attachments[1].filename == "Søknad – bilag 2.pdf");
  BOOST_TEST(m.attachments[2].filename == "attachment-3.png");  // an inline image is kept
  BOOST_TEST(m.attachments[2].content_type == "image/png");
  BOOST_TEST(parsed.attachments[2].data == "\x89PNG\r\n\x1A\n");
  BOOST_TEST(m.attachments[3].filename == "passwd");  // no directories from outside
  BOOST_TEST(m.warnings.empty(), all_warnings(m));
}

BOOST_AUTO_TEST_CASE(images_of_an_html_rendition_are_kept_when_text_plain_wins) {
  const auto m = mime(
                     "From: a@example.no\nContent-Type: multipart/alternative; boundary=a\n\n"
                     "--a\nContent-Type: text/plain\n\nTekst\n"
                     "--a\nContent-Type: multipart/related; boundary=r\n\n"
                     "--r\nContent-Type: text/html\n\n<p>Tekst</p><img src=\"cid:logo\">\n"
                     "--r\nContent-Type: image/gif; name=logo.gif\nContent-ID: <logo>\n"
                     "Content-Transfer-Encoding: base64\n\nR0lGODlh\n--r--\n--a--\n")
                     .message;
  BOOST_TEST(m.body_text == "Tekst");
  BOOST_REQUIRE(m.attachments.size() == 1U);
  BOOST_TEST(m.attachments[0].filename == "logo.gif");
}

BOOST_AUTO_TEST_CASE(a_forwarded_message_is_appended_and_kept_as_eml) {
  const auto parsed = mime(
      "From: Saksbehandler <sb@example.no>\nSubject: VS: Klage\n"
      "Content-Type: multipart/mixed; boundary=\"fwd\"\n\n"
      "--fwd\nContent-Type: text/plain; charset=utf-8\n\nVideresendt.\n"
      "--fwd\nContent-Type: message/rfc822\n\n"
      "From: =?iso-8859-1?Q?Ola_=D8degaard?= <ola@example.no>\nTo: post@example.no\n"
      "Subject: =?iso-8859-1?Q?Klage_p=E5_gebyr?=\nDate: Wed, 22 May 2024 11:00:00 +0200\n"
      "Content-Type: multipart/mixed; boundary=inner\n\n"
      "--inner\nContent-Type: text/plain; charset=iso-8859-1\n\nJeg klager p\xE5 gebyret.\n"
      "--inner\nContent-Type: application/pdf; name=bilag.pdf\n\n%PDF\n--inner--\n"
      "--fwd--\n");
  const auto& m = parsed.message;
  BOOST_TEST(m.body_text ==
             "Videresendt.\n\n---------- Forwarded message ----------\n"
             "From: Ola Ødegaard <ola@example.no>\nDate: Wed, 22 May 2024 11:00:00 +0200\n"
             "Subject: Klage på gebyr\nTo: post@example.no\n\nJeg klager på gebyret.");
  BOOST_REQUIRE(m.attachments.size() == 1U);  // the inner PDF stays inside the .eml
  BOOST_TEST(m.attachments[0].filename == "Klage på gebyr.eml");
  BOOST_TEST(m.attachments[0].content_type == "message/rfc822");
  // The kept bytes are a message parse_mime can open again.
  const auto inner = mime(parsed.attachments[0].data).message;
  BOOST_TEST(inner.subject == "Klage på gebyr");
  BOOST_TEST(inner.attachments.size() == 1U);
}

BOOST_AUTO_TEST_CASE(format_flowed_is_joined) {
  const auto m = mime(
                     "From: a@example.no\nContent-Type: text/plain; format=flowed\n\n"
                     "Ein lang \nparagraf her.\n\n> sitat\n")
                     .message;
  BOOST_TEST(m.body_text == "Ein lang paragraf her.\n\n> sitat");
}

BOOST_AUTO_TEST_CASE(truncated_multipart_keeps_its_text_with_a_warning) {
  const auto m =
      mime(
          "From: a@example.no\nSubject: Avkorta\nContent-Type: multipart/mixed; boundary=b\n\n"
          "--b\nContent-Type: text/plain\n\nTeksten kom fram.\n"
          "--b\nContent-Type: application/pdf; name=x.pdf\n"
          "Content-Transfer-Encoding: base64\n\nJVBERi0x")
          .message;
  BOOST_TEST(m.body_text == "Teksten kom fram.");
  BOOST_TEST(m.subject == "Avkorta");
  BOOST_TEST(has_warning(m, "truncated"), all_warnings(m));
}

BOOST_AUTO_TEST_CASE(multipart_without_boundary_keeps_its_text) {
  const auto m =
      mime("From: a@example.no\nContent-Type: multipart/mixed\n\nTeksten er her likevel.\n")
          .message;
  BOOST_TEST(m.body_text == "Teksten er her likevel.");
  BOOST_TEST(has_warning(m, "no boundary"), all_warnings(m));
}

BOOST_AUTO_TEST_CASE(bad_base64_in_an_attachment_is_a_warning) {
  const auto parsed = mime(
      "From: a@example.no\nContent-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nTekst\n"
      "--b\nContent-Type: application/pdf; name=x.pdf\n"
      "Content-Transfer-Encoding: base64\n\nJVBE*Ri0x!LjQK\n--b--\n");
  BOOST_TEST(parsed.message.body_text == "Tekst");
  BOOST_REQUIRE(parsed.message.attachments.size() == 1U);
  BOOST_TEST(has_warning(parsed.message, "base64"), all_warnings(parsed.message));
}

BOOST_AUTO_TEST_CASE(plain_text_mislabelled_as_base64_is_read_as_text) {
  const auto m = mime(
                     "From: a@example.no\nContent-Type: text/plain; charset=utf-8\n"
                     "Content-Transfer-Encoding: base64\n\nThis is not base64 at all\n")
                     .message;
  BOOST_TEST(m.body_text == "This is not base64 at all");
  BOOST_TEST(has_warning(m, "declared as base64"), all_warnings(m));
}

BOOST_AUTO_TEST_CASE(unknown_transfer_encoding_is_a_warning) {
  const auto m = mime(
                     "From: a@example.no\nContent-Type: text/plain\n"
                     "Content-Transfer-Encoding: x-martian\n\nTekst\n")
                     .message;
  BOOST_TEST(m.body_text == "Tekst");
  BOOST_TEST(has_warning(m, "x-martian"), all_warnings(m));
}

BOOST_AUTO_TEST_CASE(no_message_at_all_keeps_the_bytes_as_text) {
  const auto m = mime("// Not an RFC-822 Document").message;
  BOOST_TEST(m.body_text == "// Not an RFC-822 Document");
  BOOST_TEST(has_warning(m, "not a MIME message"), all_warnings(m));
  BOOST_TEST(m.external_id.starts_with("sha256:"));
}

BOOST_AUTO_TEST_CASE(blank_space_around_headers_is_tolerated) {
  const auto leading = mime("   \r\nFrom: a@example.no\r\nSubject: Hei\r\n\r\nTekst\r\n").message;
  BOOST_TEST(leading.subject == "Hei");
  BOOST_TEST(leading.body_text == "Tekst");
  const auto space_line =
      mime("From: a@example.no\nSubject: Hei\n \nVelkomen.\n \nHelsing\n").message;
  BOOST_TEST(space_line.body_text == "Velkomen.\n\nHelsing");
  BOOST_TEST(has_warning(space_line, "blank space ended the headers"), all_warnings(space_line));
}

BOOST_AUTO_TEST_CASE(deep_nesting_neither_crashes_nor_loses_the_headers) {
  std::string raw =
      "From: a@example.no\nSubject: Djup\nContent-Type: multipart/mixed; boundary=b0\n\n";
  constexpr int kDepth = 300;
  for (int i = 1; i < kDepth; ++i) {
    raw += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" +
           std::to_string(i) + "\n\n";
  }
  raw += "--b" + std::to_string(kDepth - 1) + "\nContent-Type: text/plain\n\nBotn\n";
  const auto m = mime(raw).message;
  BOOST_TEST(m.subject == "Djup");
  BOOST_TEST(!m.warnings.empty());
}

BOOST_AUTO_TEST_CASE(machine_written_mail_is_marked_automated) {
  BOOST_TEST(mime("From: a@example.no\nAuto-Submitted: auto-replied\n\nx\n").automated);
  BOOST_TEST(!mime("From: a@example.no\nAuto-Submitted: no\n\nx\n").automated);
  BOOST_TEST(mime("From: a@example.no\nPrecedence: bulk\n\nx\n").automated);
  BOOST_TEST(mime("From: a@example.no\nList-Id: <liste.example.no>\n\nx\n").automated);
  BOOST_TEST(mime("From: MAILER-DAEMON@example.no\n\nx\n").automated);
  BOOST_TEST(
      mime("From: a@example.no\nContent-Type: multipart/report; report-type=delivery-status; "
           "boundary=r\n\n--r\nContent-Type: text/plain\n\nFeil\n--r--\n")
          .automated);
  BOOST_TEST(!mime(kSimple).automated);
}

BOOST_AUTO_TEST_CASE(reply_to_is_kept_when_it_differs_from_the_sender) {
  const auto parsed =
      mime("From: Skjema <noreply@skjema.example>\nReply-To: Kari <kari@example.no>\n\nx\n");
  BOOST_TEST(parsed.reply_to.address == "kari@example.no");
  BOOST_TEST(mime(kSimple).reply_to.address.empty());
}

BOOST_AUTO_TEST_CASE(routes_by_the_first_known_mailbox) {
  ReadOptions options;
  options.mailbox_routes = samla::parse_mailbox_routes(
      "# mailbox department\nByggesak@Eksempel.Kommune.no\tbyggesak\n"
      "postmottak@eksempel.kommune.no  innbyggjarservice\nbroken-line\n");
  BOOST_TEST(options.mailbox_routes.size() == 2U);
  BOOST_TEST(mime(kSimple, options).message.department == "innbyggjarservice");
  const auto cc = mime(
                      "From: a@example.no\nTo: someone@example.no\n"
                      "Cc: BYGGESAK@eksempel.kommune.no\n\nx\n",
                      options)
                      .message;
  BOOST_TEST(cc.department == "byggesak");
  BOOST_TEST(
      mime("From: a@example.no\nTo: x@example.no\n\nx\n", options).message.department.empty());
  BOOST_TEST(samla::route_by_mailbox(cc, options.mailbox_routes) == "byggesak");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(MessageFiles)

BOOST_AUTO_TEST_CASE(reads_a_single_json_object) {
  const auto result = json(R"({"channel": "sms", "from": "+4791234567", "text": "Ring meg",
    "received_at": "2026-11-10T09:15:00+01:00", "department": "helse", "language": "nb",
    "thread": "sms:+4791234567", "id": "sms-1"})");
  BOOST_TEST(result.problems.empty());
  BOOST_REQUIRE(result.messages.size() == 1U);
  const auto& m = result.messages[0].message;
  BOOST_TEST((m.channel == samla::Channel::Sms));
  BOOST_TEST(m.from.address == "+4791234567");
  BOOST_TEST(m.body_text == "Ring meg");
  BOOST_TEST(m.subject.empty());
  BOOST_TEST((m.received_at == at("2026-11-10T09:15:00+01:00")));
  BOOST_TEST(m.department == "helse");
  BOOST_TEST(m.language == "nb");
  BOOST_TEST(m.thread_key == "sms:+4791234567");
  BOOST_TEST(m.external_id == "sms-1");
}

BOOST_AUTO_TEST_CASE(an_array_with_a_bad_message_reads_the_others) {
  const auto result = json(R"([
    {"channel": "facebook", "from": {"name": "Ingrid Haugen", "address": "fb:1"}, "text": "Hei",
     "received_at": "2026-11-10T09:15:00Z"},
    {"channel": "facebook", "from": "fb:2", "text": "Hallo"},
    {"channel": "instagram", "from": "Kari <ig:3>", "to": [{"name": "Kommunen", "address": "ig:0"}],
     "text": "Takk", "received_at": "2026-11-10T09:20:00"}
  ])");
  BOOST_REQUIRE(result.messages.size() == 2U);
  BOOST_REQUIRE(result.problems.size() == 1U);
  BOOST_TEST(result.problems[0].item == "message 2");
  BOOST_TEST(result.problems[0].error == "missing field 'received_at'");
  BOOST_TEST(result.problems[0].file == std::filesystem::path("in.json"));
  BOOST_TEST(result.problems[0].describe() == "in.json: message 2: missing field 'received_at'");
  BOOST_TEST(result.messages[0].message.from.name == "Ingrid Haugen");
  const auto& third = result.messages[1].message;
  BOOST_TEST(third.from.name == "Kari");
  BOOST_TEST(third.from.address == "ig:3");
  BOOST_REQUIRE(third.to.size() == 1U);
  BOOST_TEST(third.to[0].name == "Kommunen");
  // Without an offset the time is Oslo wall-clock time.
  BOOST_TEST((third.received_at == at("2026-11-10T09:20:00+01:00")));
  BOOST_TEST(third.department.empty());  // the importer routes
}

BOOST_AUTO_TEST_CASE(json_lines_read_each_line_on_its_own) {
  const auto result = json(
      "{\"channel\": \"sms\", \"from\": \"+4711111111\", \"text\": \"ein\", \"received_at\": "
      "\"2026-11-10T09:00:00Z\"}\n"
      "{\"channel\": \"sms\", \"from\": \"+4722222222\", \"text\": \"to\" \"received_at\": }\n"
      "\n"
      "{\"channel\": \"sms\", \"from\": \"+4733333333\", \"text\": \"tre\", \"received_at\": "
      "\"2026-11-10T09:02:00Z\"}\n",
      {}, "messages.jsonl");
  BOOST_REQUIRE(result.messages.size() == 2U);
  BOOST_REQUIRE(result.problems.size() == 1U);
  BOOST_TEST(result.problems[0].item == "message 2 (line 2)");
  BOOST_TEST(result.problems[0].error.starts_with("malformed JSON: "), result.problems[0].error);
  BOOST_TEST(result.messages[1].message.body_text == "tre");
}

BOOST_AUTO_TEST_CASE(malformed_json_is_one_clear_problem) {
  const auto result = json(R"([{"channel": "sms", "from": "+47", "text": "x",)");
  BOOST_TEST(result.messages.empty());
  BOOST_REQUIRE(result.problems.size() == 1U);
  BOOST_TEST(result.problems[0].item.empty());
  BOOST_TEST(result.problems[0].error.starts_with("malformed JSON: "));
  BOOST_TEST(!contains(result.problems[0].error, "[json.exception"));
  BOOST_TEST(json("42").problems.size() == 1U);
}

BOOST_AUTO_TEST_CASE(wrong_types_and_unknown_channels_are_problems) {
  const auto result = json(R"([
    {"channel": "email", "from": 42, "text": "x", "received_at": "2026-11-10T09:00:00Z"},
    {"channel": "telegram", "from": "a", "text": "x", "received_at": "2026-11-10T09:00:00Z"},
    {"channel": "sms", "from": "a", "text": ["x"], "received_at": "2026-11-10T09:00:00Z"},
    {"channel": "sms", "from": "a", "text": "x", "received_at": "i går"},
    {"channel": "sms", "from": "a", "text": "x", "received_at": 1731229200},
    {"channel": "sms", "from": "a", "text": "x", "received_at": "2026-11-10T09:00:00Z",
     "attachments": {"filename": "x"}},
    {"channel": "sms", "from": {}, "text": "x", "received_at": "2026-11-10T09:00:00Z"},
    "not an object",
    {"channel": "sms", "from": "a", "text": "x", "received_at": "2026-11-10T09:00:00Z",
     "department": 7},
    {"channel": "sms", "from": "a", "text": "ok", "received_at": "2026-11-10T09:00:00Z"}
  ])");
  BOOST_REQUIRE(result.messages.size() == 1U);
  BOOST_TEST(result.messages[0].message.body_text == "ok");
  BOOST_REQUIRE(result.problems.size() == 9U);
  const auto error = [&](std::size_t i) { return result.problems[i].error; };
  BOOST_TEST(contains(error(0), "field 'from' must be a string or an object"), error(0));
  BOOST_TEST(contains(error(1), "unknown channel 'telegram'"), error(1));
  BOOST_TEST(error(2) == "field 'text' must be a string, not an array");
  BOOST_TEST(contains(error(3), "field 'received_at' is not an ISO 8601 time"), error(3));
  BOOST_TEST(error(4) == "field 'received_at' must be a string, not a number");
  BOOST_TEST(error(5) == "field 'attachments' must be an array, not an object");
  BOOST_TEST(error(6) == "field 'from' has neither name nor address");
  BOOST_TEST(error(7) == "expected an object, not a string");
  BOOST_TEST(error(8) == "field 'department' must be a string, not a number");
  BOOST_TEST(result.problems[8].item == "message 9");
}

BOOST_AUTO_TEST_CASE(external_id_is_given_or_the_digest_of_canonical_json) {
  const auto a = json(R"({"channel":"callback","from":"+4790000000","text":"Ring meg",
                          "received_at":"2026-11-10T09:00:00Z"})");
  const auto b = json(R"({ "text" : "Ring meg", "received_at" : "2026-11-10T09:00:00Z",
                           "from" : "+4790000000", "channel" : "callback" })");
  const auto c = json(R"({"channel":"callback","from":"+4790000000","text":"Ring meg!",
                          "received_at":"2026-11-10T09:00:00Z"})");
  BOOST_REQUIRE(a.messages.size() == 1U);
  const std::string id = a.messages[0].message.external_id;
  BOOST_TEST(id.starts_with("sha256:"));
  BOOST_TEST(id.size() == 7U + 64U);
  BOOST_TEST(b.messages[0].message.external_id == id);  // key order and spacing do not matter
  BOOST_TEST(c.messages[0].message.external_id != id);
  const auto numeric = json(R"({"channel":"sms","from":"a","text":"x","id":1234,
                                "received_at":"2026-11-10T09:00:00Z"})");
  BOOST_TEST(numeric.messages[0].message.external_id == "1234");
}

BOOST_AUTO_TEST_CASE(received_ago_needs_now) {
  constexpr std::string_view text =
      R"({"channel":"sms","from":"a","text":"x","received_ago":"3d4h"})";
  ReadOptions demo;
  demo.now = kNow;
  const auto with_now = json(text, demo);
  BOOST_REQUIRE(with_now.messages.size() == 1U);
  BOOST_TEST((with_now.messages[0].message.received_at == kNow - 76h));
  const auto without = json(text);
  BOOST_TEST(without.messages.empty());
  BOOST_REQUIRE(without.problems.size() == 1U);
  BOOST_TEST(contains(without.problems[0].error, "received_ago"), without.problems[0].error);
  const auto bad = json(R"({"channel":"sms","from":"a","text":"x","received_ago":"snart"})", demo);
  BOOST_REQUIRE(bad.problems.size() == 1U);
  BOOST_TEST(contains(bad.problems[0].error, "is not an age"), bad.problems[0].error);
}

BOOST_AUTO_TEST_CASE(json_attachments_are_decoded_and_bad_base64_is_a_warning) {
  const auto result = json(R"({"channel":"digital-post","from":"a","text":"x",
    "received_at":"2026-11-10T09:00:00Z", "attachments": [
      {"filename": "vedtak.pdf", "content_type": "application/PDF", "data_base64": "JVBERi0xLjQK"},
      {"filename": "ødelagt.png", "content_type": "image/png", "data_base64": "!!!"},
      {"data_base64": "aGVp"}]})");
  BOOST_REQUIRE(result.messages.size() == 1U);
  const auto& parsed = result.messages[0];
  BOOST_REQUIRE(parsed.message.attachments.size() == 2U);
  BOOST_TEST(parsed.message.attachments[0].filename == "vedtak.pdf");
  BOOST_TEST(parsed.message.attachments[0].content_type == "application/pdf");
  BOOST_TEST(parsed.message.attachments[0].size == 9U);
  BOOST_TEST(parsed.attachments[0].data == "%PDF-1.4\n");
  BOOST_TEST(parsed.message.attachments[1].filename == "attachment-3");
  BOOST_TEST(parsed.message.attachments[1].content_type == "application/octet-stream");
  BOOST_TEST(parsed.attachments[1].data == "hei");
  BOOST_TEST(has_warning(parsed.message, "'ødelagt.png' is not valid base64"),
             all_warnings(parsed.message));
  const auto missing = json(R"({"channel":"sms","from":"a","text":"x",
    "received_at":"2026-11-10T09:00:00Z", "attachments": [{"filename": "x"}]})");
  BOOST_REQUIRE(missing.problems.size() == 1U);
  BOOST_TEST(missing.problems[0].error == "attachment 1: missing field 'data_base64'");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_json_is_replaced_with_a_warning) {
  const auto result = json(
      "{\"channel\":\"sms\",\"from\":\"a\",\"text\":\"bl\xE5 \xC3\xA6\","
      "\"received_at\":\"2026-11-10T09:00:00Z\"}");
  BOOST_REQUIRE(result.messages.size() == 1U);
  BOOST_TEST(result.messages[0].message.body_text == "bl\xEF\xBF\xBD æ");
  BOOST_TEST(has_warning(result.messages[0].message, "invalid UTF-8"));
}

BOOST_AUTO_TEST_CASE(json_email_is_routed_by_mailbox) {
  ReadOptions options;
  options.mailbox_routes = {{"skatt@eksempel.kommune.no", "skatt"}};
  const auto result = json(R"({"channel":"email","from":"a@example.no",
    "to":"skatt@eksempel.kommune.no","subject":"Faktura","text":"x",
    "received_at":"2026-11-10T09:00:00Z"})",
                           options);
  BOOST_REQUIRE(result.messages.size() == 1U);
  BOOST_TEST(result.messages[0].message.department == "skatt");
}

BOOST_AUTO_TEST_CASE(mbox_splits_unescapes_and_numbers_its_messages) {
  const std::string mbox =
      "From kari@example.no Tue Mar 26 14:59:59 2024\n"
      "From: kari@example.no\nSubject: Ein\nMessage-ID: <m1@example.no>\n\n"
      "Linje\n>From the start, escaped.\n\n"
      "From ola@example.no Wed Mar 27 09:00:00 2024\n"
      "From: ola@example.no\nSubject: To\n\nUtan Date og Message-ID.\n\n"
      "From nobody Thu Mar 28 10:00:00 2024\n\n\n"
      "From per@example.no Thu Mar 28 11:00:00 2024\n"
      "From: per@example.no\nSubject: Tre\nContent-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nAvkorta\n";
  const auto result = samla::read_message_data(mbox, "innboks.mbox");
  BOOST_REQUIRE(result.messages.size() == 3U);
  BOOST_REQUIRE(result.problems.size() == 1U);
  BOOST_TEST(result.problems[0].item == "message 3");
  BOOST_TEST(result.problems[0].error == "the message is empty");
  BOOST_TEST(result.messages[0].message.body_text == "Linje\nFrom the start, escaped.");
  const auto& second = result.messages[1].message;
  BOOST_TEST(second.subject == "To");
  // No Date: the mbox line's delivery time (Oslo wall clock) stands in, with a warning.
  BOOST_TEST((second.received_at == at("2024-03-27T09:00:00+01:00")));
  BOOST_TEST(has_warning(second, "no Date header"));
  BOOST_TEST(second.external_id.starts_with("sha256:"));
  BOOST_TEST(result.messages[2].message.body_text == "Avkorta");
  BOOST_TEST(has_warning(result.messages[2].message, "truncated"));
  // A file that starts with "From " is an mbox whatever its name.
  BOOST_TEST(samla::read_message_data(mbox, "export.txt").messages.size() == 3U);
}

BOOST_AUTO_TEST_CASE(format_follows_extension_and_content) {
  BOOST_TEST(samla::read_message_data(kSimple, "a.eml").messages.size() == 1U);
  BOOST_TEST(samla::read_message_data(kSimple, "a.raw").messages.size() == 1U);
  const auto sniffed = samla::read_message_data(
      R"([{"channel":"sms","from":"a","text":"x","received_at":"2026-11-10T09:00:00Z"}])", "drop");
  BOOST_REQUIRE(sniffed.messages.size() == 1U);
  BOOST_TEST((sniffed.messages[0].message.channel == samla::Channel::Sms));
  const auto empty = samla::read_message_data(" \n", "tom.eml");
  BOOST_TEST(empty.messages.empty());
  BOOST_REQUIRE(empty.problems.size() == 1U);
  BOOST_TEST(empty.problems[0].describe() == "tom.eml: the file is empty");
}

BOOST_AUTO_TEST_CASE(files_and_folders) {
  TempDir dir;
  const auto eml = dir.write("a/undated.eml", "From: a@example.no\nSubject: Utan dato\n\nx\n");
  const auto written = std::filesystem::file_time_type::clock::now() - 48h;
  std::filesystem::last_write_time(eml, written);
  dir.write("b/sms.json",
            R"([{"channel":"sms","from":"a","text":"x","received_at":"2026-11-10T09:00:00Z"},
                {"channel":"sms","from":"a","text":"y"}])");
  dir.write("README.md", "# not a message\n");
  dir.write(".hidden.eml", "From: hidden@example.no\n\nx\n");

  const auto one = samla::read_message_file(eml);
  BOOST_REQUIRE(one.messages.size() == 1U);
  // No Date: the file's modification time, with a warning.
  const auto expected =
      std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(written));
  BOOST_TEST((one.messages[0].message.received_at == expected));
  BOOST_TEST(has_warning(one.messages[0].message, "no Date header"));

  const auto all = samla::read_message_folder(dir.path);
  BOOST_TEST(all.messages.size() == 2U);
  BOOST_REQUIRE(all.problems.size() == 1U);
  BOOST_TEST(all.problems[0].file == dir.path / "b" / "sms.json");
  BOOST_TEST(all.problems[0].item == "message 2");

  const auto missing = samla::read_message_file(dir.path / "nope.eml");
  BOOST_REQUIRE(missing.problems.size() == 1U);
  BOOST_TEST(contains(missing.problems[0].error, "cannot open the file"));
  const auto no_folder = samla::read_message_folder(dir.path / "nope");
  BOOST_TEST(no_folder.problems.size() == 1U);
}

BOOST_AUTO_TEST_CASE(ages_as_the_demo_writes_them) {
  BOOST_TEST((samla::parse_age("9d") == std::optional<std::chrono::seconds>{216h}));
  BOOST_TEST((samla::parse_age("3d4h") == std::optional<std::chrono::seconds>{76h}));
  BOOST_TEST((samla::parse_age("2h30m") == std::optional<std::chrono::seconds>{150min}));
  BOOST_TEST((samla::parse_age("1w 2d") == std::optional<std::chrono::seconds>{216h}));
  BOOST_TEST((samla::parse_age("45s") == std::optional<std::chrono::seconds>{45s}));
  for (const char* bad : {"", "d", "3", "3x", "-3d", "3d4", "tre dagar"}) {
    BOOST_TEST(!samla::parse_age(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_CASE(the_demo_data_reads_cleanly_and_covers_everything) {
  const std::filesystem::path demo = SAMLA_DEMO_DIR;
  BOOST_REQUIRE_MESSAGE(std::filesystem::is_directory(demo), "no demo folder at " << demo);
  std::ifstream routes_file(demo / "mailboxes.tsv");
  const std::string routes_text{std::istreambuf_iterator<char>(routes_file), {}};
  ReadOptions options;
  options.now = kNow;
  options.mailbox_routes = samla::parse_mailbox_routes(routes_text);
  BOOST_TEST(options.mailbox_routes.size() == 5U);

  const auto result = samla::read_message_folder(demo / "messages", options);
  for (const auto& problem : result.problems) BOOST_ERROR(problem.describe());
  BOOST_TEST(result.messages.size() >= 25U);
  BOOST_TEST(result.messages.size() <= 35U);

  std::set<samla::Channel> channels;
  std::set<std::string> departments;
  std::set<std::string> languages;
  std::set<std::string> ids;
  int overdue = 0;
  int recent = 0;
  const ParsedMessage* first_garage = nullptr;
  const samla::InboundMessage* garage_reply = nullptr;
  for (const auto& parsed : result.messages) {
    require_valid_utf8(parsed);
    const auto& m = parsed.message;
    BOOST_TEST(m.warnings.empty(), m.subject << ": " << all_warnings(m));
    BOOST_TEST(!m.department.empty(), m.subject << " is routed nowhere");
    BOOST_TEST(!m.body_text.empty());
    BOOST_TEST(!m.from.address.empty());
    BOOST_TEST(ids.insert(m.external_id).second, "duplicate id " << m.external_id);
    BOOST_TEST((m.received_at <= kNow));
    channels.insert(m.channel);
    departments.insert(m.department);
    if (!m.language.empty()) languages.insert(m.language);
    if (kNow - m.received_at >= 7 * 24h) ++overdue;
    if (kNow - m.received_at <= 1h) ++recent;
    if (m.external_id == "20261102101400.ola.nordmann@epost.example") first_garage = &parsed;
    if (m.subject.starts_with("Re: Søknad om garasje")) garage_reply = &m;
    BOOST_TEST(!contains(m.body_text, "<p>"));
    BOOST_TEST(!contains(m.body_text, "alert("));
  }
  BOOST_TEST(channels.size() == 6U);
  BOOST_TEST(departments == (std::set<std::string>{"byggesak", "barnehage", "skatt",
                                                   "innbyggjarservice", "helse"}));
  BOOST_TEST(languages == (std::set<std::string>{"nb", "nn", "en"}));
  BOOST_TEST(overdue >= 3);
  BOOST_TEST(recent >= 3);
  BOOST_REQUIRE(first_garage != nullptr);
  BOOST_REQUIRE(garage_reply != nullptr);
  BOOST_TEST(garage_reply->references ==
             std::vector<std::string>{first_garage->message.external_id});

  const auto find = [&](std::string_view subject_part) -> const ParsedMessage* {
    for (const auto& parsed : result.messages) {
      if (contains(parsed.message.subject, subject_part)) return &parsed;
    }
    return nullptr;
  };
  const auto* latin1 = find("Gårdsveien 3");
  BOOST_REQUIRE(latin1 != nullptr);
  BOOST_TEST(contains(latin1->message.body_text, "påbygd"));
  BOOST_TEST(latin1->message.department == "skatt");
  const auto* html = find("heimetenesta");
  BOOST_REQUIRE(html != nullptr);
  BOOST_TEST(contains(html->message.body_text, "• Ho har ikkje fått medisinane"));
  const auto* png = find("Dokumentasjon til søknad");
  BOOST_REQUIRE(png != nullptr);
  BOOST_TEST((png->message.channel == samla::Channel::Email));
  BOOST_REQUIRE(png->attachments.size() == 1U);
  BOOST_TEST(png->message.attachments[0].filename == "skattemelding-søknad.png");
  BOOST_TEST(png->attachments[0].data.starts_with("\x89PNG"));
  BOOST_REQUIRE(first_garage->attachments.size() == 1U);
  BOOST_TEST(first_garage->message.attachments[0].filename == "situasjonsplan.pdf");
  BOOST_TEST(first_garage->attachments[0].data.starts_with("%PDF-"));
  const auto* identity = find("betalingsutsettelse");
  BOOST_REQUIRE(identity != nullptr);
  BOOST_TEST(contains(identity->message.body_text, "150585 40088"));
}

BOOST_AUTO_TEST_CASE(a_real_import_does_not_honour_demo_ages) {
  const auto result =
      samla::read_message_folder(std::filesystem::path(SAMLA_DEMO_DIR) / "messages");
  // Every JSON message gives only received_ago: each is a clear problem, the emails use Date.
  BOOST_TEST(!result.problems.empty());
  for (const auto& problem : result.problems) {
    BOOST_TEST(contains(problem.error, "received_ago"), problem.describe());
  }
  for (const auto& parsed : result.messages) {
    BOOST_TEST((parsed.message.channel == samla::Channel::Email));
    BOOST_TEST((parsed.message.received_at < at("2026-11-12T00:00:00Z")));
  }
}

BOOST_AUTO_TEST_SUITE_END()
