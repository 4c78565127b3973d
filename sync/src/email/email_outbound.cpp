// The agent's auto-replies by email. The decision reads the header facts back from the mailbox
// (the hub holds the message as InboundMessage, without the header lines RFC 3834 looks at), so
// any agent — also a standby that did not ingest the message — decides the same way.
#include "samla/sync/email/email_outbound.h"

#include <algorithm>

#include "ascii_lower.h"
#include "samla/models/directory.h"
#include "samla/sync/email/email_accounts.h"
#include "samla/sync/email/imap_response.h"
#include "samla/sync/email/imap_session.h"
#include "samla/sync/email/outgoing_mail.h"
#include "samla/sync/email/smtp_send.h"
#include "samla/sync/message_files.h"
#include "samla/sync/store.h"
#include "samla/sync/workspace.h"

namespace samla {
namespace {

// References for an answer to `message`: its thread, then the message itself.
std::vector<std::string> thread_of(const InboundMessage& message) {
  std::vector<std::string> ids(message.references.rbegin(), message.references.rend());
  ids.push_back(message.external_id);
  return thread_references(ids);
}

// When `sender` was last answered automatically, as far as the agent's store (all of the hub)
// knows: the once-per-period rule holds across agents and failovers.
std::optional<Instant> last_auto_reply_to(const Store& store, const std::string& sender) {
  std::optional<Instant> last;
  for (const auto& hit : store.search(sender, 200)) {
    const auto conversation = store.conversation(hit.summary.id);
    if (!conversation) continue;
    std::map<std::string, std::string> senders;  // external id -> sender
    for (const auto& entry : conversation->timeline) {
      if (const auto* received = std::get_if<MessageReceived>(&entry.event.payload)) {
        senders[received->message.external_id] = ascii_lower(received->message.from.address);
      } else if (const auto* sent = std::get_if<AutoReplySent>(&entry.event.payload)) {
        const auto from = senders.find(sent->in_reply_to);
        if (from != senders.end() && from->second == sender && (!last || entry.event.at > *last))
          last = entry.event.at;
      }
    }
  }
  return last;
}

}  // namespace

EmailOutbound::EmailOutbound(std::vector<EmailAccount> accounts, AutoReplyComposer composer,
                             EmailOutboundOptions options)
    : accounts_(std::move(accounts)), composer_(std::move(composer)), options_(options) {
  for (auto& account : accounts_) {
    for (const auto& other : accounts_)
      account.auto_reply_policy.own_addresses.push_back(other.address);
  }
}

EmailOutbound::~EmailOutbound() {
  for (auto& [address, imap] : sessions_) imap->logout();
}

std::vector<std::string> EmailOutbound::take_notes() {
  std::vector<std::string> out;
  out.swap(notes_);
  return out;
}

const EmailAccount* EmailOutbound::account_for(const InboundMessage& message) const {
  if (message.channel != Channel::Email) return nullptr;
  for (const auto& to : message.to) {
    for (const auto& account : accounts_) {
      if (ascii_lower(to.address) == ascii_lower(account.address)) return &account;
    }
  }
  return nullptr;
}

ImapSession& EmailOutbound::session(const EmailAccount& account) {
  auto& imap = sessions_[account.address];
  if (!imap) imap = std::make_unique<ImapSession>(account.imap);
  return *imap;
}

std::optional<std::string> EmailOutbound::header_of(const EmailAccount& account,
                                                    const InboundMessage& message) {
  const auto mailbox = imap_quoted(account.inbox);
  const auto id = imap_quoted("<" + message.external_id + ">");
  if (!mailbox || !id || message.external_id.rfind("sha256:", 0) == 0) return std::nullopt;
  try {
    auto& imap = session(account);
    imap.run("EXAMINE " + *mailbox);
    std::string uid;
    imap.run("UID SEARCH HEADER Message-ID " + *id, [&](ImapResponse& r) {
      if (r.name == "SEARCH" && !r.data.empty() && r.data[0].kind == ImapValue::Kind::number)
        uid = std::to_string(r.data[0].number);
    });
    if (uid.empty()) return std::nullopt;
    std::optional<std::string> header;
    imap.run("UID FETCH " + uid + " (UID BODY.PEEK[HEADER])", [&](ImapResponse& r) {
      if (r.name != "FETCH" || r.data.size() != 1) return;
      const ImapValue* value = r.data[0].find("BODY[HEADER]");
      if (value != nullptr && value->kind == ImapValue::Kind::string) header = value->text;
    });
    return header;
  } catch (...) {
    sessions_.erase(account.address);  // reconnect next time
    throw;
  }
}

std::optional<AutoReplyWords> EmailOutbound::decide(Workspace& workspace,
                                                    const Conversation& conversation,
                                                    const InboundMessage& message) {
  const EmailAccount* account = account_for(message);
  if (account == nullptr || !account->auto_reply) return std::nullopt;
  const Instant now = workspace.now();
  const std::string who = message.from.address;
  if (message.received_at + options_.backlog_age < now) {
    notes_.push_back(who + ": " + "received before the mailbox was read (backlog)");
    return std::nullopt;
  }
  // The facts as the mailbox has them; a message no longer there is judged by its sender only.
  const auto header = header_of(*account, message);
  AutoReplyHeaders facts = header ? auto_reply_headers(*header) : AutoReplyHeaders{};
  Party reply_to;
  if (header) reply_to = parse_mime(*header + "\r\n").reply_to;
  if (facts.from.empty()) facts.from = message.from.address;
  const std::string sender = ascii_lower(facts.from);
  const auto last = last_auto_reply_to(workspace.store(), sender);
  if (const auto verdict = decide_auto_reply(facts, account->auto_reply_policy, last, now);
      verdict != AutoReplyVerdict::reply) {
    notes_.push_back(sender + ": " + std::string(describe(verdict)));
    return std::nullopt;
  }
  const auto deadline = workspace.rules().deadline_of(conversation);
  if (!deadline) {
    notes_.push_back(sender + ": the conversation has no deadline");
    return std::nullopt;
  }
  AutoReplyText text;
  const Directory directory = workspace.directory();
  const Department* department = directory.department(conversation.owner_department);
  AutoReplyFacts words;
  words.subject = message.subject;
  words.citizen = message.from;
  words.department = department != nullptr ? department->name : conversation.owner_department;
  words.mailbox = account->address;
  words.deadline = *deadline;
  words.language = language_from_code(message.language).value_or(Language::Nynorsk);
  words.zone = &workspace.zone();
  if (composer_) {
    text = composer_(words);
  } else {
    try {
      if (auto rendered = workspace.render_auto_reply(conversation)) {
        text = AutoReplyText{std::move(rendered->subject), std::move(rendered->body)};
      } else {
        text = default_auto_reply(words);
      }
    } catch (const std::exception& e) {
      // The citizen still learns the deadline; the broken template is reported.
      notes_.push_back(std::string("the auto-reply template could not be written: ") + e.what());
      text = default_auto_reply(words);
    }
  }
  pending_[message.external_id] = Pending{reply_to.address.empty() ? message.from : reply_to, now};
  return AutoReplyWords{std::move(text.subject), std::move(text.body)};
}

void EmailOutbound::send_auto_reply(const Conversation& conversation, const InboundMessage& message,
                                    const AutoReplySent& reply, const std::string& subject,
                                    const std::string& event_id) {
  const EmailAccount* account = account_for(message);
  if (account == nullptr) {
    throw SyncFailure("no mailbox of this agent received " + message.external_id, {});
  }
  Pending pending{
      conversation.citizen.address.empty() ? message.from : conversation.citizen,
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())};
  if (const auto it = pending_.find(message.external_id); it != pending_.end()) {
    pending = it->second;
    pending_.erase(it);
  }
  OutgoingMail mail;
  mail.from = Party{account->display_name, account->address};
  mail.to = {pending.to};
  mail.subject = subject;
  mail.body = reply.text;
  mail.message_id = stable_message_id("auto:" + event_id, account->address);
  mail.references = thread_of(message);
  mail.date = pending.date;
  mail.automatic = true;
  const std::string bytes = render_mail(mail);
  smtp_send(account->smtp, account->address, {pending.to.address}, bytes);
  try {
    (void)session(*account).append(account->sent, "(\\Seen)", bytes);
  } catch (const std::exception& e) {
    sessions_.erase(account->address);
    notes_.push_back("auto-reply to " + pending.to.address + " sent, no copy in " + account->sent +
                     ": " + e.what());
  }
}

std::vector<EmailAccount> profile_email_accounts(const Store& store) {
  std::vector<EmailAccount> accounts;
  for (const auto& settings : email_accounts(store)) {
    try {
      auto credentials = credentials_for(settings);
      accounts.push_back(to_email_account(settings, *credentials));
    } catch (const std::exception&) {
      // profile_channels reports the account (same settings, same credentials).
    }
  }
  return accounts;
}

AutoReplyDecision auto_reply_decision(const std::shared_ptr<EmailOutbound>& outbound) {
  return [outbound](Workspace& workspace, const Conversation& conversation,
                    const InboundMessage& message) {
    return outbound->decide(workspace, conversation, message);
  };
}

}  // namespace samla
