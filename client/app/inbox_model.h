#pragma once
// The conversation list as the window shows it, without a window: which view or search is
// chosen, how many rows it has, and each row's cells. Rows are read from the store a page at a
// time, so a view of 100 000 conversations opens as fast as one of ten. GUI thread only (it
// uses the GUI's Workspace).
#include <optional>
#include <string>
#include <vector>

#include "samla/models/views.h"
#include "samla/sync/workspace.h"

namespace samla::app {

/// What the list shows: an inbox view, one channel's open conversations, or a search.
struct ListChoice {
  enum class Kind { View, Channel, Search } kind = Kind::View;
  InboxView view = InboxView::Mine;
  Channel channel = Channel::Email;
  std::string query;
  bool operator==(const ListChoice&) const = default;
};

enum class Column { Channel, Citizen, Subject, Received, Deadline, Assignee, Status };
inline constexpr int kColumnCount = 7;

/// How close a deadline is, for the row's colour.
enum class Urgency { None, Later, DueSoon, Overdue };

class InboxModel {
 public:
  InboxModel(Workspace& workspace, std::string user);

  [[nodiscard]] const std::string& user() const { return user_; }
  void choose(ListChoice choice);
  [[nodiscard]] const ListChoice& choice() const { return choice_; }
  /// Reads counts again and forgets cached rows (after a command or a sync).
  void refresh();

  [[nodiscard]] std::size_t size() const { return size_; }
  /// The row at `index` (< size()); read with its page when not cached.
  [[nodiscard]] const ConversationSummary& row(std::size_t index);
  [[nodiscard]] std::string cell(std::size_t index, Column column);
  [[nodiscard]] Urgency urgency(std::size_t index);
  /// The row of a conversation in the current list, when it is among the first 2000.
  [[nodiscard]] std::optional<std::size_t> index_of(const std::string& conversation_id);

  /// How many conversations an inbox view has for the user (the sidebar's numbers).
  [[nodiscard]] std::size_t count(InboxView view) const;
  /// The label of a choice in the sidebar, e.g. "Mine (3)"; without a count while it is not
  /// known yet (the counts come from a worker thread).
  [[nodiscard]] static std::string label(const ListChoice& choice,
                                         std::optional<std::size_t> count);
  /// What an empty list says, in words that tell the caseworker what it means.
  [[nodiscard]] std::string empty_text() const;

  [[nodiscard]] static std::string column_title(Column column);
  [[nodiscard]] static std::string channel_name(Channel channel);

 private:
  static constexpr std::size_t kPage = 200;
  static constexpr std::size_t kIndexSearchLimit = 2000;
  void load_page(std::size_t first);
  /// What narrows the store's view for the choice (a channel view: its open conversations).
  [[nodiscard]] ViewNarrowing narrowing() const;

  Workspace& ws_;
  std::string user_;
  ListChoice choice_;
  ViewScope scope_;
  std::size_t size_ = 0;
  std::size_t page_first_ = 0;
  std::vector<ConversationSummary> page_;
  // Searches are not paged by the store: their rows are held whole.
  std::optional<std::vector<ConversationSummary>> whole_;
};

/// The urgency of a deadline at `now`, given the due-soon horizon.
[[nodiscard]] Urgency urgency_of(const ConversationSummary& row, const ViewScope& scope);

}  // namespace samla::app
