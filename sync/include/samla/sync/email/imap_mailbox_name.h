#pragma once
// Mailbox names on the wire: IMAP4rev1 servers name mailboxes in modified UTF-7 (RFC 3501
// §5.1.3), so "Søppelpost" is sent as "S&APg-ppelpost". Accounts and tests name folders in
// UTF-8; these two pure functions translate at the protocol edge.
#include <stdexcept>
#include <string>
#include <string_view>

namespace samla {

class ImapMailboxNameError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// UTF-8 to modified UTF-7. Throws ImapMailboxNameError for bytes that are not UTF-8.
[[nodiscard]] std::string imap_mailbox_name(std::string_view utf8);

/// Modified UTF-7 (as in LIST replies) to UTF-8. Throws ImapMailboxNameError for malformed
/// input (bad base64, unpaired surrogates, ASCII hidden in a shifted run, a missing '-').
[[nodiscard]] std::string utf8_mailbox_name(std::string_view modified_utf7);

}  // namespace samla
