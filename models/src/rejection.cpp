#include "samla/models/rejection.h"

#include <array>
#include <cstdio>

namespace samla {

std::string substitute(std::string_view format, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(format.size() + 32);
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '{') {
      const auto close = format.find('}', i);
      if (close != std::string_view::npos && close > i + 1) {
        std::size_t index = 0;
        bool digits = true;
        for (std::size_t k = i + 1; k < close; ++k) {
          if (format[k] < '0' || format[k] > '9') {
            digits = false;
            break;
          }
          index = index * 10 + static_cast<std::size_t>(format[k] - '0');
        }
        if (digits && index < args.size()) {
          out += args[index];
          i = close;
          continue;
        }
      }
    }
    out += format[i];
  }
  return out;
}

std::string format_local(Instant at, const TimeZone& zone) {
  const auto local = date::local_seconds{(at + zone.offset_at(at)).time_since_epoch()};
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> tod{local - day};
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02u.%02u.%04d %02d:%02d",
                static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                static_cast<int>(ymd.year()), static_cast<int>(tod.hours().count()),
                static_cast<int>(tod.minutes().count()));
  return buffer.data();
}

std::string Rejection::text(const TimeZone& zone) const { return text(format, zone); }

std::string Rejection::text(std::string_view translated_format, const TimeZone& zone) const {
  std::vector<std::string> rendered;
  rendered.reserve(args.size());
  for (const auto& arg : args) {
    if (const auto* s = std::get_if<std::string>(&arg)) {
      rendered.push_back(*s);
    } else {
      rendered.push_back(format_local(std::get<Instant>(arg), zone));
    }
  }
  return substitute(translated_format, rendered);
}

}  // namespace samla
