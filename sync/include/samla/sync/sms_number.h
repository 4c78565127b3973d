#pragma once
// Phone numbers for the SMS channel: what a caseworker or a gateway writes, checked and turned
// into E.164 ("+4791234567") with Google's libphonenumber. Norwegian by default: "912 34 567",
// "0047 912 34 567" and "+47 912 34 567" are the same number. Pure functions, any thread.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "samla/models/conversation.h"

namespace samla {

/// A number that is not a valid phone number; `what()` names it and says why.
class InvalidPhoneNumber : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The number in E.164. `default_region` (ISO 3166 alpha-2) applies to numbers written without
/// a country code. Throws InvalidPhoneNumber for text that is no number, or a number that cannot
/// exist in its country's numbering plan (e.g. "12345678" in Norway).
[[nodiscard]] std::string to_e164(std::string_view text, std::string_view default_region = "NO");

/// True for text that is already a valid number in E.164 form.
[[nodiscard]] bool is_e164(std::string_view text);

/// The citizen's own number in E.164 where the conversation has one (it came by SMS or as a
/// callback request); nullopt otherwise, e.g. for email: then a person must enter the number.
[[nodiscard]] std::optional<std::string> citizen_phone(const Conversation& conversation);

}  // namespace samla
