#include "safe_html.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace samla::app {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && lower(text.substr(0, prefix.size())) == prefix;
}

bool ends_url(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '<' || c == '>' || c == '"' ||
         c == '\'';
}

constexpr std::array kKeptTags{"b",  "i",  "em", "strong",     "p",   "br",  "ul",
                               "ol", "li", "a",  "blockquote", "pre", "div", "span"};
constexpr std::array kDroppedWithContent{"script", "style", "iframe", "object",
                                         "embed",  "head",  "title"};

// The value of attribute `name` in a tag's attribute text, if present.
std::string attribute(std::string_view attrs, std::string_view name) {
  const auto text = lower(attrs);
  for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    std::size_t i = at + name.size();
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size() || text[i] != '=') continue;
    ++i;
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) return {};
    const char quote = text[i];
    if (quote == '"' || quote == '\'') {
      const auto end = attrs.find(quote, i + 1);
      return std::string(
          attrs.substr(i + 1, end == std::string_view::npos ? attrs.npos : end - i - 1));
    }
    auto end = i;
    while (end < attrs.size() && attrs[end] != ' ' && attrs[end] != '>') ++end;
    return std::string(attrs.substr(i, end - i));
  }
  return {};
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool is_openable_link(std::string_view url) {
  return starts_with_ci(url, "https://") || starts_with_ci(url, "http://") ||
         starts_with_ci(url, "mailto:");
}

std::string plain_text_to_html(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (starts_with_ci(text.substr(i), "https://") || starts_with_ci(text.substr(i), "http://")) {
      auto end = i;
      while (end < text.size() && !ends_url(text[end])) ++end;
      // A sentence's full stop or comma after an address is not part of it.
      while (end > i && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ')')) {
        --end;
      }
      const auto url = escape_html(text.substr(i, end - i));
      out += "<a href=\"" + url + "\">" + url + "</a>";
      i = end;
      continue;
    }
    if (text[i] == '\n') {
      out += "<br>";
    } else if (text[i] != '\r') {
      out += escape_html(text.substr(i, 1));
    }
    ++i;
  }
  return out;
}

std::string sanitise_html(std::string_view html) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      const auto next = html.find('<', i);
      const auto end = next == std::string_view::npos ? html.size() : next;
      // Text between tags is already HTML; only a stray '>' is escaped.
      for (const char c : html.substr(i, end - i))
        out += c == '>' ? std::string("&gt;") : std::string(1, c);
      i = end;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      const auto end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const auto close = html.find('>', i);
    if (close == std::string_view::npos) {
      out += "&lt;";
      ++i;
      continue;
    }
    std::string_view tag = html.substr(i + 1, close - i - 1);
    i = close + 1;
    const bool closing = !tag.empty() && tag.front() == '/';
    if (closing) tag.remove_prefix(1);
    auto name_end = std::find_if(tag.begin(), tag.end(), [](char c) {
      return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '/';
    });
    const auto name = lower(std::string_view(tag.begin(), name_end));
    const auto attrs = std::string_view(name_end, tag.end());
    if (!closing && std::find(kDroppedWithContent.begin(), kDroppedWithContent.end(), name) !=
                        kDroppedWithContent.end()) {
      const auto end = lower(html.substr(i)).find("</" + name);
      if (end == std::string::npos) {
        i = html.size();
      } else {
        const auto after = html.find('>', i + end);
        i = after == std::string_view::npos ? html.size() : after + 1;
      }
      continue;
    }
    if (std::find(kKeptTags.begin(), kKeptTags.end(), name) == kKeptTags.end()) continue;
    if (closing) {
      out += "</" + name + ">";
    } else if (name == "a") {
      const auto href = attribute(attrs, "href");
      out += is_openable_link(href) ? "<a href=\"" + escape_html(href) + "\">" : "<a>";
    } else {
      out += "<" + name + ">";
    }
  }
  return out;
}

}  // namespace samla::app
