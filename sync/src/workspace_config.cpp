#include "samla/sync/workspace_config.h"

#include <array>
#include <cstdio>
#include <sstream>
#include <variant>

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

namespace {

std::string two(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string day_text(date::month_day md) {
  return two(static_cast<unsigned>(md.month())) + "-" + two(static_cast<unsigned>(md.day()));
}

std::string day_text(date::year_month_day d) {
  return std::to_string(static_cast<int>(d.year())) + "-" +
         day_text(date::month_day{d.month(), d.day()});
}

// "MM-DD" (every year) or "YYYY-MM-DD" (one day); ConfigError for anything else.
std::variant<date::month_day, date::year_month_day> parse_day(const std::string& text) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  char dash1 = 0;
  char dash2 = 0;
  std::istringstream in(text);
  if (text.size() == 5 && (in >> m >> dash1 >> d) && dash1 == '-' && in.eof()) {
    const date::month_day md{date::month{m}, date::day{d}};
    if (md.ok()) return md;
  } else if (text.size() == 10 && (in >> y >> dash1 >> m >> dash2 >> d) && dash1 == '-' &&
             dash2 == '-' && in.eof()) {
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (ymd.ok()) return ymd;
  }
  throw ConfigError("'" + text + "' is not a date like 12-24 (every year) or 2026-12-28");
}

}  // namespace

std::string closed_days_to_json(const HolidayCalendar::Config& config) {
  nlohmann::json out{{"closed_every_year", nlohmann::json::array()},
                     {"closed_days", nlohmann::json::array()},
                     {"open_days", nlohmann::json::array()}};
  for (const auto& md : config.closed_every_year) out["closed_every_year"].push_back(day_text(md));
  for (const auto& d : config.closed_days) out["closed_days"].push_back(day_text(d));
  for (const auto& d : config.open_days) out["open_days"].push_back(day_text(d));
  return out.dump();
}

HolidayCalendar::Config closed_days_from_json(const std::string& text) {
  HolidayCalendar::Config config;
  try {
    const auto json = nlohmann::json::parse(text);
    for (const auto& day : json.value("closed_every_year", nlohmann::json::array())) {
      config.closed_every_year.insert(std::get<date::month_day>(parse_day(day.get<std::string>())));
    }
    for (const auto& day : json.value("closed_days", nlohmann::json::array())) {
      config.closed_days.insert(std::get<date::year_month_day>(parse_day(day.get<std::string>())));
    }
    for (const auto& day : json.value("open_days", nlohmann::json::array())) {
      config.open_days.insert(std::get<date::year_month_day>(parse_day(day.get<std::string>())));
    }
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(std::string("the closed days are not valid JSON: ") + e.what());
  } catch (const std::bad_variant_access&) {
    throw ConfigError("the closed days mix yearly dates and single days");
  }
  return config;
}

void add_closed_day(HolidayCalendar::Config& config, const std::string& day) {
  const auto parsed = parse_day(day);
  if (const auto* md = std::get_if<date::month_day>(&parsed)) {
    config.closed_every_year.insert(*md);
  } else {
    const auto ymd = std::get<date::year_month_day>(parsed);
    config.open_days.erase(ymd);
    config.closed_days.insert(ymd);
  }
}

void add_open_day(HolidayCalendar::Config& config, const std::string& day) {
  const auto parsed = parse_day(day);
  const auto* ymd = std::get_if<date::year_month_day>(&parsed);
  if (ymd == nullptr) throw ConfigError("an open day is one date, like 2026-05-14");
  config.closed_days.erase(*ymd);
  config.open_days.insert(*ymd);
}

}  // namespace samla
