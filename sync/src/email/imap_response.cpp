// The IMAP response grammar of RFC 3501 / 9051, as much as a sync needs, written defensively:
// every read is bounds-checked, nesting is limited, and the first thing that does not fit the
// grammar throws ImapParseError naming what was expected.
#include "samla/sync/email/imap_response.h"

#include <algorithm>
#include <charconv>

namespace samla {
namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxLine = 1024U * 1024U;

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return upper(c); });
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return upper(x) == upper(y); });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::uint64_t> number_of(std::string_view digits) {
  if (digits.empty() || digits.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  const auto* end = digits.data() + digits.size();
  const auto [ptr, error] = std::from_chars(digits.data(), end, value);
  if (error != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

// The literal length announced at the end of a line ("... {123}" or "{123+}"), if any.
std::optional<std::size_t> literal_at_end(std::string_view line) {
  if (line.empty() || line.back() != '}') return std::nullopt;
  const std::size_t open = line.rfind('{');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view digits = line.substr(open + 1, line.size() - open - 2);
  if (!digits.empty() && digits.back() == '+') digits.remove_suffix(1);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), is_digit)) return std::nullopt;
  const auto n = number_of(digits);
  if (!n || *n > ImapFramer::kMaxLiteral) {
    throw ImapParseError("literal of " + std::string(digits) + " bytes is too large");
  }
  return static_cast<std::size_t>(*n);
}

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  [[nodiscard]] bool at_end() const { return pos_ >= text_.size(); }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : text_[pos_]; }
  [[nodiscard]] bool at_crlf() const { return text_.substr(pos_, 2) == "\r\n"; }

  [[noreturn]] void fail(const std::string& expected) const {
    throw ImapParseError("IMAP response: expected " + expected + " at byte " +
                         std::to_string(pos_));
  }
  void expect(char c) {
    if (peek() != c || at_end()) fail(std::string("'") + c + "'");
    ++pos_;
  }
  void expect_crlf() {
    if (!at_crlf()) fail("end of line");
    pos_ += 2;
  }
  void skip_spaces() {
    while (peek() == ' ') ++pos_;
  }

  // Letters, digits and what an atom may hold; a '[' starts a bracketed section (BODY[...],
  // response codes) that runs to its matching ']' and may hold spaces and parentheses.
  std::string atom() {
    const std::size_t start = pos_;
    int brackets = 0;
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == '[') {
        ++brackets;
      } else if (c == ']') {
        if (brackets == 0) break;
        --brackets;
      } else if (brackets == 0 &&
                 (c == ' ' || c == '(' || c == ')' || c == '{' || c == '"' || c == '\r' ||
                  c == '\n' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f)) {
        break;
      } else if (c == '\r' || c == '\n') {
        fail("']'");
      }
      ++pos_;
    }
    if (brackets != 0) fail("']'");
    if (pos_ == start) fail("an atom");
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string quoted() {
    expect('"');
    std::string out;
    while (true) {
      if (at_end() || peek() == '\r' || peek() == '\n') fail("closing '\"'");
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (c == '\\') {
        if (at_end()) fail("an escaped character");
        out.push_back(text_[pos_++]);
      } else {
        out.push_back(c);
      }
    }
  }

  std::string literal() {
    expect('{');
    const std::size_t start = pos_;
    while (is_digit(peek())) ++pos_;
    const auto n = number_of(text_.substr(start, pos_ - start));
    if (!n) fail("a literal length");
    if (peek() == '+') ++pos_;
    expect('}');
    expect_crlf();
    if (*n > text_.size() - pos_) fail("literal bytes");
    std::string out(text_.substr(pos_, static_cast<std::size_t>(*n)));
    pos_ += static_cast<std::size_t>(*n);
    return out;
  }

  ImapValue value(int depth) {
    if (depth > kMaxDepth) fail("less nesting");
    ImapValue v;
    switch (peek()) {
      case '(': {
        ++pos_;
        v.kind = ImapValue::Kind::list;
        skip_spaces();
        while (peek() != ')') {
          if (at_end() || at_crlf()) fail("')'");
          v.items.push_back(value(depth + 1));
          skip_spaces();
        }
        ++pos_;
        return v;
      }
      case '"':
        v.kind = ImapValue::Kind::string;
        v.text = quoted();
        return v;
      case '{':
        v.kind = ImapValue::Kind::string;
        v.text = literal();
        return v;
      default:
        break;
    }
    std::string word = atom();
    if (std::all_of(word.begin(), word.end(), is_digit)) {
      if (const auto n = number_of(word)) {
        v.kind = ImapValue::Kind::number;
        v.number = *n;
        v.text = std::move(word);
        return v;
      }
    }
    if (iequals(word, "NIL")) {
      v.kind = ImapValue::Kind::nil;
      return v;
    }
    v.kind = ImapValue::Kind::atom;
    v.text = std::move(word);
    return v;
  }

  // Values up to the end of the line (which may span literals).
  std::vector<ImapValue> values_to_end() {
    std::vector<ImapValue> out;
    skip_spaces();
    while (!at_crlf()) {
      if (at_end()) fail("end of line");
      out.push_back(value(0));
      skip_spaces();
    }
    expect_crlf();
    return out;
  }

  // Status response: [code] text CRLF.
  void status_rest(ImapResponse& r) {
    skip_spaces();
    if (peek() == '[') {
      ++pos_;
      const std::size_t start = pos_;
      int depth = 0;
      while (!at_end() && !at_crlf() && !(peek() == ']' && depth == 0)) {
        if (peek() == '[') ++depth;
        if (peek() == ']') --depth;
        ++pos_;
      }
      if (peek() != ']') fail("']'");
      const std::string_view code = text_.substr(start, pos_ - start);
      ++pos_;
      std::size_t i = 0;
      while (i < code.size()) {
        while (i < code.size() && code[i] == ' ') ++i;
        std::size_t j = i;
        int nesting = 0;
        while (j < code.size() && (code[j] != ' ' || nesting > 0)) {
          if (code[j] == '(') ++nesting;
          if (code[j] == ')' && nesting > 0) --nesting;
          ++j;
        }
        if (j > i) r.code.emplace_back(code.substr(i, j - i));
        i = j;
      }
      if (!r.code.empty()) r.code.front() = upper(r.code.front());
      skip_spaces();
    }
    const std::size_t start = pos_;
    while (!at_end() && !at_crlf()) ++pos_;
    r.text = std::string(text_.substr(start, pos_ - start));
    expect_crlf();
  }

  std::string word() {
    const std::size_t start = pos_;
    while (!at_end() && peek() != ' ' && peek() != '\r' && peek() != '\n') ++pos_;
    if (pos_ == start) fail("a word");
    return std::string(text_.substr(start, pos_ - start));
  }

  void finish() const {
    if (!at_end()) fail("nothing after the final line");
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_status(std::string_view word) {
  return word == "OK" || word == "NO" || word == "BAD" || word == "BYE" || word == "PREAUTH";
}

}  // namespace

bool ImapValue::is_atom(std::string_view name) const {
  return kind == Kind::atom && iequals(text, name);
}

const ImapValue* ImapValue::find(std::string_view name) const {
  if (kind != Kind::list) return nullptr;
  for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
    if (items[i].kind == Kind::atom && iequals(items[i].text, name)) return &items[i + 1];
  }
  return nullptr;
}

std::optional<std::size_t> ImapFramer::complete(std::string_view buffer) {
  while (scanned_ < buffer.size()) {
    const std::size_t newline = buffer.find('\n', scanned_);
    if (newline == std::string_view::npos) {
      scanned_ = buffer.size();
      if (scanned_ - line_start_ > kMaxLine) throw ImapParseError("IMAP line too long");
      return std::nullopt;
    }
    std::string_view line = buffer.substr(line_start_, newline - line_start_);
    if (line.size() > kMaxLine) throw ImapParseError("IMAP line too long");
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (const auto literal = literal_at_end(line)) {
      const std::size_t end = newline + 1 + *literal;
      if (end > buffer.size()) {
        scanned_ = newline;  // re-check this line when more has arrived (cheap: one line)
        return std::nullopt;
      }
      scanned_ = end;
      line_start_ = end;
      continue;
    }
    const std::size_t length = newline + 1;
    scanned_ = 0;
    line_start_ = 0;
    return length;
  }
  return std::nullopt;
}

void ImapFramer::consumed(std::size_t /*length*/) {
  scanned_ = 0;
  line_start_ = 0;
}

ImapResponse parse_imap_response(std::string_view response) {
  Cursor in(response);
  ImapResponse r;
  if (in.peek() == '+') {
    r.kind = ImapResponse::Kind::continuation;
    in.expect('+');
    if (in.peek() == ' ') in.skip_spaces();
    in.status_rest(r);
    in.finish();
    return r;
  }
  if (in.peek() == '*') {
    in.expect('*');
    in.expect(' ');
    r.kind = ImapResponse::Kind::untagged;
    const std::string first = in.word();
    if (std::all_of(first.begin(), first.end(), is_digit)) {
      r.number = number_of(first);
      if (!r.number) in.fail("a message number");
      in.expect(' ');
      r.name = upper(in.word());
      r.data = in.values_to_end();
    } else if (is_status(upper(first))) {
      r.status = upper(first);
      in.status_rest(r);
    } else {
      r.name = upper(first);
      r.data = in.values_to_end();
    }
    in.finish();
    return r;
  }
  r.kind = ImapResponse::Kind::tagged;
  r.tag = in.word();
  in.expect(' ');
  r.status = upper(in.word());
  if (r.status != "OK" && r.status != "NO" && r.status != "BAD") in.fail("OK, NO or BAD");
  in.status_rest(r);
  in.finish();
  return r;
}

std::optional<ImapVanished> imap_vanished(const ImapResponse& response) {
  if (response.kind != ImapResponse::Kind::untagged || response.name != "VANISHED" ||
      response.number) {
    return std::nullopt;
  }
  ImapVanished out;
  std::size_t i = 0;
  if (i < response.data.size() && response.data[i].kind == ImapValue::Kind::list) {
    const auto& tags = response.data[i].items;
    if (tags.size() != 1 || !tags[0].is_atom("EARLIER")) {
      throw ImapParseError("VANISHED: unknown tag list");
    }
    out.earlier = true;
    ++i;
  }
  if (i + 1 != response.data.size()) throw ImapParseError("VANISHED: expected one UID set");
  const ImapValue& set = response.data[i];
  if (set.kind != ImapValue::Kind::atom && set.kind != ImapValue::Kind::number) {
    throw ImapParseError("VANISHED: expected a UID set");
  }
  out.uids = parse_imap_sequence_set(set.text);
  return out;
}

std::optional<std::uint64_t> imap_fetch_modseq(const ImapValue& attributes) {
  const ImapValue* modseq = attributes.find("MODSEQ");
  if (modseq == nullptr) return std::nullopt;
  if (modseq->kind != ImapValue::Kind::list || modseq->items.size() != 1 ||
      modseq->items[0].kind != ImapValue::Kind::number) {
    throw ImapParseError("FETCH: MODSEQ is not a parenthesised number");
  }
  return modseq->items[0].number;
}

std::optional<std::string> imap_quoted(std::string_view text) {
  if (text.size() > 1000) return std::nullopt;
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\r' || byte == '\n' || byte == 0 || byte >= 0x80) return std::nullopt;
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string imap_sequence_set(const std::vector<std::uint32_t>& uids) {
  std::string out;
  std::size_t i = 0;
  while (i < uids.size()) {
    std::size_t j = i;
    while (j + 1 < uids.size() && uids[j + 1] == uids[j] + 1) ++j;
    if (!out.empty()) out.push_back(',');
    out += std::to_string(uids[i]);
    if (j > i) out += ":" + std::to_string(uids[j]);
    i = j + 1;
  }
  return out;
}

std::vector<std::uint32_t> parse_imap_sequence_set(std::string_view set, std::size_t limit) {
  std::vector<std::uint32_t> out;
  const auto number = [&](std::string_view digits) {
    const auto n = number_of(digits);
    if (!n || *n == 0 || *n > 0xffffffffULL) {
      throw ImapParseError("bad number '" + std::string(digits) + "' in sequence set");
    }
    return static_cast<std::uint32_t>(*n);
  };
  std::size_t start = 0;
  while (start <= set.size()) {
    std::size_t comma = set.find(',', start);
    if (comma == std::string_view::npos) comma = set.size();
    const std::string_view item = set.substr(start, comma - start);
    const std::size_t colon = item.find(':');
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    if (colon == std::string_view::npos) {
      low = high = number(item);
    } else {
      low = number(item.substr(0, colon));
      high = number(item.substr(colon + 1));
      if (low > high) std::swap(low, high);
    }
    if (high - low >= limit || out.size() + (high - low) >= limit) {
      throw ImapParseError("sequence set too large");
    }
    for (std::uint64_t n = low; n <= high; ++n) out.push_back(static_cast<std::uint32_t>(n));
    start = comma + 1;
  }
  return out;
}

}  // namespace samla
