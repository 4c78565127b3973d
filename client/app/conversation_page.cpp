#include "conversation_page.h"

#include <algorithm>
#include <chrono>

#include "i18n.h"
#include "inbox_model.h"
#include "safe_html.h"
#include "samla/models/national_id.h"
#include "samla/models/rejection.h"

namespace samla::app {
namespace {

std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

std::string fact_row(const std::string& label, const std::string& value_html) {
  return "<tr><td valign=\"top\"><font color=\"#555555\">" + escape_html(label) +
         "</font></td><td>" + value_html + "</td></tr>";
}

}  // namespace

std::string describe(const Event& e, const Directory& dir) {
  const auto name = [&](const std::string& id) { return dir.display_name(id); };
  return std::visit(
      [&](const auto& p) -> std::string {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, MessageReceived>) {
          const auto& m = p.message;
          // The body follows below: the line names only the subject, when there is one.
          return m.subject.empty() ? tr("message")
                                   : substitute(tr("message: {0}"), {one_line(m.subject)});
        } else if constexpr (std::is_same_v<T, AutoReplySent>) {
          return tr("automatic reply sent");
        } else if constexpr (std::is_same_v<T, Assigned>) {
          return p.assignee == e.actor ? tr("claimed the conversation")
                                       : substitute(tr("assigned to {0}"), {name(p.assignee)});
        } else if constexpr (std::is_same_v<T, Unassigned>) {
          return tr("unassigned");
        } else if constexpr (std::is_same_v<T, ReplyQueued>) {
          if (p.channel == Channel::Sms && !p.to.empty()) {
            return substitute(tr("SMS written to {0}"), {p.to.front().address});
          }
          return tr("reply written");
        } else if constexpr (std::is_same_v<T, ReplySent>) {
          return tr("reply sent");
        } else if constexpr (std::is_same_v<T, ReplyFailed>) {
          return substitute(tr("reply failed: {0}"), {p.reason});
        } else if constexpr (std::is_same_v<T, PreliminaryReplySent>) {
          return tr("preliminary reply sent");
        } else if constexpr (std::is_same_v<T, NoteAdded>) {
          return tr("internal note");
        } else if constexpr (std::is_same_v<T, HandoverRequested>) {
          return substitute(tr("asked {0} to take over"), {name(p.to_department)});
        } else if constexpr (std::is_same_v<T, HandoverAccepted>) {
          return tr("accepted the handover");
        } else if constexpr (std::is_same_v<T, HandoverDeclined>) {
          return substitute(tr("declined the handover: {0}"), {one_line(p.reason)});
        } else if constexpr (std::is_same_v<T, HandoverWithdrawn>) {
          return tr("withdrew the handover");
        } else if constexpr (std::is_same_v<T, Closed>) {
          return tr("closed");
        } else {
          return tr("reopened");
        }
      },
      e.payload);
}

namespace {

// The text an entry carries beyond its one line: a message's body, a reply's or note's text.
std::string body_html(const Event& e) {
  return std::visit(
      [&](const auto& p) -> std::string {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, MessageReceived>) {
          std::string html = plain_text_to_html(p.message.body_text);
          for (const auto& a : p.message.attachments) {
            html += "<br><i>" + escape_html(tr("attachment")) + ": " + escape_html(a.filename) +
                    " (" + std::to_string(a.size) + " B)</i>";
          }
          return html;
        } else if constexpr (std::is_same_v<T, ReplyQueued> || std::is_same_v<T, NoteAdded> ||
                             std::is_same_v<T, PreliminaryReplySent> ||
                             std::is_same_v<T, AutoReplySent>) {
          return plain_text_to_html(p.text);
        } else if constexpr (std::is_same_v<T, HandoverRequested>) {
          return plain_text_to_html(p.note);
        } else {
          return {};
        }
      },
      e.payload);
}

// Inbound messages stand out; our own words are tinted; the rest is a quiet line.
const char* entry_colour(const Event& e) {
  if (std::holds_alternative<MessageReceived>(e.payload)) return "#ffffff";
  if (std::holds_alternative<ReplyQueued>(e.payload) ||
      std::holds_alternative<PreliminaryReplySent>(e.payload) ||
      std::holds_alternative<AutoReplySent>(e.payload)) {
    return "#eef4fb";
  }
  if (std::holds_alternative<NoteAdded>(e.payload)) return "#fdf6e3";
  return "";
}

// Who did it: the citizen for their own messages (the channel is only the messenger).
std::string actor_name(const Event& e, const Directory& dir) {
  if (const auto* m = std::get_if<MessageReceived>(&e.payload)) {
    return m->message.from.name.empty() ? m->message.from.address : m->message.from.name;
  }
  return dir.display_name(e.actor);
}

}  // namespace

ConversationPage make_page(const Workspace& ws, const Conversation& c, const std::string& user) {
  const auto dir = ws.directory();
  const auto& zone = ws.zone();
  const auto now = ws.now();
  ConversationPage page;
  page.id = c.id;
  page.open = c.is_open();
  page.title = c.subject;
  page.deadline = ws.rules().deadline_of(c);
  const auto* me = dir.user(user);
  page.lead = me != nullptr && me->is_lead_of(c.owner_department);
  page.assigned_to_me = c.assignee && *c.assignee == user;
  page.handover_pending = c.handover.has_value();
  page.handover_to_me = c.handover && me != nullptr && me->is_member_of(c.handover->to_department);

  std::optional<Instant> last_inbound;
  for (const auto& entry : c.timeline) {
    if (const auto* m = std::get_if<MessageReceived>(&entry.event.payload); m && !entry.rejection) {
      last_inbound = m->message.received_at;
      if (page.title.empty()) page.title = one_line(m->message.body_text.substr(0, 60));
    }
  }
  if ((c.channel == Channel::Facebook || c.channel == Channel::Instagram) && last_inbound) {
    page.reply_window_closes = *last_inbound + std::chrono::hours{24};
  }

  std::string status;
  if (!c.is_open()) {
    status = escape_html(tr("closed"));
  } else if (c.handover) {
    status = "<b>" +
             escape_html(substitute(tr("waiting for {0} to accept"),
                                    {dir.display_name(c.handover->to_department)})) +
             "</b>";
  } else {
    status = escape_html(tr("open"));
  }
  std::string deadline = "–";
  if (page.deadline && c.is_open()) {
    const char* colour = *page.deadline <= now                              ? "#b00020"
                         : *page.deadline <= ws.rules().due_soon_until(now) ? "#9a5b00"
                                                                            : "#1b5e20";
    deadline = std::string("<font color=\"") + colour + "\"><b>" +
               escape_html(format_local(*page.deadline, zone)) + "</b></font>";
    if (*page.deadline <= now) deadline += " " + escape_html(tr("(overdue)"));
    if (c.promised) deadline += " " + escape_html(tr("(promised in a preliminary reply)"));
  }
  std::string citizen = escape_html(c.citizen.name);
  if (citizen.empty()) {
    citizen = escape_html(c.citizen.address);
  } else if (!c.citizen.address.empty()) {
    citizen += " " + escape_html("<" + c.citizen.address + ">");
  }
  page.facts_html =
      "<table cellspacing=\"1\" cellpadding=\"2\">" + fact_row(tr("Citizen"), citizen) +
      fact_row(tr("Channel"), escape_html(InboxModel::channel_name(c.channel))) +
      fact_row(tr("Department"), escape_html(dir.display_name(c.owner_department))) +
      fact_row(tr("Assignee"), escape_html(c.assignee ? dir.display_name(*c.assignee) : "–")) +
      fact_row(tr("Status"), status) + fact_row(tr("Deadline"), deadline);
  if (page.reply_window_closes) {
    const bool closed = *page.reply_window_closes <= now;
    page.facts_html +=
        fact_row(tr("Reply window"),
                 escape_html(substitute(closed ? tr("closed at {0}") : tr("closes at {0}"),
                                        {format_local(*page.reply_window_closes, zone)})));
  }
  if (c.last_handover && c.last_handover->kind == HandoverOutcome::Kind::Declined && !c.handover) {
    page.facts_html += fact_row(
        tr("Handover"),
        "<font color=\"#b00020\">" +
            escape_html(substitute(
                tr("{0} declined the handover: {1}"),
                {dir.display_name(c.last_handover->to_department), c.last_handover->reason})) +
            "</font>");
  }
  page.facts_html += "</table>";

  std::string html;
  for (auto it = c.timeline.rbegin(); it != c.timeline.rend(); ++it) {
    const auto& e = it->event;
    const std::string colour = entry_colour(e);
    html += "<table width=\"100%\" cellpadding=\"4\" cellspacing=\"0\"" +
            (colour.empty() ? std::string() : " bgcolor=\"" + colour + "\"") + "><tr><td>";
    html += "<font color=\"#555555\">" + escape_html(format_local(e.at, zone)) +
            "</font> &nbsp;<b>" + escape_html(actor_name(e, dir)) + "</b> — " +
            escape_html(mask_national_ids(describe(e, dir)));
    if (it->rejection) {
      html += "<br><font color=\"#b00020\">" + escape_html(tr("rejected")) + ": " +
              escape_html(it->rejection->text(tr(it->rejection->format.data()), zone)) + "</font>";
    }
    const auto body = body_html(e);
    if (!body.empty()) html += "<br>" + body;
    html += "</td></tr></table><hr size=\"1\" noshade>";
  }
  page.timeline_html = html;
  return page;
}

bool offers(const ConversationPage& page, Action action) {
  switch (action) {
    case Action::Reopen:
      return !page.open;
    case Action::Accept:
    case Action::Decline:
      return page.open && page.handover_to_me;
    case Action::Assign:
      return page.open && page.lead;
    case Action::Handover:
      return page.open && !page.handover_pending;
    case Action::Withdraw:
      return page.open && page.handover_pending && !page.handover_to_me;
    case Action::Sms:  // to the number the conversation has, or one the caseworker enters
      return page.open;
    default:
      return page.open;
  }
}

}  // namespace samla::app
