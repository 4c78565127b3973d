#pragma once
// The real Dovecot and Postfix that tests/services/mail.sh started for this test run (a CTest
// fixture), and helpers to put mail into them and look at what arrived.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include "samla/sync/connector.h"
#include "samla/sync/email/imap_session.h"
#include "samla/sync/email/smtp_send.h"
#include "samla/sync/uuid.h"

namespace samla::test {

struct MailServices {
  std::map<std::string, std::string> env;

  static const MailServices& get() {
    static const MailServices services = [] {
      MailServices s;
      std::ifstream in(std::string(SAMLA_MAIL_SERVICES_DIR) + "/env");
      if (!in) throw std::runtime_error("the mail servers are not running (fixture missing)");
      std::string line;
      while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) s.env[line.substr(0, eq)] = line.substr(eq + 1);
      }
      return s;
    }();
    return services;
  }

  /// IMAP with STARTTLS (required), verified against the test CA.
  [[nodiscard]] MailServer imap(const std::string& user) const {
    return {"imap://127.0.0.1:" + env.at("imap") + "/",
            user,
            "secret",
            env.at("ca"),
            false,
            std::chrono::seconds{20}};
  }
  [[nodiscard]] MailServer imaps(const std::string& user) const {
    return {"imaps://127.0.0.1:" + env.at("imaps") + "/",
            user,
            "secret",
            env.at("ca"),
            false,
            std::chrono::seconds{20}};
  }
  /// Postfix on loopback, STARTTLS required, no login (a trusted relay for 127.0.0.0/8).
  [[nodiscard]] MailServer smtp() const {
    return {"smtp://127.0.0.1:" + env.at("smtp"),
            "",
            "",
            env.at("ca"),
            false,
            std::chrono::seconds{20}};
  }
  [[nodiscard]] std::string doveadm() const { return "doveadm -c " + env.at("dovecot_conf"); }
};

/// A pass that never stops and ignores progress.
struct TestPass : SyncPass {
  std::size_t last_done = 0;
  void progress(std::size_t done, std::size_t /*total*/) override { last_done = done; }
  [[nodiscard]] bool stop_requested() const override { return false; }
};

/// A plain message with the given ids; `extra` goes into the header.
inline std::string mail_text(const std::string& from, const std::string& to,
                             const std::string& subject, const std::string& body,
                             const std::string& message_id, const std::string& extra = "",
                             const std::string& date = "Fri, 20 Nov 2026 10:00:00 +0100") {
  return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: " + date +
         "\r\nMessage-ID: <" + message_id + ">\r\nMIME-Version: 1.0\r\n" +
         "Content-Type: text/plain; charset=utf-8\r\n" + extra + "\r\n" + body + "\r\n";
}

/// A fresh folder of `user` (unique name), so that tests do not see each other's mail.
inline std::string fresh_folder(const std::string& user, const std::string& prefix) {
  const std::string folder = prefix + "-" + new_uuid().substr(0, 8);
  ImapSession imap(MailServices::get().imap(user));
  imap.run("CREATE \"" + folder + "\"");
  imap.logout();
  return folder;
}

/// Waits (up to `limit`) until `user`'s `folder` holds at least `count` messages: Postfix
/// delivers asynchronously, so there is nothing to pump; this polls the real server.
inline std::size_t wait_for_mail(const std::string& user, const std::string& folder,
                                 std::size_t count,
                                 std::chrono::seconds limit = std::chrono::seconds{30}) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::size_t exists = 0;
  while (true) {
    ImapSession imap(MailServices::get().imap(user));
    imap.run("EXAMINE \"" + folder + "\"", [&](ImapResponse& r) {
      if (r.name == "EXISTS" && r.number) exists = *r.number;
    });
    imap.logout();
    if (exists >= count || std::chrono::steady_clock::now() > deadline) return exists;
    std::this_thread::sleep_for(std::chrono::milliseconds{200});
  }
}

/// The raw bodies of every message in `user`'s `folder`, in UID order.
inline std::vector<std::string> messages_in(const std::string& user, const std::string& folder) {
  std::vector<std::string> out;
  ImapSession imap(MailServices::get().imap(user));
  imap.run("EXAMINE \"" + folder + "\"");
  imap.run("UID FETCH 1:* (BODY.PEEK[])", [&](ImapResponse& r) {
    if (r.name != "FETCH" || r.data.empty()) return;
    if (const auto* body = r.data[0].find("BODY[]")) out.push_back(body->text);
  });
  imap.logout();
  return out;
}

/// Waits (up to `limit`) until a message of `user`'s `folder` contains `needle` (a Message-ID):
/// counting messages is not enough where Samla's own copies come and go in the same inbox.
inline bool wait_for_message(const std::string& user, const std::string& folder,
                             const std::string& needle,
                             std::chrono::seconds limit = std::chrono::seconds{30}) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (true) {
    for (const auto& text : messages_in(user, folder)) {
      if (text.find(needle) != std::string::npos) return true;
    }
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds{200});
  }
}

}  // namespace samla::test
