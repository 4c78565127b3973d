// The inbox row of a conversation.
#include "samla/sync/projection.h"

#include "samla/models/national_id.h"

namespace samla {
namespace {

constexpr std::size_t kSnippetCodePoints = 140;

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string snippet_of(const Conversation& conversation) {
  const InboundMessage* latest = nullptr;
  // Newest first. A reverse range-for needs std::ranges::reverse_view, which clang 14 cannot
  // compile against libstdc++ 12 (so clang-tidy would fail on this file).
  // NOLINTNEXTLINE(modernize-loop-convert)
  for (auto it = conversation.timeline.rbegin(); it != conversation.timeline.rend(); ++it) {
    if (it->rejection) continue;
    if (const auto* received = std::get_if<MessageReceived>(&it->event.payload)) {
      latest = &received->message;
      break;
    }
  }
  if (!latest) return {};

  // A snippet is a preview: national identity numbers are masked before anything is cut.
  const std::string body = mask_national_ids(latest->body_text);
  std::string out;
  std::size_t code_points = 0;
  bool pending_space = false;
  for (const char byte : body) {
    const auto c = static_cast<unsigned char>(byte);
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    const bool starts_code_point = (c & 0xC0) != 0x80;
    if (starts_code_point) {
      if (code_points + (pending_space ? 1 : 0) >= kSnippetCodePoints) {
        out += "…";
        return out;
      }
      if (pending_space) {
        out.push_back(' ');
        ++code_points;
        pending_space = false;
      }
      ++code_points;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

ConversationSummary summarize(const Conversation& c, std::optional<Instant> deadline) {
  ConversationSummary s;
  s.id = c.id;
  s.channel = c.channel;
  s.owner_department = c.owner_department;
  s.assignee = c.assignee;
  s.status = c.status;
  s.citizen = c.citizen;
  s.subject = c.subject;
  s.snippet = snippet_of(c);
  s.received_at = c.first_received;
  s.last_activity = c.last_activity;
  s.deadline = deadline;
  if (c.handover) s.handover_to = c.handover->to_department;
  s.message_count = static_cast<int>(c.message_ids.size());
  s.rejected_count = static_cast<int>(c.rejected().size());
  return s;
}

}  // namespace samla
