// Message files: format detection, mbox splitting, folders, routing by mailbox, and the helpers
// the MIME and JSON readers share.
#include "samla/sync/message_files.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

#include "message_files_internal.h"
#include "message_text.h"
#include "samla/sync/os_time_zone.h"

namespace samla {
namespace detail {
namespace {

// Stands in when the OS has no tz database, so reading never fails for want of one.
class UtcZone final : public TimeZone {
 public:
  [[nodiscard]] std::chrono::seconds offset_at(Instant /*at*/) const override {
    return std::chrono::seconds{0};
  }
  [[nodiscard]] Instant from_local(date::local_seconds wall_clock) const override {
    return Instant{wall_clock.time_since_epoch()};
  }
};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "From sender Tue Mar 26 14:59:59 2024": the delivery time the mbox line records, read as a
// wall-clock time in the local zone (mbox writers use local time and name no zone).
std::optional<Instant> mbox_line_time(std::string_view line, const TimeZone& zone) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::vector<std::string> words;
  std::istringstream in{std::string(line)};
  for (std::string word; in >> word;) words.push_back(word);
  for (std::size_t i = 0; i + 3 < words.size(); ++i) {
    const auto* const month = std::find(kMonths.begin(), kMonths.end(), words[i]);
    if (month == kMonths.end()) continue;
    unsigned day = 0;
    int h = 0;
    int m = 0;
    int s = 0;
    int year = 0;
    char c1 = 0;
    char c2 = 0;
    std::istringstream time_in{words[i + 2]};
    if (!(std::istringstream{words[i + 1]} >> day) || !(time_in >> h >> c1 >> m >> c2 >> s) ||
        c1 != ':' || c2 != ':') {
      continue;
    }
    // The year follows the time, sometimes after a zone name.
    for (std::size_t k = i + 3; k < words.size() && k <= i + 4; ++k) {
      if (std::istringstream{words[k]} >> year && year > 1900) break;
      year = 0;
    }
    const date::year_month_day ymd{date::year{year},
                                   date::month{static_cast<unsigned>(month - kMonths.begin() + 1)},
                                   date::day{day}};
    if (year == 0 || !ymd.ok() || h > 23 || m > 59 || s > 60) return std::nullopt;
    return zone.from_local(date::local_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{m} +
                           std::chrono::seconds{s});
  }
  return std::nullopt;
}

std::string lower_extension(const std::filesystem::path& name) {
  return ascii_lower(name.extension().string());
}

bool is_json_extension(std::string_view extension) {
  return extension == ".json" || extension == ".jsonl" || extension == ".ndjson";
}

bool is_message_extension(std::string_view extension) {
  return extension == ".eml" || extension == ".mbox" || is_json_extension(extension);
}

}  // namespace

const TimeZone& local_zone(const ReadOptions& options) {
  if (options.local_zone != nullptr) return *options.local_zone;
  static const std::unique_ptr<const TimeZone> oslo = []() -> std::unique_ptr<const TimeZone> {
    try {
      return std::make_unique<OsTimeZone>("Europe/Oslo");
    } catch (const std::exception&) {
      return std::make_unique<UtcZone>();
    }
  }();
  return *oslo;
}

Instant fallback_time(const ReadOptions& options) {
  if (options.fallback_received_at) return *options.fallback_received_at;
  if (options.now) return *options.now;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

void add_warning(std::vector<std::string>& warnings, std::string_view warning) {
  std::string line = clean_line(sanitize_utf8(warning));
  if (line.empty()) return;
  if (std::find(warnings.begin(), warnings.end(), line) == warnings.end()) {
    warnings.push_back(std::move(line));
  }
}

namespace {

// mboxrd: ">From " (with any number of '>') at a line start was escaped by the writer.
std::string unescape_mboxrd(std::string_view content) {
  std::string message;
  message.reserve(content.size());
  std::size_t at = 0;
  while (at < content.size()) {
    std::size_t eol = content.find('\n', at);
    const std::size_t next = eol == std::string_view::npos ? content.size() : eol + 1;
    std::string_view line = content.substr(at, next - at);
    std::size_t quotes = 0;
    while (quotes < line.size() && line[quotes] == '>') ++quotes;
    if (quotes > 0 && starts_with(line.substr(quotes), "From ")) line.remove_prefix(1);
    message += line;
    at = next;
  }
  return message;
}

}  // namespace

ReadResult read_mbox(std::string_view data, const std::filesystem::path& name,
                     const ReadOptions& options) {
  ReadResult result;
  // A message starts at a line "From " at the start of the file or after an empty line; other
  // "From " lines are body text that a careless writer did not escape.
  struct Span {
    std::size_t from_line;  // start of the "From " line (npos: no such line)
    std::size_t begin;      // first byte of the message
    std::size_t end;
  };
  std::vector<Span> spans;
  std::size_t pos = 0;
  bool after_blank = true;
  std::size_t current_start = std::string_view::npos;
  while (pos < data.size()) {
    std::size_t eol = data.find('\n', pos);
    const std::size_t next = eol == std::string_view::npos ? data.size() : eol + 1;
    std::string_view line = data.substr(pos, next - pos);
    const bool blank = line == "\n" || line == "\r\n";
    if (after_blank && starts_with(line, "From ")) {
      if (!spans.empty()) spans.back().end = pos;
      if (spans.empty() && pos > 0 && !trim(data.substr(0, pos)).empty()) {
        spans.push_back(Span{std::string_view::npos, 0, pos});  // text before the first "From "
      }
      spans.push_back(Span{pos, next, data.size()});
      current_start = pos;
    }
    after_blank = blank;
    pos = next;
  }
  if (current_start == std::string_view::npos)
    spans.push_back(Span{std::string_view::npos, 0, data.size()});

  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Span& span = spans[i];
    const std::string item = "message " + std::to_string(i + 1);
    std::string_view content = data.substr(span.begin, span.end - span.begin);
    // The empty line before the next "From " belongs to the mbox, not to the message.
    if (content.size() >= 2 && content.substr(content.size() - 2) == "\n\n") {
      content.remove_suffix(1);
    } else if (content.size() >= 4 && content.substr(content.size() - 4) == "\r\n\r\n") {
      content.remove_suffix(2);
    }
    if (trim(content).empty()) {
      result.problems.push_back(FileProblem{name, item, "the message is empty"});
      continue;
    }
    const std::string message = unescape_mboxrd(content);
    ReadOptions message_options = options;
    if (span.from_line != std::string_view::npos) {
      const std::size_t eol = data.find('\n', span.from_line);
      const std::string_view from_line = data.substr(span.from_line, eol - span.from_line);
      if (const auto delivered = mbox_line_time(from_line, local_zone(options))) {
        message_options.fallback_received_at = delivered;
      }
    }
    result.messages.push_back(parse_mime(message, message_options));
  }
  return result;
}

}  // namespace detail

std::string FileProblem::describe() const {
  std::string text = file.string();
  if (!item.empty()) text += ": " + item;
  return text + ": " + error;
}

ReadResult read_message_data(std::string_view data, const std::filesystem::path& name,
                             const ReadOptions& options) {
  using detail::starts_with;
  const std::string extension = detail::lower_extension(name);
  std::string_view content = data;
  if (starts_with(content, "\xEF\xBB\xBF")) content.remove_prefix(3);
  const std::string_view trimmed = detail::trim(content);
  if (trimmed.empty()) return ReadResult{{}, {FileProblem{name, {}, "the file is empty"}}};

  if (starts_with(content, "From ") || extension == ".mbox") {
    return detail::read_mbox(content, name, options);
  }
  if (detail::is_json_extension(extension) ||
      (extension != ".eml" && (trimmed.front() == '{' || trimmed.front() == '['))) {
    return detail::read_json_messages(content, name, options);
  }
  ReadResult result;
  result.messages.push_back(parse_mime(data, options));
  return result;
}

ReadResult read_message_file(const std::filesystem::path& file, const ReadOptions& options) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return ReadResult{
        {}, {FileProblem{file, {}, "cannot open the file: " + std::string(std::strerror(errno))}}};
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return ReadResult{{}, {FileProblem{file, {}, "cannot read the file"}}};

  ReadOptions file_options = options;
  if (!file_options.fallback_received_at) {
    // An email without a Date arrived, as far as anyone can tell, when its file was written.
    std::error_code error;
    const auto written = std::filesystem::last_write_time(file, error);
    if (!error) {
      file_options.fallback_received_at =
          std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(written));
    }
  }
  return read_message_data(bytes.str(), file, file_options);
}

ReadResult read_message_folder(const std::filesystem::path& folder, const ReadOptions& options) {
  ReadResult result;
  std::vector<std::filesystem::path> files;
  std::error_code error;
  std::filesystem::recursive_directory_iterator it(
      folder, std::filesystem::directory_options::skip_permission_denied, error);
  if (error) {
    result.problems.push_back(
        FileProblem{folder, {}, "cannot read the folder: " + error.message()});
    return result;
  }
  for (; it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (error) {
      result.problems.push_back(
          FileProblem{folder, {}, "cannot list the folder: " + error.message()});
      break;
    }
    const std::filesystem::path& path = it->path();
    if (path.filename().string().starts_with(".")) continue;
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    if (detail::is_message_extension(detail::lower_extension(path))) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    ReadResult one = read_message_file(file, options);
    std::move(one.messages.begin(), one.messages.end(), std::back_inserter(result.messages));
    std::move(one.problems.begin(), one.problems.end(), std::back_inserter(result.problems));
  }
  return result;
}

MailboxRoutes parse_mailbox_routes(std::string_view text) {
  MailboxRoutes routes;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    if (const std::size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream fields{line};
    std::string mailbox;
    std::string department;
    if (fields >> mailbox >> department) routes[detail::ascii_lower(mailbox)] = department;
  }
  return routes;
}

std::string route_by_mailbox(const InboundMessage& message, const MailboxRoutes& routes) {
  for (const Party& recipient : message.to) {
    const std::string address = detail::ascii_lower(detail::trim(recipient.address));
    if (address.empty()) continue;
    if (const auto it = routes.find(address); it != routes.end()) return it->second;
    for (const auto& [mailbox, department] : routes) {
      if (detail::ascii_lower(mailbox) == address) return department;
    }
  }
  return {};
}

std::optional<std::chrono::seconds> parse_age(std::string_view text) {
  text = detail::trim(text);
  if (text.empty()) return std::nullopt;
  std::chrono::seconds total{0};
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    long long value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 9) {
      value = value * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == start || pos >= text.size()) return std::nullopt;
    switch (text[pos]) {
      case 'w':
        total += std::chrono::seconds{value * 7 * 86400};
        break;
      case 'd':
        total += std::chrono::seconds{value * 86400};
        break;
      case 'h':
        total += std::chrono::seconds{value * 3600};
        break;
      case 'm':
        total += std::chrono::seconds{value * 60};
        break;
      case 's':
        total += std::chrono::seconds{value};
        break;
      default:
        return std::nullopt;
    }
    ++pos;
  }
  return total;
}

}  // namespace samla
