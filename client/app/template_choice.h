#pragma once
// The templates a caseworker can start a message from (reply snippets, preliminary replies,
// SMS), written out for one conversation, and the SMS counter a composer shows. No wx.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samla/sync/workspace.h"

namespace samla::app {

/// One template a dialog offers: its id and the name the caseworker picks it by.
struct TemplateOption {
  std::string id;
  std::string label;
};

/// The active templates of `kind` for `channel` (and those for any channel), by name.
[[nodiscard]] std::vector<TemplateOption> template_options(const Workspace& ws, TemplateKind kind,
                                                           Channel channel);

/// A template written out for a conversation, for the caseworker to edit before sending.
struct TemplateDraft {
  std::string subject;
  std::string body;
  std::string problem;  // plain words when the template could not be written out
};

/// Renders template `id` for `conversation` in its answer language; `promised` fills
/// {promised_date} (the preliminary reply's date the caseworker picks).
[[nodiscard]] TemplateDraft draft_from_template(const Workspace& ws, const std::string& id,
                                                const std::string& conversation,
                                                std::optional<Instant> promised = {});

/// What an SMS composer shows under the text: characters, encoding, segments and units, and
/// whether to warn that the text takes more than one SMS.
struct SmsCounter {
  std::string text;     // "2 SMS, 170 characters (GSM-7), 136 left in this SMS"
  std::string warning;  // empty unless the text takes more than one SMS
  [[nodiscard]] bool over_one_segment() const { return !warning.empty(); }
};
[[nodiscard]] SmsCounter sms_counter(std::string_view utf8);

}  // namespace samla::app
