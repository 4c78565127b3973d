#pragma once
// Shared by the message readers (private to samla_sync).
#include <string>
#include <string_view>

#include "samla/sync/message_files.h"

namespace samla::detail {

/// options.local_zone, else Europe/Oslo from the OS database (UTC if that is missing).
[[nodiscard]] const TimeZone& local_zone(const ReadOptions& options);

/// When nothing in the message says when it arrived: fallback_received_at, else now, else the
/// system clock.
[[nodiscard]] Instant fallback_time(const ReadOptions& options);

/// Reads JSON messages (one object, an array, or JSON Lines).
[[nodiscard]] ReadResult read_json_messages(std::string_view data,
                                            const std::filesystem::path& name,
                                            const ReadOptions& options);

/// Splits an mbox and parses each message.
[[nodiscard]] ReadResult read_mbox(std::string_view data, const std::filesystem::path& name,
                                   const ReadOptions& options);

/// Adds `warning` to `warnings` unless it is already there (made valid one-line UTF-8).
void add_warning(std::vector<std::string>& warnings, std::string_view warning);

}  // namespace samla::detail
