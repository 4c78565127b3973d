// The email connector's pass: fetch what is new, answer automatically, send what is queued.
// State that must survive a crash lives in the store's sync state under id(): UIDVALIDITY, the
// last UID ingested, the inbox UIDs we hold ("uids") and those gone from the server
// ("vanished"), HIGHESTMODSEQ, when each sender was last auto-answered, and where each outgoing
// Message-ID stands ("attempt" before SMTP, "done" once sent or proven sent, "filed" in Sent).
// Why sends are settled by a copy to our own address: README.md beside this file.
#include "samla/sync/email/email_connector.h"

#include <algorithm>
#include <charconv>
#include <exception>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>

#include "ascii_lower.h"
#include "samla/models/directory.h"
#include "samla/sync/email/imap_mailbox_name.h"
#include "samla/sync/email/imap_session.h"
#include "samla/sync/email/outgoing_mail.h"
#include "samla/sync/email/smtp_send.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/message_files.h"
#include "samla/sync/uuid.h"
#include "samla/sync/workspace.h"

namespace samla {
namespace {

template <class T>
std::optional<T> number(std::string_view text) {
  T value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || ptr != end || text.empty()) return std::nullopt;
  return value;
}

// A mailbox name from the account (UTF-8) as a quoted string in modified UTF-7.
std::string quoted_mailbox(std::string_view name) {
  std::optional<std::string> quoted;
  try {
    quoted = imap_quoted(imap_mailbox_name(name));
  } catch (const ImapMailboxNameError&) {
    quoted.reset();
  }
  SyncFailure::Kind kind;
  kind.retryable = false;  // the account's configuration must be corrected
  if (!quoted) throw SyncFailure("mailbox name '" + std::string(name) + "' cannot be used", kind);
  return *quoted;
}

ReadOptions read_options(Workspace& workspace) {
  ReadOptions read;
  read.local_zone = &workspace.zone();
  read.fallback_received_at = workspace.now();
  if (const auto routes = workspace.store().setting("mailbox_routes")) {
    const auto json = nlohmann::json::parse(*routes, nullptr, false);
    if (json.is_object()) {
      for (const auto& [address, department] : json.items()) {
        if (department.is_string())
          read.mailbox_routes.emplace(address, department.get<std::string>());
      }
    }
  }
  return read;
}

Event system_event(const std::string& conversation_id, const std::string& department, Instant at,
                   EventPayload payload) {
  return Event{new_uuid(),         conversation_id, std::string(kSystemActor), department, at,
               std::move(payload), std::nullopt};
}

constexpr int kMaxAttempts = 6;

}  // namespace

EmailConnector::EmailConnector(EmailAccount account, AutoReplyComposer composer)
    : account_(std::move(account)), composer_(std::move(composer)) {
  account_.auto_reply_policy.own_addresses.push_back(account_.address);
}

EmailConnector::~EmailConnector() {
  if (session_) session_->logout();
}

std::string EmailConnector::id() const { return "imap:" + ascii_lower(account_.address); }
std::string EmailConnector::label() const { return account_.address; }

ImapSession& EmailConnector::session() {
  if (!session_) session_ = std::make_unique<ImapSession>(account_.imap);
  return *session_;
}

void EmailConnector::sync_once(Workspace& workspace, SyncPass& pass) {
  report_ = {};
  try {
    fetch_new(workspace, pass);
    if (!pass.stop_requested()) send_queued(workspace);
  } catch (...) {
    session_.reset();  // reconnect on the next pass
    throw;
  }
}

bool EmailConnector::wait_for_change(std::chrono::milliseconds timeout, SyncPass& pass) {
  try {
    auto& imap = session();
    if (!imap.has_capability("IDLE")) return false;
    imap.run("SELECT " + quoted_mailbox(account_.inbox));
    imap.idle(timeout, [&pass] { return pass.stop_requested(); });
    return true;
  } catch (const std::exception&) {
    session_.reset();
    return false;  // the engine falls back to its poll interval
  }
}

void EmailConnector::fetch_new(Workspace& workspace, SyncPass& pass) {
  auto& imap = session();
  Store& store = workspace.store();
  const std::string key = id();
  const bool condstore = imap.has_capability("CONDSTORE");
  // QRESYNC (RFC 7162): the SELECT itself reports what was expunged since our last pass.
  const bool qresync = account_.qresync && imap.has_capability("QRESYNC") && imap.enable("QRESYNC");
  const auto stored_validity = store.sync_state(key, "uidvalidity");
  const std::string stored_modseq = store.sync_state(key, "highestmodseq").value_or("");
  std::uint32_t last =
      number<std::uint32_t>(store.sync_state(key, "last_uid").value_or("0")).value_or(0);
  std::vector<std::uint32_t> known = known_uids(store, last);

  std::string select = "SELECT " + quoted_mailbox(account_.inbox);
  if (qresync && stored_validity && !stored_modseq.empty()) {
    // Our known UIDs narrow the server's answer; a long, fragmented set is replaced by its span.
    std::string set = imap_sequence_set(known);
    if (set.size() > 4000) set = "1:" + std::to_string(known.back());
    select += " (QRESYNC (" + *stored_validity + " " + stored_modseq +
              (set.empty() ? "" : " " + set) + "))";
    report_.qresync = true;
  } else if (condstore) {
    select += " (CONDSTORE)";
  }
  std::uint32_t validity = 0;
  std::uint32_t uidnext = 0;
  std::uint64_t exists = 0;
  std::string highest;
  std::vector<std::uint32_t> vanished;  // reported by VANISHED, this pass
  const auto note_vanished = [&](const ImapResponse& r) {
    if (auto gone = imap_vanished(r))
      vanished.insert(vanished.end(), gone->uids.begin(), gone->uids.end());
  };
  imap.run(select, [&](ImapResponse& r) {
    note_vanished(r);
    if (r.number && r.name == "EXISTS") exists = *r.number;
    if (r.status != "OK" || r.code.size() < 2) return;
    if (r.code[0] == "UIDVALIDITY") validity = number<std::uint32_t>(r.code[1]).value_or(0);
    if (r.code[0] == "UIDNEXT") uidnext = number<std::uint32_t>(r.code[1]).value_or(0);
    if (r.code[0] == "HIGHESTMODSEQ") highest = r.code[1];
  });
  bool first_read = false;
  if (!stored_validity || *stored_validity != std::to_string(validity)) {
    // A new mailbox, or the server renumbered it: read it again. Ingest is idempotent on the
    // Message-ID, so what was already stored is recognised, not duplicated.
    report_.resynced = stored_validity.has_value();
    report_.qresync = false;  // the server ignored our QRESYNC data (RFC 7162 §3.2.5)
    // The first read of a mailbox finds its backlog: that mail is not answered automatically
    // (it may be weeks old, and may have been answered by hand already).
    first_read = !stored_validity.has_value();
    last = 0;
    known.clear();
    vanished.clear();
    store.set_sync_state(key, "uidvalidity", std::to_string(validity));
    store.set_sync_state(key, "last_uid", "0");
    store.set_sync_state(key, "uids", "");
    store.set_sync_state(key, "vanished", "");
    store.set_sync_state(key, "highestmodseq", "");
  } else if (!highest.empty() && stored_modseq == highest) {
    return;  // CONDSTORE/QRESYNC: nothing at all changed since the last pass
  }

  // Which UIDs are there: with QRESYNC only the new ones (VANISHED told us what went); without
  // it all of them, and what we knew but the server no longer has went away.
  const bool all = !report_.qresync && !known.empty();
  std::vector<std::uint32_t> uids;
  if (exists > 0 && (all || uidnext == 0 || uidnext > last + 1)) {
    const std::string range = "UID " + std::string(all ? "1" : std::to_string(last + 1)) + ":*";
    uids = search_uids(range, note_vanished);
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  if (all) {
    std::vector<std::uint32_t> gone;
    std::set_difference(known.begin(), known.end(), uids.begin(), uids.end(),
                        std::back_inserter(gone));
    vanished.insert(vanished.end(), gone.begin(), gone.end());
  }
  record_vanished(store, known, vanished);
  // "n:*" always matches the highest UID, even when it is below n.
  std::erase_if(uids, [last](std::uint32_t uid) { return uid <= last; });

  const ReadOptions read = read_options(workspace);
  const std::string fallback = store.setting("default_department").value_or("");
  const std::size_t batch = std::max<std::size_t>(1, account_.fetch_batch);
  bool left_inbox = false;  // an auto-reply looked in Sent (EXAMINE) during the last batch
  for (std::size_t start = 0; start < uids.size(); start += batch) {
    if (pass.stop_requested()) return;
    if (left_inbox && !reselect_inbox(validity)) return;  // renumbered: the next pass re-reads
    left_inbox = false;
    const std::vector<std::uint32_t> chunk(
        uids.begin() + static_cast<std::ptrdiff_t>(start),
        uids.begin() + static_cast<std::ptrdiff_t>(std::min(uids.size(), start + batch)));
    std::vector<InboundMessage> messages;
    std::vector<std::vector<AttachmentBytes>> bytes;
    std::vector<AutoReplyHeaders> headers;
    std::vector<Party> reply_to;
    std::vector<std::uint32_t> fetched;
    std::vector<std::uint32_t> receipts;
    imap.run("UID FETCH " + imap_sequence_set(chunk) + " (UID BODY.PEEK[])", [&](ImapResponse& r) {
      note_vanished(r);
      if (r.name != "FETCH" || r.data.size() != 1) return;
      const ImapValue* uid = r.data[0].find("UID");
      const ImapValue* body = r.data[0].find("BODY[]");
      if (uid == nullptr || body == nullptr || body->kind != ImapValue::Kind::string) return;
      if (uid->kind != ImapValue::Kind::number || uid->number == 0 || uid->number > 0xffffffffU)
        return;
      ParsedMessage parsed = parse_mime(body->text, read);
      const auto uid32 = static_cast<std::uint32_t>(uid->number);
      if (is_receipt(store, parsed.message.external_id)) {
        receipts.push_back(uid32);
        return;
      }
      fetched.push_back(uid32);
      if (parsed.message.department.empty()) parsed.message.department = fallback;
      headers.push_back(auto_reply_headers(body->text));
      reply_to.push_back(parsed.reply_to);
      messages.push_back(std::move(parsed.message));
      bytes.push_back(std::move(parsed.attachments));
    });
    report_.fetched += messages.size();
    const auto results = store.ingest_batch(messages, bytes);
    known.insert(known.end(), fetched.begin(), fetched.end());
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    store.set_sync_state(key, "uids", imap_sequence_set(known));
    store.set_sync_state(key, "last_uid", std::to_string(chunk.back()));
    clear_receipts(receipts);
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (results[i].duplicate) {
        ++report_.duplicates;
        continue;
      }
      ++report_.ingested;
      if (first_read || !account_.auto_reply) continue;
      left_inbox = true;
      auto_reply(workspace, results[i].conversation_id, messages[i], headers[i], reply_to[i]);
    }
    pass.progress(std::min(uids.size(), start + batch), uids.size());
  }
  if (!highest.empty()) store.set_sync_state(key, "highestmodseq", highest);
}

bool EmailConnector::reselect_inbox(std::uint32_t validity) {
  std::uint32_t again = 0;
  session().run("SELECT " + quoted_mailbox(account_.inbox), [&](ImapResponse& r) {
    if (r.status == "OK" && r.code.size() >= 2 && r.code[0] == "UIDVALIDITY")
      again = number<std::uint32_t>(r.code[1]).value_or(0);
  });
  return again == validity;
}

std::vector<std::uint32_t> EmailConnector::search_uids(
    const std::string& range, const std::function<void(const ImapResponse&)>& also) {
  auto& imap = session();
  std::vector<std::uint32_t> uids;
  if (imap.has_capability("ESEARCH")) {
    imap.run("UID SEARCH RETURN (ALL) " + range, [&](ImapResponse& r) {
      also(r);
      if (r.name != "ESEARCH") return;
      for (std::size_t i = 0; i + 1 < r.data.size(); ++i) {
        if (r.data[i].is_atom("ALL")) uids = parse_imap_sequence_set(r.data[i + 1].text);
      }
    });
  } else {
    imap.run("UID SEARCH " + range, [&](ImapResponse& r) {
      also(r);
      if (r.name != "SEARCH") return;
      for (const auto& value : r.data) {
        if (value.kind == ImapValue::Kind::number)
          uids.push_back(static_cast<std::uint32_t>(value.number));
      }
    });
  }
  return uids;
}

std::vector<std::uint32_t> EmailConnector::known_uids(const Store& store,
                                                      std::uint32_t last) const {
  const auto stored = store.sync_state(id(), "uids");
  // A profile from before UIDs were kept: everything up to the last UID counts as known.
  if (!stored)
    return last == 0 ? std::vector<std::uint32_t>{}
                     : parse_imap_sequence_set("1:" + std::to_string(last));
  if (stored->empty()) return {};
  try {
    return parse_imap_sequence_set(*stored);
  } catch (const ImapParseError&) {
    return last == 0 ? std::vector<std::uint32_t>{}
                     : parse_imap_sequence_set("1:" + std::to_string(last));
  }
}

void EmailConnector::record_vanished(Store& store, std::vector<std::uint32_t>& known,
                                     std::vector<std::uint32_t> vanished) {
  std::sort(vanished.begin(), vanished.end());
  vanished.erase(std::unique(vanished.begin(), vanished.end()), vanished.end());
  // Only UIDs we had: a server may name UIDs we never saw (RFC 7162 §3.2.10).
  std::vector<std::uint32_t> ours;
  std::set_intersection(vanished.begin(), vanished.end(), known.begin(), known.end(),
                        std::back_inserter(ours));
  if (ours.empty()) return;
  const std::string key = id();
  std::vector<std::uint32_t> left;
  std::set_difference(known.begin(), known.end(), ours.begin(), ours.end(),
                      std::back_inserter(left));
  known = std::move(left);
  std::vector<std::uint32_t> gone;
  if (const auto stored = store.sync_state(key, "vanished"); stored && !stored->empty()) {
    try {
      gone = parse_imap_sequence_set(*stored);
    } catch (const ImapParseError&) {
      gone.clear();  // a broken record is rebuilt from what we learn now
    }
  }
  gone.insert(gone.end(), ours.begin(), ours.end());
  std::sort(gone.begin(), gone.end());
  gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
  // The messages' conversations stay (they are the municipality's record); the sync state
  // knows the UIDs are gone, so they are never asked for again.
  store.set_sync_state(key, "uids", imap_sequence_set(known));
  store.set_sync_state(key, "vanished", imap_sequence_set(gone));
  report_.vanished += ours.size();
}

bool EmailConnector::is_receipt(Store& store, const std::string& message_id) {
  // Every message we send also goes to our own address in the same SMTP transaction (see
  // deliver()); its arrival proves the transaction was committed.
  if (message_id.rfind("samla-", 0) != 0) return false;
  const std::string state_key = "send:" + message_id;
  const auto state = store.sync_state(id(), state_key);
  if (!state) return false;
  if (*state == "attempt" || state->empty()) store.set_sync_state(id(), state_key, "done");
  ++report_.receipts;
  return true;
}

void EmailConnector::clear_receipts(const std::vector<std::uint32_t>& uids) {
  if (uids.empty()) return;
  auto& imap = session();
  const std::string set = imap_sequence_set(uids);
  // Out of the shared inbox: the copy in Sent is the one people read.
  if (imap.has_capability("UIDPLUS")) {
    imap.run("UID STORE " + set + " +FLAGS.SILENT (\\Seen \\Deleted)");
    imap.run("UID EXPUNGE " + set);
  } else {
    imap.run("UID STORE " + set + " +FLAGS.SILENT (\\Seen)");
  }
}

void EmailConnector::auto_reply(Workspace& workspace, const std::string& conversation_id,
                                const InboundMessage& message, const AutoReplyHeaders& headers,
                                const Party& reply_to) {
  if (!account_.auto_reply) return;
  Store& store = workspace.store();
  const std::string key = id();
  const std::string sender =
      ascii_lower(headers.from.empty() ? message.from.address : headers.from);
  std::optional<Instant> last;
  if (const auto at = store.sync_state(key, "autoreply:" + sender)) last = parse_iso8601(*at);
  const Instant now = workspace.now();
  if (const auto verdict = decide_auto_reply(headers, account_.auto_reply_policy, last, now);
      verdict != AutoReplyVerdict::reply) {
    report_.no_auto_reply.push_back(sender + ": " + std::string(describe(verdict)));
    return;
  }
  const auto conversation = store.conversation(conversation_id);
  if (!conversation) return;
  for (const auto& entry : conversation->timeline) {
    const auto* sent = std::get_if<AutoReplySent>(&entry.event.payload);
    if (sent != nullptr && sent->in_reply_to == message.external_id) return;
  }
  const auto deadline = workspace.rules().deadline_of(*conversation);
  if (!deadline) {
    report_.problems.push_back("no auto-reply to " + sender + ": the conversation has no deadline");
    return;
  }
  const Directory directory = workspace.directory();
  const Department* department = directory.department(conversation->owner_department);
  AutoReplyFacts facts;
  facts.subject = message.subject;
  facts.citizen = message.from;
  facts.department = department != nullptr ? department->name : conversation->owner_department;
  facts.mailbox = account_.address;
  facts.deadline = *deadline;
  facts.language = language_from_code(message.language).value_or(Language::Nynorsk);
  facts.zone = &workspace.zone();
  const AutoReplyText text = compose(workspace, *conversation, facts);

  OutgoingMail mail;
  mail.from = Party{account_.display_name, account_.address};
  mail.to = {reply_to.address.empty() ? message.from : reply_to};
  mail.subject = text.subject;
  mail.body = text.body;
  mail.message_id = stable_message_id("auto:" + message.external_id, account_.address);
  std::vector<std::string> thread(message.references.rbegin(), message.references.rend());
  thread.push_back(message.external_id);
  mail.references = thread_references(thread);
  mail.date = now;
  mail.automatic = true;
  try {
    deliver(workspace, mail);
  } catch (const SyncFailure& failure) {
    // An auto-reply is a courtesy: a failed one is not retried into a late one.
    report_.problems.push_back("auto-reply to " + sender + " failed: " + failure.what());
    return;
  }
  store.set_sync_state(key, "autoreply:" + sender, to_iso8601(now));
  store.append(
      std::vector<Event>{system_event(conversation_id, conversation->owner_department, now,
                                      AutoReplySent{message.external_id, text.body, *deadline})});
  ++report_.auto_replies;
}

AutoReplyText EmailConnector::compose(const Workspace& workspace, const Conversation& conversation,
                                      const AutoReplyFacts& facts) {
  if (composer_) return composer_(facts);
  try {
    if (auto rendered = workspace.render_auto_reply(conversation)) {
      return AutoReplyText{std::move(rendered->subject), std::move(rendered->body)};
    }
  } catch (const std::exception& e) {
    // The citizen still learns the deadline; the broken template is reported.
    report_.problems.push_back(std::string("the auto-reply template could not be written: ") +
                               e.what());
  }
  return default_auto_reply(facts);
}

bool EmailConnector::in_sent(const std::string& message_id) {
  auto& imap = session();
  bool found = false;
  imap.run("EXAMINE " + quoted_mailbox(account_.sent));
  const auto quoted = imap_quoted("<" + message_id + ">");
  if (!quoted) return false;
  imap.run("UID SEARCH HEADER Message-ID " + *quoted, [&](ImapResponse& r) {
    if (r.name == "SEARCH" && !r.data.empty()) found = true;
  });
  return found;
}

void EmailConnector::deliver(Workspace& workspace, const OutgoingMail& mail) {
  Store& store = workspace.store();
  const std::string key = id();
  const std::string state_key = "send:" + mail.message_id;
  const auto state = store.sync_state(key, state_key);
  const std::string bytes = render_mail(mail);
  // "attempt": an earlier pass crashed or lost the connection after DATA; it may have gone out.
  // A copy in Sent (ours from a pass that got further, or the server's own) says it did. No
  // state at all: in a team, another agent may have sent it before it died; Sent says that too.
  const bool already_sent =
      state == "done" || ((!state || state == "attempt") && in_sent(mail.message_id));
  if (!already_sent) {
    store.set_sync_state(key, state_key, "attempt");
    std::vector<std::string> recipients;
    for (const auto& to : mail.to) recipients.push_back(to.address);
    // The same transaction delivers a copy to our own mailbox (envelope only; no header
    // names it): SMTP commits all recipients or none, so that copy arriving proves the
    // citizen's was accepted too. It settles a send whose answer to DATA was lost.
    recipients.push_back(account_.address);
    try {
      smtp_send(account_.smtp, account_.address, recipients, bytes);
    } catch (const SmtpFailure& failure) {
      if (!failure.maybe_delivered()) store.set_sync_state(key, state_key, "");
      throw;
    }
    store.set_sync_state(key, state_key, "done");
  }
  if (!in_sent(mail.message_id)) session().append(account_.sent, "(\\Seen)", bytes);
  store.set_sync_state(key, state_key, "filed");
}

void EmailConnector::send_queued(Workspace& workspace) {
  Store& store = workspace.store();
  const std::string key = id();
  const Instant now = workspace.now();
  for (const auto& queued : store.queued_replies(Channel::Email)) {
    const auto conversation = store.conversation(queued.conversation_id);
    if (!conversation) continue;
    // Only replies of conversations that came in through this mailbox.
    bool ours = false;
    std::vector<std::string> thread;
    for (const auto& entry : conversation->timeline) {
      const auto* received = std::get_if<MessageReceived>(&entry.event.payload);
      if (received == nullptr) continue;
      thread.push_back(received->message.external_id);
      for (const auto& to : received->message.to)
        ours = ours || ascii_lower(to.address) == ascii_lower(account_.address);
    }
    if (!ours) continue;
    const ReplyQueued& reply = queued.reply();
    if (reply.channel && *reply.channel != Channel::Email) continue;  // e.g. an SMS to the citizen
    const std::string attempts_key = "attempts:" + reply.reply_id;
    const std::string next_key = "next_attempt:" + reply.reply_id;
    if (const auto next = store.sync_state(key, next_key); next && !next->empty()) {
      if (const auto at = parse_iso8601(*next); at && *at > now) continue;  // backing off
    }
    OutgoingMail mail;
    mail.from = Party{account_.display_name, account_.address};
    mail.to = reply.to.empty() ? std::vector<Party>{conversation->citizen} : reply.to;
    mail.subject = reply.subject;
    mail.body = reply.text;
    mail.message_id = stable_message_id("reply:" + reply.reply_id, account_.address);
    mail.references = thread_references(thread);
    mail.date = queued.event.at;
    try {
      deliver(workspace, mail);
    } catch (const SyncFailure& failure) {
      const int attempts =
          number<int>(store.sync_state(key, attempts_key).value_or("0")).value_or(0) + 1;
      store.set_sync_state(key, attempts_key, std::to_string(attempts));
      if (!failure.retryable() || attempts >= kMaxAttempts) {
        store.append(
            std::vector<Event>{system_event(queued.conversation_id, conversation->owner_department,
                                            now, ReplyFailed{reply.reply_id, failure.what()})});
        ++report_.replies_failed;
      } else {
        // Back off: 1, 2, 4, 8, 16 minutes.
        store.set_sync_state(key, next_key,
                             to_iso8601(now + std::chrono::minutes(1 << (attempts - 1))));
      }
      continue;
    }
    store.append(
        std::vector<Event>{system_event(queued.conversation_id, conversation->owner_department, now,
                                        ReplySent{reply.reply_id, mail.message_id})});
    ++report_.replies_sent;
  }
}

}  // namespace samla
