#include "samla/sync/workspace_config.h"

#include <array>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

#include "samla/sync/iso8601.h"

namespace samla {
namespace {

constexpr std::array<std::string_view, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int day_index(std::string_view name) {
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (kDays[i] == name) return static_cast<int>(i);
  }
  throw ConfigError("unknown weekday '" + std::string(name) + "' (use mon, tue, … sun)");
}

std::chrono::minutes parse_clock(const std::string& text) {
  int h = 0;
  int m = 0;
  char colon = 0;
  std::istringstream in(text);
  if (!(in >> h >> colon >> m) || colon != ':' || !in.eof() || h < 0 || h > 24 || m < 0 || m > 59 ||
      text.size() != 5) {
    throw ConfigError("'" + text + "' is not a time of day like 09:00");
  }
  return std::chrono::hours{h} + std::chrono::minutes{m};
}

std::string clock_text(std::chrono::minutes t) {
  std::array<char, 8> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02d:%02d", static_cast<int>(t.count() / 60),
                static_cast<int>(t.count() % 60));
  return buffer.data();
}

constexpr std::array<std::pair<PolicyClass, std::string_view>, 3> kClasses{{
    {PolicyClass::Letters, "letters"},
    {PolicyClass::Social, "social"},
    {PolicyClass::Callback, "callback"},
}};
constexpr std::array<std::pair<DeadlineRule, std::string_view>, 3> kRules{{
    {DeadlineRule::WorkingDaysAfterReceipt, "working-days-after-receipt"},
    {DeadlineRule::SameDayOrNextWorkingDay, "same-day-or-next-working-day"},
    {DeadlineRule::NextWorkingDay, "next-working-day"},
}};

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, n] : table) {
    if (v == value) return n;
  }
  return table[0].second;
}

template <class E, std::size_t N>
E value_of(const std::array<std::pair<E, std::string_view>, N>& table, const std::string& name,
           const char* what) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  throw ConfigError(std::string("unknown ") + what + " '" + name + "'");
}

}  // namespace

OfficeHours parse_office_hours(const std::string& text) {
  std::istringstream in(text);
  std::string span;
  std::string days;
  in >> span >> days;
  std::string rest;
  if (in >> rest) throw ConfigError("unexpected '" + rest + "' in office hours");
  const auto dash = span.find('-');
  if (dash == std::string::npos) throw ConfigError("office hours must look like 09:00-15:00");
  OfficeHours hours;
  hours.open = parse_clock(span.substr(0, dash));
  hours.close = parse_clock(span.substr(dash + 1));
  if (!days.empty()) {
    hours.working_weekdays.fill(false);
    std::istringstream list(days);
    std::string item;
    while (std::getline(list, item, ',')) {
      const auto range = item.find('-');
      if (range == std::string::npos) {
        hours.working_weekdays[static_cast<std::size_t>(day_index(item))] = true;
        continue;
      }
      const int from = day_index(item.substr(0, range));
      const int to = day_index(item.substr(range + 1));
      if (to < from) throw ConfigError("weekday range '" + item + "' runs backwards");
      for (int d = from; d <= to; ++d) hours.working_weekdays[static_cast<std::size_t>(d)] = true;
    }
  }
  if (auto error = hours.validation_error(); !error.empty()) throw ConfigError(error);
  return hours;
}

std::string format_office_hours(const OfficeHours& hours) {
  std::string days;
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (!hours.working_weekdays[i]) continue;
    if (!days.empty()) days += ',';
    days += kDays[i];
  }
  return clock_text(hours.open) + "-" + clock_text(hours.close) + " " + days;
}

std::string policy_book_to_json(const PolicyBook& book) {
  auto versions = nlohmann::json::array();
  for (const auto& [from, policy] : book.versions()) {
    nlohmann::json v;
    v["effective_from"] =
        from == Instant::min() ? nlohmann::json(nullptr) : nlohmann::json(to_iso8601(from));
    v["due_soon_within_minutes"] = policy.due_soon_within.count();
    v["handover_reminder_after_minutes"] = policy.handover_reminder_after.count();
    for (const auto& [cls, channel] : policy.channels) {
      v["classes"][std::string(name_of(kClasses, cls))] = {
          {"rule", std::string(name_of(kRules, channel.rule))},
          {"working_days", channel.working_days}};
    }
    versions.push_back(std::move(v));
  }
  return versions.dump(2);
}

PolicyBook policy_book_from_json(const std::string& text) {
  try {
    const auto versions = nlohmann::json::parse(text);
    if (!versions.is_array() || versions.empty()) {
      throw ConfigError("the policy must be a non-empty list of versions");
    }
    std::optional<PolicyBook> book;
    for (const auto& v : versions) {
      DeadlinePolicy policy;
      policy.due_soon_within = std::chrono::minutes{v.at("due_soon_within_minutes").get<int>()};
      policy.handover_reminder_after =
          std::chrono::minutes{v.at("handover_reminder_after_minutes").get<int>()};
      for (const auto& [name, c] : v.at("classes").items()) {
        policy.channels[value_of(kClasses, name, "policy class")] =
            ChannelPolicy{value_of(kRules, c.at("rule").get<std::string>(), "deadline rule"),
                          c.at("working_days").get<int>()};
      }
      if (auto error = policy.validation_error(); !error.empty()) throw ConfigError(error);
      const auto& from = v.at("effective_from");
      if (from.is_null()) {
        if (book) throw ConfigError("only the first policy version may lack effective_from");
        book.emplace(policy);
        continue;
      }
      if (!book) book.emplace();
      const auto at = parse_iso8601(from.get<std::string>());
      if (!at) throw ConfigError("effective_from '" + from.get<std::string>() + "' is no time");
      book->add(*at, policy);
    }
    return *book;
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(std::string("the policy is not valid JSON: ") + e.what());
  }
}

}  // namespace samla
