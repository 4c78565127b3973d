// The email connector against real servers: Dovecot (IMAP, STARTTLS and IMAPS with a CA of the
// test's own) and Postfix (SMTP delivering through LMTP into Dovecot), started by the
// mail-services CTest fixture.
#include <boost/test/unit_test.hpp>

#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <thread>
#include <variant>

#include "mail_services.h"
#include "municipality.h"
#include "samla/models/fold.h"
#include "samla/sync/email/email_connector.h"
#include "samla/sync/email/outgoing_mail.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/message_files.h"
#include "samla/sync/workspace.h"

using namespace samla;
using namespace samla::test;

namespace {

void append_all(const std::string& user, const std::string& folder,
                const std::vector<std::string>& messages) {
  ImapSession imap(MailServices::get().imap(user));
  for (const auto& m : messages) imap.append(folder, "()", m);
  imap.logout();
}

std::vector<std::string> citizen_mails(int from, int to, const std::string& prefix) {
  std::vector<std::string> out;
  for (int i = from; i < to; ++i) {
    out.push_back(mail_text(
        "Innbyggar " + std::to_string(i) + " <c" + std::to_string(i) + "@citizen.test>",
        "post@kommune.test", "Spørsmål " + std::to_string(i),
        "Hei, eg lurer på " + std::to_string(i), prefix + std::to_string(i) + "@citizen.test"));
  }
  return out;
}

std::size_t conversations(Workspace& w) {
  return w.store().count(InboxView::All, ViewScope{{}, {}, {}, {}});
}

int run(const std::string& command) { return std::system(command.c_str()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(ImapConnection)

BOOST_AUTO_TEST_CASE(starttls_and_imaps_log_in_with_the_configured_ca) {
  const auto& services = MailServices::get();
  ImapSession starttls(services.imap("post"));
  BOOST_TEST(starttls.has_capability("IDLE"));
  starttls.logout();
  ImapSession imaps(services.imaps("post"));
  BOOST_TEST(imaps.has_capability("IMAP4REV1"));
  imaps.logout();
}

BOOST_AUTO_TEST_CASE(an_unknown_certificate_is_refused_until_its_ca_is_configured) {
  MailServer server = MailServices::get().imaps("post");
  server.ca_file.clear();  // the system's CAs only
  try {
    ImapSession session(server);
    BOOST_FAIL("a certificate from an unknown CA was accepted");
  } catch (const SyncFailure& failure) {
    BOOST_TEST(!failure.retryable(), failure.what());
  }
  MailServer starttls = MailServices::get().imap("post");
  starttls.ca_file.clear();
  BOOST_CHECK_THROW(ImapSession{starttls}, SyncFailure);
}

BOOST_AUTO_TEST_CASE(a_wrong_password_asks_for_credentials) {
  MailServer server = MailServices::get().imap("post");
  server.password = "wrong";
  try {
    ImapSession session(server);
    BOOST_FAIL("logged in with a wrong password");
  } catch (const SyncFailure& failure) {
    BOOST_TEST(failure.auth_required(), failure.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(EmailSync)

BOOST_AUTO_TEST_CASE(initial_then_incremental_sync_without_marking_mail_read) {
  const std::string folder = fresh_folder("post", "initial");
  append_all("post", folder, citizen_mails(0, 30, "init-"));
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  a.fetch_batch = 7;  // several batches
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 30U);
  BOOST_TEST(conversations(m.workspace) == 30U);
  BOOST_TEST(pass.last_done == 30U);
  BOOST_TEST(m.workspace.store().search("lurer").size() == 30U);

  // BODY.PEEK: nothing was marked \Seen.
  ImapSession imap(MailServices::get().imap("post"));
  std::size_t seen = 0;
  imap.run("EXAMINE \"" + folder + "\"");
  imap.run("UID SEARCH SEEN", [&](ImapResponse& r) {
    if (r.name == "SEARCH") seen += r.data.size();
  });
  BOOST_TEST(seen == 0U);

  append_all("post", folder, citizen_mails(30, 35, "init-"));
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().fetched == 5U);
  BOOST_TEST(conversations(m.workspace) == 35U);
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().fetched == 0U);
}

// An auto-reply looks in Sent for its own copy; the next batch must still be read from the
// inbox, not from Sent.
BOOST_AUTO_TEST_CASE(an_auto_reply_between_batches_keeps_reading_the_inbox) {
  const std::string folder = fresh_folder("post", "batches");
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.fetch_batch = 2;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);  // the first read: an empty backlog
  const std::string token = "batch" + new_uuid().substr(0, 8);
  std::vector<std::string> mails;
  for (int i = 0; i < 5; ++i) {
    const auto n = std::to_string(i);
    mails.push_back(mail_text("Åse Innbyggar <innbyggar@citizen.test>", "post@kommune.test",
                              "Spørsmål " + n, "Hei, " + token + n,
                              token + "-" + n + "@citizen.test"));
  }
  append_all("post", folder, mails);
  connector.sync_once(m.workspace, pass);
  for (const auto& problem : connector.last_report().problems) BOOST_ERROR(problem);
  BOOST_TEST(connector.last_report().ingested == 5U);
  BOOST_TEST(connector.last_report().auto_replies == 1U);  // once per sender per week
  for (int i = 0; i < 5; ++i) {
    BOOST_TEST(m.workspace.store().search(token + std::to_string(i)).size() == 1U, i);
  }
  BOOST_TEST(conversations(m.workspace) == 5U);
}

// A pass that tells the test when the connector is inside IDLE: ImapSession::idle asks
// stop_requested() only after the server accepted IDLE.
struct IdlePass : SyncPass {
  mutable std::promise<void> idling;
  mutable std::atomic<bool> told{false};
  std::atomic<bool> stop{false};
  void progress(std::size_t /*done*/, std::size_t /*total*/) override {}
  [[nodiscard]] bool stop_requested() const override {
    if (!told.exchange(true)) idling.set_value();
    return stop.load();
  }
};

// IDLE on real Dovecot: a message delivered while the connector waits wakes it long before the
// timeout, and the next pass fetches it.
BOOST_AUTO_TEST_CASE(idle_wakes_when_a_message_arrives) {
  const std::string folder = fresh_folder("alfa", "idle");
  append_all("alfa", folder, citizen_mails(0, 2, "idle-"));
  Municipality m("alfa");
  EmailAccount a = account("alfa", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_REQUIRE(connector.last_report().ingested == 2U);

  IdlePass idle;
  auto idling = idle.idling.get_future();
  std::thread deliverer([&] {
    // Delivered by another client only once the connector idles, so IDLE must report it.
    if (idling.wait_for(std::chrono::seconds{30}) != std::future_status::ready) return;
    append_all("alfa", folder, citizen_mails(2, 3, "idle-"));
  });
  const auto start = std::chrono::steady_clock::now();
  const bool waited = connector.wait_for_change(std::chrono::seconds{60}, idle);
  const auto took = std::chrono::steady_clock::now() - start;
  deliverer.join();
  BOOST_TEST(waited);
  BOOST_TEST(idle.told.load());
  BOOST_TEST((took < std::chrono::seconds{20}));  // woken, not timed out
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().fetched == 1U);
  BOOST_TEST(conversations(m.workspace) == 3U);
}

// The engine's stop request ends an IDLE wait within the connector's half-second slice.
BOOST_AUTO_TEST_CASE(a_stop_request_ends_the_idle_wait_promptly) {
  const std::string folder = fresh_folder("alfa", "idlestop");
  Municipality m("alfa");
  EmailAccount a = account("alfa", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  IdlePass idle;
  auto idling = idle.idling.get_future();
  std::chrono::steady_clock::time_point asked{};
  std::thread stopper([&] {
    if (idling.wait_for(std::chrono::seconds{30}) != std::future_status::ready) return;
    asked = std::chrono::steady_clock::now();
    idle.stop = true;
  });
  const auto start = std::chrono::steady_clock::now();
  BOOST_TEST(connector.wait_for_change(std::chrono::seconds{60}, idle));
  const auto end = std::chrono::steady_clock::now();
  stopper.join();
  BOOST_REQUIRE(idle.told.load());
  BOOST_TEST((end - start < std::chrono::seconds{20}));
  BOOST_TEST((end - asked < std::chrono::seconds{3}));
  // The session is still usable after DONE: a pass works at once.
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().problems.empty());
}

BOOST_AUTO_TEST_CASE(a_new_uidvalidity_reads_the_mailbox_again_without_duplicates) {
  const std::string folder = fresh_folder("post", "validity");
  append_all("post", folder, citizen_mails(0, 8, "val-"));
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 8U);
  BOOST_REQUIRE(run(MailServices::get().doveadm() + " mailbox update -u post --uid-validity " +
                    "1234567 '" + folder + "'") == 0);
  append_all("post", folder, citizen_mails(8, 10, "val-"));
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().resynced);
  BOOST_TEST(connector.last_report().duplicates == 8U);
  BOOST_TEST(connector.last_report().ingested == 2U);
  BOOST_TEST(conversations(m.workspace) == 10U);
}

BOOST_AUTO_TEST_CASE(deleted_and_moved_messages_keep_their_conversations) {
  const std::string folder = fresh_folder("post", "deleted");
  append_all("post", folder, citizen_mails(0, 6, "del-"));
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  {
    ImapSession imap(MailServices::get().imap("post"));
    imap.run("SELECT \"" + folder + "\"");
    imap.run("UID STORE 1:3 +FLAGS.SILENT (\\Deleted)");
    imap.run("EXPUNGE");
    imap.run("UID MOVE 4 INBOX", {}, true);
    imap.logout();
  }
  append_all("post", folder, citizen_mails(6, 8, "del-"));
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 2U);
  BOOST_TEST(conversations(m.workspace) == 8U);
}

BOOST_AUTO_TEST_CASE(a_dropped_connection_is_reopened_on_the_next_pass) {
  const std::string folder = fresh_folder("post", "drop");
  append_all("post", folder, citizen_mails(0, 3, "drop-"));
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  // The server drops every session of the user (as on a restart).
  BOOST_REQUIRE(run(MailServices::get().doveadm() + " kick post >/dev/null") == 0);
  append_all("post", folder, citizen_mails(3, 5, "drop-"));
  try {
    connector.sync_once(m.workspace, pass);
  } catch (const SyncFailure& failure) {
    BOOST_TEST(failure.retryable(), failure.what());
    connector.sync_once(m.workspace, pass);  // the engine's next pass
  }
  BOOST_TEST(conversations(m.workspace) == 5U);
}

// Stops the fixture's Dovecot by the pid in its pid file and starts it again; a test that
// fails half-way still leaves it running for the tests after it.
class DovecotRestart {
 public:
  DovecotRestart()
      : conf_(MailServices::get().env.at("dovecot_conf")),
        pid_file_(std::filesystem::path(conf_).parent_path() / "run" / "master.pid") {}
  ~DovecotRestart() {
    if (stopped_) start();
  }
  DovecotRestart(const DovecotRestart&) = delete;
  DovecotRestart& operator=(const DovecotRestart&) = delete;

  // Ends the sessions first, as a restart does (the old imap processes would otherwise outlive
  // their master and serve on), then the master.
  void stop() {
    if (run(MailServices::get().doveadm() + " kick '*' >/dev/null") != 0) {
      throw std::runtime_error("doveadm kick failed");
    }
    std::ifstream in(pid_file_);
    long pid = 0;
    in >> pid;
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), SIGTERM) != 0) {
      throw std::runtime_error("Dovecot is not running (" + pid_file_.string() + ")");
    }
    stopped_ = true;
    // The master takes its imap processes down with it; poll the real process until gone.
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds{20};
    while (::kill(static_cast<pid_t>(pid), 0) == 0) {
      if (std::chrono::steady_clock::now() > limit) throw std::runtime_error("Dovecot stays up");
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
  }

  void start() {
    stopped_ = false;
    if (run("dovecot -c " + conf_ + " </dev/null >/dev/null 2>&1") != 0) {
      throw std::runtime_error("Dovecot did not start again");
    }
    // Up once a login works.
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds{30};
    while (true) {
      try {
        ImapSession imap(MailServices::get().imap("alfa"));
        imap.logout();
        return;
      } catch (const std::exception&) {
        if (std::chrono::steady_clock::now() > limit) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds{100});
      }
    }
  }

 private:
  std::string conf_;
  std::filesystem::path pid_file_;
  bool stopped_ = false;
};

// Dovecot goes down in the middle of a large initial sync (right after the first batch is
// stored) and comes back: the next pass finishes the mailbox, nothing lost, nothing doubled.
BOOST_AUTO_TEST_CASE(a_server_restart_mid_sync_loses_and_doubles_nothing) {
  constexpr int kMessages = 300;
  const std::string folder = fresh_folder("beta", "restart");
  append_all("beta", folder, citizen_mails(0, kMessages, "restart-"));
  Municipality m("beta");
  EmailAccount a = account("beta", folder);
  a.auto_reply = false;
  a.fetch_batch = 40;
  EmailConnector connector(a);
  DovecotRestart dovecot;

  struct StoppingPass : SyncPass {
    DovecotRestart* server = nullptr;
    std::size_t stopped_at = 0;
    void progress(std::size_t done, std::size_t /*total*/) override {
      if (stopped_at == 0) {
        stopped_at = done;
        server->stop();
      }
    }
    [[nodiscard]] bool stop_requested() const override { return false; }
  } pass;
  pass.server = &dovecot;
  bool failed = false;
  try {
    connector.sync_once(m.workspace, pass);
  } catch (const SyncFailure& failure) {
    failed = true;
    BOOST_TEST(failure.retryable(), failure.what());
  }
  BOOST_TEST(failed);
  BOOST_TEST(pass.stopped_at == 40U);
  const std::size_t before = conversations(m.workspace);
  BOOST_TEST(before == 40U);  // the first batch, stored before the server went down

  dovecot.start();
  TestPass again;
  connector.sync_once(m.workspace, again);
  BOOST_TEST(connector.last_report().ingested == kMessages - before);
  BOOST_TEST(connector.last_report().duplicates == 0U);
  BOOST_TEST(conversations(m.workspace) == static_cast<std::size_t>(kMessages));
  connector.sync_once(m.workspace, again);
  BOOST_TEST(connector.last_report().fetched == 0U);
}

BOOST_AUTO_TEST_CASE(a_malformed_header_still_gives_a_message) {
  const std::string folder = fresh_folder("post", "malformed");
  append_all("post", folder,
             {"From: =?utf-8?B?broken <c1@citizen.test\r\nTo: post@kommune.test\r\n"
              "Subject: =?iso-8859-1?Q?S=F8knad?=\r\nDate: not a date\r\n"
              "Content-Type: text/plain; charset=\"nonsense\"\r\nBroken header line\r\n\r\n"
              "Hei p\xe5 deg\r\n"});
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 1U);
  const auto hits = m.workspace.store().search("Søknad");
  BOOST_TEST(hits.size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(EmailEndToEnd)

// A citizen writes to post@, gets an auto-reply with the deadline, then the caseworker's reply
// with threading headers; the citizen's answer joins the same conversation.
BOOST_AUTO_TEST_CASE(citizen_mail_auto_reply_caseworker_reply_and_answer) {
  const auto& services = MailServices::get();
  Municipality m("post");
  EmailConnector connector(account("post"));
  TestPass pass;
  const std::size_t citizen_before =
      wait_for_mail("innbyggar", "INBOX", 0, std::chrono::seconds{0});
  // Start from what the mailbox holds now (other runs against this fixture).
  connector.sync_once(m.workspace, pass);
  const std::size_t known = conversations(m.workspace);

  const std::string first_id = "e2e-" + new_uuid() + "@citizen.test";
  // A word of its own, so that mail of earlier runs in the same mailbox does not match.
  const std::string token = "sak" + new_uuid().substr(0, 8);
  smtp_send(services.smtp(), "innbyggar@citizen.test", {"post@kommune.test"},
            mail_text("Åse Innbyggar <innbyggar@citizen.test>", "post@kommune.test",
                      "Søknad om løyve " + token, "Kva tid får eg svar?", first_id, "",
                      "Mon, 23 Nov 2026 10:00:00 +0100"));
  BOOST_REQUIRE(wait_for_message("post", "INBOX", first_id));
  connector.sync_once(m.workspace, pass);
  for (const auto& problem : connector.last_report().problems) BOOST_ERROR(problem);
  for (const auto& why : connector.last_report().no_auto_reply) BOOST_TEST_MESSAGE(why);
  BOOST_TEST(connector.last_report().ingested == 1U);
  BOOST_TEST(connector.last_report().auto_replies == 1U);
  BOOST_REQUIRE(conversations(m.workspace) == known + 1);
  const auto hits = m.workspace.store().search(token);
  BOOST_REQUIRE(hits.size() == 1U);
  const std::string conversation_id = hits[0].summary.id;
  const auto conversation = m.workspace.store().conversation(conversation_id);
  const auto deadline = m.workspace.rules().deadline_of(*conversation);
  BOOST_REQUIRE(deadline.has_value());
  // Five working days after Monday 23 November 2026: Monday 30 November, close of office hours.
  BOOST_TEST(format_iso8601(*deadline, m.workspace.zone()) == "2026-11-30T15:00:00+01:00");

  // The auto-reply reaches the citizen in the words of the shipped template (not the
  // connector's fallback), states the date as the template writes it and is marked as automatic.
  BOOST_REQUIRE(wait_for_mail("innbyggar", "INBOX", citizen_before + 1) >= citizen_before + 1);
  auto inbox = messages_in("innbyggar", "INBOX");
  const std::string& auto_reply = inbox.back();
  const auto parsed_auto = parse_mime(auto_reply);
  BOOST_TEST(parsed_auto.message.subject == "Takk for meldinga di");
  BOOST_TEST(parsed_auto.message.body_text.find("du får svar innan måndag 30. november 2026.") !=
                 std::string::npos,
             parsed_auto.message.body_text);
  BOOST_TEST(auto_reply.find("Auto-Submitted: auto-replied") != std::string::npos);
  BOOST_TEST(parsed_auto.message.references.at(0) == first_id);

  // A second mail from the same citizen within the week gets no second auto-reply.
  // The caseworker replies.
  const auto outcome = m.workspace.execute(
      conversation_id, QueueReply{"Sv: Søknad om løyve", "Du får svar på fredag."}, "kari");
  BOOST_REQUIRE(outcome.decision.accepted());
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().replies_sent == 1U);
  BOOST_REQUIRE(wait_for_mail("innbyggar", "INBOX", citizen_before + 2) >= citizen_before + 2);
  inbox = messages_in("innbyggar", "INBOX");
  const auto parsed_reply = parse_mime(inbox.back());
  BOOST_TEST(parsed_reply.message.body_text.find("Du får svar på fredag.") != std::string::npos);
  BOOST_TEST(parsed_reply.message.references.at(0) == first_id);
  BOOST_TEST(inbox.back().find("In-Reply-To: <" + first_id + ">") != std::string::npos);
  // A copy is in Sent; the conversation says the reply went out.
  const auto sent = messages_in("post", "Sent");
  BOOST_TEST(std::count_if(sent.begin(), sent.end(), [&](const std::string& s) {
               return s.find(parsed_reply.message.external_id) != std::string::npos;
             }) == 1);
  const auto after = m.workspace.store().conversation(conversation_id);
  BOOST_TEST((after->replies.at(0).state == Reply::State::Sent));

  // The citizen answers the reply; it joins the same conversation, with no new auto-reply.
  const std::string answer_id = "e2e-answer-" + new_uuid() + "@citizen.test";
  smtp_send(services.smtp(), "innbyggar@citizen.test", {"post@kommune.test"},
            mail_text("innbyggar@citizen.test", "post@kommune.test", "Sv: Sv: Søknad om løyve",
                      "Takk for svaret!", answer_id,
                      "In-Reply-To: <" + parsed_reply.message.external_id + ">\r\nReferences: <" +
                          first_id + "> <" + parsed_reply.message.external_id + ">\r\n",
                      "Mon, 23 Nov 2026 12:00:00 +0100"));
  BOOST_REQUIRE(wait_for_message("post", "INBOX", answer_id));
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 1U);
  BOOST_TEST(connector.last_report().auto_replies == 0U);  // once per sender per week
  BOOST_TEST(conversations(m.workspace) == known + 1);
  BOOST_TEST(m.workspace.store().conversation(conversation_id)->message_ids.size() == 2U);
}

// Comms staff's template is what citizens receive: a saved auto-reply template changes the
// next auto-reply.
BOOST_AUTO_TEST_CASE(a_template_saved_by_comms_writes_the_next_auto_reply) {
  const auto& services = MailServices::get();
  Municipality m("post");
  m.workspace.add_user(User{"anne", "Anne Tveit", {Membership{"post", Role::Comms}}});
  EmailConnector connector(account("post"));
  TestPass pass;
  const std::size_t citizen_before =
      wait_for_mail("innbyggar", "INBOX", 0, std::chrono::seconds{0});
  connector.sync_once(m.workspace, pass);  // the backlog: never auto-replied

  const std::string token = "kode" + new_uuid().substr(0, 8);
  auto content = m.workspace.template_info("auto-reply-email")->content;
  content.texts["nn"].subject = "Vi har fått e-posten din " + token;
  content.texts["nn"].body = "Hei!\n\nSvaret kjem innan {deadline}. " + token + ".";
  content.base_version = m.workspace.template_info("auto-reply-email")->version;
  const auto saved = m.workspace.save_template("auto-reply-email", content, "anne");
  BOOST_REQUIRE(saved.accepted());

  // A sender of its own (the once-per-sender rule), answered at the citizen's Reply-To.
  const std::string sender = "ase-" + new_uuid().substr(0, 8) + "@citizen.test";
  const std::string mail_id = "tmpl-" + new_uuid() + "@citizen.test";
  smtp_send(services.smtp(), sender, {"post@kommune.test"},
            mail_text("Åse Innbyggar <" + sender + ">", "post@kommune.test", "Kva tid får eg svar?",
                      "Eg har søkt om å byggje ein garasje (" + token +
                          "), og eg lurer på kva tid eg får svar frå dykk.",
                      mail_id, "Reply-To: innbyggar@citizen.test\r\n",
                      "Mon, 23 Nov 2026 10:00:00 +0100"));
  BOOST_REQUIRE(wait_for_message("post", "INBOX", mail_id));
  connector.sync_once(m.workspace, pass);
  for (const auto& problem : connector.last_report().problems) BOOST_ERROR(problem);
  BOOST_TEST(connector.last_report().auto_replies == 1U);

  BOOST_REQUIRE(wait_for_mail("innbyggar", "INBOX", citizen_before + 1) >= citizen_before + 1);
  std::optional<ParsedMessage> reply;
  for (const auto& text : messages_in("innbyggar", "INBOX")) {
    if (text.find(token) != std::string::npos) reply = parse_mime(text);
  }
  BOOST_REQUIRE(reply.has_value());
  BOOST_TEST(reply->message.subject == "Vi har fått e-posten din " + token);
  BOOST_TEST(reply->message.body_text.find("Svaret kjem innan måndag 30. november 2026. " + token +
                                           ".") != std::string::npos,
             reply->message.body_text);
  // The conversation records the text that went out.
  const auto id = m.workspace.store().search(token).at(0).summary.id;
  const auto conversation = m.workspace.store().conversation(id);
  bool recorded = false;
  for (const auto& entry : conversation->timeline) {
    if (const auto* sent = std::get_if<AutoReplySent>(&entry.event.payload)) {
      recorded = sent->text.find(token) != std::string::npos;
    }
  }
  BOOST_TEST(recorded);
}

BOOST_AUTO_TEST_CASE(a_reply_that_may_have_gone_out_is_not_sent_twice) {
  Municipality m("byggesak", "Byggesak");
  const std::string folder = fresh_folder("byggesak", "once");
  const std::string first_id = "once-" + new_uuid() + "@citizen.test";
  append_all(
      "byggesak", folder,
      {mail_text("innbyggar@citizen.test", "byggesak@kommune.test", "Garasje", "Hei", first_id)});
  EmailAccount a = account("byggesak", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  const std::string conversation_id = m.workspace.store().search("Garasje").at(0).summary.id;
  BOOST_REQUIRE(m.workspace.execute(conversation_id, QueueReply{"Sv: Garasje", "Svar."}, "kari")
                    .decision.accepted());
  const auto queued = m.workspace.store().queued_replies(Channel::Email);
  BOOST_REQUIRE(queued.size() == 1U);
  // A pass before this one crashed after DATA: its attempt is on record and the server kept a
  // copy in Sent. This pass must find it there and not send again.
  const std::string message_id =
      stable_message_id("reply:" + queued[0].reply().reply_id, a.address);
  m.workspace.store().set_sync_state(connector.id(), "send:" + message_id, "attempt");
  OutgoingMail copy;
  copy.from = {"", a.address};
  copy.to = {{"", "innbyggar@citizen.test"}};
  copy.subject = "Sv: Garasje";
  copy.body = "Svar.";
  copy.message_id = message_id;
  append_all("byggesak", "Sent", {render_mail(copy)});
  const std::size_t citizen_before =
      wait_for_mail("innbyggar", "INBOX", 0, std::chrono::seconds{0});

  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().replies_sent == 1U);
  BOOST_TEST(m.workspace.store().queued_replies(Channel::Email).empty());
  const auto sent = messages_in("byggesak", "Sent");
  BOOST_TEST(std::count_if(sent.begin(), sent.end(), [&](const std::string& s) {
               return s.find(message_id) != std::string::npos;
             }) == 1);
  // Nothing reached the citizen (Postfix would have delivered within a few seconds).
  BOOST_TEST(wait_for_mail("innbyggar", "INBOX", citizen_before + 1, std::chrono::seconds{3}) ==
             citizen_before);
}

// Two Samla instances (alfa and beta, each only knowing its own address) write to each other:
// one auto-reply, never a loop.
BOOST_AUTO_TEST_CASE(two_instances_do_not_loop) {
  const auto& services = MailServices::get();
  Municipality alfa("alfa", "Alfa");
  Municipality beta("beta", "Beta");
  EmailConnector alfa_mail(account("alfa"));
  EmailConnector beta_mail(account("beta"));
  TestPass pass;
  alfa_mail.sync_once(alfa.workspace, pass);
  beta_mail.sync_once(beta.workspace, pass);
  const std::size_t alfa_before = wait_for_mail("alfa", "INBOX", 0, std::chrono::seconds{0});
  const std::size_t beta_before = wait_for_mail("beta", "INBOX", 0, std::chrono::seconds{0});

  smtp_send(
      services.smtp(), "beta@kommune.test", {"alfa@kommune.test"},
      mail_text("beta@kommune.test", "alfa@kommune.test", "Frå Beta", "Hei Alfa",
                "loop-" + new_uuid() + "@kommune.test", "", "Mon, 23 Nov 2026 10:00:00 +0100"));
  BOOST_REQUIRE(wait_for_mail("alfa", "INBOX", alfa_before + 1) >= alfa_before + 1);
  std::size_t auto_replies = 0;
  for (int round = 0; round < 3; ++round) {
    alfa_mail.sync_once(alfa.workspace, pass);
    auto_replies += alfa_mail.last_report().auto_replies;
    wait_for_mail("beta", "INBOX", beta_before + 1, std::chrono::seconds{5});
    beta_mail.sync_once(beta.workspace, pass);
    auto_replies += beta_mail.last_report().auto_replies;
    wait_for_mail("alfa", "INBOX", alfa_before + 2, std::chrono::seconds{2});
  }
  BOOST_TEST(auto_replies == 1U);  // alfa answered beta's human mail once; beta stayed silent
  BOOST_TEST(wait_for_mail("alfa", "INBOX", 0, std::chrono::seconds{0}) == alfa_before + 1);
  BOOST_TEST(wait_for_mail("beta", "INBOX", 0, std::chrono::seconds{0}) == beta_before + 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(EmailHeavy)

BOOST_AUTO_TEST_CASE(a_25_mb_attachment_goes_into_the_blob_store) {
  const std::string folder = fresh_folder("post", "big");
  std::string data(25U * 1024U * 1024U, '\0');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>((i * 7919U) >> 3);
  // base64 by GMime through our own writer is not available here: encode by hand, 76 per line.
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string encoded;
  encoded.reserve(data.size() * 4 / 3 + data.size() / 38 + 8);
  std::size_t column = 0;
  for (std::size_t i = 0; i < data.size(); i += 3) {
    const auto byte = [&](std::size_t k) {
      return k < data.size() ? static_cast<unsigned char>(data[k]) : 0U;
    };
    const unsigned v = (byte(i) << 16U) | (byte(i + 1) << 8U) | byte(i + 2);
    encoded += kAlphabet[(v >> 18U) & 63U];
    encoded += kAlphabet[(v >> 12U) & 63U];
    encoded += i + 1 < data.size() ? kAlphabet[(v >> 6U) & 63U] : '=';
    encoded += i + 2 < data.size() ? kAlphabet[v & 63U] : '=';
    column += 4;
    if (column >= 76) {
      encoded += "\r\n";
      column = 0;
    }
  }
  const std::string mail =
      "From: c@citizen.test\r\nTo: post@kommune.test\r\nSubject: Teikningar\r\n"
      "Message-ID: <big-" +
      new_uuid() +
      "@citizen.test>\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
      "Vedlagt.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
      "Content-Disposition: attachment; filename*=utf-8''teikning%C3%A6.pdf\r\n\r\n" +
      encoded + "\r\n--b--\r\n";
  append_all("post", folder, {mail});
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_REQUIRE(connector.last_report().ingested == 1U);
  const auto id = m.workspace.store().search("Teikningar").at(0).summary.id;
  const auto conversation = m.workspace.store().conversation(id);
  const auto& received = std::get<MessageReceived>(conversation->timeline.at(0).event.payload);
  BOOST_REQUIRE(received.message.attachments.size() == 1U);
  const auto& attachment = received.message.attachments[0];
  BOOST_TEST(attachment.filename == "teikningæ.pdf");
  BOOST_TEST(attachment.size == data.size());
  BOOST_TEST(m.workspace.store().blob(attachment.blob).value_or("") == data);
}

BOOST_AUTO_TEST_CASE(a_mailbox_of_20000_messages) {
  const std::string folder = fresh_folder("post", "many");
  // Written straight into the Maildir (Dovecot indexes it on the first SELECT): appending 20 000
  // messages over IMAP would take most of the test's time.
  const auto& services = MailServices::get();
  const std::filesystem::path dir = std::filesystem::path(services.env.at("maildir")) / "post" /
                                    "Maildir" / ("." + folder) / "cur";
  std::filesystem::create_directories(dir);
  const auto messages = citizen_mails(0, 20000, "many-");
  for (std::size_t i = 0; i < messages.size(); ++i) {
    std::ofstream(dir / ("1700000000.M" + std::to_string(i) + "P1.samla:2,")) << messages[i];
  }
  BOOST_REQUIRE(run("chown -R --reference='" + services.env.at("maildir") + "/post' '" +
                    dir.parent_path().string() + "'") == 0);
  Municipality m("post");
  EmailAccount a = account("post", folder);
  a.auto_reply = false;
  EmailConnector connector(a);
  TestPass pass;
  connector.sync_once(m.workspace, pass);
  BOOST_TEST(connector.last_report().ingested == 20000U);
  BOOST_TEST(conversations(m.workspace) == 20000U);
  BOOST_TEST(m.workspace.store().search("Spørsmål 19999").size() >= 1U);
}

BOOST_AUTO_TEST_SUITE_END()
