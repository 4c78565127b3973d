#pragma once
// What the conversation pane's wxHtmlWindow may show: citizens' text made into HTML that cannot
// run a script or fetch anything. Plain text is escaped (links become clickable anchors that open
// only on click); HTML mail is reduced to a small set of formatting tags without attributes
// other than a link's http(s)/mailto href. wx-free, so it is tested as pure functions.
#include <string>
#include <string_view>

namespace samla::app {

/// Escapes &, <, >, " for HTML text and attributes.
[[nodiscard]] std::string escape_html(std::string_view text);
/// Escaped plain text with line breaks kept and http(s) addresses as links.
[[nodiscard]] std::string plain_text_to_html(std::string_view text);
/// Keeps only harmless formatting (b, i, em, strong, p, br, ul, ol, li, blockquote, pre, a with an
/// http/https/mailto href); drops script, style, iframe, object and img with their content or
/// tag, every other attribute, and comments.
[[nodiscard]] std::string sanitise_html(std::string_view html);
/// Whether the pane may hand a clicked link to the system browser.
[[nodiscard]] bool is_openable_link(std::string_view url);

}  // namespace samla::app
