#pragma once
// The SMS gateway of Twilio's Programmable Messaging REST API (2010-04-01): messages are created
// by POST …/Messages.json, their status fetched by GET …/Messages/{Sid}.json, and replies found
// by listing …/Messages.json?To=our number. Blocking; one object per thread.
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "samla/sync/sms_gateway.h"

namespace samla {

namespace sms {
class HttpClient;
}

struct TwilioSettings {
  std::string base_url = "https://api.twilio.com";  // tests point this at a fake
  std::string account_sid;                          // "AC…"
  /// Basic-auth user: the account SID, or an API key SID ("SK…") whose secret is the token.
  std::string api_key_sid;
  std::string auth_token;  // from the credentials store, never from settings
};

class TwilioGateway final : public SmsGateway {
 public:
  explicit TwilioGateway(TwilioSettings settings);
  ~TwilioGateway() override;
  TwilioGateway(const TwilioGateway&) = delete;
  TwilioGateway& operator=(const TwilioGateway&) = delete;
  TwilioGateway(TwilioGateway&&) = delete;
  TwilioGateway& operator=(TwilioGateway&&) = delete;

  std::string submit(const SmsSubmission& message) override;
  SmsStatus status(const std::string& message_id) override;
  InboundBatch inbound(const std::string& number, const std::string& cursor,
                       Instant first_since) override;
  std::optional<std::string> find_submitted(const SmsSubmission& message, Instant since) override;

 private:
  [[nodiscard]] std::string account_url() const;
  nlohmann::json get_page(const std::string& url);

  TwilioSettings settings_;
  std::unique_ptr<sms::HttpClient> http_;
};

}  // namespace samla
