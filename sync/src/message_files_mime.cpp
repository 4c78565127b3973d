// RFC 5322 / MIME messages to InboundMessage with GMime 3. GMime parses; this file decides what a
// caseworker sees: which part is the text, what is an attachment, which charset the bytes are
// really in, and what went wrong (as warnings, never as exceptions).
#include <gmime/gmime.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "message_files_internal.h"
#include "message_text.h"
#include "samla/sync/message_files.h"
#include "samla/sync/sha256.h"

namespace samla {
namespace {

using detail::add_warning;
using detail::ascii_lower;
using detail::clean_line;
using detail::clean_text;
using detail::sanitize_utf8;
using detail::trim;

// GMime's objects are reference counted GObjects: one unique_ptr owns one reference.
struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};
struct ReferencesFree {
  void operator()(GMimeReferences* references) const { g_mime_references_free(references); }
};
struct GFree {
  void operator()(gpointer memory) const { g_free(memory); }
};

// Nesting beyond this is treated as hostile (GMime has its own, deeper, limit).
constexpr int kMaxDepth = 32;

std::string_view view(const char* text) { return text == nullptr ? std::string_view{} : text; }

// A GMime string as one clean line of valid UTF-8.
std::string line_of(const char* text) { return clean_line(sanitize_utf8(view(text))); }

std::string bytes_of(GMimeStream* stream) {
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  if (array == nullptr || array->len == 0) return {};
  // GLib keeps the bytes as guint8; std::string wants char (same size and representation).
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
  return {reinterpret_cast<const char*>(array->data), array->len};
}

// The content of a leaf part with its transfer encoding undone.
std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  GPtr<GMimeStream> out{g_mime_stream_mem_new()};
  g_mime_data_wrapper_write_to_stream(content, out.get());
  return bytes_of(out.get());
}

// The content of a leaf part as it was transmitted (still base64 etc.).
std::string encoded_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  GMimeStream* source = g_mime_data_wrapper_get_stream(content);
  if (source == nullptr) return {};
  GPtr<GMimeStream> out{g_mime_stream_mem_new()};
  g_mime_stream_reset(source);
  g_mime_stream_write_to_stream(source, out.get());
  g_mime_stream_reset(source);
  return bytes_of(out.get());
}

std::string media_type_of(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "application/octet-stream";
  const std::string media = ascii_lower(trim(view(g_mime_content_type_get_media_type(type))));
  const std::string sub = ascii_lower(trim(view(g_mime_content_type_get_media_subtype(type))));
  if (media.empty()) return "application/octet-stream";
  return media + "/" + (sub.empty() ? std::string("octet-stream") : sub);
}

std::string parameter(GMimeObject* object, const char* name) {
  return std::string(trim(view(g_mime_object_get_content_type_parameter(object, name))));
}

// A safe file name: no directories, no control characters, never empty.
std::string safe_filename(std::string_view raw, std::string_view fallback) {
  std::string name = line_of(std::string(raw).c_str());
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  while (!name.empty() && (name.front() == '.' || name.front() == ' ')) name.erase(0, 1);
  if (name.size() > 200) name = sanitize_utf8(std::string_view(name).substr(0, 200));
  return name.empty() ? std::string(fallback) : name;
}

std::string extension_for(std::string_view media_type) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kExtensions{{
      {"application/pdf", ".pdf"},
      {"image/png", ".png"},
      {"image/jpeg", ".jpg"},
      {"image/gif", ".gif"},
      {"image/webp", ".webp"},
      {"text/plain", ".txt"},
      {"text/html", ".html"},
      {"text/calendar", ".ics"},
      {"message/rfc822", ".eml"},
      {"message/global", ".eml"},
      {"application/ms-tnef", ".dat"},
      {"application/zip", ".zip"},
      {"application/pkcs7-signature", ".p7s"},
      {"application/pgp-signature", ".asc"},
  }};
  for (const auto& [type, extension] : kExtensions) {
    if (type == media_type) return std::string(extension);
  }
  return ".bin";
}

void collect_mailboxes(InternetAddressList* list, std::vector<Party>& out, int depth = 0) {
  if (list == nullptr || depth > 4) return;
  const int count = internet_address_list_length(list);
  for (int i = 0; i < count; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      collect_mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out,
                        depth + 1);
    } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      Party party{line_of(internet_address_get_name(address)),
                  line_of(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)))};
      if (!party.name.empty() || !party.address.empty()) out.push_back(std::move(party));
    }
  }
}

// One RFC 2047 encoded word of a raw header value.
struct EncodedWord {
  std::size_t begin, end;  // the "=?...?=" in raw
  std::string charset;     // as written, lower case
  char encoding;
  std::string payload;
};

// The RFC 2047 encoded words in a raw header value, in order; scanning stops at a malformed one.
std::vector<EncodedWord> encoded_words_in(std::string_view raw) {
  std::vector<EncodedWord> words;
  std::size_t pos = 0;
  while ((pos = raw.find("=?", pos)) != std::string_view::npos) {
    const std::size_t q1 = raw.find('?', pos + 2);
    if (q1 == std::string_view::npos || q1 + 2 >= raw.size() || raw[q1 + 2] != '?') break;
    const std::size_t close = raw.find("?=", q1 + 3);
    if (close == std::string_view::npos) break;
    std::string charset = ascii_lower(raw.substr(pos + 2, q1 - pos - 2));
    if (charset.find_first_of(" \t\r\n") == std::string::npos) {
      words.push_back(EncodedWord{pos, close + 2, std::move(charset), raw[q1 + 1],
                                  std::string(raw.substr(q1 + 3, close - q1 - 3))});
    }
    pos = close + 2;
  }
  return words;
}

// Encoded words as GMime can decode them. Some mailers split a multi-byte character across two
// base64 words (RFC 2047 forbids it) and GMime then loses the rest of the header: adjacent B-words
// of one charset are merged into one. Charset names iconv does not know as written ("koi8_r") are
// replaced by one it knows. Well-formed headers come out unchanged.
std::string repair_encoded_words(std::string_view raw) {
  const std::vector<EncodedWord> words = encoded_words_in(raw);
  if (words.empty()) return std::string(raw);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < words.size();) {
    const EncodedWord& first = words[i];
    const bool base64 = first.encoding == 'B' || first.encoding == 'b';
    std::size_t j = i + 1;
    std::string bytes;
    if (base64) {
      if (auto decoded = detail::decode_base64(first.payload)) bytes = std::move(*decoded);
      while (j < words.size() && (words[j].encoding == 'B' || words[j].encoding == 'b') &&
             words[j].charset == first.charset &&
             trim(raw.substr(words[j - 1].end, words[j].begin - words[j - 1].end)).empty()) {
        const auto decoded = detail::decode_base64(words[j].payload);
        if (!decoded) break;
        bytes += *decoded;
        ++j;
      }
    }
    const std::string usable = detail::usable_charset(first.charset);
    const bool rename = !usable.empty() && ascii_lower(usable) != first.charset &&
                        first.charset.find('_') != std::string::npos;
    if (j > i + 1 || rename) {
      out.append(raw.substr(copied, first.begin - copied));
      const std::string charset = rename ? usable : first.charset;
      if (j > i + 1) {
        // g_base64_encode takes bytes as guchar; char and guchar have the same representation.
        std::unique_ptr<gchar, GFree> encoded{g_base64_encode(
            reinterpret_cast<const guchar*>(bytes.data()),  // NOLINT(*-pro-type-reinterpret-cast)
            bytes.size())};
        out += "=?" + charset + "?B?" + encoded.get() + "?=";
      } else {
        out += "=?" + charset + "?" + first.encoding + "?" + first.payload + "?=";
      }
      copied = words[j - 1].end;
    }
    i = j;
  }
  out.append(raw.substr(copied));
  return out;
}

// A raw header value made ready for GMime's decoder: raw 8-bit text that is not UTF-8 is read as
// mostly-UTF-8 (bad bytes replaced) or in the message's own charset when it has one; GMime's
// fallback (Windows-1252) takes the rest.
std::string prepare_header(std::string_view raw, std::string_view hint) {
  std::string text(raw);
  if (!detail::is_valid_utf8(text)) {
    if (detail::mostly_utf8(text)) {
      text = sanitize_utf8(text);
    } else if (!hint.empty()) {
      auto decoded = detail::decode_charset(text, hint);
      if (decoded.warning.empty()) text = std::move(decoded.text);
    }
  }
  return repair_encoded_words(text);
}

const char* raw_header(GMimeObject* object, const char* name) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(object);
  GMimeHeader* header = headers == nullptr ? nullptr : g_mime_header_list_get_header(headers, name);
  if (header == nullptr) return nullptr;
  const char* raw = g_mime_header_get_raw_value(header);
  return raw != nullptr ? raw : g_mime_header_get_value(header);
}

// The charset the message's own text declares, for raw 8-bit headers and undeclared text; empty
// when it declares none or one that adds nothing to the UTF-8 / Windows-1252 guess.
std::string charset_hint(GMimeObject* object, int depth = 0) {
  if (object == nullptr || depth > 8) return {};
  if (GMIME_IS_MULTIPART(object)) {
    GMimeMultipart* multipart = GMIME_MULTIPART(object);
    const int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count && i < 16; ++i) {
      std::string hint = charset_hint(g_mime_multipart_get_part(multipart, i), depth + 1);
      if (!hint.empty()) return hint;
    }
    return {};
  }
  if (!GMIME_IS_PART(object)) return {};
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr || ascii_lower(view(g_mime_content_type_get_media_type(type))) != "text") {
    return {};
  }
  std::string charset = ascii_lower(trim(view(g_mime_content_type_get_parameter(type, "charset"))));
  if (charset.empty() || charset == "us-ascii" || charset == "utf-8" || charset == "utf8") {
    return {};
  }
  return charset;
}

std::string message_charset_hint(GMimeMessage* message) {
  std::string hint = charset_hint(g_mime_message_get_mime_part(message));
  if (!hint.empty()) return hint;
  // Else the charset of the first encoded word of the Subject or From.
  for (const char* name : {"Subject", "From"}) {
    const std::string_view raw = view(raw_header(GMIME_OBJECT(message), name));
    const std::size_t start = raw.find("=?");
    if (start == std::string_view::npos) continue;
    const std::size_t end = raw.find('?', start + 2);
    if (end == std::string_view::npos) continue;
    hint = ascii_lower(raw.substr(start + 2, end - start - 2));
    if (hint != "utf-8" && hint != "us-ascii" && hint != "utf8") return hint;
  }
  return {};
}

// GMime knows only the zone names of RFC 5322 and reads any other as UTC; Central European mail
// still writes "CET" now and then. The offset of such a name, when the header has no numeric one.
std::optional<std::chrono::seconds> european_zone_offset(std::string_view date_header) {
  static constexpr std::array<std::pair<std::string_view, int>, 11> kZones{{
      {"cet", 1},
      {"cest", 2},
      {"met", 1},
      {"mest", 2},
      {"mez", 1},
      {"mesz", 2},
      {"eet", 2},
      {"eest", 3},
      {"wet", 0},
      {"west", 1},
      {"bst", 1},
  }};
  std::vector<std::string> words;
  std::string word;
  for (const char c : date_header) {
    if (c == ' ' || c == '\t' || c == '(' || c == ')' || c == ',') {
      if (!word.empty()) words.push_back(ascii_lower(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(ascii_lower(word));
  for (const std::string& w : words) {
    if (w.size() == 5 && (w[0] == '+' || w[0] == '-')) return std::nullopt;  // numeric offset
  }
  if (words.empty()) return std::nullopt;
  for (const auto& [name, hours] : kZones) {
    if (words.back() == name) return std::chrono::hours{hours};
  }
  return std::nullopt;
}

// True when `encoded` has a line with a space between characters: base64 never has.
bool is_plain_words(std::string_view encoded) {
  std::size_t pos = 0;
  while (pos < encoded.size()) {
    std::size_t eol = encoded.find('\n', pos);
    if (eol == std::string_view::npos) eol = encoded.size();
    const std::string_view line = trim(encoded.substr(pos, eol - pos));
    if (line.find_first_of(" \t") != std::string_view::npos) return true;
    pos = eol + 1;
  }
  return false;
}

// The preamble MIME writers put before the first part for non-MIME readers.
bool is_mime_boilerplate(std::string_view prologue) {
  if (prologue.empty()) return true;
  if (prologue.size() > 300) return false;
  const std::string lower = ascii_lower(prologue);
  static constexpr std::array<std::string_view, 6> kMarkers = {
      "mime format",       "multi-part message", "multipart message",
      "mime-encapsulated", "mime message",       "mime-formatted"};
  return std::ranges::any_of(kMarkers, [&lower](std::string_view marker) {
    return lower.find(marker) != std::string::npos;
  });
}

std::string format_party(const Party& party) {
  if (party.name.empty()) return party.address;
  if (party.address.empty()) return party.name;
  return party.name + " <" + party.address + ">";
}

std::string describe_parser_warning(GMimeParserWarning code, std::string_view item) {
  const std::string what =
      item.empty() ? std::string{} : " '" + line_of(std::string(item).substr(0, 80).c_str()) + "'";
  switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
      return "header" + what + " appears more than once; the first is used";
    case GMIME_WARN_DUPLICATED_PARAMETER:
      return "a header parameter" + what + " appears more than once";
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
      return "header" + what + " has raw 8-bit text; read as UTF-8 or windows-1252";
    case GMIME_WARN_INVALID_CONTENT_TYPE:
      return "invalid Content-Type" + what + "; read as text";
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
      return "badly encoded words in header" + what;
    case GMIME_WARN_MALFORMED_MULTIPART:
      return "a multipart is malformed (a boundary is missing)";
    case GMIME_WARN_TRUNCATED_MESSAGE:
      return "the message is truncated";
    case GMIME_WARN_MALFORMED_MESSAGE:
      return "the message is malformed";
    case GMIME_CRIT_INVALID_HEADER_NAME:
      return "invalid header name" + what;
    case GMIME_CRIT_CONFLICTING_HEADER:
      return "conflicting headers" + what;
    case GMIME_CRIT_CONFLICTING_PARAMETER:
      return "conflicting header parameters" + what;
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      return "a multipart has no boundary; its content is read as text";
    case GMIME_WARN_INVALID_PARAMETER:
      return "invalid header parameter" + what;
    case GMIME_WARN_INVALID_ADDRESS_LIST:
      return "an address list could not be read completely" + what;
    case GMIME_CRIT_NESTING_OVERFLOW:
      return "parts are nested too deeply; the innermost were not read";
    case GMIME_WARN_PART_WITHOUT_CONTENT:
      return "a part has no content";
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      return "a part has neither headers nor content";
  }
  return "MIME problem" + what;
}

void on_parser_warning(gint64 /*offset*/, GMimeParserWarning code, const gchar* item,
                       gpointer user_data) {
  auto* warnings = static_cast<std::vector<std::string>*>(user_data);
  try {
    add_warning(*warnings, describe_parser_warning(code, view(item)));
  } catch (...) {
    // Out of memory inside a C callback: dropping one warning is better than unwinding C frames.
  }
}

// How a part of the tree is taken.
enum class PartRole {
  Body,        // text parts make the body; everything else is an attachment
  Rendition,   // another rendition of text already taken (multipart/alternative): its text is
               // skipped, anything else (images …) is still kept as an attachment
  Attachment,  // everything, text included, is an attachment
  TextOnly,    // inside a forwarded message: only its text is read
};

class MimeReader {
 public:
  MimeReader(const ReadOptions& options, GMimeParserOptions* parser_options,
             std::vector<std::string>& warnings, std::string hint)
      : options_(options),
        parser_options_(parser_options),
        warnings_(warnings),
        hint_(std::move(hint)) {}

  void read_headers(GMimeMessage* message, ParsedMessage& out, std::string_view raw) {
    InboundMessage& m = out.message;
    GMimeObject* object = GMIME_OBJECT(message);

    std::vector<Party> from = addresses(object, "From");
    if (from.empty()) {
      const std::string raw_from = header_text(object, "From");
      if (!raw_from.empty()) {
        from.push_back(Party{raw_from, {}});
        warn("the From header is not a readable address: '" + raw_from + "'");
      } else {
        from = addresses(object, "Sender");
        if (from.empty()) from = addresses(object, "Reply-To");
        warn(from.empty() ? "the message has no sender (no From header)"
                          : "no From header; the sender is taken from Sender or Reply-To");
      }
    }
    if (!from.empty()) m.from = from.front();

    m.to = addresses(object, "To");
    for (Party& cc : addresses(object, "Cc")) m.to.push_back(std::move(cc));
    const std::vector<Party> reply_to = addresses(object, "Reply-To");
    if (!reply_to.empty() && reply_to.front().address != m.from.address) {
      out.reply_to = reply_to.front();
    }

    m.subject = header_text(object, "Subject");

    const std::string message_id = line_of(g_mime_message_get_message_id(message));
    m.external_id = message_id.empty() ? "sha256:" + sha256_hex(raw) : message_id;

    add_references(g_mime_object_get_header(object, "In-Reply-To"), m.references, false);
    add_references(g_mime_object_get_header(object, "References"), m.references, true);

    read_date(message, m);
    out.automated = is_automated(message, m);
  }

  // Reads the body of `object` into text segments and attachments.
  void walk(GMimeObject* object, PartRole role, int depth, ParsedMessage& out) {
    if (object == nullptr) return;
    if (depth > kMaxDepth) {
      warn("parts are nested too deeply; the innermost were not read");
      return;
    }
    if (GMIME_IS_MULTIPART(object)) {
      walk_multipart(GMIME_MULTIPART(object), role, depth, out);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
      walk_message_part(GMIME_MESSAGE_PART(object), role, depth, out);
    } else if (GMIME_IS_PART(object)) {
      walk_leaf(GMIME_PART(object), role, out);
    }
  }

  [[nodiscard]] const std::string& prologue() const { return prologue_; }
  [[nodiscard]] const std::string& hint() const { return hint_; }

  [[nodiscard]] std::string body() const {
    std::string joined;
    for (const std::string& segment : segments_) {
      if (segment.empty()) continue;
      if (!joined.empty()) joined += "\n\n";
      joined += segment;
    }
    return joined;
  }

 private:
  void warn(std::string_view text) { add_warning(warnings_, text); }

  // A header's text: RFC 2047 decoded, raw 8-bit read as well as it can be, one line.
  std::string header_text(GMimeObject* object, const char* name) {
    const char* raw = raw_header(object, name);
    if (raw == nullptr) return {};
    const std::string prepared = prepare_header(raw, hint_);
    std::unique_ptr<char, GFree> decoded{
        g_mime_utils_header_decode_text(parser_options_, prepared.c_str())};
    return line_of(decoded.get());
  }

  // The mailboxes of an address header (groups flattened).
  std::vector<Party> addresses(GMimeObject* object, const char* name) {
    std::vector<Party> out;
    const char* raw = raw_header(object, name);
    if (raw == nullptr) return out;
    const std::string prepared = prepare_header(raw, hint_);
    GPtr<InternetAddressList> list{internet_address_list_parse(parser_options_, prepared.c_str())};
    collect_mailboxes(list.get(), out);
    return out;
  }

  void add_references(const char* header, std::vector<std::string>& out, bool newest_first) {
    if (header == nullptr) return;
    std::unique_ptr<GMimeReferences, ReferencesFree> refs{
        g_mime_references_parse(parser_options_, header)};
    if (!refs) return;
    std::vector<std::string> ids;
    const int count = g_mime_references_length(refs.get());
    for (int i = 0; i < count; ++i) {
      std::string id = line_of(g_mime_references_get_message_id(refs.get(), i));
      if (!id.empty()) ids.push_back(std::move(id));
    }
    if (newest_first) std::reverse(ids.begin(), ids.end());
    for (std::string& id : ids) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    }
  }

  void read_date(GMimeMessage* message, InboundMessage& m) {
    GMimeObject* object = GMIME_OBJECT(message);
    if (options_.now) {
      const char* ago = g_mime_object_get_header(object, "X-Samla-Demo-Received-Ago");
      if (ago != nullptr) {
        if (const auto age = parse_age(trim(ago))) {
          m.received_at = *options_.now - *age;
          return;
        }
        warn("X-Samla-Demo-Received-Ago '" + line_of(ago) + "' is not an age like 3d4h");
      }
    }
    if (GDateTime* date = g_mime_message_get_date(message)) {
      m.received_at = Instant{std::chrono::seconds{g_date_time_to_unix(date)}};
      const std::string_view header = view(g_mime_object_get_header(object, "Date"));
      if (const auto offset = european_zone_offset(header)) {
        m.received_at -= *offset;
        warn("the Date header names its zone the obsolete way ('" + line_of(header.data()) + "')");
      }
      return;
    }
    m.received_at = detail::fallback_time(options_);
    const std::string header = line_of(g_mime_object_get_header(object, "Date"));
    warn(header.empty() ? "no Date header; the time of import is used"
                        : "unreadable Date header '" + header + "'; the time of import is used");
  }

  static bool is_automated(GMimeMessage* message, const InboundMessage& m) {
    GMimeObject* object = GMIME_OBJECT(message);
    const auto header = [&](const char* name) {
      return ascii_lower(trim(view(g_mime_object_get_header(object, name))));
    };
    const std::string auto_submitted = header("Auto-Submitted");
    if (!auto_submitted.empty() && auto_submitted.substr(0, auto_submitted.find(';')) != "no") {
      return true;
    }
    const std::string precedence = header("Precedence");
    if (precedence == "bulk" || precedence == "junk" || precedence == "list" ||
        precedence == "auto_reply") {
      return true;
    }
    if (g_mime_object_get_header(object, "List-Id") != nullptr ||
        g_mime_object_get_header(object, "List-Unsubscribe") != nullptr ||
        g_mime_object_get_header(object, "X-Autoreply") != nullptr ||
        g_mime_object_get_header(object, "X-Autorespond") != nullptr) {
      return true;
    }
    const std::string suppress = header("X-Auto-Response-Suppress");
    if (suppress.find("all") != std::string::npos || suppress.find("oof") != std::string::npos ||
        suppress.find("autoreply") != std::string::npos) {
      return true;
    }
    if (header("Return-Path") == "<>") return true;
    if (GMimeObject* body = g_mime_message_get_mime_part(message)) {
      if (media_type_of(body) == "multipart/report") return true;
    }
    const std::string sender = ascii_lower(m.from.address);
    const std::string local = sender.substr(0, sender.find('@'));
    return local == "mailer-daemon" || local == "postmaster" || local == "noreply" ||
           local == "no-reply" || local == "donotreply" || local == "do-not-reply";
  }

  void walk_multipart(GMimeMultipart* multipart, PartRole role, int depth, ParsedMessage& out) {
    GMimeObject* object = GMIME_OBJECT(multipart);
    const std::string type = media_type_of(object);
    const int count = g_mime_multipart_get_count(multipart);
    if (role == PartRole::Body && prologue_.empty()) {
      // Kept in case no part has text: then the preamble is all the sender wrote.
      const std::string_view prologue = trim(view(g_mime_multipart_get_prologue(multipart)));
      if (!is_mime_boilerplate(prologue)) prologue_ = prologue;
    }
    if (count == 0) {
      // No parts (no boundary, or an empty multipart): whatever text it has is the content.
      const std::string prologue =
          std::string(trim(view(g_mime_multipart_get_prologue(multipart))));
      if (!prologue.empty() && (role == PartRole::Body || role == PartRole::TextOnly)) {
        const auto decoded = detail::decode_charset(prologue, {}, hint_);
        if (!decoded.warning.empty()) warn(decoded.warning);
        segments_.push_back(clean_text(decoded.text));
      }
      warn(type + " has no parts" + (prologue.empty() ? "" : "; its text is shown as it is"));
      return;
    }
    if (GMIME_IS_MULTIPART_ENCRYPTED(object)) {
      warn("the message is encrypted and cannot be read here; it is kept as attachments");
      for (int i = 0; i < count; ++i) {
        walk(g_mime_multipart_get_part(multipart, i), attachments_or_text(role), depth + 1, out);
      }
      return;
    }
    if (type == "multipart/alternative") {
      const int best = best_alternative(multipart);
      for (int i = 0; i < count; ++i) {
        walk(g_mime_multipart_get_part(multipart, i), i == best ? role : rendition_of(role),
             depth + 1, out);
      }
      return;
    }
    // The first part (or the "start" part of multipart/related) carries the text; in signed and
    // report messages the rest is machine data, kept as attachments.
    const int root = type == "multipart/related" ? related_root(multipart) : 0;
    const bool first_is_text =
        type == "multipart/related" || type == "multipart/signed" || type == "multipart/report";
    for (int i = 0; i < count; ++i) {
      PartRole child = role;
      if (first_is_text && i != root) child = attachments_or_text(role);
      walk(g_mime_multipart_get_part(multipart, i), child, depth + 1, out);
    }
  }

  // The index of the part a multipart/related names as its "start" (the last one with that
  // Content-ID); the first part when it names none.
  static int related_root(GMimeMultipart* multipart) {
    const std::string start = parameter(GMIME_OBJECT(multipart), "start");
    if (start.empty()) return 0;
    std::string id = start;
    if (id.size() > 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    int root = 0;
    const int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count; ++i) {
      if (view(g_mime_object_get_content_id(g_mime_multipart_get_part(multipart, i))) == id) {
        root = i;
      }
    }
    return root;
  }

  static PartRole rendition_of(PartRole role) {
    return role == PartRole::Body       ? PartRole::Rendition
           : role == PartRole::TextOnly ? PartRole::Rendition
                                        : role;
  }

  static PartRole attachments_or_text(PartRole role) {
    return role == PartRole::TextOnly || role == PartRole::Rendition ? PartRole::Rendition
                                                                     : PartRole::Attachment;
  }

  // The child of a multipart/alternative that gives the body: text/plain first (the sender's own
  // words, no markup), else one that contains text (a nested multipart), else text/html.
  static int best_alternative(GMimeMultipart* multipart) {
    const int count = g_mime_multipart_get_count(multipart);
    int nested = -1;
    int html = -1;
    for (int i = 0; i < count; ++i) {
      GMimeObject* child = g_mime_multipart_get_part(multipart, i);
      const std::string type = media_type_of(child);
      if (type == "text/plain" && !looks_like_attachment(child)) return i;
      if (GMIME_IS_MULTIPART(child) && nested < 0) nested = i;
      if (type == "text/html" && html < 0) html = i;
    }
    if (nested >= 0 &&
        contains_plain_text(GMIME_MULTIPART(g_mime_multipart_get_part(multipart, nested)))) {
      return nested;
    }
    if (html >= 0) return html;
    return nested >= 0 ? nested : 0;
  }

  static bool contains_plain_text(GMimeMultipart* multipart, int depth = 0) {
    if (depth > 8) return false;
    const int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count; ++i) {
      GMimeObject* child = g_mime_multipart_get_part(multipart, i);
      if (media_type_of(child) == "text/plain") return true;
      if (GMIME_IS_MULTIPART(child) && contains_plain_text(GMIME_MULTIPART(child), depth + 1)) {
        return true;
      }
    }
    return false;
  }

  static bool looks_like_attachment(GMimeObject* object) {
    const std::string disposition = ascii_lower(trim(view(g_mime_object_get_disposition(object))));
    if (disposition == "attachment") return true;
    if (GMIME_IS_PART(object) && g_mime_part_get_filename(GMIME_PART(object)) != nullptr) {
      return true;
    }
    return false;
  }

  void walk_message_part(GMimeMessagePart* part, PartRole role, int depth, ParsedMessage& out) {
    GMimeObject* object = GMIME_OBJECT(part);
    GMimeMessage* inner = g_mime_message_part_get_message(part);
    if (inner == nullptr) {
      warn("an attached message is empty");
      return;
    }
    if (role == PartRole::Body || role == PartRole::TextOnly)
      append_forwarded_text(inner, depth, out);
    if (role == PartRole::TextOnly) return;

    GPtr<GMimeStream> stream{g_mime_stream_mem_new()};
    g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, stream.get());
    std::string bytes = bytes_of(stream.get());

    std::string name{view(g_mime_object_get_content_disposition_parameter(object, "filename"))};
    if (name.empty()) name = view(g_mime_object_get_content_type_parameter(object, "name"));
    if (name.empty()) {
      const std::string subject = line_of(g_mime_message_get_subject(inner));
      name = subject.empty() ? "forwarded-message" : subject;
      name += ".eml";
    }
    add_attachment(safe_filename(name, "forwarded-message.eml"), media_type_of(object),
                   std::move(bytes), out);
  }

  void append_forwarded_text(GMimeMessage* inner, int depth, ParsedMessage& out) {
    GMimeObject* object = GMIME_OBJECT(inner);
    const std::vector<Party> from = addresses(object, "From");
    const std::vector<Party> to = addresses(object, "To");
    std::string block = "---------- Forwarded message ----------";
    if (!from.empty()) block += "\nFrom: " + format_party(from.front());
    const std::string date = line_of(g_mime_object_get_header(object, "Date"));
    if (!date.empty()) block += "\nDate: " + date;
    const std::string subject = header_text(object, "Subject");
    if (!subject.empty()) block += "\nSubject: " + subject;
    if (!to.empty()) {
      block += "\nTo: ";
      for (std::size_t i = 0; i < to.size(); ++i) {
        if (i > 0) block += ", ";
        block += format_party(to[i]);
      }
    }
    // The forwarded text goes into its own reader so that it lands below the header block.
    MimeReader nested(options_, parser_options_, warnings_, message_charset_hint(inner));
    nested.walk(g_mime_message_get_mime_part(inner), PartRole::TextOnly, depth + 1, out);
    const std::string text = nested.body();
    if (!text.empty()) block += "\n\n" + text;
    segments_.push_back(std::move(block));
  }

  void walk_leaf(GMimePart* part, PartRole role, ParsedMessage& out) {
    GMimeObject* object = GMIME_OBJECT(part);
    // A part without Content-Type is text/plain (RFC 2045 § 5.2).
    const bool typed = g_mime_object_get_header(object, "Content-Type") != nullptr;
    const std::string type = typed ? media_type_of(object) : "text/plain";
    const bool text_type = type == "text/plain" || type == "text/html";
    const bool attachment = looks_like_attachment(object);

    if (text_type && !attachment && (role == PartRole::Body || role == PartRole::TextOnly)) {
      segments_.push_back(read_text(part, type));
      return;
    }
    check_transfer_encoding(part, type);
    if (role == PartRole::TextOnly) return;
    if (role == PartRole::Rendition && text_type && !attachment) return;

    const std::string filename = safe_filename(
        view(g_mime_part_get_filename(part)),
        "attachment-" + std::to_string(out.attachments.size() + 1) + extension_for(type));
    add_attachment(filename, type, decoded_content(part), out);
  }

  void check_transfer_encoding(GMimePart* part, const std::string& type) {
    GMimeObject* object = GMIME_OBJECT(part);
    const char* header = g_mime_object_get_header(object, "Content-Transfer-Encoding");
    const GMimeContentEncoding encoding = g_mime_part_get_content_encoding(part);
    if (header != nullptr && encoding == GMIME_CONTENT_ENCODING_DEFAULT && !trim(header).empty()) {
      warn("unknown Content-Transfer-Encoding '" + line_of(header) + "' in a " + type +
           " part; its content is read as it is");
    }
    if (encoding == GMIME_CONTENT_ENCODING_BASE64 &&
        !detail::is_base64_text(encoded_content(part))) {
      warn("invalid characters in the base64 of a " + type + " part were skipped");
    }
  }

  std::string read_text(GMimePart* part, const std::string& type) {
    GMimeObject* object = GMIME_OBJECT(part);
    std::string bytes;
    if (g_mime_part_get_content_encoding(part) == GMIME_CONTENT_ENCODING_BASE64 &&
        is_plain_words(encoded_content(part))) {
      // Words separated by spaces are never base64: the label is wrong, the text is plain.
      warn("a " + type + " part declared as base64 is plain text; read as it is");
      bytes = encoded_content(part);
    } else {
      check_transfer_encoding(part, type);
      bytes = decoded_content(part);
    }
    std::string charset = parameter(object, "charset");
    if (charset.empty() && type == "text/html") charset = detail::html_meta_charset(bytes);
    auto decoded = detail::decode_charset(bytes, charset, hint_);
    if (!decoded.warning.empty()) warn(decoded.warning);
    if (type == "text/html") return detail::html_to_text(decoded.text);
    if (ascii_lower(parameter(object, "format")) == "flowed") {
      decoded.text = detail::unflow(decoded.text, ascii_lower(parameter(object, "delsp")) == "yes");
    }
    return clean_text(decoded.text);
  }

  static void add_attachment(std::string filename, std::string type, std::string bytes,
                             ParsedMessage& out) {
    AttachmentRef ref;
    ref.filename = std::move(filename);
    ref.content_type = std::move(type);
    ref.size = bytes.size();
    out.message.attachments.push_back(std::move(ref));
    out.attachments.push_back(AttachmentBytes{std::move(bytes)});
  }

  const ReadOptions& options_;
  GMimeParserOptions* parser_options_;
  std::vector<std::string>& warnings_;
  std::string hint_;
  std::vector<std::string> segments_;
  std::string prologue_;
};

bool looks_like_header_line(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

// Some senders end the header section with a line of spaces instead of an empty line; GMime then
// reads the body as broken headers and the text is lost. Such a line, followed by a line that is
// no header, is made empty. nullopt when the headers end properly.
std::optional<std::string> repair_header_end(std::string_view content) {
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view line = content.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return std::nullopt;
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      std::size_t next_end = content.find('\n', eol + 1);
      if (next_end == std::string_view::npos) next_end = content.size();
      const std::string_view next = content.substr(eol + 1, next_end - eol - 1);
      if (!looks_like_header_line(next) && !(next.starts_with(" ") || next.starts_with("\t"))) {
        std::string repaired(content.substr(0, pos));
        repaired += content.substr(pos + line.size());  // keeps the line end
        return repaired;
      }
    }
    pos = eol + 1;
  }
  return std::nullopt;
}

// The parser options every message is read with: lenient, and 8-bit headers tried as UTF-8 and
// then Windows-1252 (what Norwegian mail without encoded words is in).
std::unique_ptr<GMimeParserOptions, ParserOptionsFree> make_parser_options(
    std::vector<std::string>& warnings) {
  std::unique_ptr<GMimeParserOptions, ParserOptionsFree> options{g_mime_parser_options_new()};
  static std::array<const char*, 3> fallback_charsets{"UTF-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback_charsets.data());
  g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_allow_addresses_without_domain(options.get(), TRUE);
  g_mime_parser_options_set_warning_callback(options.get(), &on_parser_warning, &warnings);
  return options;
}

}  // namespace

ParsedMessage parse_mime(std::string_view raw, const ReadOptions& options) {
  detail::ensure_gmime_initialized();
  ParsedMessage out;
  out.message.channel = Channel::Email;
  std::vector<std::string> warnings;
  // Declared before the message, so it outlives it: headers decode lazily with these options.
  auto parser_options = make_parser_options(warnings);

  // Blank space before the first header (seen in saved files) makes GMime see no headers at all.
  std::string_view content = raw;
  while (!content.empty() && (content.front() == ' ' || content.front() == '\t' ||
                              content.front() == '\r' || content.front() == '\n')) {
    content.remove_prefix(1);
  }
  if (content.size() != raw.size() && !content.empty()) {
    add_warning(warnings, "blank space before the first header was skipped");
  }
  const std::optional<std::string> repaired = repair_header_end(content);
  if (repaired) {
    content = *repaired;
    add_warning(warnings, "a line of blank space ended the headers");
  }
  GPtr<GMimeStream> stream{g_mime_stream_mem_new_with_buffer(content.data(), content.size())};
  GPtr<GMimeParser> parser{g_mime_parser_new_with_stream(stream.get())};
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GPtr<GMimeMessage> message{g_mime_parser_construct_message(parser.get(), parser_options.get())};

  if (!message) {
    // Not a message at all: keep its bytes as the text, so nothing is lost.
    const auto decoded = detail::decode_charset(raw, {});
    out.message.body_text = clean_text(decoded.text);
    out.message.external_id = "sha256:" + sha256_hex(raw);
    out.message.received_at = detail::fallback_time(options);
    add_warning(warnings, "not a MIME message; its content is shown as plain text");
    add_warning(warnings, "the message has no sender (no From header)");
    out.message.warnings = std::move(warnings);
    return out;
  }

  MimeReader reader(options, parser_options.get(), warnings, message_charset_hint(message.get()));
  reader.read_headers(message.get(), out, raw);
  reader.walk(g_mime_message_get_mime_part(message.get()), PartRole::Body, 0, out);
  out.message.body_text = clean_text(reader.body());
  if (out.message.body_text.empty() && !reader.prologue().empty()) {
    const auto decoded = detail::decode_charset(reader.prologue(), {}, reader.hint());
    if (!decoded.warning.empty()) add_warning(warnings, decoded.warning);
    out.message.body_text = clean_text(decoded.text);
    add_warning(warnings, "the text stands before the first MIME part; it is shown as it is");
  }
  if (out.message.body_text.empty()) {
    add_warning(warnings, out.message.attachments.empty()
                              ? "the message has no text"
                              : "the message has no text, only attachments");
  }
  if (out.message.department.empty() && !options.mailbox_routes.empty()) {
    out.message.department = route_by_mailbox(out.message, options.mailbox_routes);
  }
  message.reset();  // before the options and the warnings it reports into
  out.message.warnings = std::move(warnings);
  return out;
}

}  // namespace samla
