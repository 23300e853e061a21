// One pass of the notification worker: scan the plan for deadline notices, enqueue them, then
// hand every pending outbox message to the notifiers. app/ runs it on a timer and `xaso notify
// run` runs it once.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/result.h"
#include "domain/calendar/calendar_service.h"
#include "domain/feedback/feedback_deadlines.h"
#include "domain/notify/notify.h"
#include "domain/onestop/dossier_deadlines.h"
#include "domain/oversight/oversight_repository.h"
#include "domain/plan/plan_repository.h"

namespace xaso::notify {

struct RunReport {
  int enqueued = 0;   // new outbox messages (a repeated pass adds none)
  int delivered = 0;  // messages every notifier accepted
  int failed = 0;     // messages at least one notifier refused; retried on a later pass
};

// Thread-compatible: one pass at a time (the worker thread, or one CLI process; two processes
// running at once are harmless, because enqueueing and in-app delivery are idempotent).
class NotificationService {
 public:
  // Every reference must outlive the service. `notifiers` are tried in order for each message.
  // With `oversight`, supervisory recommendations and inspection findings are scanned too;
  // with `feedback`, the answer dates of citizen feedback; with `dossiers`, the due dates of
  // one-stop dossiers.
  NotificationService(plan::PlanRepository& plans, calendar::CalendarService& calendars,
                      Outbox& outbox, std::vector<Notifier*> notifiers, const Clock& clock,
                      oversight::OversightRepository* oversight = nullptr,
                      feedback::FeedbackDeadlines* feedback = nullptr,
                      onestop::DossierDeadlines* dossiers = nullptr)
      : plans_(plans),
        calendars_(calendars),
        outbox_(outbox),
        notifiers_(std::move(notifiers)),
        clock_(clock),
        oversight_(oversight),
        feedback_(feedback),
        dossiers_(dossiers) {}

  // Enqueues the deadline notices of `today` for the tasks due within the next ten days (or
  // overdue, or recurring), and for recommendations and findings, then delivers what is
  // pending. Errors: those of the repositories;
  // a notifier's failure is counted in the report, not returned.
  Result<RunReport> RunOnce(Date today);

 private:
  Result<int> EnqueueDeadlineNotices(Date today);
  Result<RunReport> DeliverPending();

  plan::PlanRepository& plans_;
  calendar::CalendarService& calendars_;
  Outbox& outbox_;
  std::vector<Notifier*> notifiers_;
  const Clock& clock_;
  oversight::OversightRepository* oversight_;
  feedback::FeedbackDeadlines* feedback_;
  onestop::DossierDeadlines* dossiers_;
};

}  // namespace xaso::notify
