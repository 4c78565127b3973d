#include "samla/models/event.h"

namespace samla {
namespace {
template <class T>
constexpr std::string_view kName;
template <>
constexpr std::string_view kName<MessageReceived> = "MessageReceived";
template <>
constexpr std::string_view kName<AutoReplySent> = "AutoReplySent";
template <>
constexpr std::string_view kName<Assigned> = "Assigned";
template <>
constexpr std::string_view kName<Unassigned> = "Unassigned";
template <>
constexpr std::string_view kName<ReplyQueued> = "ReplyQueued";
template <>
constexpr std::string_view kName<ReplySent> = "ReplySent";
template <>
constexpr std::string_view kName<ReplyFailed> = "ReplyFailed";
template <>
constexpr std::string_view kName<PreliminaryReplySent> = "PreliminaryReplySent";
template <>
constexpr std::string_view kName<NoteAdded> = "NoteAdded";
template <>
constexpr std::string_view kName<HandoverRequested> = "HandoverRequested";
template <>
constexpr std::string_view kName<HandoverAccepted> = "HandoverAccepted";
template <>
constexpr std::string_view kName<HandoverDeclined> = "HandoverDeclined";
template <>
constexpr std::string_view kName<HandoverWithdrawn> = "HandoverWithdrawn";
template <>
constexpr std::string_view kName<Closed> = "Closed";
template <>
constexpr std::string_view kName<Reopened> = "Reopened";
template <>
constexpr std::string_view kName<TemplateSaved> = "TemplateSaved";
template <>
constexpr std::string_view kName<TemplateRetired> = "TemplateRetired";
}  // namespace

std::string_view event_type_name(const EventPayload& payload) {
  return std::visit([](const auto& p) { return kName<std::decay_t<decltype(p)>>; }, payload);
}

}  // namespace samla
