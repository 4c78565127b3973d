// E.164 through libphonenumber: its numbering-plan data knows which Norwegian ranges exist,
// which a hand-written pattern would not.
#include <phonenumbers/phonenumberutil.h>

#include "samla/sync/sms_number.h"

namespace samla {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string to_e164(std::string_view text, std::string_view default_region) {
  const std::string input(text);
  if (input.find_first_of("0123456789") == std::string::npos) {
    throw InvalidPhoneNumber("\"" + input + "\" is not a phone number");
  }
  // GetInstance() is a thread-safe singleton and its methods are const.
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  const auto error = util.Parse(input, std::string(default_region), &number);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    switch (error) {
      case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        throw InvalidPhoneNumber("\"" + input + "\" has no valid country code");
      case PhoneNumberUtil::TOO_SHORT_NSN:
      case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        throw InvalidPhoneNumber("\"" + input + "\" is too short for a phone number");
      case PhoneNumberUtil::TOO_LONG_NSN:
        throw InvalidPhoneNumber("\"" + input + "\" is too long for a phone number");
      default:
        throw InvalidPhoneNumber("\"" + input + "\" is not a phone number");
    }
  }
  if (!util.IsValidNumber(number)) {
    throw InvalidPhoneNumber("\"" + input + "\" is not a number in use in its country's plan");
  }
  std::string out;
  util.Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

bool is_e164(std::string_view text) {
  if (text.size() < 3 || text.front() != '+') return false;
  try {
    return to_e164(text) == text;
  } catch (const InvalidPhoneNumber&) {
    return false;
  }
}

std::optional<std::string> citizen_phone(const Conversation& conversation) {
  if (conversation.channel != Channel::Sms && conversation.channel != Channel::Callback) {
    return std::nullopt;
  }
  try {
    return to_e164(conversation.citizen.address);
  } catch (const InvalidPhoneNumber&) {
    return std::nullopt;
  }
}

}  // namespace samla
