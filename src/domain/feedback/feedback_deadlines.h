// The port the notification worker reads feedback deadlines through: open items of every
// commune whose answer is due by a day.
#pragma once

#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/feedback/feedback.h"

namespace xaso::feedback {

class FeedbackDeadlines {
 public:
  virtual ~FeedbackDeadlines() = default;
  // Open (not answered, closed or forwarded), not hidden, due on or before `by`.
  virtual Result<std::vector<Feedback>> OpenDueBy(Date by) = 0;
};

}  // namespace xaso::feedback
