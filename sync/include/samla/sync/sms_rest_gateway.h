#pragma once
// A gateway for SMS providers without a class of their own: a JSON or form REST API described
// by a small JSON mapping (URLs, authentication, field names, JSON pointers to the answers, and
// the provider's status words), e.g.
//   {"base_url": "https://sms.example.no", "auth": {"type": "bearer"},
//    "send": {"path": "/v1/sms", "format": "json", "to": "recipient", "from": "sender",
//             "text": "message", "id": "/data/id"},
//    "status": {"path": "/v1/sms/{id}", "state": "/data/state", "reason": "/data/reason",
//               "map": {"ACCEPTED": "pending", "SENT": "sent", "DELIVERED": "delivered",
//                       "FAILED": "failed"}},
//    "inbound": {"path": "/v1/inbox", "cursor_param": "after", "list": "/messages",
//                "next_cursor": "/cursor", "id": "/id", "from": "/msisdn", "to": "/recipient",
//                "text": "/text", "time": "/received"},
//    "error": "/error/text"}
// auth.type is "bearer", "basic" (with "user") or "header" (with "name"); the secret comes from
// the credentials store. Blocking; one object per thread.
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "samla/sync/sms_gateway.h"

namespace samla {

namespace sms {
class HttpClient;
}

struct RestGatewayMapping {
  std::string base_url;
  enum class Auth { None, Bearer, Basic, Header } auth = Auth::Bearer;
  std::string auth_user;    // Basic
  std::string auth_header;  // Header: its name, e.g. "X-Api-Key"
  bool form = false;        // send as application/x-www-form-urlencoded instead of JSON
  std::string send_path, to_field, from_field, text_field, id_pointer;
  std::string status_path, state_pointer, reason_pointer;  // status_path holds "{id}"
  std::map<std::string, SmsDelivery> states;
  std::string inbound_path, cursor_param, list_pointer, next_cursor_pointer;
  std::string in_id, in_from, in_to, in_text, in_time;  // JSON pointers within one item
  std::string error_pointer;
};

/// Reads the mapping; throws std::invalid_argument naming what is missing or wrong.
[[nodiscard]] RestGatewayMapping parse_rest_gateway_mapping(std::string_view json_text);

class RestGateway final : public SmsGateway {
 public:
  RestGateway(RestGatewayMapping mapping, std::string secret);
  ~RestGateway() override;
  RestGateway(const RestGateway&) = delete;
  RestGateway& operator=(const RestGateway&) = delete;
  RestGateway(RestGateway&&) = delete;
  RestGateway& operator=(RestGateway&&) = delete;

  std::string submit(const SmsSubmission& message) override;
  SmsStatus status(const std::string& message_id) override;
  /// The cursor is the provider's own (e.g. the last id seen); an empty one starts at the
  /// beginning of the inbox, and messages before `first_since` are skipped.
  InboundBatch inbound(const std::string& number, const std::string& cursor,
                       Instant first_since) override;

 private:
  RestGatewayMapping mapping_;
  std::string secret_;
  std::unique_ptr<sms::HttpClient> http_;
};

}  // namespace samla
