#include "inbox_model.h"

#include <algorithm>

#include "i18n.h"
#include "samla/models/national_id.h"
#include "samla/models/rejection.h"

namespace samla::app {
namespace {

std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

}  // namespace

Urgency urgency_of(const ConversationSummary& row, const ViewScope& scope) {
  if (row.status != ConversationStatus::Open || !row.deadline) return Urgency::None;
  if (*row.deadline <= scope.now) return Urgency::Overdue;
  if (*row.deadline <= scope.due_soon_until) return Urgency::DueSoon;
  return Urgency::Later;
}

InboxModel::InboxModel(Workspace& workspace, std::string user)
    : ws_(workspace), user_(std::move(user)) {
  refresh();
}

void InboxModel::choose(ListChoice choice) {
  choice_ = std::move(choice);
  refresh();
}

void InboxModel::refresh() {
  scope_ = ws_.scope_for(user_);
  page_.clear();
  whole_.reset();
  switch (choice_.kind) {
    case ListChoice::Kind::View:
      size_ = ws_.store().count(choice_.view, scope_);
      break;
    case ListChoice::Kind::Channel:
      // Paged by the store like a view: the open conversations of the channel.
      size_ = ws_.store().count(InboxView::All, scope_, narrowing());
      break;
    case ListChoice::Kind::Search: {
      std::vector<ConversationSummary> rows;
      if (!choice_.query.empty()) {
        for (auto& hit : ws_.store().search(choice_.query, 500)) {
          rows.push_back(std::move(hit.summary));
        }
      }
      size_ = rows.size();
      whole_ = std::move(rows);
      break;
    }
  }
}

ViewNarrowing InboxModel::narrowing() const {
  if (choice_.kind != ListChoice::Kind::Channel) return {};
  return ViewNarrowing{choice_.channel, true};
}

void InboxModel::load_page(std::size_t first) {
  page_first_ = first - first % kPage;
  const auto view = choice_.kind == ListChoice::Kind::Channel ? InboxView::All : choice_.view;
  page_ = ws_.store().list(view, scope_, narrowing(), kPage, page_first_);
}

const ConversationSummary& InboxModel::row(std::size_t index) {
  if (whole_) return whole_->at(index);
  if (page_.empty() || index < page_first_ || index >= page_first_ + page_.size()) {
    load_page(index);
  }
  if (index - page_first_ >= page_.size()) {
    // The store changed under us (a sync): show what there is, refresh comes next.
    static const ConversationSummary kEmpty{};
    return page_.empty() ? kEmpty : page_.back();
  }
  return page_[index - page_first_];
}

std::string InboxModel::channel_name(Channel channel) {
  switch (channel) {
    case Channel::Email:
      return tr("Email");
    case Channel::DigitalPost:
      return tr("Digital post");
    case Channel::Facebook:
      return tr("Facebook");
    case Channel::Instagram:
      return tr("Instagram");
    case Channel::Sms:
      return tr("SMS");
    case Channel::Callback:
      return tr("Callback");
  }
  return {};
}

std::string InboxModel::column_title(Column column) {
  switch (column) {
    case Column::Channel:
      return tr("Channel");
    case Column::Citizen:
      return tr("Citizen");
    case Column::Subject:
      return tr("Subject");
    case Column::Received:
      return tr("Received");
    case Column::Deadline:
      return tr("Deadline");
    case Column::Assignee:
      return tr("Assignee");
    case Column::Status:
      return tr("Status");
  }
  return {};
}

std::string InboxModel::cell(std::size_t index, Column column) {
  const auto& s = row(index);
  const auto dir_name = [this](const std::string& id) { return ws_.directory().display_name(id); };
  switch (column) {
    case Column::Channel:
      return channel_name(s.channel);
    case Column::Citizen:
      return s.citizen.name.empty() ? s.citizen.address : s.citizen.name;
    case Column::Subject: {
      const auto snippet = one_line(mask_national_ids(s.snippet));
      if (s.subject.empty()) return snippet;
      return snippet.empty() ? one_line(s.subject) : one_line(s.subject) + " — " + snippet;
    }
    case Column::Received:
      return format_local(s.received_at, ws_.zone());
    case Column::Deadline:
      return s.deadline && s.status == ConversationStatus::Open
                 ? format_local(*s.deadline, ws_.zone())
                 : std::string("–");
    case Column::Assignee:
      return s.assignee ? dir_name(*s.assignee) : std::string("–");
    case Column::Status:
      if (s.status == ConversationStatus::Closed) return tr("closed");
      if (s.handover_to) {
        return substitute(tr("waiting for {0} to accept"), {dir_name(*s.handover_to)});
      }
      return tr("open");
  }
  return {};
}

Urgency InboxModel::urgency(std::size_t index) { return urgency_of(row(index), scope_); }

std::optional<std::size_t> InboxModel::index_of(const std::string& conversation_id) {
  if (whole_) {
    const auto it = std::find_if(whole_->begin(), whole_->end(),
                                 [&](const auto& s) { return s.id == conversation_id; });
    if (it == whole_->end()) return std::nullopt;
    return static_cast<std::size_t>(it - whole_->begin());
  }
  // Searched a page at a time, and only near the top: in a view of 100 000 rows a conversation
  // further down is not worth reading the whole view for.
  const std::size_t limit = std::min(size_, kIndexSearchLimit);
  for (std::size_t first = 0; first < limit; first += kPage) {
    load_page(first);
    for (std::size_t i = 0; i < page_.size(); ++i) {
      if (page_[i].id == conversation_id) return first + i;
    }
  }
  return std::nullopt;
}

std::size_t InboxModel::count(InboxView view) const { return ws_.store().count(view, scope_); }

std::string InboxModel::label(const ListChoice& choice, std::optional<std::size_t> count) {
  switch (choice.kind) {
    case ListChoice::Kind::Channel: {
      const auto name = channel_name(choice.channel);
      return count ? name + " (" + std::to_string(*count) + ")" : name;
    }
    case ListChoice::Kind::Search:
      return tr("Search results");
    case ListChoice::Kind::View:
      break;
  }
  std::string name;
  switch (choice.view) {
    case InboxView::Mine:
      name = tr("Mine");
      break;
    case InboxView::Department:
      name = tr("Department (unassigned)");
      break;
    case InboxView::Handovers:
      name = tr("Handovers to accept");
      break;
    case InboxView::DueSoon:
      name = tr("Due soon");
      break;
    case InboxView::Overdue:
      name = tr("Overdue");
      break;
    case InboxView::All:
      name = tr("All conversations");
      break;
  }
  return count ? name + " (" + std::to_string(*count) + ")" : name;
}

std::string InboxModel::empty_text() const {
  if (choice_.kind == ListChoice::Kind::Search) {
    return choice_.query.empty() ? tr("Type to search subjects, messages and senders.")
                                 : tr("Nothing matches the search.");
  }
  if (choice_.kind == ListChoice::Kind::Channel) {
    return tr("No open conversations in this channel.");
  }
  switch (choice_.view) {
    case InboxView::Mine:
      return tr("Nothing assigned to you. Claim a conversation from your department's view.");
    case InboxView::Department:
      return tr("Every conversation in your department has someone working on it.");
    case InboxView::Handovers:
      return tr("No handovers are waiting for your department.");
    case InboxView::DueSoon:
      return tr("Nothing is due within the next working day.");
    case InboxView::Overdue:
      return tr("Nothing is overdue.");
    case InboxView::All:
      return tr("No conversations yet.");
  }
  return {};
}

}  // namespace samla::app
