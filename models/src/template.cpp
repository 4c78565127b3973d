#include "samla/models/template.h"

#include <array>
#include <utility>

namespace samla {
namespace {

constexpr std::array<std::pair<TemplateKind, std::string_view>, 6> kKinds{{
    {TemplateKind::AutoReply, "auto-reply"},
    {TemplateKind::PreliminaryReply, "preliminary-reply"},
    {TemplateKind::ReplySnippet, "reply-snippet"},
    {TemplateKind::Sms, "sms"},
    {TemplateKind::HandoverNotice, "handover-notice"},
    {TemplateKind::CallbackNotice, "callback-notice"},
}};

}  // namespace

std::string_view to_string(TemplateKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "reply-snippet";
}

std::optional<TemplateKind> template_kind_from_string(std::string_view text) {
  for (const auto& [k, name] : kKinds) {
    if (name == text) return k;
  }
  return std::nullopt;
}

std::string template_stream(std::string_view template_id) {
  return std::string(kTemplateStreamPrefix) + std::string(template_id);
}

bool is_template_stream(std::string_view stream_id) {
  return stream_id.starts_with(kTemplateStreamPrefix);
}

std::string_view template_id_of(std::string_view stream_id) {
  if (!is_template_stream(stream_id)) return {};
  return stream_id.substr(kTemplateStreamPrefix.size());
}

bool is_valid_template_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '-') return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace samla
