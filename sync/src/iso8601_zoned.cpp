// ISO 8601 with time zones: the lenient reader for times people and other systems write (offset
// optional, seconds optional) and the writer of wall-clock times with their offset.
#include <array>
#include <cstdio>
#include <cstdlib>

#include "iso8601_digits.h"
#include "samla/sync/iso8601.h"

namespace samla {
namespace {

using iso8601_detail::read_digits;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The UTC offset at text[pos] ("Z", "+01:00", "-0130", "+01"), moving pos past it; nullopt when
// there is none or it is malformed.
std::optional<std::chrono::seconds> read_offset(std::string_view text, std::size_t& pos) {
  std::chrono::seconds offset{0};
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const bool negative = text[pos] == '-';
    ++pos;
    int oh = 0;
    int om = 0;
    if (!read_digits(text, pos, 2, oh)) return std::nullopt;
    if (pos < text.size()) {
      if (text[pos] == ':') ++pos;
      if (!read_digits(text, pos, 2, om)) return std::nullopt;
    }
    if (oh > 23 || om > 59) return std::nullopt;
    offset = std::chrono::hours{oh} + std::chrono::minutes{om};
    if (negative) offset = -offset;
  } else {
    return std::nullopt;
  }
  return offset;
}

}  // namespace

std::optional<Instant> parse_iso8601(std::string_view text, const TimeZone& local) {
  std::size_t pos = 0;
  int y = 0;
  int mo = 0;
  int d = 0;
  int h = 0;
  int mi = 0;
  int s = 0;
  if (!read_digits(text, pos, 4, y) || pos >= text.size() || text[pos++] != '-' ||
      !read_digits(text, pos, 2, mo) || pos >= text.size() || text[pos++] != '-' ||
      !read_digits(text, pos, 2, d) || pos >= text.size()) {
    return std::nullopt;
  }
  const char separator = text[pos++];
  if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
  if (!read_digits(text, pos, 2, h) || pos >= text.size() || text[pos++] != ':' ||
      !read_digits(text, pos, 2, mi)) {
    return std::nullopt;
  }
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!read_digits(text, pos, 2, s)) return std::nullopt;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const std::size_t start = pos;
      while (pos < text.size() && is_digit(text[pos])) ++pos;  // fractions are dropped
      if (pos == start) return std::nullopt;
    }
  }
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  // 60 is a leap second: it reads as the first second of the next minute.
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const auto time_of_day =
      std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};

  if (pos == text.size()) {
    return local.from_local(date::local_days{ymd} + time_of_day);
  }
  const auto offset = read_offset(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;
  return Instant{date::sys_days{ymd}} + time_of_day - *offset;
}

std::string format_iso8601(Instant at, const TimeZone& zone) {
  const std::chrono::seconds offset = zone.offset_at(at);
  const auto wall = at + offset;
  const auto day = std::chrono::floor<date::days>(wall);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss time{wall - day};
  const long long offset_minutes = std::llabs(offset.count()) / 60;
  std::array<char, 64> text{};  // room for any int the compiler cannot rule out, not just dates
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02uT%02d:%02d:%02d%c%02lld:%02lld",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                offset.count() < 0 ? '-' : '+', offset_minutes / 60, offset_minutes % 60);
  return text.data();
}

}  // namespace samla
