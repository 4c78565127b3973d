#include "gateway_http.h"

#include <date/date.h>

#include <array>

namespace samla::sms {

HttpResponse perform_or_throw(HttpClient& http, const HttpRequest& request) {
  try {
    return http.perform(request);
  } catch (const HttpTransportError& e) {
    throw SmsGatewayError(SmsGatewayError::Kind::Offline,
                          std::string("the SMS gateway cannot be reached: ") + e.what(),
                          std::nullopt, e.maybe_delivered());
  }
}

std::optional<std::chrono::seconds> retry_after(const HttpResponse& response) {
  const auto value = response.header("retry-after");
  if (!value || value->empty()) return std::nullopt;
  const auto seconds = whole_number(*value);
  if (!seconds) return std::nullopt;
  return std::chrono::seconds{*seconds};
}

std::optional<long long> whole_number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;  // no overflow
  long long value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

SmsGatewayError::Kind failure_kind(long status) {
  if (status == 401 || status == 403) return SmsGatewayError::Kind::Auth;
  if (status == 429) return SmsGatewayError::Kind::RateLimited;
  if (status >= 500 || status < 400) return SmsGatewayError::Kind::Unavailable;
  return SmsGatewayError::Kind::Rejected;
}

nlohmann::json parse_json_body(const HttpResponse& response, const std::string& what) {
  auto json = nlohmann::json::parse(response.body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw SmsGatewayError(SmsGatewayError::Kind::Unavailable,
                          "the SMS gateway answered " + what + " with something that is not " +
                              "a JSON object (HTTP " + std::to_string(response.status) + ")");
  }
  return json;
}

namespace {

// Reads a whole number of `digits` digits (1 or 2 for a day) at `pos`.
std::optional<int> number_at(const std::string& text, std::size_t& pos, std::size_t min_digits,
                             std::size_t max_digits) {
  int value = 0;
  std::size_t n = 0;
  while (pos < text.size() && n < max_digits && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++n;
  }
  if (n < min_digits) return std::nullopt;
  return value;
}

bool skip(const std::string& text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

// By hand rather than with date::parse, which GCC 12 -O2 flags as reading uninitialised
// memory; the format is fixed: [Day, ]DD Mon YYYY HH:MM:SS +hhmm.
std::optional<Instant> parse_rfc2822(const std::string& text) {
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::size_t pos = 0;
  if (const auto comma = text.find(','); comma != std::string::npos) pos = comma + 1;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const auto day = number_at(text, pos, 1, 2);
  if (!day || !skip(text, pos, ' ') || pos + 3 > text.size()) return std::nullopt;
  const auto month_name = text.substr(pos, 3);
  pos += 3;
  unsigned month = 0;
  for (unsigned i = 0; i < kMonths.size(); ++i) {
    if (month_name == kMonths.at(i)) month = i + 1;
  }
  if (month == 0 || !skip(text, pos, ' ')) return std::nullopt;
  const auto year = number_at(text, pos, 4, 4);
  if (!year || !skip(text, pos, ' ')) return std::nullopt;
  const auto hh = number_at(text, pos, 2, 2);
  if (!hh || !skip(text, pos, ':')) return std::nullopt;
  const auto mm = number_at(text, pos, 2, 2);
  if (!mm || !skip(text, pos, ':')) return std::nullopt;
  const auto ss = number_at(text, pos, 2, 2);
  if (!ss || !skip(text, pos, ' ') || pos >= text.size()) return std::nullopt;
  const char sign = text[pos++];
  if (sign != '+' && sign != '-') return std::nullopt;
  const auto zone = number_at(text, pos, 4, 4);
  if (!zone || pos != text.size()) return std::nullopt;
  const date::year_month_day ymd{date::year{*year}, date::month{month},
                                 date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok() || *hh > 23 || *mm > 59 || *ss > 60) return std::nullopt;
  const auto offset = std::chrono::minutes{(*zone / 100) * 60 + *zone % 100};
  const Instant local = Instant{date::sys_days{ymd}} + std::chrono::hours{*hh} +
                        std::chrono::minutes{*mm} + std::chrono::seconds{*ss};
  return sign == '+' ? local - offset : local + offset;
}

}  // namespace samla::sms
