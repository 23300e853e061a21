// feedback::FeedbackDeadlines over SQL.
#pragma once

#include "domain/feedback/feedback_deadlines.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlFeedbackDeadlines final : public feedback::FeedbackDeadlines {
 public:
  explicit SqlFeedbackDeadlines(Database& db) : db_(db) {}
  Result<std::vector<feedback::Feedback>> OpenDueBy(Date by) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
