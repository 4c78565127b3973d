#pragma once
// What the Workspace tells about templates: one template as a list or an editor shows it, the
// checks an editor runs live, a preview, and the history of versions with their diffs. Plain
// values; the operations are Workspace members (workspace.h).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/event.h"
#include "samla/models/rejection.h"
#include "samla/templates/plain_language.h"
#include "samla/templates/rendering.h"
#include "samla/templates/sms_estimate.h"
#include "samla/templates/text_diff.h"

namespace samla {

/// One template in its current version. Version 0 is the text shipped with Samla.
struct TemplateInfo {
  std::string id;
  TemplateSaved content;
  std::int64_t version = 0;
  bool shipped = false;  // Samla ships a default under this id
  bool retired = false;
  std::string author;  // empty for the shipped version
  Instant saved_at{};
};

/// Which templates a list shows; an unset field does not filter.
struct TemplateFilter {
  std::optional<TemplateKind> kind;
  // Templates for this channel, and those for any channel.
  std::optional<Channel> channel;
  bool include_retired = false;
};

/// The checks of one language's text: errors stop a save, hints and the SMS estimate advise.
struct TemplateTextCheck {
  std::string language;  // "nn", "nb", "en"
  std::vector<TemplateError> subject_errors;
  std::vector<TemplateError> body_errors;
  std::vector<Hint> hints;         // of the body
  std::optional<SmsEstimate> sms;  // for SMS kinds
  [[nodiscard]] bool ok() const { return subject_errors.empty() && body_errors.empty(); }
};

/// The outcome of a save: refused by the rules, or by errors in the text, or the new version.
struct TemplateSaveOutcome {
  std::optional<Rejection> rejection;
  std::vector<TemplateTextCheck> checks;
  std::int64_t version = 0;
  [[nodiscard]] bool accepted() const {
    if (rejection) return false;
    for (const auto& c : checks) {
      if (!c.ok()) return false;
    }
    return true;
  }
};

/// A template written out for one conversation (or with sample values), ready to send.
struct TemplatePreview {
  std::string template_id;
  std::int64_t version = 0;
  TemplateKind kind = TemplateKind::ReplySnippet;
  RenderedMessage message;
  std::optional<SmsLength> sms;  // for SMS kinds
};

/// One change in a template's history, with the line diff of each text against the version
/// before it ("nn.subject", "nn.body" …; only texts that changed).
struct TemplateChange {
  enum class Kind { Saved, Retired } kind = Kind::Saved;
  std::int64_t version = 0;  // the version saved, or the one current when retired
  std::string author;
  Instant at{};
  std::string event_id;
  std::optional<Rejection> rejection;  // a change the rules refused stays visible
  std::map<std::string, std::vector<DiffLine>> diffs;
};

}  // namespace samla
