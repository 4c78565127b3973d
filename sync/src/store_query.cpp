// Reads of the inbox projection: the views of models/views.h as indexed SQL. `in_view` is the
// definition; these queries must select exactly the same rows.
#include <algorithm>
#include <cstdint>
#include <limits>

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

void bind(SQLite::Statement& q, const ViewFilter& f) {
  int index = 1;
  for (const auto& text : f.texts) q.bind(index++, text);
  for (const auto number : f.numbers) q.bind(index++, number);
}

}  // namespace

std::vector<ConversationSummary> Store::list(InboxView view, const ViewScope& scope,
                                             std::size_t limit, std::size_t offset) const {
  impl_->check_thread();
  const auto f = filter_for(view, scope);
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

std::size_t Store::count(InboxView view, const ViewScope& scope) const {
  impl_->check_thread();
  const auto f = filter_for(view, scope);
  if (f.empty) return 0;
  auto q = impl_->query("SELECT count(*) FROM conversations WHERE " + f.where);
  bind(*q, f);
  q->executeStep();
  return static_cast<std::size_t>(q->getColumn(0).getInt64());
}

}  // namespace samla
