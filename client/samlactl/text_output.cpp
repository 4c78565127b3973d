#include "text_output.h"

#include "i18n.h"
#include "samla/models/national_id.h"
#include "samla/models/rejection.h"
#include "samla/sync/event_json.h"
#include "samla/sync/iso8601.h"
#include "samla/templates/date_text.h"

namespace samla::cli {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }

std::string when(const std::optional<Instant>& at, const TimeZone& zone) {
  return at ? format_local(*at, zone) : "-";
}

nlohmann::json optional_time(const std::optional<Instant>& at, const TimeZone& zone) {
  return at ? nlohmann::json(format_iso8601(*at, zone)) : nlohmann::json(nullptr);
}

std::string one_line(std::string text) {
  for (auto& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// The event in a few words, in the reader's language.
std::string what(const Event& e, const Directory& dir) {
  const auto name = [&](const std::string& id) { return dir.display_name(id); };
  return std::visit(
      [&](const auto& p) -> std::string {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, MessageReceived>) {
          const auto& m = p.message;
          return substitute(tr("message from {0}: {1}"),
                            {m.from.name.empty() ? m.from.address : m.from.name,
                             one_line(m.subject.empty() ? m.body_text.substr(0, 60) : m.subject)});
        } else if constexpr (std::is_same_v<T, AutoReplySent>) {
          return tr("automatic reply sent");
        } else if constexpr (std::is_same_v<T, Assigned>) {
          return p.assignee == e.actor ? tr("claimed the conversation")
                                       : substitute(tr("assigned to {0}"), {name(p.assignee)});
        } else if constexpr (std::is_same_v<T, Unassigned>) {
          return tr("unassigned");
        } else if constexpr (std::is_same_v<T, ReplyQueued>) {
          if (p.channel == Channel::Sms && !p.to.empty()) {
            return substitute(tr("SMS to {0} queued: {1}"),
                              {p.to.front().address, one_line(p.text).substr(0, 60)});
          }
          return substitute(tr("reply queued: {0}"), {one_line(p.text).substr(0, 60)});
        } else if constexpr (std::is_same_v<T, ReplySent>) {
          return tr("reply sent");
        } else if constexpr (std::is_same_v<T, ReplyFailed>) {
          return substitute(tr("reply failed: {0}"), {p.reason});
        } else if constexpr (std::is_same_v<T, PreliminaryReplySent>) {
          return tr("preliminary reply sent");
        } else if constexpr (std::is_same_v<T, NoteAdded>) {
          return substitute(tr("note: {0}"), {one_line(p.text)});
        } else if constexpr (std::is_same_v<T, HandoverRequested>) {
          return substitute(tr("asked {0} to take over"), {name(p.to_department)}) +
                 (p.note.empty() ? "" : " (" + one_line(p.note) + ")");
        } else if constexpr (std::is_same_v<T, HandoverAccepted>) {
          return tr("accepted the handover");
        } else if constexpr (std::is_same_v<T, HandoverDeclined>) {
          return substitute(tr("declined the handover: {0}"), {one_line(p.reason)});
        } else if constexpr (std::is_same_v<T, HandoverWithdrawn>) {
          return tr("withdrew the handover");
        } else if constexpr (std::is_same_v<T, Closed>) {
          return tr("closed");
        } else if constexpr (std::is_same_v<T, Reopened>) {
          return tr("reopened");
        } else if constexpr (std::is_same_v<T, TemplateSaved>) {
          return substitute(tr("template saved: {0}"), {p.name});
        } else {
          return tr("template retired");
        }
      },
      e.payload);
}

std::string status_text(const Conversation& c, const Directory& dir) {
  if (!c.is_open()) return tr("closed");
  if (c.handover) {
    return substitute(tr("waiting for {0} to accept"),
                      {dir.display_name(c.handover->to_department)});
  }
  return tr("open");
}

}  // namespace

std::string fit(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    while (i + len < text.size() && is_continuation(static_cast<unsigned char>(text[i + len]))) {
      ++len;
    }
    if (shown + 1 > width || (shown + 1 == width && i + len < text.size())) {
      if (width > 0) out += "…";
      ++shown;
      break;
    }
    out.append(text, i, len);
    ++shown;
    i += len;
  }
  while (shown < width) {
    out += ' ';
    ++shown;
  }
  return out;
}

nlohmann::json summary_json(const ConversationSummary& s, const TimeZone& zone, Instant now) {
  return {
      {"id", s.id},
      {"channel", std::string(to_string(s.channel))},
      {"department", s.owner_department},
      {"assignee", s.assignee ? nlohmann::json(*s.assignee) : nlohmann::json(nullptr)},
      {"status", s.status == ConversationStatus::Open ? "open" : "closed"},
      {"citizen", {{"name", s.citizen.name}, {"address", s.citizen.address}}},
      {"subject", s.subject},
      {"snippet", mask_national_ids(s.snippet)},
      {"received_at", format_iso8601(s.received_at, zone)},
      {"last_activity", format_iso8601(s.last_activity, zone)},
      {"deadline", optional_time(s.deadline, zone)},
      {"overdue", s.status == ConversationStatus::Open && s.deadline && *s.deadline <= now},
      {"handover_to", s.handover_to ? nlohmann::json(*s.handover_to) : nlohmann::json(nullptr)},
      {"messages", s.message_count},
      {"rejected_events", s.rejected_count},
  };
}

void print_table(std::ostream& out, const std::vector<ConversationSummary>& rows,
                 const Directory& dir, const TimeZone& zone, Instant now) {
  // TRANSLATORS: column headers of `samlactl list` (ID, CHANNEL … STATE). Each must fit the width
  // of its column, set here in print_table (client/samlactl/text_output.cpp); longer is cut: "…".
  out << fit(tr("ID"), 9) << ' ' << fit(tr("CHANNEL"), 12) << ' ' << fit(tr("FROM"), 18) << ' '
      << fit(tr("SUBJECT"), 32) << ' ' << fit(tr("RECEIVED"), 16) << ' ' << fit(tr("DEADLINE"), 17)
      << ' ' << fit(tr("DEPARTMENT"), 18) << ' ' << tr("STATE") << '\n';
  for (const auto& s : rows) {
    std::string deadline = when(s.deadline, zone);
    if (s.status == ConversationStatus::Open && s.deadline && *s.deadline <= now) {
      deadline += "!";  // overdue
    }
    const std::string subject = s.subject.empty() ? mask_national_ids(s.snippet) : s.subject;
    // What happens next: closed, waiting for another department, or who works on it.
    std::string state = s.assignee ? dir.display_name(*s.assignee) : "-";
    if (s.handover_to) state = "→ " + dir.display_name(*s.handover_to);
    if (s.status == ConversationStatus::Closed) state = tr("closed");
    out << fit(s.id.substr(0, 8), 9) << ' ' << fit(std::string(to_string(s.channel)), 12) << ' '
        << fit(s.citizen.name.empty() ? s.citizen.address : s.citizen.name, 18) << ' '
        << fit(one_line(subject), 32) << ' ' << fit(format_local(s.received_at, zone), 16) << ' '
        << fit(deadline, 17) << ' ' << fit(dir.display_name(s.owner_department), 18) << ' ' << state
        << '\n';
  }
}

std::string describe_event(const TimelineEntry& entry, const Directory& dir, const TimeZone& zone) {
  const auto& e = entry.event;
  std::string line =
      format_local(e.at, zone) + "  " + dir.display_name(e.actor) + ": " + what(e, dir);
  if (entry.rejection) {
    line += "  [" + tr("rejected") + ": " +
            entry.rejection->text(tr(entry.rejection->format.data()), zone) + "]";
  }
  return line;
}

void print_conversation(std::ostream& out, const Conversation& c,
                        const std::optional<Instant>& deadline, const Directory& dir,
                        const TimeZone& zone, Language language) {
  out << tr("Conversation") << ' ' << c.id << '\n'
      << "  " << tr("Subject") << ": " << c.subject << '\n'
      << "  " << tr("Citizen") << ": " << c.citizen.name << (c.citizen.name.empty() ? "" : " ")
      << '<' << c.citizen.address << ">\n"
      << "  " << tr("Channel") << ": " << to_string(c.channel) << '\n'
      << "  " << tr("Department") << ": " << dir.display_name(c.owner_department) << '\n'
      << "  " << tr("Assignee") << ": " << (c.assignee ? dir.display_name(*c.assignee) : "-")
      << '\n'
      << "  " << tr("Status") << ": " << status_text(c, dir) << '\n'
      << "  " << tr("Deadline") << ": "
      << (deadline ? long_date_time(*deadline, zone, language) : std::string("-"))
      << (c.promised ? " (" + tr("promised in a preliminary reply") + ")" : "") << '\n';
  if (c.last_handover && c.last_handover->kind == HandoverOutcome::Kind::Declined) {
    out << "  "
        << substitute(tr("{0} declined the handover: {1}"),
                      {dir.display_name(c.last_handover->to_department), c.last_handover->reason})
        << '\n';
  }
  out << '\n' << tr("Timeline") << ":\n";
  for (const auto& entry : c.timeline) out << "  " << describe_event(entry, dir, zone) << '\n';
  out << '\n' << tr("Messages") << ":\n";
  for (const auto& entry : c.timeline) {
    const auto* m = std::get_if<MessageReceived>(&entry.event.payload);
    if (m == nullptr || entry.rejection) continue;
    out << "--- " << format_local(m->message.received_at, zone) << "  "
        << (m->message.from.name.empty() ? m->message.from.address : m->message.from.name) << '\n'
        << m->message.body_text << '\n';
    for (const auto& a : m->message.attachments) {
      out << "    [" << tr("attachment") << "] " << a.filename << " (" << a.content_type << ", "
          << a.size << " B)\n";
    }
  }
}

nlohmann::json conversation_json(const Conversation& c, const std::optional<Instant>& deadline,
                                 const TimeZone& zone) {
  auto timeline = nlohmann::json::array();
  for (const auto& entry : c.timeline) {
    auto e = event_to_json(entry.event);
    e["rejected"] =
        entry.rejection ? nlohmann::json(entry.rejection->text(zone)) : nlohmann::json(nullptr);
    timeline.push_back(std::move(e));
  }
  nlohmann::json handover = nullptr;
  if (c.handover) {
    handover = {{"from", c.handover->from_department},
                {"to", c.handover->to_department},
                {"requested_by", c.handover->requested_by},
                {"requested_at", format_iso8601(c.handover->requested_at, zone)},
                {"note", c.handover->note}};
  }
  return {
      {"id", c.id},
      {"channel", std::string(to_string(c.channel))},
      {"department", c.owner_department},
      {"assignee", c.assignee ? nlohmann::json(*c.assignee) : nlohmann::json(nullptr)},
      {"status", c.is_open() ? "open" : "closed"},
      {"citizen", {{"name", c.citizen.name}, {"address", c.citizen.address}}},
      {"subject", c.subject},
      {"deadline", optional_time(deadline, zone)},
      {"promised", optional_time(c.promised, zone)},
      {"handover", handover},
      {"timeline", timeline},
  };
}

}  // namespace samla::cli
