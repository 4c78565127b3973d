#pragma once
// The channels citizens write through, and the policy class each one's deadline follows.
#include <array>
#include <optional>
#include <string_view>

namespace samla {

enum class Channel { Email, DigitalPost, Facebook, Instagram, Sms, Callback };

/// Every channel, in the order the inbox lists them.
inline constexpr std::array kChannels{Channel::Email,     Channel::DigitalPost, Channel::Facebook,
                                      Channel::Instagram, Channel::Sms,         Channel::Callback};

/// Stable identifiers used in files, the store and the command line ("digital-post").
[[nodiscard]] std::string_view to_string(Channel channel);
[[nodiscard]] std::optional<Channel> channel_from_string(std::string_view text);

}  // namespace samla
