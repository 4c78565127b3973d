#include "samla/templates/template_syntax.h"

#include <algorithm>

#include "msgid.h"
#include "samla/models/rejection.h"
#include "samla/templates/placeholders.h"

namespace samla {
namespace {

using templates_detail::N_;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ParsedTemplate run() {
    ParsedTemplate out;
    // The stack of open {if …} blocks: the list being filled, and where the if began.
    struct Open {
      TemplateNode* node;
      bool in_else;
      std::size_t offset;
    };
    std::vector<Open> open;
    auto target = [&]() -> std::vector<TemplateNode>& {
      if (open.empty()) return out.nodes;
      return open.back().in_else ? open.back().node->otherwise : open.back().node->then;
    };
    std::string literal;
    auto flush = [&] {
      if (literal.empty()) return;
      target().push_back(
          TemplateNode{TemplateNode::Kind::Text, std::move(literal), {}, false, {}, {}});
      literal.clear();
    };

    std::size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '}') {
        if (i + 1 < text_.size() && text_[i + 1] == '}') {
          literal += '}';
          i += 2;
          continue;
        }
        error(i, N_("'}' has no '{' before it (write '}}' for a brace)"), {});
        ++i;
        continue;
      }
      if (c != '{') {
        literal += c;
        ++i;
        continue;
      }
      if (i + 1 < text_.size() && text_[i + 1] == '{') {
        literal += '{';
        i += 2;
        continue;
      }
      // A placeholder runs to the next '}' on the same line, with no '{' inside.
      const auto end = text_.find_first_of("{}\n", i + 1);
      if (end == std::string_view::npos || text_[end] != '}') {
        error(i, N_("'{' is not closed with '}' (write '{{' for a brace)"), {});
        ++i;
        continue;
      }
      const auto inside = text_.substr(i + 1, end - i - 1);
      const auto word = trim(inside);
      flush();
      if (word.starts_with("if ") || word.starts_with("if\t") || word == "if") {
        const auto name = trim(word.substr(2));
        if (name.empty()) {
          error(i, N_("{if} needs a placeholder, e.g. {if citizen.name}"), {});
        } else if (find_placeholder(name) == nullptr) {
          unknown(i, name);
        }
        auto& list = target();
        list.push_back(TemplateNode{TemplateNode::Kind::If, {}, std::string(name), false, {}, {}});
        open.push_back(Open{&list.back(), false, i});
      } else if (word == "else") {
        if (open.empty() || open.back().in_else) {
          error(i, N_("{else} has no {if …} before it"), {});
        } else {
          open.back().in_else = true;
        }
      } else if (word == "end") {
        if (open.empty()) {
          error(i, N_("{end} has no {if …} before it"), {});
        } else {
          open.pop_back();
        }
      } else {
        const auto bar = word.find('|');
        const auto name = trim(word.substr(0, bar));
        TemplateNode node{TemplateNode::Kind::Value, {}, std::string(name), false, {}, {}};
        if (bar != std::string_view::npos) {
          node.has_fallback = true;
          node.text = std::string(word.substr(bar + 1));
        }
        if (name.empty()) {
          error(i, N_("an empty placeholder {} (write '{{}}' for braces)"), {});
        } else if (find_placeholder(name) == nullptr) {
          unknown(i, name);
        }
        target().push_back(std::move(node));
      }
      i = end + 1;
    }
    flush();
    for (const auto& o : open) error(o.offset, N_("{if …} is not closed with {end}"), {});
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const auto& a, const auto& b) { return a.offset < b.offset; });
    out.errors = std::move(errors_);
    return out;
  }

 private:
  void unknown(std::size_t offset, std::string_view name) {
    error(offset, N_("unknown placeholder {{0}}"), {std::string(name)});
  }

  void error(std::size_t offset, std::string_view format, std::vector<std::string> args) {
    TemplateError e;
    e.offset = offset;
    e.format = format;
    e.args = std::move(args);
    for (std::size_t k = 0; k < offset; ++k) {
      const auto b = static_cast<unsigned char>(text_[k]);
      if (b == '\n') {
        ++e.line;
        e.column = 1;
      } else if ((b & 0xC0U) != 0x80U) {  // UTF-8 continuation bytes are not characters
        ++e.column;
      }
    }
    errors_.push_back(std::move(e));
  }

  std::string_view text_;
  std::vector<TemplateError> errors_;
};

void collect(const std::vector<TemplateNode>& nodes, std::vector<std::string>& out) {
  for (const auto& n : nodes) {
    if (n.kind != TemplateNode::Kind::Text &&
        std::find(out.begin(), out.end(), n.name) == out.end()) {
      out.push_back(n.name);
    }
    collect(n.then, out);
    collect(n.otherwise, out);
  }
}

}  // namespace

std::string TemplateError::message() const {
  // "{{0}}" in a format is a placeholder in braces: the braces are kept around the argument.
  return substitute(format, args);
}

std::string TemplateError::text() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message();
}

ParsedTemplate parse_template(std::string_view text) { return Parser(text).run(); }

std::vector<std::string> placeholders_used(const std::vector<TemplateNode>& nodes) {
  std::vector<std::string> out;
  collect(nodes, out);
  return out;
}

}  // namespace samla
