#pragma once
// A template's history as a fold over its stream: the versions saved, who saved them and when,
// and whether it is retired. Only communications staff and administrators change templates;
// a change made against an older version than the current one is refused, so two editors never
// overwrite each other silently. Pure data, like the conversation fold.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/conversation.h"
#include "samla/models/directory.h"

namespace samla {

/// One saved version. Numbers count from 1; version 0 is the text shipped with Samla.
struct TemplateVersion {
  std::int64_t number = 0;
  std::string event_id;
  std::string author;
  Instant at{};
  TemplateSaved content;
};

struct TemplateHistory {
  std::string id;
  std::vector<TemplateVersion> versions;  // accepted saves, oldest first
  bool retired = false;
  std::string retired_by;
  Instant retired_at{};
  std::vector<TimelineEntry> timeline;  // every event, refused ones with their reason

  [[nodiscard]] bool saved() const { return !versions.empty(); }
  /// The number of the newest version; 0 when never saved.
  [[nodiscard]] std::int64_t version() const { return static_cast<std::int64_t>(versions.size()); }
  [[nodiscard]] const TemplateVersion* current() const {
    return versions.empty() ? nullptr : &versions.back();
  }
};

/// True when the user may change templates: comms in any department, or an administrator.
[[nodiscard]] bool may_edit_templates(const User& user);

/// Why `event` may not happen to the template, or nothing when it may.
[[nodiscard]] std::optional<Rejection> check_template(const TemplateHistory& before,
                                                      const Event& event,
                                                      const Directory& directory);
/// Applies one event of the template's stream; false when the rules refused it.
bool apply_template(TemplateHistory& history, const Event& event, const Directory& directory);
/// Folds a template's stream in the given order (use in_hub_order first).
[[nodiscard]] TemplateHistory fold_template(const std::vector<Event>& events,
                                            const Directory& directory);

}  // namespace samla
