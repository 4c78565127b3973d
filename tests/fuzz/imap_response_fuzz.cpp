// libFuzzer target: any bytes from an IMAP server go through the framer and the parser; the
// only allowed outcomes are a response or ImapParseError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "samla/sync/email/imap_response.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string buffer;
  samla::ImapFramer framer;
  // Feed in two halves, as a network read would.
  const std::size_t half = size / 2;
  for (const std::string_view piece : {input.substr(0, half), input.substr(half)}) {
    buffer.append(piece);
    try {
      while (const auto length = framer.complete(buffer)) {
        try {
          const auto response =
              samla::parse_imap_response(std::string_view(buffer).substr(0, *length));
          for (const auto& value : response.data) {
            if (const auto* body = value.find("BODY[]")) (void)body->text.size();
          }
        } catch (const samla::ImapParseError&) {
        }
        buffer.erase(0, *length);
        framer.consumed(*length);
      }
    } catch (const samla::ImapParseError&) {
      return 0;
    }
  }
  try {
    (void)samla::parse_imap_sequence_set(input, 100000);
  } catch (const samla::ImapParseError&) {
  }
  return 0;
}
