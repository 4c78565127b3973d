#pragma once
// Text helpers of the message readers (private to samla_sync): bytes in any charset to clean
// UTF-8, HTML reduced to readable text. Pure functions; any thread.
#include <optional>
#include <string>
#include <string_view>

namespace samla::detail {

/// g_mime_init(), once per process (GMime's charset tables and iconv cache need it).
void ensure_gmime_initialized();

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
[[nodiscard]] bool is_valid_utf8(std::string_view text);

/// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD; `replaced` tells whether any
/// was.
[[nodiscard]] std::string sanitize_utf8(std::string_view text, bool* replaced = nullptr);

/// Windows-1252 (the superset of ISO-8859-1 that mail labelled "iso-8859-1" really uses) to UTF-8.
[[nodiscard]] std::string windows_1252_to_utf8(std::string_view bytes);

/// True when `text` reads as UTF-8 with at most a few bad bytes: four in five of its non-ASCII
/// bytes form well-formed sequences that are not C1 controls. Text in a single-byte charset
/// practically never does, and double-byte CJK text only by accident in a few places.
[[nodiscard]] bool mostly_utf8(std::string_view text);

/// A charset name iconv can open for `charset` (aliases such as "koi8_r" repaired, and legacy
/// charsets widened to the superset mail really uses: gb2312 -> GBK, euc-kr -> CP949 …); empty
/// when there is none.
[[nodiscard]] std::string usable_charset(std::string_view charset);

/// Body text decoded to UTF-8 from its declared charset (empty: none declared), plus a warning
/// when the result is a guess or lossy (empty when the text was read cleanly). `hint` is the
/// charset the rest of the message uses, tried for undeclared 8-bit text after UTF-8.
struct DecodedText {
  std::string text;
  std::string warning;
};
[[nodiscard]] DecodedText decode_charset(std::string_view bytes, std::string_view charset,
                                         std::string_view hint = {});

/// The charset an HTML document declares in a <meta> tag; empty when none.
[[nodiscard]] std::string html_meta_charset(std::string_view html);

/// HTML reduced to readable plain text: tags, comments, scripts and styles dropped, entities
/// decoded, paragraphs and line breaks kept, whitespace collapsed. Nothing remote is fetched.
[[nodiscard]] std::string html_to_text(std::string_view html);

/// text/plain with format=flowed (RFC 3676) joined back into paragraphs.
[[nodiscard]] std::string unflow(std::string_view text, bool delete_space);

/// Multi-line text as the inbox keeps it: LF line ends, no BOM, no control characters other than
/// tab and newline, no trailing whitespace at line ends, no leading or trailing blank lines.
[[nodiscard]] std::string clean_text(std::string_view utf8);

/// One-line text (subjects, names, filenames): controls and line breaks become spaces, runs of
/// spaces collapse, both ends trimmed.
[[nodiscard]] std::string clean_line(std::string_view utf8);

/// Decodes base64 (whitespace allowed); nullopt when it holds other characters or is cut short.
[[nodiscard]] std::optional<std::string> decode_base64(std::string_view text);

/// True when `text` holds only base64 characters and whitespace.
[[nodiscard]] bool is_base64_text(std::string_view text);

/// ASCII lower case.
[[nodiscard]] std::string ascii_lower(std::string_view text);

/// `text` without leading and trailing ASCII whitespace.
[[nodiscard]] std::string_view trim(std::string_view text);

}  // namespace samla::detail
