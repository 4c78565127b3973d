#include "samla/models/template_history.h"

#include <algorithm>

namespace samla {
namespace {

// Whole sentences as literal first arguments: scripts/update-po.sh extracts refuse:1.
Rejection refuse(std::string_view format, std::vector<RejectionArg> args = {}) {
  return Rejection{format, std::move(args)};
}

bool is_blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// The base version must be the newest one, or someone else changed the template meanwhile.
std::optional<Rejection> stale(const TemplateHistory& h, std::int64_t base_version,
                               const Directory& dir) {
  if (base_version == h.version()) return std::nullopt;
  if (const auto* current = h.current(); current != nullptr && base_version < h.version()) {
    return refuse(
        "{0} saved version {1} of this template at {2} in the meantime",
        {dir.display_name(current->author), std::to_string(current->number), current->at});
  }
  return refuse("version {0} of this template does not exist", {std::to_string(base_version)});
}

}  // namespace

bool may_edit_templates(const User& user) {
  return user.is_admin() || std::any_of(user.memberships.begin(), user.memberships.end(),
                                        [](const Membership& m) { return m.role == Role::Comms; });
}

std::optional<Rejection> check_template(const TemplateHistory& before, const Event& event,
                                        const Directory& directory) {
  if (!is_template_stream(event.conversation_id)) {
    return refuse("{0} events belong to a template", {std::string(event.type_name())});
  }
  const User* actor = directory.user(event.actor);
  if (actor == nullptr) return refuse("{0} is not a known user", {event.actor});
  if (!may_edit_templates(*actor)) {
    return refuse("only communications staff and administrators can change templates");
  }
  if (const auto* saved = std::get_if<TemplateSaved>(&event.payload)) {
    if (auto rejection = stale(before, saved->base_version, directory)) return rejection;
    if (is_blank(saved->name)) return refuse("the template needs a name");
    const bool has_text = std::any_of(saved->texts.begin(), saved->texts.end(),
                                      [](const auto& t) { return !is_blank(t.second.body); });
    if (!has_text) return refuse("the template has no text in any language");
    if (const auto* current = before.current();
        current != nullptr && current->content.kind != saved->kind) {
      return refuse("a template cannot change its kind; save a new template instead");
    }
    return std::nullopt;
  }
  if (const auto* retired = std::get_if<TemplateRetired>(&event.payload)) {
    if (before.retired) {
      return refuse("the template was already retired by {0} at {1}",
                    {directory.display_name(before.retired_by), before.retired_at});
    }
    return stale(before, retired->base_version, directory);
  }
  return refuse("{0} events do not belong to a template", {std::string(event.type_name())});
}

bool apply_template(TemplateHistory& history, const Event& event, const Directory& directory) {
  if (history.id.empty()) history.id = std::string(template_id_of(event.conversation_id));
  auto rejection = check_template(history, event, directory);
  if (!rejection) {
    if (const auto* saved = std::get_if<TemplateSaved>(&event.payload)) {
      history.versions.push_back(
          TemplateVersion{history.version() + 1, event.id, event.actor, event.at, *saved});
      // Saving a retired template brings it back into use.
      history.retired = false;
    } else {
      history.retired = true;
      history.retired_by = event.actor;
      history.retired_at = event.at;
    }
  }
  const bool accepted = !rejection;
  history.timeline.push_back(TimelineEntry{event, std::move(rejection)});
  return accepted;
}

TemplateHistory fold_template(const std::vector<Event>& events, const Directory& directory) {
  TemplateHistory history;
  for (const auto& event : events) apply_template(history, event, directory);
  return history;
}

}  // namespace samla
