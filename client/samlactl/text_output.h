#pragma once
// How samlactl writes conversations for people (aligned tables, a readable timeline) and for
// scripts (JSON with ISO 8601 times in Europe/Oslo).
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "samla/models/conversation.h"
#include "samla/models/directory.h"
#include "samla/models/views.h"
#include "samla/sync/store.h"
#include "samla/templates/language.h"

namespace samla::cli {

/// `text` cut or padded to `width` characters as a reader counts them (UTF-8 aware).
[[nodiscard]] std::string fit(const std::string& text, std::size_t width);

[[nodiscard]] nlohmann::json summary_json(const ConversationSummary& s, const TimeZone& zone,
                                          Instant now);
void print_table(std::ostream& out, const std::vector<ConversationSummary>& rows,
                 const Directory& dir, const TimeZone& zone, Instant now);

/// One line of the timeline: what happened, by whom, and why it was refused if it was.
[[nodiscard]] std::string describe_event(const TimelineEntry& entry, const Directory& dir,
                                         const TimeZone& zone);
void print_conversation(std::ostream& out, const Conversation& c,
                        const std::optional<Instant>& deadline, const Directory& dir,
                        const TimeZone& zone, Language language);
[[nodiscard]] nlohmann::json conversation_json(const Conversation& c,
                                               const std::optional<Instant>& deadline,
                                               const TimeZone& zone);

}  // namespace samla::cli
