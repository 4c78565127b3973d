#pragma once
// A functional mailbox as a Connector: new mail in the inbox (IMAP, BODY.PEEK so nothing is
// marked read) becomes MessageReceived events; a qualifying message is answered automatically
// with its deadline; replies queued by caseworkers go out by SMTP with a copy in Sent, exactly
// once even across crashes. Runs on one engine worker thread; holds one IMAP session.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "samla/models/conversation.h"
#include "samla/sync/connector.h"
#include "samla/sync/email/auto_reply.h"
#include "samla/sync/email/mail_server.h"
#include "samla/sync/email/outgoing_mail.h"

namespace samla {

class ImapSession;
struct ImapResponse;
class Store;

struct EmailAccount {
  std::string address;       // the functional mailbox, e.g. post@kommune.no
  std::string display_name;  // From: display name of our replies, e.g. "Kommunen, Byggesak"
  MailServer imap;
  MailServer smtp;
  std::string inbox = "INBOX";
  std::string sent = "Sent";
  bool auto_reply = true;
  AutoReplyPolicy auto_reply_policy;  // the account's own address is always counted as own
  std::size_t fetch_batch = 250;      // UIDs per UID FETCH
  bool qresync = true;  // use QRESYNC where offered; off for a server known to get it wrong
};

/// What the last sync_once did (for tests, logs and `samlactl sync`).
struct EmailSyncReport {
  std::size_t fetched = 0;
  std::size_t ingested = 0;
  std::size_t duplicates = 0;
  std::size_t auto_replies = 0;
  std::size_t replies_sent = 0;
  std::size_t replies_failed = 0;
  bool resynced = false;                   // UIDVALIDITY changed: the mailbox was read again
  bool qresync = false;                    // the inbox was selected with QRESYNC (RFC 7162)
  std::size_t vanished = 0;                // UIDs we had that are gone from the server
  std::size_t receipts = 0;                // our own copies of sent mail, seen and cleared
  std::vector<std::string> no_auto_reply;  // "sender: why not", for logs
  std::vector<std::string> problems;       // readable: what failed for one item (the rest went on)
};

class EmailConnector : public Connector {
 public:
  /// Without a composer, the workspace's active auto-reply template (what comms saved) writes
  /// the auto-reply; default_auto_reply() only when no template is active or it fails to render.
  explicit EmailConnector(EmailAccount account, AutoReplyComposer composer = {});
  ~EmailConnector() override;
  EmailConnector(const EmailConnector&) = delete;
  EmailConnector& operator=(const EmailConnector&) = delete;
  EmailConnector(EmailConnector&&) = delete;
  EmailConnector& operator=(EmailConnector&&) = delete;

  [[nodiscard]] std::string id() const override;
  [[nodiscard]] std::string label() const override;
  void sync_once(Workspace& workspace, SyncPass& pass) override;
  /// IMAP IDLE on the inbox.
  bool wait_for_change(std::chrono::milliseconds timeout, SyncPass& pass) override;

  [[nodiscard]] const EmailSyncReport& last_report() const { return report_; }

 private:
  ImapSession& session();
  void fetch_new(Workspace& workspace, SyncPass& pass);
  /// UID SEARCH (ESEARCH where offered) over `range`; `also` sees every untagged response.
  [[nodiscard]] std::vector<std::uint32_t> search_uids(
      const std::string& range, const std::function<void(const ImapResponse&)>& also);
  /// The inbox UIDs ingested and still on the server, sorted.
  [[nodiscard]] std::vector<std::uint32_t> known_uids(const Store& store, std::uint32_t last) const;
  /// Drops `vanished` from `known` and records them as gone in the sync state.
  void record_vanished(Store& store, std::vector<std::uint32_t>& known,
                       std::vector<std::uint32_t> vanished);
  /// True for our own copy of a message we sent (and marks its send as done).
  bool is_receipt(Store& store, const std::string& message_id);
  void clear_receipts(const std::vector<std::uint32_t>& uids);
  /// After a look into Sent: the inbox again. False when it was renumbered meanwhile.
  bool reselect_inbox(std::uint32_t validity);
  void send_queued(Workspace& workspace);
  void auto_reply(Workspace& workspace, const std::string& conversation_id,
                  const InboundMessage& message, const AutoReplyHeaders& headers,
                  const Party& reply_to);
  /// The injected composer's text, else the workspace's auto-reply template, else the default.
  [[nodiscard]] AutoReplyText compose(const Workspace& workspace, const Conversation& conversation,
                                      const AutoReplyFacts& facts);
  /// Sends `mail` exactly once (see the .cpp) and files a copy in Sent.
  void deliver(Workspace& workspace, const OutgoingMail& mail);
  [[nodiscard]] bool in_sent(const std::string& message_id);

  EmailAccount account_;
  AutoReplyComposer composer_;
  std::unique_ptr<ImapSession> session_;
  EmailSyncReport report_;
};

}  // namespace samla
