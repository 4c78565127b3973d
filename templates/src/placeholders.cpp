#include "samla/templates/placeholders.h"

#include <array>
#include <chrono>

#include "msgid.h"

namespace samla {
namespace {

using templates_detail::N_;

constexpr std::array kCatalogue{
    Placeholder{"citizen.name", PlaceholderType::Text, N_("the citizen's name"), "Kari Nordmann"},
    Placeholder{"deadline", PlaceholderType::Date, N_("the date the citizen can expect an answer"),
                ""},
    Placeholder{"promised_date", PlaceholderType::Date,
                N_("the date promised in the preliminary reply"), ""},
    Placeholder{"callback_time", PlaceholderType::DateTime,
                N_("when we will call the citizen back"), ""},
    Placeholder{"reason", PlaceholderType::Text,
                N_("why the answer takes longer, as the caseworker writes it"),
                "vi må spørje ei anna avdeling først"},
    Placeholder{"today", PlaceholderType::Date, N_("today's date"), ""},
    Placeholder{"department", PlaceholderType::Text,
                N_("the department that answers (after a handover: the new one)"), "Byggesak"},
    Placeholder{"caseworker", PlaceholderType::Text,
                N_("the caseworker the conversation is assigned to"), "Erik Brekke"},
    Placeholder{"reference", PlaceholderType::Text, N_("our reference for the conversation"),
                "SAM-1A2B3C4D"},
    Placeholder{"subject", PlaceholderType::Text, N_("the subject the citizen wrote"),
                "Søknad om bruksendring"},
    Placeholder{"contact.phone", PlaceholderType::Text,
                N_("the telephone number the citizen can call"), "12 34 56 78"},
    Placeholder{"contact.email", PlaceholderType::Text, N_("the address the citizen can write to"),
                "postmottak@eksempel.kommune.no"},
    Placeholder{"municipality", PlaceholderType::Text, N_("the municipality's name"),
                "Eksempel kommune"},
};

}  // namespace

std::span<const Placeholder> placeholder_catalogue() { return kCatalogue; }

const Placeholder* find_placeholder(std::string_view name) {
  for (const auto& p : kCatalogue) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

TemplateValues sample_values(Instant now) {
  using std::chrono::days;
  using std::chrono::hours;
  TemplateValues values;
  for (const auto& p : kCatalogue) {
    if (p.type == PlaceholderType::Text) values.emplace(std::string(p.name), std::string(p.sample));
  }
  values.emplace("deadline", now + days{5});
  values.emplace("promised_date", now + days{14});
  values.emplace("today", now);
  // Tomorrow at 10:00 UTC-ish: the exact hour matters less than a plausible one in a preview.
  values.emplace("callback_time", std::chrono::time_point_cast<std::chrono::seconds>(
                                      std::chrono::floor<days>(now) + days{1} + hours{9}));
  return values;
}

}  // namespace samla
