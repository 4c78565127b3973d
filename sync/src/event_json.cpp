#include "samla/sync/event_json.h"

#include <nlohmann/json.hpp>

#include <array>
#include <limits>
#include <utility>

#include "samla/sync/iso8601.h"

namespace samla {

using nlohmann::json;

EventJsonError::EventJsonError(std::string field, const std::string& problem)
    : std::invalid_argument(field.empty() ? problem : "field '" + field + "': " + problem),
      field_(std::move(field)) {}

namespace {

// ---- writing -----------------------------------------------------------------------------------

json party_json(const Party& p) { return json{{"name", p.name}, {"address", p.address}}; }

json parties_json(const std::vector<Party>& parties) {
  json out = json::array();
  for (const auto& p : parties) out.push_back(party_json(p));
  return out;
}

json write(const MessageReceived& p) { return json{{"message", message_to_json(p.message)}}; }
json write(const AutoReplySent& p) {
  return json{
      {"in_reply_to", p.in_reply_to}, {"text", p.text}, {"promised_by", to_iso8601(p.promised_by)}};
}
json write(const Assigned& p) {
  json out{{"assignee", p.assignee}};
  out["expected_assignee"] = p.expected_assignee ? json(*p.expected_assignee) : json(nullptr);
  return out;
}
json write(const ReplyQueued& p) {
  json out{{"reply_id", p.reply_id},
           {"to", parties_json(p.to)},
           {"subject", p.subject},
           {"text", p.text}};
  // Written only when set, so that events of older versions read and write back the same.
  if (p.channel) out["channel"] = std::string(to_string(*p.channel));
  return out;
}
json write(const ReplySent& p) {
  return json{{"reply_id", p.reply_id}, {"external_id", p.external_id}};
}
json write(const ReplyFailed& p) { return json{{"reply_id", p.reply_id}, {"reason", p.reason}}; }
json write(const PreliminaryReplySent& p) {
  return json{{"promised", to_iso8601(p.promised)}, {"text", p.text}};
}
json write(const NoteAdded& p) { return json{{"text", p.text}}; }
json write(const HandoverRequested& p) {
  return json{{"to_department", p.to_department}, {"note", p.note}};
}
json write(const HandoverDeclined& p) { return json{{"reason", p.reason}}; }
json write(const TemplateSaved& p) {
  json texts = json::object();
  for (const auto& [language, text] : p.texts) {
    texts[language] = json{{"subject", text.subject}, {"body", text.body}};
  }
  json out{{"kind", std::string(to_string(p.kind))},
           {"name", p.name},
           {"texts", std::move(texts)},
           {"base_version", p.base_version}};
  out["channel"] = p.channel ? json(std::string(to_string(*p.channel))) : json(nullptr);
  return out;
}
json write(const TemplateRetired& p) { return json{{"base_version", p.base_version}}; }
// Payloads without fields are an empty object, never null.
template <class T>
json write(const T& /*payload*/) {
  return json::object();
}

// ---- reading -----------------------------------------------------------------------------------

// One JSON object being read, with its path for error messages.
class Fields {
 public:
  Fields(const json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) throw EventJsonError(path_, "expected an object");
  }

  [[nodiscard]] std::string string(const char* name) const {
    const json& v = at(name);
    if (!v.is_string()) fail(name, "expected a string");
    return v.get<std::string>();
  }
  /// Absent or null reads as nothing.
  [[nodiscard]] std::optional<std::string> optional_string(const char* name) const {
    const auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) fail(name, "expected a string or null");
    return it->get<std::string>();
  }
  [[nodiscard]] Instant instant(const char* name) const {
    const auto text = string(name);
    const auto at = parse_iso8601(text);
    if (!at)
      fail(name, "expected an ISO 8601 time like 2026-11-22T10:00:00Z, got \"" + text + "\"");
    return *at;
  }
  [[nodiscard]] std::uint64_t unsigned_integer(const char* name) const {
    const json& v = at(name);
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0) {
      return static_cast<std::uint64_t>(v.get<std::int64_t>());
    }
    fail(name, "expected a whole number of 0 or more");
  }
  [[nodiscard]] std::optional<std::int64_t> optional_integer(const char* name) const {
    const auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (it->is_number_unsigned()) {
      if (it->get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        fail(name, "number is too large");
      }
      return static_cast<std::int64_t>(it->get<std::uint64_t>());
    }
    if (!it->is_number_integer()) fail(name, "expected a whole number or null");
    return it->get<std::int64_t>();
  }
  [[nodiscard]] Fields object(const char* name) const { return {at(name), path(name)}; }
  [[nodiscard]] Party party(const char* name) const { return read_party(object(name)); }
  [[nodiscard]] std::vector<Party> parties(const char* name) const {
    std::vector<Party> out;
    each(name, [&](const json& item, const std::string& item_path) {
      out.push_back(read_party(Fields(item, item_path)));
    });
    return out;
  }
  [[nodiscard]] std::vector<std::string> strings(const char* name) const {
    std::vector<std::string> out;
    each(name, [&](const json& item, const std::string& item_path) {
      if (!item.is_string()) throw EventJsonError(item_path, "expected a string");
      out.push_back(item.get<std::string>());
    });
    return out;
  }
  template <class Visit>
  void each(const char* name, Visit&& visit) const {
    const json& v = at(name);
    if (!v.is_array()) fail(name, "expected an array");
    for (std::size_t i = 0; i < v.size(); ++i) {
      visit(v[i], path(name) + "[" + std::to_string(i) + "]");
    }
  }
  /// The raw value of a field that must be present.
  [[nodiscard]] const json& at(const char* name) const {
    const auto it = object_.find(name);
    if (it == object_.end()) fail(name, "missing");
    return *it;
  }
  [[nodiscard]] std::string path(const char* name) const {
    return path_.empty() ? std::string(name) : path_ + "." + name;
  }

 private:
  static Party read_party(const Fields& f) { return Party{f.string("name"), f.string("address")}; }
  [[noreturn]] void fail(const char* name, const std::string& problem) const {
    throw EventJsonError(path(name), problem);
  }

  const json& object_;
  std::string path_;
};

InboundMessage read_message(const Fields& f) {
  InboundMessage m;
  const auto channel_text = f.string("channel");
  const auto channel = channel_from_string(channel_text);
  if (!channel) throw EventJsonError(f.path("channel"), "unknown channel \"" + channel_text + "\"");
  m.channel = *channel;
  m.external_id = f.string("external_id");
  m.from = f.party("from");
  m.to = f.parties("to");
  m.subject = f.string("subject");
  m.body_text = f.string("body_text");
  m.received_at = f.instant("received_at");
  m.thread_key = f.string("thread_key");
  m.references = f.strings("references");
  m.department = f.string("department");
  m.language = f.string("language");
  f.each("attachments", [&](const json& item, const std::string& item_path) {
    const Fields a(item, item_path);
    m.attachments.push_back(AttachmentRef{a.string("filename"), a.string("content_type"),
                                          a.unsigned_integer("size"), a.string("blob")});
  });
  m.warnings = f.strings("warnings");
  return m;
}

// An optional "channel" field; an unknown name is an error that names it.
std::optional<Channel> optional_channel(const Fields& f) {
  const auto text = f.optional_string("channel");
  if (!text) return std::nullopt;
  const auto channel = channel_from_string(*text);
  if (!channel) throw EventJsonError(f.path("channel"), "unknown channel \"" + *text + "\"");
  return channel;
}

void read(const Fields& f, MessageReceived& p) { p.message = read_message(f.object("message")); }
void read(const Fields& f, AutoReplySent& p) {
  p.in_reply_to = f.string("in_reply_to");
  p.text = f.string("text");
  p.promised_by = f.instant("promised_by");
}
void read(const Fields& f, Assigned& p) {
  p.assignee = f.string("assignee");
  p.expected_assignee = f.optional_string("expected_assignee");
}
void read(const Fields& f, ReplyQueued& p) {
  p.reply_id = f.string("reply_id");
  p.to = f.parties("to");
  p.subject = f.string("subject");
  p.text = f.string("text");
  p.channel = optional_channel(f);
}
void read(const Fields& f, ReplySent& p) {
  p.reply_id = f.string("reply_id");
  p.external_id = f.string("external_id");
}
void read(const Fields& f, ReplyFailed& p) {
  p.reply_id = f.string("reply_id");
  p.reason = f.string("reason");
}
void read(const Fields& f, PreliminaryReplySent& p) {
  p.promised = f.instant("promised");
  p.text = f.string("text");
}
void read(const Fields& f, NoteAdded& p) { p.text = f.string("text"); }
void read(const Fields& f, HandoverRequested& p) {
  p.to_department = f.string("to_department");
  p.note = f.string("note");
}
void read(const Fields& f, HandoverDeclined& p) { p.reason = f.string("reason"); }
void read(const Fields& f, TemplateSaved& p) {
  const auto kind_text = f.string("kind");
  const auto kind = template_kind_from_string(kind_text);
  if (!kind) throw EventJsonError(f.path("kind"), "unknown template kind \"" + kind_text + "\"");
  p.kind = *kind;
  p.channel = optional_channel(f);
  p.name = f.string("name");
  const json& texts = f.at("texts");
  if (!texts.is_object()) throw EventJsonError(f.path("texts"), "expected an object");
  for (const auto& [language, text] : texts.items()) {
    const Fields t(text, f.path("texts") + "." + language);
    p.texts.emplace(language, TemplateText{t.string("subject"), t.string("body")});
  }
  p.base_version = f.optional_integer("base_version").value_or(0);
}
void read(const Fields& f, TemplateRetired& p) {
  p.base_version = f.optional_integer("base_version").value_or(0);
}
template <class T>
void read(const Fields& /*fields*/, T& /*payload*/) {}

template <class T>
EventPayload read_payload(const Fields& f) {
  T payload;
  read(f, payload);
  return payload;
}

using PayloadReader = EventPayload (*)(const Fields&);

/// The reader of the payload type stored as `type`; nullptr for a name no payload has.
template <std::size_t I = 0>
PayloadReader reader_for(std::string_view type) {
  if constexpr (I == std::variant_size_v<EventPayload>) {
    return nullptr;
  } else {
    // The names come from models' event_type_name, so the two can never disagree.
    if (event_type_name(EventPayload{std::in_place_index<I>}) == type) {
      return &read_payload<std::variant_alternative_t<I, EventPayload>>;
    }
    return reader_for<I + 1>(type);
  }
}

}  // namespace

json message_to_json(const InboundMessage& m) {
  json attachments = json::array();
  for (const auto& a : m.attachments) {
    attachments.push_back(json{{"filename", a.filename},
                               {"content_type", a.content_type},
                               {"size", a.size},
                               {"blob", a.blob}});
  }
  return json{{"channel", std::string(to_string(m.channel))},
              {"external_id", m.external_id},
              {"from", party_json(m.from)},
              {"to", parties_json(m.to)},
              {"subject", m.subject},
              {"body_text", m.body_text},
              {"received_at", to_iso8601(m.received_at)},
              {"thread_key", m.thread_key},
              {"references", m.references},
              {"department", m.department},
              {"language", m.language},
              {"attachments", std::move(attachments)},
              {"warnings", m.warnings}};
}

InboundMessage message_from_json(const json& j) { return read_message(Fields(j, "")); }

json payload_to_json(const EventPayload& payload) {
  return std::visit([](const auto& p) { return write(p); }, payload);
}

EventPayload payload_from_json(std::string_view type, const json& j) {
  const auto reader = reader_for(type);
  if (!reader) throw EventJsonError("type", "unknown event type \"" + std::string(type) + "\"");
  return reader(Fields(j, "payload"));
}

json event_to_json(const Event& e) {
  json out{{"id", e.id},
           {"conversation_id", e.conversation_id},
           {"type", std::string(e.type_name())},
           {"actor", e.actor},
           {"department", e.department},
           {"at", to_iso8601(e.at)},
           {"payload", payload_to_json(e.payload)}};
  out["hub_sequence"] = e.hub_sequence ? json(*e.hub_sequence) : json(nullptr);
  return out;
}

Event event_from_json(const json& j) {
  const Fields f(j, "");
  Event e;
  e.id = f.string("id");
  e.conversation_id = f.string("conversation_id");
  const auto type = f.string("type");
  e.actor = f.string("actor");
  e.department = f.string("department");
  e.at = f.instant("at");
  const auto reader = reader_for(type);
  if (!reader) throw EventJsonError("type", "unknown event type \"" + type + "\"");
  e.payload = reader(f.object("payload"));
  e.hub_sequence = f.optional_integer("hub_sequence");
  return e;
}

std::string to_json_text(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json parse_json_text(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& error) {
    throw EventJsonError("", std::string("not valid JSON: ") + error.what());
  }
}

}  // namespace samla
