// Twilio's Programmable Messaging REST API, as its public documentation describes it:
// - create: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From, Body;
//   201 with the Message resource (sid "SM…", status "queued").
// - fetch: GET …/Messages/{Sid}.json; status is one of queued, sending, sent, delivered,
//   undelivered, failed (and accepted, scheduled, canceled, read, receiving, received), with
//   error_code/error_message when it failed.
// - read: GET …/Messages.json?To=…&DateSent>=YYYY-MM-DD (GMT), newest first, paged by
//   next_page_uri (null on the last page).
// - errors: a JSON object {code, message, more_info, status}; 429 (code 20429) is never
//   processed and safe to retry after Retry-After.
#include <date/date.h>

#include "gateway_http.h"
#include "samla/sync/sms_twilio.h"

namespace samla {

using sms::HttpRequest;
using sms::HttpResponse;

namespace {

std::string text_field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();  // error_code is a number
}

// Twilio's error object into the failure the connector acts on.
[[noreturn]] void throw_error(const HttpResponse& response, const std::string& what) {
  std::string detail;
  const auto json = nlohmann::json::parse(response.body, nullptr, false);
  if (json.is_object()) {
    const auto code = text_field(json, "code");
    const auto message = text_field(json, "message");
    detail = (code.empty() ? "" : "error " + code + ": ") + message;
  }
  if (detail.empty()) detail = "HTTP " + std::to_string(response.status);
  throw SmsGatewayError(sms::failure_kind(response.status),
                        "Twilio refused to " + what + " (" + detail + ")",
                        sms::retry_after(response));
}

SmsDelivery delivery_of(const std::string& status) {
  if (status == "sent") return SmsDelivery::Sent;
  if (status == "delivered" || status == "read") return SmsDelivery::Delivered;
  if (status == "failed" || status == "undelivered" || status == "canceled") {
    return SmsDelivery::Failed;
  }
  return SmsDelivery::Pending;  // queued, sending, accepted, scheduled …
}

std::string utc_date(Instant at) { return date::format("%F", date::floor<date::days>(at)); }

}  // namespace

TwilioGateway::TwilioGateway(TwilioSettings settings)
    : settings_(std::move(settings)), http_(std::make_unique<sms::HttpClient>()) {
  while (!settings_.base_url.empty() && settings_.base_url.back() == '/') {
    settings_.base_url.pop_back();
  }
  if (settings_.account_sid.empty()) {
    throw std::invalid_argument("the Twilio gateway needs an account SID");
  }
}

TwilioGateway::~TwilioGateway() = default;

std::string TwilioGateway::account_url() const {
  return settings_.base_url + "/2010-04-01/Accounts/" + sms::percent_encode(settings_.account_sid);
}

namespace {

HttpRequest authorised(const TwilioSettings& settings, std::string method, std::string url) {
  HttpRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  request.headers.emplace_back("Accept", "application/json");
  request.basic_auth.emplace(
      settings.api_key_sid.empty() ? settings.account_sid : settings.api_key_sid,
      settings.auth_token);
  return request;
}

}  // namespace

std::string TwilioGateway::submit(const SmsSubmission& message) {
  auto request = authorised(settings_, "POST", account_url() + "/Messages.json");
  request.content_type = "application/x-www-form-urlencoded";
  request.body =
      sms::form_encode({{"To", message.to}, {"From", message.from}, {"Body", message.text}});
  const auto response = sms::perform_or_throw(*http_, request);
  if (response.status != 200 && response.status != 201) throw_error(response, "send the SMS");
  const auto json = sms::parse_json_body(response, "a new message");
  auto sid = text_field(json, "sid");
  if (sid.empty()) {
    throw SmsGatewayError(SmsGatewayError::Kind::Unavailable,
                          "Twilio accepted the SMS but named no message SID", std::nullopt, true);
  }
  return sid;
}

SmsStatus TwilioGateway::status(const std::string& message_id) {
  const auto response = sms::perform_or_throw(
      *http_, authorised(settings_, "GET",
                         account_url() + "/Messages/" + sms::percent_encode(message_id) + ".json"));
  if (response.status != 200) throw_error(response, "tell the status of " + message_id);
  const auto json = sms::parse_json_body(response, "a status request");
  SmsStatus out;
  out.provider_status = text_field(json, "status");
  out.delivery = delivery_of(out.provider_status);
  if (out.delivery == SmsDelivery::Failed) {
    const auto code = text_field(json, "error_code");
    const auto text = text_field(json, "error_message");
    out.error = out.provider_status + (code.empty() ? "" : " (error " + code + ")") +
                (text.empty() ? "" : ": " + text);
  }
  return out;
}

// One page of a message list: its "messages" array (checked) and its "next_page_uri".
nlohmann::json TwilioGateway::get_page(const std::string& url) {
  const auto response = sms::perform_or_throw(*http_, authorised(settings_, "GET", url));
  if (response.status != 200) throw_error(response, "list messages");
  auto page = sms::parse_json_body(response, "a message list");
  if (!page.contains("messages") || !page["messages"].is_array()) {
    throw SmsGatewayError(SmsGatewayError::Kind::Unavailable,
                          "Twilio's message list holds no array of messages");
  }
  return page;
}

InboundBatch TwilioGateway::inbound(const std::string& number, const std::string& cursor,
                                    Instant first_since) {
  // The cursor is the GMT day of the newest message seen; that day is read again each time
  // (DateSent filters by day only) and ingest drops what it already has.
  const std::string since = cursor.empty() ? utc_date(first_since) : cursor;
  std::string url = account_url() + "/Messages.json?" +
                    sms::form_encode({{"To", number}, {"DateSent>", since}, {"PageSize", "100"}});
  InboundBatch batch;
  std::optional<Instant> newest;
  for (int pages = 0; !url.empty(); ++pages) {
    if (pages == 1000) {
      throw SmsGatewayError(SmsGatewayError::Kind::Unavailable,
                            "Twilio's message list does not end after 1000 pages");
    }
    const auto page = get_page(url);
    for (const auto& m : page["messages"]) {
      if (!m.is_object() || text_field(m, "direction") != "inbound") continue;
      InboundSms sms;
      sms.id = text_field(m, "sid");
      sms.from = text_field(m, "from");
      sms.to = text_field(m, "to");
      sms.text = text_field(m, "body");
      auto at = sms::parse_rfc2822(text_field(m, "date_sent"));
      if (!at) at = sms::parse_rfc2822(text_field(m, "date_created"));
      sms.received_at = at.value_or(first_since);
      if (sms.id.empty()) continue;
      if (!newest || sms.received_at > *newest) newest = sms.received_at;
      batch.messages.push_back(std::move(sms));
    }
    const auto next = text_field(page, "next_page_uri");
    url = next.empty() ? std::string{} : settings_.base_url + next;
  }
  batch.next_cursor = newest ? std::max(since, utc_date(*newest)) : since;
  return batch;
}

std::optional<std::string> TwilioGateway::find_submitted(const SmsSubmission& message,
                                                         Instant since) {
  // The newest page of messages between the two numbers is enough: the lost answer was recent.
  const auto page =
      get_page(account_url() + "/Messages.json?" +
               sms::form_encode({{"To", message.to}, {"From", message.from}, {"PageSize", "50"}}));
  for (const auto& m : page["messages"]) {
    if (!m.is_object() || text_field(m, "direction").rfind("outbound", 0) != 0) continue;
    if (text_field(m, "body") != message.text) continue;
    const auto created = sms::parse_rfc2822(text_field(m, "date_created"));
    // A minute of slack for clocks that differ between us and the gateway.
    if (created && *created + std::chrono::minutes{1} < since) continue;
    return text_field(m, "sid");
  }
  return std::nullopt;
}

}  // namespace samla
