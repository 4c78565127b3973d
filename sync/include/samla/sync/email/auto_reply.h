#pragma once
// Whether a functional mailbox answers an incoming mail automatically (RFC 3834: never answer a
// machine, a list or ourselves; at most once per sender per period), and the words of the
// answer. The decision is a pure function of header facts; the words come from the workspace's
// auto-reply template (EmailConnector), an injected AutoReplyComposer, or the plain default here.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samla/models/message.h"
#include "samla/models/time.h"
#include "samla/templates/language.h"

namespace samla {

/// What the header of an incoming mail says about answering it.
struct AutoReplyHeaders {
  std::string from;                     // the From address
  std::string return_path;              // as written, "<>" for a bounce; empty when absent
  std::string auto_submitted;           // lower-case, e.g. "auto-replied"; empty when absent
  std::string precedence;               // lower-case
  bool list_header = false;             // any List-* header (List-Id, List-Unsubscribe, …)
  std::string suppress;                 // X-Auto-Response-Suppress, lower-case
  bool delivery_report = false;         // multipart/report (a bounce or read receipt)
  bool other_autoreply_marker = false;  // X-Autoreply, X-Autorespond
};

/// Reads the facts from the header section of raw RFC 5322 bytes (unfolding continuation lines).
[[nodiscard]] AutoReplyHeaders auto_reply_headers(std::string_view raw);

struct AutoReplyPolicy {
  std::vector<std::string> own_addresses;  // every functional mailbox of ours
  std::chrono::hours per_sender_period{24 * 7};
};

enum class AutoReplyVerdict {
  reply,
  bounce,             // empty Return-Path or a MAILER-DAEMON/postmaster sender, delivery report
  auto_submitted,     // Auto-Submitted other than "no", X-Autoreply
  bulk,               // Precedence bulk, list or junk
  mailing_list,       // a List-* header
  no_reply_address,   // noreply@, no-reply@, donotreply@ …
  own_address,        // one of our own mailboxes (two Samla instances must not loop)
  suppressed,         // X-Auto-Response-Suppress: All / AutoReply / OOF
  recently_answered,  // this sender got an auto-reply within the period
  no_sender,
};

/// Why not (or "reply"), for logs.
[[nodiscard]] std::string_view describe(AutoReplyVerdict verdict);

/// The decision: `last_auto_reply` is when this mailbox last auto-replied to the sender.
[[nodiscard]] AutoReplyVerdict decide_auto_reply(const AutoReplyHeaders& headers,
                                                 const AutoReplyPolicy& policy,
                                                 std::optional<Instant> last_auto_reply,
                                                 Instant now);

/// What the composer knows when it writes an auto-reply.
struct AutoReplyFacts {
  std::string subject;  // the citizen's subject
  Party citizen;
  std::string department;  // the owning department's name
  std::string mailbox;     // the functional address answering
  Instant deadline{};      // when the citizen can expect an answer
  Language language = Language::Nynorsk;
  const TimeZone* zone = nullptr;  // for writing the deadline; must be set
};

struct AutoReplyText {
  std::string subject;
  std::string body;
};

/// Writes the auto-reply instead of the workspace's template (tests, other front ends).
using AutoReplyComposer = std::function<AutoReplyText(const AutoReplyFacts&)>;

/// A short, clear text in nn/nb/en that states the deadline («… innan måndag 7. desember 2026
/// kl. 15:00»).
[[nodiscard]] AutoReplyText default_auto_reply(const AutoReplyFacts& facts);

}  // namespace samla
