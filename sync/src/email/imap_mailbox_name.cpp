// RFC 3501 §5.1.3: printable US-ASCII stands for itself ('&' as "&-"); everything else is
// UTF-16 in base64 with ',' for '/', no padding, between '&' and '-'. Decoding is strict, so
// that one name has one spelling and a broken name from a server is reported, not guessed.
#include "samla/sync/email/imap_mailbox_name.h"

#include <array>
#include <cstdint>
#include <vector>

namespace samla {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

bool printable(char32_t c) { return c >= 0x20 && c <= 0x7e; }

// The code points of a UTF-8 string; rejects overlong forms, surrogates and stray bytes.
std::vector<char32_t> code_points(std::string_view utf8) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    std::size_t length = 0;
    char32_t c = 0;
    if (lead < 0x80) {
      length = 1;
      c = lead;
    } else if ((lead & 0xe0U) == 0xc0U) {
      length = 2;
      c = lead & 0x1fU;
    } else if ((lead & 0xf0U) == 0xe0U) {
      length = 3;
      c = lead & 0x0fU;
    } else if ((lead & 0xf8U) == 0xf0U) {
      length = 4;
      c = lead & 0x07U;
    } else {
      throw ImapMailboxNameError("mailbox name is not UTF-8");
    }
    if (i + length > utf8.size()) throw ImapMailboxNameError("mailbox name is not UTF-8");
    for (std::size_t k = 1; k < length; ++k) {
      const auto byte = static_cast<unsigned char>(utf8[i + k]);
      if ((byte & 0xc0U) != 0x80U) throw ImapMailboxNameError("mailbox name is not UTF-8");
      c = (c << 6U) | (byte & 0x3fU);
    }
    static constexpr std::array<char32_t, 5> kMinimum = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kMinimum[length] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
      throw ImapMailboxNameError("mailbox name is not UTF-8");
    }
    out.push_back(c);
    i += length;
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xc0U | (c >> 6U)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3fU)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xe0U | (c >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3fU)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3fU)));
  } else {
    out.push_back(static_cast<char>(0xf0U | (c >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((c >> 12U) & 0x3fU)));
    out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3fU)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3fU)));
  }
}

// One shifted run: the UTF-16 units of `run`, base64 without padding.
void append_shifted(std::string& out, const std::vector<char32_t>& run) {
  std::vector<std::uint16_t> units;
  for (const char32_t c : run) {
    if (c >= 0x10000) {
      const char32_t v = c - 0x10000;
      units.push_back(static_cast<std::uint16_t>(0xd800U + (v >> 10U)));
      units.push_back(static_cast<std::uint16_t>(0xdc00U + (v & 0x3ffU)));
    } else {
      units.push_back(static_cast<std::uint16_t>(c));
    }
  }
  out.push_back('&');
  std::uint32_t bits = 0;
  unsigned count = 0;
  for (const std::uint16_t unit : units) {
    bits = (bits << 16U) | unit;
    count += 16;
    while (count >= 6) {
      count -= 6;
      out.push_back(kAlphabet[(bits >> count) & 0x3fU]);
    }
    bits &= (1U << count) - 1U;
  }
  if (count > 0) out.push_back(kAlphabet[(bits << (6U - count)) & 0x3fU]);
  out.push_back('-');
}

// The base64 between '&' and '-': UTF-16 units, appended to `out` as UTF-8.
void decode_shifted(std::string_view run, std::string& out) {
  std::uint32_t bits = 0;
  unsigned count = 0;
  char32_t high = 0;  // a pending high surrogate
  bool any = false;
  for (const char c : run) {
    const std::size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos)
      throw ImapMailboxNameError("mailbox name holds bad base64");
    bits = (bits << 6U) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count < 16) continue;
    count -= 16;
    const char32_t unit = (bits >> count) & 0xffffU;
    bits &= (1U << count) - 1U;
    any = true;
    if (high != 0) {
      if (unit < 0xdc00 || unit > 0xdfff) throw ImapMailboxNameError("unpaired surrogate");
      append_utf8(out, 0x10000 + ((high - 0xd800) << 10U) + (unit - 0xdc00));
      high = 0;
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      high = unit;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw ImapMailboxNameError("unpaired surrogate");
    } else if (printable(unit)) {
      throw ImapMailboxNameError("mailbox name shifts printable ASCII");
    } else {
      append_utf8(out, unit);
    }
  }
  // Left-over bits are padding: fewer than 6 of them, all zero.
  if (high != 0 || !any || count >= 6 || bits != 0) {
    throw ImapMailboxNameError("mailbox name holds a broken shifted run");
  }
}

}  // namespace

std::string imap_mailbox_name(std::string_view utf8) {
  std::string out;
  std::vector<char32_t> run;
  for (const char32_t c : code_points(utf8)) {
    if (printable(c)) {
      if (!run.empty()) {
        append_shifted(out, run);
        run.clear();
      }
      if (c == '&') {
        out += "&-";
      } else {
        out.push_back(static_cast<char>(c));
      }
    } else {
      run.push_back(c);
    }
  }
  if (!run.empty()) append_shifted(out, run);
  return out;
}

std::string utf8_mailbox_name(std::string_view modified_utf7) {
  std::string out;
  std::size_t i = 0;
  bool after_run = false;  // "&…-&…-" is one run spelled twice: refused (RFC 3501 §5.1.3)
  while (i < modified_utf7.size()) {
    const char c = modified_utf7[i];
    if (!printable(static_cast<unsigned char>(c))) {
      throw ImapMailboxNameError("mailbox name holds a byte outside printable ASCII");
    }
    if (c != '&') {
      out.push_back(c);
      ++i;
      after_run = false;
      continue;
    }
    const std::size_t end = modified_utf7.find('-', i + 1);
    if (end == std::string_view::npos) throw ImapMailboxNameError("mailbox name lacks a '-'");
    if (end == i + 1) {
      out.push_back('&');
      i = end + 1;
      after_run = false;
      continue;
    }
    if (after_run) throw ImapMailboxNameError("mailbox name has a superfluous shift");
    decode_shifted(modified_utf7.substr(i + 1, end - i - 1), out);
    i = end + 1;
    after_run = true;
  }
  return out;
}

}  // namespace samla
