#include "samla/sync/html_walk.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string>

namespace samla {
namespace {

struct DocumentFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct StringFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

class NodeAttributes : public HtmlVisitor::Attributes {
 public:
  explicit NodeAttributes(xmlNode* node) : node_(node) {}
  [[nodiscard]] std::optional<std::string> get(std::string_view name) const override {
    // The HTML parser lower-cases attribute names as it reads them.
    for (xmlAttr* a = node_->properties; a != nullptr; a = a->next) {
      if (view(a->name) != name) continue;
      const std::unique_ptr<xmlChar, StringFree> value(
          xmlNodeListGetString(node_->doc, a->children, 1));
      return std::string(view(value.get()));
    }
    return std::nullopt;
  }

 private:
  xmlNode* node_;
};

bool is_tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if ((text[i] | 0x20) != prefix[i]) return false;
  }
  return true;
}

// Two rules of HTML's parsing that mail written for browsers relies on and libxml2's HTML 4
// parser does not follow, applied to the text before it parses: an end tag </br> is a line
// break, and <!…> that is neither a comment nor a doctype (Outlook's <![if …]>, <!VR>) is a
// comment, never text.
std::string with_browser_rules(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t copied = 0;
  for (auto at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    const auto rest = html.substr(at);
    if (starts_with_ci(rest, "</br")) {
      auto end = at + 4;
      while (end < html.size() && (is_tag_space(html[end]) || html[end] == '/')) ++end;
      if (end >= html.size() || html[end] != '>') continue;
      out.append(html.substr(copied, at - copied));
      out += "<br>";
      copied = end + 1;
    } else if (rest.starts_with("<!") && !rest.starts_with("<!--") &&
               !starts_with_ci(rest, "<!doctype")) {
      const auto end = html.find('>', at);
      if (end == std::string_view::npos) break;
      out.append(html.substr(copied, at - copied));
      copied = end + 1;  // dropped: a comment is never shown
    }
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace

void walk_html(std::string_view utf8_html, HtmlVisitor& visitor) {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  if (utf8_html.empty()) return;
  const std::string html = with_browser_rules(utf8_html);
  // libxml2 takes an int length; a mail body never comes near it, and a larger one is cut.
  const int length = static_cast<int>(std::min<std::size_t>(html.size(), INT_MAX));
  const std::unique_ptr<xmlDoc, DocumentFree> doc(
      htmlReadMemory(html.data(), length, nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC |
                         // Without it, whatever is nested deeper than 256 elements is lost;
                         // the walk below is iterative, so depth costs nothing there.
                         XML_PARSE_HUGE));
  if (!doc) return;
  // Iterative, not recursive: a message may nest elements thousands deep.
  xmlNode* node = doc->children;
  while (node != nullptr) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      descend = visitor.enter(view(node->name), NodeAttributes(node));
      if (descend && node->children == nullptr) {
        visitor.leave(view(node->name));
        descend = false;
      }
    } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      visitor.text(view(node->content));
    }
    if (descend) {
      node = node->children;
      continue;
    }
    // Next sibling, or up to the nearest ancestor with one, leaving each element on the way.
    while (node != nullptr && node->next == nullptr) {
      node = node->parent;
      if (node == nullptr || node->type == XML_HTML_DOCUMENT_NODE) {
        node = nullptr;
        break;
      }
      visitor.leave(view(node->name));
    }
    if (node != nullptr) node = node->next;
  }
}

}  // namespace samla
