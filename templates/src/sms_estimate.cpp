#include "samla/templates/sms_estimate.h"

#include "samla/templates/rendering.h"

namespace samla {
namespace {

// Long but realistic values, all in the GSM alphabet so they test length, not encoding.
TemplateValues long_values() {
  TemplateValues values;
  for (const auto& p : placeholder_catalogue()) {
    if (p.type == PlaceholderType::Text) values.emplace(std::string(p.name), std::string(40, 'W'));
  }
  // Wednesday 30 September 2026 12:00 UTC: the longest English weekday and the longest month.
  const Instant long_date{std::chrono::seconds{1790769600}};
  for (const auto& p : placeholder_catalogue()) {
    if (p.type != PlaceholderType::Text) values.emplace(std::string(p.name), long_date);
  }
  return values;
}

}  // namespace

SmsEstimate estimate_sms(std::string_view text, Language language, const TemplateValues& values,
                         const TimeZone& zone) {
  SmsEstimate out;
  out.with_values = sms_length(render_text(text, values, language, zone).text);
  out.longest = sms_length(render_text(text, long_values(), language, zone).text);
  return out;
}

}  // namespace samla
