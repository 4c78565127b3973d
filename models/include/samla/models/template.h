#pragma once
// What a template is in the domain: its kind, and its words in one language. The events that
// save and retire templates carry these; the engine that checks and renders them is templates/.
#include <optional>
#include <string>
#include <string_view>

namespace samla {

/// What a template is used for; each kind is sent at its own moment.
enum class TemplateKind {
  AutoReply,         // thanks the citizen, says when to expect an answer
  PreliminaryReply,  // says why it takes longer and when the answer comes (fvl. § 11a)
  ReplySnippet,      // a piece of a caseworker's reply
  Sms,               // a text message
  HandoverNotice,    // tells the citizen which department took over (only after acceptance)
  CallbackNotice,    // tells the citizen when we will call back
};

/// "auto-reply", "preliminary-reply", "reply-snippet", "sms", "handover-notice",
/// "callback-notice": used in files, the store and on the command line.
[[nodiscard]] std::string_view to_string(TemplateKind kind);
[[nodiscard]] std::optional<TemplateKind> template_kind_from_string(std::string_view text);

/// A template's words in one language. `subject` is empty for kinds without one (SMS).
struct TemplateText {
  std::string subject;
  std::string body;
  bool operator==(const TemplateText&) const = default;
};

/// Templates are not conversations: their events live in the same log under a stream id of
/// their own, "template:<id>", so they sync to the hub like any other event.
inline constexpr std::string_view kTemplateStreamPrefix = "template:";
[[nodiscard]] std::string template_stream(std::string_view template_id);
[[nodiscard]] bool is_template_stream(std::string_view stream_id);
/// The template id of a stream id; empty when it is not a template stream.
[[nodiscard]] std::string_view template_id_of(std::string_view stream_id);
/// A template id is 1–64 characters of a–z, 0–9 and '-', starting with a letter or digit.
[[nodiscard]] bool is_valid_template_id(std::string_view id);

}  // namespace samla
