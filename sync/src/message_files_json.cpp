// JSON message files (callback requests, SMS, social media and digital post exports, the demo
// data): the mapping from JSON to InboundMessage lives here, at the edge, and nowhere else.
#include <nlohmann/json.hpp>

#include <string>
#include <utility>

#include "message_files_internal.h"
#include "message_text.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/message_files.h"
#include "samla/sync/sha256.h"

namespace samla::detail {
namespace {

using nlohmann::json;

// A message that cannot be read; caught per item and turned into a FileProblem.
struct ItemError {
  std::string text;
};

const char* type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return "something else";
  }
}

const json* field(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string string_field(const json& object, const char* name, bool required) {
  const json* value = field(object, name);
  if (value == nullptr) {
    if (required) throw ItemError{"missing field '" + std::string(name) + "'"};
    return {};
  }
  if (!value->is_string()) {
    throw ItemError{"field '" + std::string(name) + "' must be a string, not " + type_name(*value)};
  }
  return value->get<std::string>();
}

// "Kari Nordmann <kari@example.no>", or a bare address or phone number.
Party party_from_text(std::string_view text) {
  const std::string line = clean_line(text);
  const std::size_t open = line.rfind('<');
  if (open != std::string::npos && !line.empty() && line.back() == '>') {
    std::string name = std::string(trim(std::string_view(line).substr(0, open)));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    return Party{name, line.substr(open + 1, line.size() - open - 2)};
  }
  return Party{{}, line};
}

Party party_of(const json& value, const std::string& what) {
  if (value.is_string()) return party_from_text(value.get<std::string>());
  if (value.is_object()) {
    Party party{clean_line(string_field(value, "name", false)),
                clean_line(string_field(value, "address", false))};
    if (party.name.empty() && party.address.empty()) {
      throw ItemError{"field '" + what + "' has neither name nor address"};
    }
    return party;
  }
  throw ItemError{"field '" + what + "' must be a string or an object with name and address, not " +
                  type_name(value)};
}

Instant received_time(const json& object, const ReadOptions& options) {
  const json* ago = field(object, "received_ago");
  if (ago != nullptr && options.now) {
    if (!ago->is_string()) {
      throw ItemError{std::string("field 'received_ago' must be a string, not ") + type_name(*ago)};
    }
    const auto age = parse_age(ago->get<std::string>());
    if (!age) {
      throw ItemError{"field 'received_ago' is not an age like \"3d4h\": '" +
                      clean_line(ago->get<std::string>()) + "'"};
    }
    return *options.now - *age;
  }
  const json* at = field(object, "received_at");
  if (at == nullptr) {
    throw ItemError{ago != nullptr ? "field 'received_ago' is only read by the demo import; give "
                                     "'received_at'"
                                   : "missing field 'received_at'"};
  }
  if (!at->is_string()) {
    throw ItemError{std::string("field 'received_at' must be a string, not ") + type_name(*at)};
  }
  const std::string text = at->get<std::string>();
  const auto instant = parse_iso8601(trim(text), local_zone(options));
  if (!instant) {
    throw ItemError{
        "field 'received_at' is not an ISO 8601 time such as "
        "2026-03-02T09:15:00+01:00: '" +
        clean_line(text) + "'"};
  }
  return *instant;
}

// The "attachments" array of a message object: kept in `out`, or a warning for bad base64.
void read_attachments(const json& attachments, ParsedMessage& out) {
  InboundMessage& m = out.message;
  if (!attachments.is_array()) {
    throw ItemError{std::string("field 'attachments' must be an array, not ") +
                    type_name(attachments)};
  }
  std::size_t number = 0;
  for (const json& attachment : attachments) {
    ++number;
    const std::string where = "attachment " + std::to_string(number);
    if (!attachment.is_object()) {
      throw ItemError{where + " must be an object, not " + type_name(attachment)};
    }
    std::string filename;
    std::string content_type;
    std::string data;
    try {
      filename = clean_line(string_field(attachment, "filename", false));
      content_type = ascii_lower(clean_line(string_field(attachment, "content_type", false)));
      data = string_field(attachment, "data_base64", true);
    } catch (const ItemError& e) {
      throw ItemError{where + ": " + e.text};
    }
    if (filename.empty()) filename = "attachment-" + std::to_string(number);
    if (content_type.empty()) content_type = "application/octet-stream";
    auto bytes = decode_base64(data);
    if (!bytes) {
      // The message itself is fine: keep it, say what is missing.
      add_warning(m.warnings, "attachment '" + filename + "' is not valid base64 and was not kept");
      continue;
    }
    m.attachments.push_back(AttachmentRef{filename, content_type, bytes->size(), {}});
    out.attachments.push_back(AttachmentBytes{std::move(*bytes)});
  }
}

ParsedMessage message_of(const json& object, const ReadOptions& options) {
  if (!object.is_object())
    throw ItemError{std::string("expected an object, not ") + type_name(object)};
  ParsedMessage out;
  InboundMessage& m = out.message;

  const std::string channel = string_field(object, "channel", true);
  const auto parsed_channel = channel_from_string(channel);
  if (!parsed_channel) {
    throw ItemError{"unknown channel '" + clean_line(channel) +
                    "' (expected email, digital-post, facebook, instagram, sms or callback)"};
  }
  m.channel = *parsed_channel;

  const json* from = field(object, "from");
  if (from == nullptr) throw ItemError{"missing field 'from'"};
  m.from = party_of(*from, "from");

  if (const json* to = field(object, "to")) {
    if (to->is_array()) {
      for (const json& one : *to) m.to.push_back(party_of(one, "to"));
    } else {
      m.to.push_back(party_of(*to, "to"));
    }
  }
  m.subject = clean_line(string_field(object, "subject", false));
  if (field(object, "text") == nullptr) throw ItemError{"missing field 'text'"};
  m.body_text = clean_text(string_field(object, "text", true));
  m.received_at = received_time(object, options);
  m.thread_key = clean_line(string_field(object, "thread", false));
  m.department = clean_line(string_field(object, "department", false));
  m.language = clean_line(string_field(object, "language", false));

  if (const json* id = field(object, "id")) {
    if (id->is_string()) {
      m.external_id = clean_line(id->get<std::string>());
    } else if (id->is_number_integer() || id->is_number_unsigned()) {
      m.external_id = id->dump();
    } else {
      throw ItemError{std::string("field 'id' must be a string, not ") + type_name(*id)};
    }
  }
  if (m.external_id.empty()) {
    // nlohmann keeps object keys sorted and dump() adds no whitespace: a canonical form, so the
    // same message imported twice gets the same id (ingest is idempotent on it).
    m.external_id = "sha256:" + sha256_hex(object.dump());
  }

  if (const json* attachments = field(object, "attachments")) {
    read_attachments(*attachments, out);
  }
  if (m.channel == Channel::Email && m.department.empty() && !options.mailbox_routes.empty()) {
    m.department = route_by_mailbox(m, options.mailbox_routes);
  }
  return out;
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; people need the rest.
std::string readable_parse_error(const std::exception& e) {
  std::string text = e.what();
  if (text.starts_with("[json.exception.")) {
    const std::size_t end = text.find("] ");
    if (end != std::string::npos) text.erase(0, end + 2);
  }
  return "malformed JSON: " + text;
}

void read_item(const json& value, std::string item, const std::filesystem::path& name,
               const ReadOptions& options, bool had_invalid_utf8, ReadResult& result) {
  try {
    ParsedMessage message = message_of(value, options);
    if (had_invalid_utf8) {
      add_warning(message.message.warnings, "the file has invalid UTF-8; it was replaced");
    }
    result.messages.push_back(std::move(message));
  } catch (const ItemError& e) {
    result.problems.push_back(FileProblem{name, std::move(item), e.text});
  } catch (const json::exception& e) {
    result.problems.push_back(FileProblem{name, std::move(item), readable_parse_error(e)});
  }
}

}  // namespace

ReadResult read_json_messages(std::string_view data, const std::filesystem::path& name,
                              const ReadOptions& options) {
  ReadResult result;
  // nlohmann rejects ill-formed UTF-8 outright: repair it first and say so on each message.
  bool had_invalid_utf8 = false;
  const std::string text = sanitize_utf8(data, &had_invalid_utf8);

  json document;
  std::string whole_error;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& e) {
    whole_error = readable_parse_error(e);
  }
  if (whole_error.empty()) {
    if (document.is_array()) {
      std::size_t number = 0;
      for (const json& value : document) {
        read_item(value, "message " + std::to_string(++number), name, options, had_invalid_utf8,
                  result);
      }
    } else if (document.is_object()) {
      read_item(document, "message 1", name, options, had_invalid_utf8, result);
    } else {
      result.problems.push_back(
          FileProblem{name,
                      {},
                      std::string("expected a message object or an array of them, not ") +
                          type_name(document)});
    }
    return result;
  }

  // Not one JSON document: JSON Lines, if it has several lines and the first one is an object.
  std::vector<std::pair<std::size_t, std::string_view>> lines;
  std::size_t pos = 0;
  std::size_t number = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    ++number;
    const std::string_view line = trim(std::string_view(text).substr(pos, eol - pos));
    if (!line.empty()) lines.emplace_back(number, line);
    pos = eol + 1;
  }
  bool json_lines = lines.size() > 1;
  if (json_lines) {
    try {
      json_lines = json::parse(lines.front().second).is_object();
    } catch (const json::parse_error&) {
      json_lines = false;
    }
  }
  if (!json_lines) {
    result.problems.push_back(FileProblem{name, {}, whole_error});
    return result;
  }
  std::size_t message_number = 0;
  for (const auto& [line_number, line] : lines) {
    const std::string item = "message " + std::to_string(++message_number) + " (line " +
                             std::to_string(line_number) + ")";
    json value;
    try {
      value = json::parse(line);
    } catch (const json::parse_error& e) {
      result.problems.push_back(FileProblem{name, item, readable_parse_error(e)});
      continue;
    }
    read_item(value, item, name, options, had_invalid_utf8, result);
  }
  return result;
}

}  // namespace samla::detail
