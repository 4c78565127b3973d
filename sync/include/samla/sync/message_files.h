#pragma once
// Citizens' messages read from files and raw MIME into normalised InboundMessages: .eml (one RFC
// 5322 message), mbox, and JSON (the folder import, the demo data; the email connector reuses
// parse_mime). Everything read is untrusted: a broken item becomes a FileProblem or a warning on
// its message, never an exception, and the file's other items are still read. Pure functions of
// their input; safe on any thread (each call owns its GMime objects).
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samla/models/message.h"
#include "samla/models/time.h"
#include "samla/sync/store.h"

namespace samla {

/// One message read, with the bytes of its attachments (same order as message.attachments) and
/// what an email says about answering it that InboundMessage does not carry.
struct ParsedMessage {
  InboundMessage message;
  std::vector<AttachmentBytes> attachments;
  // Email: where a reply should go when it is not `from` (Reply-To); empty otherwise.
  Party reply_to;
  // Email: written by a machine (RFC 3834 Auto-Submitted, Precedence bulk/list/junk, List-Id, a
  // delivery report, an empty Return-Path). Auto-replies must never answer such a message.
  bool automated = false;
};

/// An item of a file that could not be read at all (its other items still were).
struct FileProblem {
  std::filesystem::path file;
  std::string item;   // "message 3" (mbox, JSON array), "message 3 (line 7)" (JSON Lines);
                      // empty: the whole file
  std::string error;  // readable text, e.g. "missing field 'received_at'"
  // "file: item: error", for logs and the command line.
  [[nodiscard]] std::string describe() const;
};

/// What a file (or folder) held: the messages read and the items that could not be read.
struct ReadResult {
  std::vector<ParsedMessage> messages;
  std::vector<FileProblem> problems;
};

/// Functional mailbox address (compared case-insensitively) to department id, e.g.
/// "byggesak@eksempel.kommune.no" -> "byggesak": how email is routed to its owning department.
using MailboxRoutes = std::map<std::string, std::string, std::less<>>;

/// How to read. The defaults are right for real input; the demo import sets `now`.
struct ReadOptions {
  // Zone of times written without an offset (JSON received_at). Unset: Europe/Oslo from the OS
  // tz database. Must outlive the call.
  const TimeZone* local_zone = nullptr;
  // Reference time for the demo files' relative times: JSON `received_ago` ("3d4h") and the
  // header `X-Samla-Demo-Received-Ago`. Unset (real imports and connectors), neither is
  // honoured, so nobody outside can set a message's time that way.
  std::optional<Instant> now;
  // received_at of an email whose Date header is missing or unreadable (a warning says so).
  // Unset: the file's modification time, else `now`, else the system clock.
  std::optional<Instant> fallback_received_at;
  // Email whose department is empty gets the department of its first To/Cc address found here.
  MailboxRoutes mailbox_routes;
};

/// Parses one RFC 5322 message (an .eml file, an IMAP FETCH of BODY[]). The best readable message
/// is always returned; what could not be read cleanly is listed in message.warnings.
///  - external_id: the Message-ID without <>; without one "sha256:<hex of the raw bytes>".
///  - references: In-Reply-To, then References newest first; thread_key stays empty (threading by
///    references is the store's job); department from options.mailbox_routes, else empty.
///  - to: the To addresses, then Cc.
///  - body_text: text/plain preferred, else text/html reduced to text; all text parts of a
///    multipart/mixed are joined.
///  - A forwarded message (message/rfc822, message/global) is both: its text is appended to the
///    body under a "Forwarded message" header block (so it is shown and searched), and its raw
///    bytes are kept as one attachment "<subject>.eml" (so nothing of the original is lost, and
///    parse_mime can open it later). Its own attachments stay inside that .eml.
[[nodiscard]] ParsedMessage parse_mime(std::string_view raw, const ReadOptions& options = {});

/// Reads one file, choosing the format by content and extension: mbox (".mbox", or any file
/// starting with "From "), JSON (".json", ".jsonl", ".ndjson", or content starting with '{' or
/// '['), else one RFC 5322 message (".eml" and anything else with a header).
/// JSON holds one message object, an array of them, or one per line (JSON Lines). Fields:
///   channel   "email" | "digital-post" | "facebook" | "instagram" | "sms" | "callback" (required)
///   from      "address" or {"name", "address"} (required)
///   to        like from, or an array of those
///   subject   string (optional: SMS and social media have none)
///   text      string (required)
///   received_at  ISO 8601; without an offset it is a wall-clock time in options.local_zone
///   received_ago "3d4h", "2h", "45m", "1w" before options.now (demo files; instead of received_at)
///   thread, id, department, language  strings (optional): thread key, external id (else
///             "sha256:" of the object's canonical JSON), owning department, "nn"/"nb"/"en"
///   attachments  [{"filename", "content_type", "data_base64"}] (optional)
[[nodiscard]] ReadResult read_message_file(const std::filesystem::path& file,
                                           const ReadOptions& options = {});

/// As read_message_file, for content already in memory; `name` chooses the format by its
/// extension and names the file in problems.
[[nodiscard]] ReadResult read_message_data(std::string_view data, const std::filesystem::path& name,
                                           const ReadOptions& options = {});

/// Reads every message file under `folder`, recursively and in path order (the demo data): files
/// named .eml, .mbox, .json, .jsonl or .ndjson; other files (README.md …) are skipped.
[[nodiscard]] ReadResult read_message_folder(const std::filesystem::path& folder,
                                             const ReadOptions& options = {});

/// Reads mailbox routes written one per line as "address<tab or spaces>department" ('#' starts a
/// comment), e.g. demo/mailboxes.tsv. Lines without both fields are skipped.
[[nodiscard]] MailboxRoutes parse_mailbox_routes(std::string_view text);

/// The department of the first To/Cc address of `message` found in `routes`; empty when none.
[[nodiscard]] std::string route_by_mailbox(const InboundMessage& message,
                                           const MailboxRoutes& routes);

/// Reads a relative age as the demo files write it: "9d", "3d4h", "2h30m", "1w", "45s"; nullopt
/// when malformed.
[[nodiscard]] std::optional<std::chrono::seconds> parse_age(std::string_view text);

}  // namespace samla
