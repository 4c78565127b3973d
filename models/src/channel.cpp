#include "samla/models/channel.h"

#include <array>
#include <utility>

namespace samla {
namespace {
constexpr std::array<std::pair<Channel, std::string_view>, 6> kNames{{
    {Channel::Email, "email"},
    {Channel::DigitalPost, "digital-post"},
    {Channel::Facebook, "facebook"},
    {Channel::Instagram, "instagram"},
    {Channel::Sms, "sms"},
    {Channel::Callback, "callback"},
}};
}  // namespace

std::string_view to_string(Channel channel) {
  for (const auto& [value, name] : kNames) {
    if (value == channel) return name;
  }
  return "email";
}

std::optional<Channel> channel_from_string(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace samla
