// libFuzzer target: any bytes from an IMAP server go through the framer and the parser (and
// the VANISHED / MODSEQ readers, and the mailbox-name decoder); the only allowed outcomes are a
// value or the parser's own error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "samla/sync/email/imap_mailbox_name.h"
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
            (void)samla::imap_fetch_modseq(value);
            if (value.kind == samla::ImapValue::Kind::string) {
              try {
                (void)samla::imap_mailbox_name(samla::utf8_mailbox_name(value.text));
              } catch (const samla::ImapMailboxNameError&) {
              }
            }
          }
          (void)samla::imap_vanished(response);
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
