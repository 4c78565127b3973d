#pragma once
// The IMAP server's side of the conversation as values: a framer that finds where one response
// ends in a stream of bytes (lines and {n} literals), and a parser that turns one complete
// response into a tree of atoms, numbers, strings and lists. Both are pure functions of their
// input (no I/O), so they are unit-tested on scripted bytes and fuzzed. Untrusted input: anything
// malformed throws ImapParseError; nothing reads past the bytes given.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samla {

class ImapParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One value of a response: an atom (also NIL-less flags like \Seen and sections like BODY[]),
/// a number, a string (quoted or literal, bytes as sent), NIL, or a parenthesised list.
struct ImapValue {
  enum class Kind { atom, number, string, nil, list };
  Kind kind = Kind::nil;
  std::string text;          // atom or string
  std::uint64_t number = 0;  // number
  std::vector<ImapValue> items;

  [[nodiscard]] bool is_atom(std::string_view name) const;  // case-insensitive
  /// A list of name/value pairs (FETCH attributes): the value after `name`, or nullptr.
  [[nodiscard]] const ImapValue* find(std::string_view name) const;
};

/// One complete server response.
struct ImapResponse {
  enum class Kind { untagged, tagged, continuation };
  Kind kind = Kind::untagged;
  std::string tag;  // tagged only
  // Status responses (OK, NO, BAD, BYE, PREAUTH; tagged ones always): upper-case status, the
  // response code in brackets split into its words ("UIDVALIDITY", "1234") and the free text.
  std::string status;
  std::vector<std::string> code;
  std::string text;
  // Data responses: "* 23 EXISTS" -> number 23, name "EXISTS"; "* 5 FETCH (...)" -> data is one
  // list; "* SEARCH 1 2 3" -> name "SEARCH", data the numbers. Names are upper-case.
  std::optional<std::uint64_t> number;
  std::string name;
  std::vector<ImapValue> data;
};

/// Finds response boundaries in a growing buffer in linear time overall: feed it the whole
/// buffer each time; it remembers how far it has scanned.
class ImapFramer {
 public:
  /// Largest literal accepted (a 25 MB attachment is ~34 MB in base64).
  static constexpr std::size_t kMaxLiteral = 256U * 1024U * 1024U;
  /// The length of the first complete response in `buffer` (including its final CRLF), or
  /// nullopt when more bytes are needed. Throws ImapParseError for a literal beyond kMaxLiteral
  /// or a line longer than 1 MB.
  std::optional<std::size_t> complete(std::string_view buffer);
  /// After the caller removed `consumed` bytes from the front of the buffer.
  void consumed(std::size_t length);

 private:
  std::size_t scanned_ = 0;     // bytes of the current response already scanned
  std::size_t line_start_ = 0;  // start of the current line within the response
};

/// Parses one complete response (as ImapFramer delimits it, with its final CRLF).
[[nodiscard]] ImapResponse parse_imap_response(std::string_view response);

/// "* VANISHED (EARLIER) 41,43:116" (RFC 7162 QRESYNC): UIDs that are gone from the mailbox.
/// `earlier` marks expunges from before this session (the answer to SELECT … QRESYNC).
struct ImapVanished {
  bool earlier = false;
  std::vector<std::uint32_t> uids;
};

/// The VANISHED data of `response`, or nullopt for any other response. Throws ImapParseError
/// for a VANISHED response without a valid UID set.
[[nodiscard]] std::optional<ImapVanished> imap_vanished(const ImapResponse& response);

/// The MODSEQ of a FETCH response's attribute list ("(UID 7 MODSEQ (624140003))"), if it has
/// one; throws ImapParseError for a MODSEQ that is not a parenthesised number.
[[nodiscard]] std::optional<std::uint64_t> imap_fetch_modseq(const ImapValue& attributes);

/// Quotes a string for a command: a quoted string when it is short and plain, else nullopt
/// (the caller must send a literal).
[[nodiscard]] std::optional<std::string> imap_quoted(std::string_view text);

/// "1:5,7,9:10" for a sorted set of UIDs; empty for none.
[[nodiscard]] std::string imap_sequence_set(const std::vector<std::uint32_t>& uids);

/// The numbers of a sequence set such as "1:3,7" (ESEARCH ALL, VANISHED); throws ImapParseError
/// for a malformed set or one of more than `limit` numbers.
[[nodiscard]] std::vector<std::uint32_t> parse_imap_sequence_set(std::string_view set,
                                                                 std::size_t limit = 10'000'000);

}  // namespace samla
