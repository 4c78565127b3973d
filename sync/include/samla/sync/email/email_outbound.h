#pragma once
// The team agent's outgoing email (HubAgent::set_auto_replies): whether a message the hub holds
// is answered automatically — the same rules as a solo mailbox (RFC 3834 header facts, read back
// from the mailbox it came to; once per sender per period; no answer to a mailbox's backlog) —
// and sending the auto-reply the agent has recorded in the hub, by SMTP with a copy in Sent.
// Replies written by caseworkers are not sent here: the agent's EmailConnector sends them.
// One agent thread; holds an IMAP session per mailbox.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "samla/sync/email/email_connector.h"
#include "samla/sync/hub_agent.h"

namespace samla {

class ImapSession;
class Store;

struct EmailOutboundOptions {
  /// Mail that was already older than this when the agent first considered it is backlog
  /// (a mailbox read for the first time): not answered, as a solo mailbox does not.
  std::chrono::hours backlog_age{72};
};

class EmailOutbound : public OutboundSender {
 public:
  /// Without a composer, the workspace's active auto-reply template writes the words.
  explicit EmailOutbound(std::vector<EmailAccount> accounts, AutoReplyComposer composer = {},
                         EmailOutboundOptions options = {});
  ~EmailOutbound() override;
  EmailOutbound(const EmailOutbound&) = delete;
  EmailOutbound& operator=(const EmailOutbound&) = delete;
  EmailOutbound(EmailOutbound&&) = delete;
  EmailOutbound& operator=(EmailOutbound&&) = delete;

  /// The agent's policy: the words of the auto-reply to `message`, or nothing (why: notes()).
  [[nodiscard]] std::optional<AutoReplyWords> decide(Workspace& workspace,
                                                     const Conversation& conversation,
                                                     const InboundMessage& message);
  void send_auto_reply(const Conversation& conversation, const InboundMessage& message,
                       const AutoReplySent& reply, const std::string& subject,
                       const std::string& event_id) override;

  /// Readable notes since the last call (not answered and why, a copy not filed), then cleared.
  [[nodiscard]] std::vector<std::string> take_notes();

 private:
  struct Pending {
    Party to;
    Instant date{};
  };
  [[nodiscard]] const EmailAccount* account_for(const InboundMessage& message) const;
  ImapSession& session(const EmailAccount& account);
  /// The header of `message` as the mailbox holds it; nullopt when it is not there any more.
  std::optional<std::string> header_of(const EmailAccount& account, const InboundMessage& message);

  std::vector<EmailAccount> accounts_;
  AutoReplyComposer composer_;
  EmailOutboundOptions options_;
  std::map<std::string, std::unique_ptr<ImapSession>> sessions_;  // by mailbox address
  std::map<std::string, Pending> pending_;                        // by answered external id
  std::vector<std::string> notes_;
};

/// The profile's email accounts with their passwords (what profile_channels reads); an account
/// whose password cannot be read is left out (profile_channels reports it).
[[nodiscard]] std::vector<EmailAccount> profile_email_accounts(const Store& store);

/// `outbound` as the agent's AutoReplyDecision.
[[nodiscard]] AutoReplyDecision auto_reply_decision(const std::shared_ptr<EmailOutbound>& outbound);

}  // namespace samla
