#include "safe_html.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "samla/sync/html_walk.h"

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

constexpr std::array<std::string_view, 14> kKeptTags{
    "b", "i", "em", "strong", "p", "br", "ul", "ol", "li", "a", "blockquote", "pre", "div", "span"};
constexpr std::array<std::string_view, 9> kDroppedWithContent{
    "script", "style", "iframe", "object", "embed", "head", "title", "template", "noscript"};

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
  // libxml2 parses (samla_sync's walk_html); this keeps what is on the list and escapes all text.
  class Sanitiser : public HtmlVisitor {
   public:
    bool enter(std::string_view name, const Attributes& attributes) override {
      if (std::find(kDroppedWithContent.begin(), kDroppedWithContent.end(), name) !=
          kDroppedWithContent.end()) {
        return false;
      }
      if (!kept(name)) return true;  // the tag goes, its text stays
      if (name == "a") {
        const auto href = attributes.get("href").value_or("");
        out += is_openable_link(href) ? "<a href=\"" + escape_html(href) + "\">" : "<a>";
      } else {
        out += "<" + std::string(name) + ">";
      }
      return true;
    }
    void leave(std::string_view name) override {
      if (kept(name) && name != "br") out += "</" + std::string(name) + ">";
    }
    void text(std::string_view utf8) override { out += escape_html(utf8); }
    std::string out;

   private:
    static bool kept(std::string_view name) {
      return std::find(kKeptTags.begin(), kKeptTags.end(), name) != kKeptTags.end();
    }
  } sanitiser;
  walk_html(html, sanitiser);
  return std::move(sanitiser.out);
}

}  // namespace samla::app
