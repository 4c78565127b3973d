#include "message_text.h"

#include <gmime/gmime.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "samla/sync/html_walk.h"

namespace samla::detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out += kReplacement;
  } else if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is ill-formed
// (Unicode 15, table 3-7).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  const unsigned char b1 = byte(i + 1);
  if (b1 < low || b1 > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

bool is_ascii(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,  // 88-8F
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,  // 98-9F
};

bool is_latin1_label(std::string_view cs) {
  return cs == "iso-8859-1" || cs == "iso8859-1" || cs == "iso_8859-1" || cs == "latin1" ||
         cs == "latin-1" || cs == "l1" || cs == "iso-ir-100" || cs == "cp819" ||
         cs == "windows-1252" || cs == "cp1252" || cs == "x-cp1252" || cs == "cp-1252" ||
         cs == "iso_8859-1:1987" || cs == "ibm819";
}

bool is_ascii_label(std::string_view cs) {
  return cs.empty() || cs == "us-ascii" || cs == "ascii" || cs == "ansi_x3.4-1968" ||
         cs == "iso646-us" || cs == "us";
}

bool is_utf8_label(std::string_view cs) { return cs == "utf-8" || cs == "utf8"; }

// Charsets of one byte per character: text in them practically never forms well-formed
// multi-byte UTF-8, so UTF-8 bytes under such a label are UTF-8 mislabelled.
bool is_single_byte_label(std::string_view cs) {
  static constexpr std::array<std::string_view, 11> kPrefixes = {
      "iso-8859-", "iso8859-", "iso_8859-", "windows-125", "cp125", "koi8",
      "latin",     "cp866",    "ibm866",    "macintosh",   "x-mac-"};
  return std::ranges::any_of(
      kPrefixes, [cs](std::string_view prefix) { return cs.substr(0, prefix.size()) == prefix; });
}

// ISO-2022-JP is 7-bit: text in it without a declared charset shows itself by its escapes.
bool looks_like_iso_2022_jp(std::string_view bytes) {
  return bytes.find("\x1b$B") != std::string_view::npos ||
         bytes.find("\x1b$@") != std::string_view::npos ||
         bytes.find("\x1b(J") != std::string_view::npos;
}

bool can_open(const std::string& charset) {
  ensure_gmime_initialized();
  iconv_t cd = g_mime_iconv_open("UTF-8", charset.c_str());
  // iconv's documented failure value is (iconv_t)-1; no other spelling exists.
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast,performance-no-int-to-ptr)
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  g_mime_iconv_close(cd);
  return true;
}

// Converts with iconv, replacing what cannot be converted by U+FFFD. nullopt when iconv does not
// know the charset.
std::optional<std::pair<std::string, bool>> iconv_to_utf8(std::string_view bytes,
                                                          std::string_view label) {
  const std::string charset = usable_charset(label);
  if (charset.empty()) return std::nullopt;
  iconv_t cd = g_mime_iconv_open("UTF-8", charset.c_str());
  // iconv's documented failure value is (iconv_t)-1; no other spelling exists.
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast,performance-no-int-to-ptr)
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  bool lossy = false;
  std::array<char, 4096> buffer{};
  // iconv's API is not const-correct; it never writes through the input pointer.
  char* in = const_cast<char*>(bytes.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  std::size_t in_left = bytes.size();
  while (true) {
    char* out_ptr = buffer.data();
    std::size_t out_left = buffer.size();
    const std::size_t rc = in_left == 0 ? iconv(cd, nullptr, nullptr, &out_ptr, &out_left)
                                        : iconv(cd, &in, &in_left, &out_ptr, &out_left);
    const int error = errno;
    out.append(buffer.data(), static_cast<std::size_t>(out_ptr - buffer.data()));
    if (rc != static_cast<std::size_t>(-1)) {
      if (in_left == 0) {
        // Flush the shift state once more, then stop.
        char* flush_ptr = buffer.data();
        std::size_t flush_left = buffer.size();
        iconv(cd, nullptr, nullptr, &flush_ptr, &flush_left);
        out.append(buffer.data(), static_cast<std::size_t>(flush_ptr - buffer.data()));
        break;
      }
      continue;
    }
    if (error == E2BIG) continue;
    // EILSEQ (invalid byte) or EINVAL (cut short at the end): mark it and skip one byte.
    lossy = true;
    out += kReplacement;
    if (in_left == 0) break;
    ++in;  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic): iconv's cursor, in_left
           // bounds it
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
  }
  g_mime_iconv_close(cd);
  bool replaced = false;
  std::string clean = sanitize_utf8(out, &replaced);
  return std::pair{std::move(clean), lossy || replaced};
}

// Undeclared or unknown charset: UTF-8 when the bytes are UTF-8, else the charset the rest of the
// message uses, else Windows-1252 (the usual charset of Norwegian mail that declares none).
DecodedText guess_charset(std::string_view bytes, const std::string& why, std::string_view hint) {
  if (looks_like_iso_2022_jp(bytes)) {
    if (auto converted = iconv_to_utf8(bytes, "iso-2022-jp")) {
      return {std::move(converted->first), why + "; read as ISO-2022-JP"};
    }
  }
  if (is_valid_utf8(bytes)) return {std::string(bytes), why + "; read as UTF-8"};
  const std::string hint_label = ascii_lower(trim(hint));
  if (!hint_label.empty() && !is_utf8_label(hint_label) && !is_ascii_label(hint_label) &&
      !is_latin1_label(hint_label)) {
    if (auto converted = iconv_to_utf8(bytes, hint_label); converted && !converted->second) {
      return {std::move(converted->first), why + "; read as " + hint_label};
    }
  }
  return {windows_1252_to_utf8(bytes), why + "; read as windows-1252"};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Builds the text of an HTML document: words separated by single spaces, line breaks and
// paragraph breaks where the block structure puts them.
class TextBuilder {
 public:
  void text(std::string_view chunk, bool preformatted) {
    for (const char c : chunk) {
      if (preformatted) {
        if (c == '\r') continue;
        if (c == '\n') {
          out_ += '\n';
          space_ = false;
          continue;
        }
        out_ += c;
        continue;
      }
      if (is_space(c)) {
        space_ = true;
        continue;
      }
      if (space_ && !out_.empty() && out_.back() != '\n' && out_.back() != ' ') out_ += ' ';
      space_ = false;
      out_ += c;
    }
  }

  void literal(std::string_view utf8) {
    if (space_ && !out_.empty() && out_.back() != '\n' && out_.back() != ' ') out_ += ' ';
    space_ = false;
    out_ += utf8;
  }

  void space() { space_ = true; }

  // Ends the line; `lines` = 2 leaves an empty line (a paragraph break).
  void line_break(int lines) {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    space_ = false;
    if (out_.empty()) return;
    int have = 0;
    for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n'; ++it) ++have;
    for (; have < lines; ++have) out_ += '\n';
  }

  // A <br>: always a new line, even after another <br>.
  void hard_break() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    space_ = false;
    out_ += '\n';
  }

  std::string finish() { return std::move(out_); }

 private:
  std::string out_;
  bool space_ = false;
};

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::ranges::any_of(names, [name](std::string_view n) { return n == name; });
}

// Text as a reader sees it: C1 controls (what &#150; and friends become) are the Windows-1252
// characters browsers show for them, and NUL is U+FFFD.
std::string readable(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    const auto next = i + 1 < utf8.size() ? static_cast<unsigned char>(utf8[i + 1]) : 0U;
    if (b == 0xC2 && next >= 0x80 && next <= 0x9F) {
      append_utf8(out, kWindows1252High[next - 0x80]);
      ++i;
    } else if (b == 0) {
      out += kReplacement;
    } else {
      out += utf8[i];
    }
  }
  return out;
}

// Turns the walk of an HTML document into text: block elements break lines, list items get a
// bullet, images their alt text; scripts, styles and the like are skipped with their content.
class TextOfHtml : public HtmlVisitor {
 public:
  bool enter(std::string_view name, const Attributes& attributes) override {
    if (one_of(name, {"script", "style", "title", "template", "xml", "object", "head"})) {
      return false;
    }
    apply_tag(name, false);
    if (name == "img") {
      const std::string alt = clean_line(readable(attributes.get("alt").value_or("")));
      if (!alt.empty()) out_.literal("[" + alt + "]");
    }
    return true;
  }
  void leave(std::string_view name) override { apply_tag(name, true); }
  void text(std::string_view utf8) override {
    // A no-break space is a space that does not collapse into its neighbours.
    constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
    const std::string text = readable(utf8);
    std::string_view rest = text;
    for (auto at = rest.find(kNoBreakSpace); at != std::string_view::npos;
         at = rest.find(kNoBreakSpace)) {
      out_.text(rest.substr(0, at), pre_depth_ > 0);
      out_.literal(" ");
      rest.remove_prefix(at + kNoBreakSpace.size());
    }
    out_.text(rest, pre_depth_ > 0);
  }

  std::string finish() { return clean_text(out_.finish()); }

 private:
  void apply_tag(std::string_view name, bool closing) {
    if (name == "br") {
      if (!closing) out_.hard_break();
    } else if (one_of(name, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul",
                             "ol", "dl", "hr", "pre", "address", "figure", "center"})) {
      out_.line_break(2);
      if (name == "pre") pre_depth_ = std::max(0, pre_depth_ + (closing ? -1 : 1));
    } else if (one_of(name, {"div", "tr", "dd", "dt", "section", "article", "header", "footer",
                             "main", "nav", "aside", "form", "fieldset", "body", "caption",
                             "legend", "details", "summary", "option"})) {
      out_.line_break(1);
    } else if (name == "li") {
      out_.line_break(1);
      if (!closing) out_.literal("• ");
    } else if (name == "td" || name == "th") {
      out_.space();
    }
  }

  int pre_depth_ = 0;
  TextBuilder out_;
};

}  // namespace

bool mostly_utf8(std::string_view text) {
  std::size_t good = 0;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      ++bad;
      ++i;
      continue;
    }
    // U+0080..U+009F: what Windows-1252 bytes become when read as Latin-1 and written as UTF-8.
    const bool c1 = n == 2 && static_cast<unsigned char>(text[i]) == 0xC2 &&
                    static_cast<unsigned char>(text[i + 1]) < 0xA0;
    (c1 ? bad : good) += n;
    i += n;
  }
  return good > 0 && bad * 4 <= good;
}

void ensure_gmime_initialized() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string sanitize_utf8(std::string_view text, bool* replaced) {
  std::string out;
  out.reserve(text.size());
  bool any = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += kReplacement;
      any = true;
      ++i;
      // Continuation bytes of the same broken sequence become one replacement character.
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  if (replaced != nullptr) *replaced = any;
  return out;
}

std::string windows_1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else if (b < 0xA0) {
      append_utf8(out, kWindows1252High[b - 0x80]);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

DecodedText decode_charset(std::string_view bytes, std::string_view charset,
                           std::string_view hint) {
  const std::string cs = ascii_lower(trim(charset));
  const bool ascii = is_ascii(bytes);
  // ISO-2022-JP, UTF-7 and friends are 7-bit: only plain ASCII labels may skip conversion.
  if (ascii && (is_ascii_label(cs) || is_utf8_label(cs) || is_latin1_label(cs)) &&
      !(is_ascii_label(cs) && looks_like_iso_2022_jp(bytes))) {
    return {std::string(bytes), {}};
  }
  if (is_ascii_label(cs)) {
    const std::string what = ascii ? "text" : "8-bit text";
    return guess_charset(bytes,
                         cs.empty() ? what + " without a declared charset"
                                    : what + " declared as " + sanitize_utf8(charset),
                         hint);
  }
  if (is_utf8_label(cs)) {
    if (is_valid_utf8(bytes)) return {std::string(bytes), {}};
    if (!mostly_utf8(bytes)) return guess_charset(bytes, "text declared as UTF-8 is not", hint);
    return {sanitize_utf8(bytes), "invalid UTF-8 in the text was replaced"};
  }
  // Mail labelled with a single-byte charset is often UTF-8 (a misconfigured client), and
  // text in such a charset practically never forms well-formed UTF-8: UTF-8 wins when it is.
  if ((is_latin1_label(cs) || is_single_byte_label(cs)) && !ascii && is_valid_utf8(bytes) &&
      mostly_utf8(bytes)) {
    return {std::string(bytes), "text declared as " + sanitize_utf8(charset) + " is UTF-8"};
  }
  // Labelled ISO-8859-1, it is really Windows-1252 (Outlook's € – “ ” under that label).
  if (is_latin1_label(cs)) return {windows_1252_to_utf8(bytes), {}};
  if (auto converted = iconv_to_utf8(bytes, cs)) {
    auto& [text, lossy] = *converted;
    if (!lossy) return {std::move(text), {}};
    return {std::move(text),
            "characters that are not valid " + sanitize_utf8(charset) + " were replaced"};
  }
  return guess_charset(bytes, "unknown charset '" + sanitize_utf8(charset) + "'", hint);
}

std::string usable_charset(std::string_view charset) {
  std::string cs = ascii_lower(trim(charset));
  while (!cs.empty() && (cs.front() == '"' || cs.front() == '\'')) cs.erase(0, 1);
  while (!cs.empty() && (cs.back() == '"' || cs.back() == '\'')) cs.pop_back();
  if (cs.empty()) return {};
  // What mail labels with the legacy name is usually written in the vendor's superset
  // (as browsers read it, WHATWG Encoding).
  static constexpr auto kSupersets = std::to_array<std::pair<std::string_view, std::string_view>>({
      {"gb2312", "GBK"},
      {"gb_2312-80", "GBK"},
      {"x-gbk", "GBK"},
      {"euc-kr", "CP949"},
      {"ks_c_5601-1987", "CP949"},
      {"ks_c_5601", "CP949"},
      {"shift_jis", "CP932"},
      {"shift-jis", "CP932"},
      {"sjis", "CP932"},
      {"x-sjis", "CP932"},
      {"big5", "BIG5-HKSCS"},
      {"tis-620", "CP874"},
      {"iso-8859-11", "CP874"},
      {"iso-8859-9", "CP1254"},
      {"latin5", "CP1254"},
      {"iso-2022-jp", "ISO-2022-JP-2"},
  });
  for (const auto& [label, superset] : kSupersets) {
    if (cs == label && can_open(std::string(superset))) return std::string(superset);
  }
  std::vector<std::string> candidates{cs};
  std::string dashed = cs;
  for (char& c : dashed) {
    if (c == '_') c = '-';
  }
  candidates.push_back(dashed);
  if (cs.starts_with("x-")) candidates.push_back(cs.substr(2));
  if (cs.starts_with("cp-")) candidates.push_back("cp" + cs.substr(3));
  for (const std::string& candidate : candidates) {
    if (can_open(candidate)) return candidate;
  }
  return {};
}

std::string html_meta_charset(std::string_view html) {
  // <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">, in
  // the head: the first 4 KiB, as browsers look.
  class MetaCharset : public HtmlVisitor {
   public:
    bool enter(std::string_view name, const Attributes& attributes) override {
      if (!found.empty() || name != "meta") return found.empty();
      if (auto charset = attributes.get("charset")) {
        found = std::string(trim(*charset));
      } else if (auto content = attributes.get("content")) {
        const auto lowered = ascii_lower(*content);
        if (const auto at = lowered.find("charset="); at != std::string::npos) {
          const auto value = std::string_view(*content).substr(at + 8);
          found = std::string(trim(value.substr(0, value.find(';'))));
          if (!found.empty() && (found.front() == '"' || found.front() == '\'')) {
            found = found.substr(1, found.find_first_of("\"'", 1) - 1);
          }
        }
      }
      return false;
    }
    void leave(std::string_view /*name*/) override {}
    void text(std::string_view /*utf8*/) override {}
    std::string found;
  } meta;
  walk_html(html.substr(0, std::min<std::size_t>(html.size(), 4096)), meta);
  return meta.found;
}

std::string html_to_text(std::string_view html) {
  TextOfHtml reader;
  walk_html(html, reader);
  return reader.finish();
}

std::string unflow(std::string_view text, bool delete_space) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Space-stuffing (a leading space added by the sender) is undone.
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    const bool soft = !line.empty() && line.back() == ' ' && line != "-- ";
    if (soft && delete_space) line.remove_suffix(1);
    out += line;
    if (!soft && eol < text.size()) out += '\n';
    if (eol >= text.size()) break;
    pos = eol + 1;
  }
  return out;
}

std::string clean_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  if (utf8.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  for (; i < utf8.size(); ++i) {
    const char c = utf8[i];
    const auto b = static_cast<unsigned char>(c);
    if (c == '\r') {
      if (i + 1 < utf8.size() && utf8[i + 1] == '\n') continue;
      out += '\n';
    } else if (c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      out += '\n';
    } else if ((b < 0x20 && c != '\t') || b == 0x7F) {
      // Other control characters (NUL, form feed, escape, DEL …) are noise in a caseworker's view.
      continue;
    } else if (b == 0xEF && utf8.substr(i, 3) == "\xEF\xBB\xBF") {
      i += 2;  // a stray BOM inside the text (joined parts)
    } else {
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\n')) {
    out.pop_back();
  }
  std::size_t start = 0;
  // Leading blank lines go; leading spaces of the first line stay (indentation).
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k] == '\n') {
      start = k + 1;
    } else if (out[k] != ' ' && out[k] != '\t') {
      break;
    }
  }
  // Three or more line breaks in a row become a paragraph break.
  std::string result;
  result.reserve(out.size() - start);
  int newlines = 0;
  for (std::size_t k = start; k < out.size(); ++k) {
    if (out[k] == '\n') {
      if (++newlines > 2) continue;
    } else {
      newlines = 0;
    }
    result += out[k];
  }
  return result;
}

std::string clean_line(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  std::size_t i = utf8.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b <= 0x20 || b == 0x7F) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += utf8[i];
  }
  return out;
}

bool is_base64_text(std::string_view text) {
  return std::ranges::all_of(text, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/' || c == '=' || is_space(c);
  });
}

std::optional<std::string> decode_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  int symbols = 0;
  bool padding = false;
  for (const char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      padding = true;
      ++symbols;
      continue;
    }
    if (padding) return std::nullopt;  // data after the padding
    std::uint32_t value = 0;
    if (c >= 'A' && c <= 'Z') {
      value = static_cast<std::uint32_t>(c - 'A');
    } else if (c >= 'a' && c <= 'z') {
      value = static_cast<std::uint32_t>(c - 'a' + 26);
    } else if (c >= '0' && c <= '9') {
      value = static_cast<std::uint32_t>(c - '0' + 52);
    } else if (c == '+' || c == '-') {
      value = 62;
    } else if (c == '/' || c == '_') {
      value = 63;
    } else {
      return std::nullopt;
    }
    ++symbols;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // Padding is optional, but a lone sixth of a byte means the text was cut short.
  if (symbols % 4 == 1 && !padding) return std::nullopt;
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace samla::detail
