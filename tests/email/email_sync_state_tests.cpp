// What the email connector remembers about the server, against the real Dovecot and Postfix:
// expunged messages (QRESYNC's VANISHED, and the search fallback), folder names beyond ASCII,
// and sends whose connection was lost after DATA (a proxy cuts the real SMTP connection).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>

#include "mail_services.h"
#include "municipality.h"
#include "samla/sync/email/email_connector.h"
#include "samla/sync/email/imap_mailbox_name.h"
#include "samla/sync/email/outgoing_mail.h"
#include "smtp_cut_proxy.h"

using namespace samla;
using namespace samla::test;

namespace {

std::string citizen_mail(const std::string& to, const std::string& subject,
                         const std::string& message_id) {
  return mail_text("Innbyggar <innbyggar@citizen.test>", to, subject, "Hei, eg lurer på noko.",
                   message_id);
}

void append_to(const std::string& user, const std::string& folder,
               const std::vector<std::string>& messages) {
  ImapSession imap(MailServices::get().imap(user));
  for (const auto& m : messages) imap.append(folder, "()", m);
  imap.logout();
}

std::vector<std::string> mails(const std::string& prefix, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    out.push_back(citizen_mail("post@kommune.test", "Sak " + std::to_string(i),
                               prefix + std::to_string(i) + "-" + new_uuid() + "@citizen.test"));
  }
  return out;
}

std::size_t conversations(Workspace& w) {
  return w.store().count(InboxView::All, ViewScope{{}, {}, {}, {}});
}

// Expunges UIDs 2 and 3 of `folder`, and moves UID 4 out and back (it returns as UID 7).
void expunge_and_move_back(const std::string& folder) {
  const std::string other = fresh_folder("post", "away");
  ImapSession imap(MailServices::get().imap("post"));
  imap.run("SELECT \"" + folder + "\"");
  imap.run("UID STORE 2:3 +FLAGS.SILENT (\\Deleted)");
  imap.run("UID EXPUNGE 2:3");
  imap.run("UID MOVE 4 \"" + other + "\"");
  imap.run("SELECT \"" + other + "\"");
  imap.run("UID MOVE 1:* \"" + folder + "\"");
  imap.logout();
}

std::size_t copies_of(const std::string& user, const std::string& folder,
                      const std::string& message_id) {
  const auto all = messages_in(user, folder);
  return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const std::string& m) {
    return m.find(message_id) != std::string::npos;
  }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(EmailRemovals)

BOOST_AUTO_TEST_CASE(qresync_reports_expunged_messages_with_vanished) {
  const std::string folder = fresh_folder("post", "vanish");
  append_to("post", folder, mails("van-", 6));
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 6U);
  BOOST_TEST(!connector.last_report().qresync);  // a first read has nothing to resync from
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().qresync);  // Dovecot offers QRESYNC
  BOOST_TEST(connector.last_report().vanished == 0U);

  expunge_and_move_back(folder);
  connector.sync_once(m.workspace, pass);
  const auto& report = connector.last_report();
  // With QRESYNC only new UIDs are searched: the removals came from VANISHED (EARLIER).
  BOOST_TEST(report.qresync);
  BOOST_TEST(report.vanished == 3U);
  BOOST_TEST(report.duplicates == 1U);  // the message moved back: same Message-ID, new UID
  BOOST_TEST(report.ingested == 0U);
  BOOST_TEST(conversations(m.workspace) == 6U);  // conversations stay
  BOOST_TEST(m.workspace.store().sync_state(connector.id(), "vanished").value() == "2:4");
  BOOST_TEST(m.workspace.store().sync_state(connector.id(), "uids").value() == "1,5:7");

  connector.sync_once(m.workspace, pass);  // nothing new: nothing vanishes twice
  BOOST_TEST(connector.last_report().vanished == 0U);
  BOOST_TEST(connector.last_report().fetched == 0U);
}

BOOST_AUTO_TEST_CASE(without_qresync_a_search_finds_what_went) {
  const std::string folder = fresh_folder("post", "novan");
  append_to("post", folder, mails("nov-", 6));
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  a.qresync = false;  // CONDSTORE only, as on a server without QRESYNC
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(!connector.last_report().qresync);
  BOOST_TEST(connector.last_report().fetched == 0U);

  expunge_and_move_back(folder);
  connector.sync_once(m.workspace, pass);
  const auto& report = connector.last_report();
  BOOST_TEST(!report.qresync);
  BOOST_TEST(report.vanished == 3U);
  BOOST_TEST(report.duplicates == 1U);
  BOOST_TEST(conversations(m.workspace) == 6U);
  BOOST_TEST(m.workspace.store().sync_state(connector.id(), "vanished").value() == "2:4");
  BOOST_TEST(m.workspace.store().sync_state(connector.id(), "uids").value() == "1,5:7");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(EmailFolderNames)

// "Søppelpost" exists on the server as "S&APg-ppelpost"; the account names it in UTF-8.
BOOST_AUTO_TEST_CASE(a_folder_with_o_slash_is_selected_and_appended_to) {
  const std::string folder = "S\xc3\xb8ppelpost-" + new_uuid().substr(0, 8);
  {
    ImapSession imap(MailServices::get().imap("post"));
    imap.run("CREATE \"" + imap_mailbox_name(folder) + "\"");
    bool listed = false;
    imap.run("LIST \"\" \"S&APg-ppelpost-*\"", [&](ImapResponse& r) {
      if (r.name == "LIST" && r.data.size() == 3) {
        listed = listed || utf8_mailbox_name(r.data[2].text) == folder;
      }
    });
    BOOST_TEST(listed);
    imap.logout();
  }
  append_to("post", folder, mails("utf7-", 2));  // APPEND encodes the name
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 2U);
  BOOST_TEST(wait_for_mail("post", imap_mailbox_name(folder), 0, std::chrono::seconds{0}) == 2U);

  EmailAccount broken = a;
  broken.inbox = "Innboks\xff";  // not UTF-8: the account is wrong, and says so
  EmailConnector refused(broken);
  try {
    refused.sync_once(m.workspace, pass);
    BOOST_FAIL("a mailbox name that is not UTF-8 was used");
  } catch (const SyncFailure& failure) {
    BOOST_TEST(!failure.retryable(), failure.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SmtpLostConnection)

// Both cuts look the same to libcurl: the whole message went out, then the connection closed
// without an answer. Only the servers know whether it was delivered.
BOOST_AUTO_TEST_CASE(libcurl_cannot_tell_the_two_cuts_apart) {
  const auto& services = MailServices::get();
  const auto upstream = static_cast<std::uint16_t>(std::stoi(services.env.at("smtp")));
  const std::size_t before = wait_for_mail("innbyggar", "INBOX", 0, std::chrono::seconds{0});
  std::vector<std::string> ids;
  for (const auto cut :
       {SmtpCutProxy::Cut::after_reply_to_final_dot, SmtpCutProxy::Cut::before_final_dot}) {
    SmtpCutProxy proxy(upstream, cut);
    MailServer server = services.smtp();
    server.url = "smtp://127.0.0.1:" + std::to_string(proxy.port());
    server.allow_plaintext = true;  // the proxy must read the DATA phase
    ids.push_back("cut-" + new_uuid() + "@kommune.test");
    try {
      smtp_send(
          server, "plan@kommune.test", {"innbyggar@citizen.test"},
          mail_text("plan@kommune.test", "innbyggar@citizen.test", "Svar", "Svar.", ids.back()));
      BOOST_FAIL("the send succeeded through a cut connection");
    } catch (const SmtpFailure& failure) {
      BOOST_TEST_MESSAGE("cut " << static_cast<int>(cut) << ": " << failure.what());
      BOOST_TEST(failure.maybe_delivered(), failure.what());
      // libcurl 7.88 says CURLE_RECV_ERROR ("response reading failed") for both cuts.
      BOOST_TEST(std::string(failure.what()).find("Failure when receiving data from the peer") !=
                     std::string::npos,
                 failure.what());
      BOOST_TEST(failure.retryable(), failure.what());
    }
    BOOST_TEST(proxy.did_cut());
    if (cut == SmtpCutProxy::Cut::after_reply_to_final_dot) {
      BOOST_TEST(proxy.swallowed_reply().rfind("250", 0) == 0U, proxy.swallowed_reply());
    }
  }
  // The first was delivered, the second not.
  BOOST_REQUIRE(wait_for_mail("innbyggar", "INBOX", before + 1) >= before + 1);
  BOOST_TEST(copies_of("innbyggar", "INBOX", ids[0]) == 1U);
  BOOST_TEST(wait_for_mail("innbyggar", "INBOX", before + 2, std::chrono::seconds{3}) ==
             before + 1);
  BOOST_TEST(copies_of("innbyggar", "INBOX", ids[1]) == 0U);
}

// A caseworker's reply; the connection is cut after DATA; the next pass (after the backoff)
// must leave exactly one copy in the citizen's mailbox, whether or not the cut one arrived.
BOOST_AUTO_TEST_CASE(a_reply_cut_after_data_reaches_the_citizen_exactly_once) {
  const auto& services = MailServices::get();
  const auto upstream = static_cast<std::uint16_t>(std::stoi(services.env.at("smtp")));
  for (const auto cut :
       {SmtpCutProxy::Cut::after_reply_to_final_dot, SmtpCutProxy::Cut::before_final_dot}) {
    BOOST_TEST_CONTEXT("cut " << static_cast<int>(cut)) {
      Instant now =
          std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      Municipality m("plan", "Plan", [&now] { return now; });
      const std::string subject = "Reguleringsplan " + new_uuid().substr(0, 8);
      append_to(
          "plan", "INBOX",
          {citizen_mail("plan@kommune.test", subject, "plan-" + new_uuid() + "@citizen.test")});
      EmailAccount a = account("plan");
      a.auto_reply = false;
      EmailConnector direct(a);
      TestPass pass;
      direct.sync_once(m.workspace, pass);
      const std::string conversation_id = m.workspace.store().search(subject).at(0).summary.id;
      BOOST_REQUIRE(
          m.workspace.execute(conversation_id, QueueReply{"Sv: " + subject, "Svar."}, "kari")
              .decision.accepted());
      const auto queued = m.workspace.store().queued_replies(Channel::Email);
      BOOST_REQUIRE(queued.size() == 1U);
      const std::string message_id =
          stable_message_id("reply:" + queued[0].reply().reply_id, a.address);
      const std::string state_key = "send:" + message_id;

      {
        SmtpCutProxy proxy(upstream, cut);
        EmailAccount through_proxy = a;
        through_proxy.smtp.url = "smtp://127.0.0.1:" + std::to_string(proxy.port());
        through_proxy.smtp.allow_plaintext = true;
        EmailConnector cut_connector(through_proxy);
        cut_connector.sync_once(m.workspace, pass);
        BOOST_TEST(proxy.did_cut());
        BOOST_TEST(cut_connector.last_report().replies_sent == 0U);
        BOOST_TEST(cut_connector.last_report().replies_failed == 0U);  // retried later
      }
      BOOST_TEST(m.workspace.store().sync_state(direct.id(), state_key).value() == "attempt");
      const bool delivered = cut == SmtpCutProxy::Cut::after_reply_to_final_dot;
      if (delivered) {
        // Postfix delivers both copies of the one transaction: the citizen's and ours.
        BOOST_REQUIRE(wait_for_mail("innbyggar", "INBOX", 0, std::chrono::seconds{0}) > 0U);
        for (int i = 0; i < 150 && copies_of("plan", "INBOX", message_id) == 0U; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds{200});
        }
        BOOST_REQUIRE(copies_of("plan", "INBOX", message_id) == 1U);
      }

      direct.sync_once(m.workspace, pass);  // within the backoff: nothing is sent
      BOOST_TEST(direct.last_report().replies_sent == 0U);
      // Our copy, if it came, settles the send; it is not ingested.
      BOOST_TEST(direct.last_report().receipts == (delivered ? 1U : 0U));
      BOOST_TEST(direct.last_report().ingested == 0U);
      BOOST_TEST(m.workspace.store().sync_state(direct.id(), state_key).value() ==
                 (delivered ? "done" : "attempt"));
      now += std::chrono::minutes{2};
      direct.sync_once(m.workspace, pass);
      BOOST_TEST(direct.last_report().replies_sent == 1U);
      BOOST_TEST(m.workspace.store().queued_replies(Channel::Email).empty());
      BOOST_TEST(m.workspace.store().sync_state(direct.id(), state_key).value() == "filed");
      BOOST_TEST(copies_of("plan", "Sent", message_id) == 1U);

      // Exactly one copy reaches the citizen (Postfix delivers within a second or two).
      for (int i = 0; i < 150 && copies_of("innbyggar", "INBOX", message_id) == 0U; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds{200});
      }
      std::this_thread::sleep_for(std::chrono::seconds{3});  // a second copy would be here now
      BOOST_TEST(copies_of("innbyggar", "INBOX", message_id) == 1U);
      // Our own copy of the resend is cleared from the shared inbox on the next pass.
      if (!delivered) {
        for (int i = 0; i < 150 && copies_of("plan", "INBOX", message_id) == 0U; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds{200});
        }
      }
      direct.sync_once(m.workspace, pass);
      BOOST_TEST(copies_of("plan", "INBOX", message_id) == 0U);
      BOOST_TEST(direct.last_report().ingested == 0U);  // our own copy is no citizen's mail
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
