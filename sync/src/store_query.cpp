// Reads of the inbox projection: the views of models/views.h as indexed SQL. `in_view` is the
// definition; these queries must select exactly the same rows.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>

#include "store_impl.h"

namespace samla {

using store_detail::to_seconds;

namespace {

// One view's WHERE clause and the values it binds, in order.
struct ViewFilter {
  std::string where;
  std::vector<std::string> texts;     // bound first, in order of their '?'
  std::vector<std::int64_t> numbers;  // bound after the texts
  bool empty = false;                 // the view cannot hold anything for this scope
};

constexpr auto kMaxRows = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

ViewFilter filter_for(InboxView view, const ViewScope& scope) {
  ViewFilter f;
  // "Limited to the user's departments when there are any."
  const auto own_departments = [&](const char* column) {
    if (scope.departments.empty()) return;
    f.where.append(" AND ").append(column).append(" IN (");
    f.where.append(placeholders(scope.departments.size())).append(")");
    f.texts.insert(f.texts.end(), scope.departments.begin(), scope.departments.end());
  };
  // Whole std::string values, not literals, are assigned: GCC 12 at -O2 gives a false -Wrestrict
  // on assigning a literal after the lambda above was inlined (GCC bug 105329).
  switch (view) {
    case InboxView::All:
      f.where = std::string("1");
      break;
    case InboxView::Mine:
      f.where = std::string("status = 'open' AND assignee = ?");
      f.texts.push_back(scope.user);
      break;
    case InboxView::Department:
      f.where = std::string("status = 'open' AND assignee IS NULL");
      own_departments("owner_department");
      break;
    case InboxView::Handovers:
      if (scope.departments.empty()) f.empty = true;
      f.where = std::string("status = 'open' AND handover_to IS NOT NULL");
      own_departments("handover_to");
      break;
    case InboxView::DueSoon:
      f.where = std::string("status = 'open' AND deadline IS NOT NULL");
      own_departments("owner_department");
      f.where.append(" AND deadline > ? AND deadline <= ?");
      f.numbers = {to_seconds(scope.now), to_seconds(scope.due_soon_until)};
      break;
    case InboxView::Overdue:
      f.where = std::string("status = 'open' AND deadline IS NOT NULL");
      own_departments("owner_department");
      f.where.append(" AND deadline <= ?");
      f.numbers = {to_seconds(scope.now)};
      break;
  }
  return f;
}

// The narrowing goes first, so that its values are bound before the view's.
void narrow(ViewFilter& f, const ViewNarrowing& narrowing) {
  std::string where;
  if (narrowing.channel) {
    where = "channel = ? AND ";
    f.texts.insert(f.texts.begin(), std::string(to_string(*narrowing.channel)));
  }
  if (narrowing.open_only) where += "status = 'open' AND ";
  f.where = where + "(" + f.where + ")";
}

void bind(SQLite::Statement& q, const ViewFilter& f) {
  int index = 1;
  for (const auto& text : f.texts) q.bind(index++, text);
  for (const auto number : f.numbers) q.bind(index++, number);
}

}  // namespace

std::vector<ConversationSummary> Store::list(InboxView view, const ViewScope& scope,
                                             std::size_t limit, std::size_t offset) const {
  return list(view, scope, ViewNarrowing{}, limit, offset);
}

std::size_t Store::count(InboxView view, const ViewScope& scope) const {
  return count(view, scope, ViewNarrowing{});
}

std::vector<ConversationSummary> Store::list(InboxView view, const ViewScope& scope,
                                             const ViewNarrowing& narrowing, std::size_t limit,
                                             std::size_t offset) const {
  impl_->check_thread();
  auto f = filter_for(view, scope);
  narrow(f, narrowing);
  if (f.empty || limit == 0) return {};
  // The order matches the conversations_in_order index: deadline (none last), then receipt,
  // then id so that pages never overlap.
  auto q = impl_->query(std::string("SELECT ") + store_detail::kSummaryColumns +
                        " FROM conversations WHERE " + f.where +
                        " ORDER BY deadline IS NULL, deadline, received_at, id LIMIT ? OFFSET ?");
  bind(*q, f);
  const int next = static_cast<int>(f.texts.size() + f.numbers.size()) + 1;
  q->bind(next, static_cast<std::int64_t>(std::min<std::size_t>(limit, kMaxRows)));
  q->bind(next + 1, static_cast<std::int64_t>(std::min<std::size_t>(offset, kMaxRows)));
  std::vector<ConversationSummary> rows;
  while (q->executeStep()) rows.push_back(store_detail::read_summary(*q));
  return rows;
}

std::size_t Store::count(InboxView view, const ViewScope& scope,
                         const ViewNarrowing& narrowing) const {
  impl_->check_thread();
  auto f = filter_for(view, scope);
  narrow(f, narrowing);
  if (f.empty) return 0;
  auto q = impl_->query("SELECT count(*) FROM conversations WHERE " + f.where);
  bind(*q, f);
  q->executeStep();
  return static_cast<std::size_t>(q->getColumn(0).getInt64());
}

std::vector<ReminderCandidate> Store::reminder_candidates(
    const std::map<std::string, Instant>& deadline_until) const {
  impl_->check_thread();
  if (deadline_until.empty()) return {};
  const std::string columns = std::string("SELECT ") + store_detail::kSummaryColumns +
                              ", handover_requested_at FROM conversations WHERE ";
  std::vector<ReminderCandidate> out;
  std::set<std::string> handovers;  // read first; the deadline ranges skip them
  const auto read = [&](SQLite::Statement& q, bool handover_rows) {
    while (q.executeStep()) {
      if (!handover_rows && !q.getColumn(12).isNull() &&
          handovers.count(q.getColumn(0).getString()) != 0) {
        continue;
      }
      ReminderCandidate c{store_detail::read_summary(q), std::nullopt};
      if (!q.getColumn(15).isNull()) {
        c.handover_requested_at = store_detail::from_seconds(q.getColumn(15).getInt64());
      }
      if (handover_rows) handovers.insert(c.summary.id);
      out.push_back(std::move(c));
    }
  };
  // Handovers, from or to the departments, through the index of waiting handovers. The unary
  // + keeps SQLite from answering the OR with the department index as well, which would read
  // every conversation of the department.
  {
    const auto in = placeholders(deadline_until.size());
    auto q = impl_->query(columns +
                          "status = 'open' AND handover_to IS NOT NULL AND "
                          "(handover_to IN (" +
                          in + ") OR +owner_department IN (" + in + "))");
    int index = 1;
    for (int side = 0; side < 2; ++side) {
      for (const auto& entry : deadline_until) q->bind(index++, entry.first);
    }
    read(*q, true);
  }
  // Deadlines: one range of the conversations_open_by_deadline index per department.
  for (const auto& [department, until] : deadline_until) {
    auto q = impl_->query(columns +
                          "status = 'open' AND deadline IS NOT NULL AND owner_department = ? "
                          "AND deadline <= ?");
    q->bind(1, department);
    q->bind(2, to_seconds(until));
    read(*q, false);
  }
  // list() order: deadline (none last), receipt, id.
  std::sort(out.begin(), out.end(), [](const ReminderCandidate& a, const ReminderCandidate& b) {
    const auto& x = a.summary;
    const auto& y = b.summary;
    if (x.deadline.has_value() != y.deadline.has_value()) return x.deadline.has_value();
    if (x.deadline != y.deadline) return x.deadline < y.deadline;
    if (x.received_at != y.received_at) return x.received_at < y.received_at;
    return x.id < y.id;
  });
  return out;
}

}  // namespace samla
