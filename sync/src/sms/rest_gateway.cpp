// The configurable REST gateway: every provider-specific word comes from the mapping.
#include "gateway_http.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/sms_rest_gateway.h"

namespace samla {
namespace {

using nlohmann::json;

std::string required(const json& object, const char* section, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw std::invalid_argument(std::string("the SMS gateway mapping needs \"") + section + "." +
                                key + "\"");
  }
  return it->get<std::string>();
}

std::string optional_text(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

const json& section(const json& mapping, const char* name) {
  const auto it = mapping.find(name);
  if (it == mapping.end() || !it->is_object()) {
    throw std::invalid_argument(std::string("the SMS gateway mapping needs a \"") + name +
                                "\" object");
  }
  return *it;
}

json::json_pointer pointer(const std::string& text) {
  try {
    return json::json_pointer(text);
  } catch (const json::exception& e) {
    throw std::invalid_argument("\"" + text + "\" is not a JSON pointer: " + e.what());
  }
}

// The text at `where` (a JSON pointer) in `object`; numbers are written out; "" when absent.
std::string at(const json& object, const std::string& where) {
  if (where.empty()) return {};
  const auto p = json::json_pointer(where);
  if (!object.contains(p)) return {};
  const auto& value = object.at(p);
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  return value.dump();
}

SmsDelivery delivery_from(const std::string& word) {
  if (word == "pending") return SmsDelivery::Pending;
  if (word == "sent") return SmsDelivery::Sent;
  if (word == "delivered") return SmsDelivery::Delivered;
  if (word == "failed") return SmsDelivery::Failed;
  throw std::invalid_argument("\"" + word +
                              "\" is not a delivery state (pending, sent, delivered, failed)");
}

}  // namespace

RestGatewayMapping parse_rest_gateway_mapping(std::string_view json_text) {
  const auto mapping = json::parse(json_text, nullptr, false);
  if (mapping.is_discarded() || !mapping.is_object()) {
    throw std::invalid_argument("the SMS gateway mapping is not a JSON object");
  }
  RestGatewayMapping m;
  m.base_url = required(mapping, "", "base_url");
  while (!m.base_url.empty() && m.base_url.back() == '/') m.base_url.pop_back();
  const auto auth = mapping.value("auth", json::object());
  const auto type = auth.is_object() ? auth.value("type", std::string("bearer")) : "";
  if (type == "bearer") {
    m.auth = RestGatewayMapping::Auth::Bearer;
  } else if (type == "basic") {
    m.auth = RestGatewayMapping::Auth::Basic;
    m.auth_user = required(auth, "auth", "user");
  } else if (type == "header") {
    m.auth = RestGatewayMapping::Auth::Header;
    m.auth_header = required(auth, "auth", "name");
  } else if (type == "none") {
    m.auth = RestGatewayMapping::Auth::None;
  } else {
    throw std::invalid_argument("auth.type must be bearer, basic, header or none");
  }
  const auto& send = section(mapping, "send");
  m.send_path = required(send, "send", "path");
  m.form = optional_text(send, "format") == "form";
  m.to_field = required(send, "send", "to");
  m.from_field = optional_text(send, "from");
  m.text_field = required(send, "send", "text");
  m.id_pointer = required(send, "send", "id");
  const auto& status = section(mapping, "status");
  m.status_path = required(status, "status", "path");
  if (m.status_path.find("{id}") == std::string::npos) {
    throw std::invalid_argument("status.path must hold {id}");
  }
  m.state_pointer = required(status, "status", "state");
  m.reason_pointer = optional_text(status, "reason");
  const auto states = status.value("map", json::object());
  if (!states.is_object() || states.empty()) {
    throw std::invalid_argument("status.map must map the provider's states to ours");
  }
  for (const auto& [word, ours] : states.items()) {
    if (!ours.is_string()) throw std::invalid_argument("status.map." + word + " must be text");
    m.states.emplace(word, delivery_from(ours.get<std::string>()));
  }
  const auto& inbound = section(mapping, "inbound");
  m.inbound_path = required(inbound, "inbound", "path");
  m.cursor_param = required(inbound, "inbound", "cursor_param");
  m.list_pointer = required(inbound, "inbound", "list");
  m.next_cursor_pointer = required(inbound, "inbound", "next_cursor");
  m.in_id = required(inbound, "inbound", "id");
  m.in_from = required(inbound, "inbound", "from");
  m.in_to = optional_text(inbound, "to");
  m.in_text = required(inbound, "inbound", "text");
  m.in_time = optional_text(inbound, "time");
  m.error_pointer = optional_text(mapping, "error");
  // Every pointer is checked now, not at the first message.
  for (const auto* p :
       {&m.id_pointer, &m.state_pointer, &m.reason_pointer, &m.list_pointer, &m.next_cursor_pointer,
        &m.in_id, &m.in_from, &m.in_to, &m.in_text, &m.in_time, &m.error_pointer}) {
    if (!p->empty()) static_cast<void>(pointer(*p));
  }
  return m;
}

RestGateway::RestGateway(RestGatewayMapping mapping, std::string secret)
    : mapping_(std::move(mapping)),
      secret_(std::move(secret)),
      http_(std::make_unique<sms::HttpClient>()) {}

RestGateway::~RestGateway() = default;

namespace {

sms::HttpRequest request_for(const RestGatewayMapping& m, const std::string& secret,
                             std::string method, const std::string& path) {
  sms::HttpRequest request;
  request.method = std::move(method);
  request.url = m.base_url + path;
  request.headers.emplace_back("Accept", "application/json");
  switch (m.auth) {
    case RestGatewayMapping::Auth::Bearer:
      request.headers.emplace_back("Authorization", "Bearer " + secret);
      break;
    case RestGatewayMapping::Auth::Basic:
      request.basic_auth.emplace(m.auth_user, secret);
      break;
    case RestGatewayMapping::Auth::Header:
      request.headers.emplace_back(m.auth_header, secret);
      break;
    case RestGatewayMapping::Auth::None:
      break;
  }
  return request;
}

sms::HttpResponse checked(const RestGatewayMapping& m, sms::HttpClient& http,
                          const sms::HttpRequest& request, const std::string& what) {
  auto response = sms::perform_or_throw(http, request);
  if (response.status >= 200 && response.status < 300) return response;
  std::string detail;
  const auto body = json::parse(response.body, nullptr, false);
  if (!body.is_discarded() && !m.error_pointer.empty()) detail = at(body, m.error_pointer);
  throw SmsGatewayError(sms::failure_kind(response.status),
                        "the SMS gateway refused to " + what + " (HTTP " +
                            std::to_string(response.status) +
                            (detail.empty() ? "" : ": " + detail) + ")",
                        sms::retry_after(response));
}

}  // namespace

std::string RestGateway::submit(const SmsSubmission& message) {
  auto request = request_for(mapping_, secret_, "POST", mapping_.send_path);
  std::vector<std::pair<std::string, std::string>> fields{{mapping_.to_field, message.to},
                                                          {mapping_.text_field, message.text}};
  if (!mapping_.from_field.empty()) fields.emplace_back(mapping_.from_field, message.from);
  if (mapping_.form) {
    request.content_type = "application/x-www-form-urlencoded";
    request.body = sms::form_encode(fields);
  } else {
    json body = json::object();
    for (const auto& [key, value] : fields) body[key] = value;
    request.content_type = "application/json";
    request.body = body.dump();
  }
  const auto response = checked(mapping_, *http_, request, "send the SMS");
  auto id = at(sms::parse_json_body(response, "a new message"), mapping_.id_pointer);
  if (id.empty()) {
    throw SmsGatewayError(SmsGatewayError::Kind::Unavailable,
                          "the SMS gateway took the SMS but named no id at " + mapping_.id_pointer,
                          std::nullopt, true);
  }
  return id;
}

SmsStatus RestGateway::status(const std::string& message_id) {
  auto path = mapping_.status_path;
  path.replace(path.find("{id}"), 4, sms::percent_encode(message_id));
  const auto response = checked(mapping_, *http_, request_for(mapping_, secret_, "GET", path),
                                "tell the status of " + message_id);
  const auto body = sms::parse_json_body(response, "a status request");
  SmsStatus out;
  out.provider_status = at(body, mapping_.state_pointer);
  const auto known = mapping_.states.find(out.provider_status);
  // A word the mapping does not know is treated as "still on its way", never as a failure.
  out.delivery = known == mapping_.states.end() ? SmsDelivery::Pending : known->second;
  if (out.delivery == SmsDelivery::Failed) {
    const auto reason = at(body, mapping_.reason_pointer);
    out.error = out.provider_status + (reason.empty() ? "" : ": " + reason);
  }
  return out;
}

InboundBatch RestGateway::inbound(const std::string& /*number*/, const std::string& cursor,
                                  Instant first_since) {
  const auto* const separator = mapping_.inbound_path.find('?') == std::string::npos ? "?" : "&";
  const auto response =
      checked(mapping_, *http_,
              request_for(mapping_, secret_, "GET",
                          mapping_.inbound_path + separator +
                              sms::form_encode({{mapping_.cursor_param, cursor}})),
              "list received messages");
  const auto body = sms::parse_json_body(response, "the inbox");
  InboundBatch batch;
  batch.next_cursor = at(body, mapping_.next_cursor_pointer);
  if (batch.next_cursor.empty()) batch.next_cursor = cursor;
  const auto list = json::json_pointer(mapping_.list_pointer);
  if (!body.contains(list) || !body.at(list).is_array()) return batch;
  for (const auto& item : body.at(list)) {
    if (!item.is_object()) continue;
    InboundSms sms;
    sms.id = at(item, mapping_.in_id);
    sms.from = at(item, mapping_.in_from);
    sms.to = at(item, mapping_.in_to);
    sms.text = at(item, mapping_.in_text);
    const auto when = parse_iso8601(at(item, mapping_.in_time));
    sms.received_at = when.value_or(first_since);
    // Before the channel was set up: only on the first read (no cursor yet).
    if (sms.id.empty() || (cursor.empty() && sms.received_at < first_since)) continue;
    batch.messages.push_back(std::move(sms));
  }
  return batch;
}

}  // namespace samla
