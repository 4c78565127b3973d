#pragma once
// One conversation as the pane shows it, without a window: the facts at the top (status with
// "waiting for Byggesak to accept", the deadline, the platform's reply window), the timeline as
// safe HTML, and which actions make sense now. wx-free; GUI thread only.
#include <optional>
#include <string>

#include "samla/models/conversation.h"
#include "samla/sync/workspace.h"

namespace samla::app {

/// The actions of the conversation pane and the window's menu.
enum class Action {
  Reply,
  Preliminary,
  Sms,
  Claim,
  Assign,
  Handover,
  Accept,
  Decline,
  Note,
  Close,
  Reopen,
  Withdraw
};

struct ConversationPage {
  std::string id;
  std::string title;       // subject, or the start of the first message
  std::string facts_html;  // the facts table
  std::string timeline_html;
  std::optional<Instant> deadline;
  // Facebook/Instagram: a normal reply is allowed until 24 h after the citizen's last message.
  std::optional<Instant> reply_window_closes;
  bool open = true;
  bool handover_pending = false;  // a handover waits for the receiving department
  bool handover_to_me = false;    // a handover waits for one of the user's departments
  bool assigned_to_me = false;
  bool lead = false;  // the user leads the owning department
};

/// Builds the page of `conversation` for `user` at the workspace's now.
[[nodiscard]] ConversationPage make_page(const Workspace& ws, const Conversation& conversation,
                                         const std::string& user);
/// Whether `action` is offered for the page (the model still decides and may refuse).
[[nodiscard]] bool offers(const ConversationPage& page, Action action);
/// One timeline entry in a few words, in the reader's language.
[[nodiscard]] std::string describe(const Event& event, const Directory& directory);

}  // namespace samla::app
