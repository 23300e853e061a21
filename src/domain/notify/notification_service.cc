#include "domain/notify/notification_service.h"

#include <map>
#include <memory>

#include "domain/notify/deadline_notices.h"
#include "domain/notify/dossier_notices.h"
#include "domain/notify/feedback_notices.h"
#include "domain/notify/oversight_notices.h"

namespace xaso::notify {
namespace {

// Tasks further out than this cannot be due soon (three working days never span ten calendar
// days, Tết included), so the scan does not load them.
constexpr int kScanAheadDays = 10;
constexpr int kDeliveryBatch = 100;

}  // namespace

Result<RunReport> NotificationService::RunOnce(Date today) {
  XASO_ASSIGN_OR_RETURN(const int enqueued, EnqueueDeadlineNotices(today));
  XASO_ASSIGN_OR_RETURN(RunReport report, DeliverPending());
  report.enqueued = enqueued;
  return report;
}

Result<int> NotificationService::EnqueueDeadlineNotices(Date today) {
  const Date horizon = today.AddDays(kScanAheadDays);
  XASO_ASSIGN_OR_RETURN(const auto tasks, plans_.OpenTasksDueBy(horizon));
  std::vector<oversight::Recommendation> recs;
  std::vector<oversight::Finding> findings;
  if (oversight_) {
    XASO_ASSIGN_OR_RETURN(recs, oversight_->OpenRecommendationsDueBy(horizon));
    XASO_ASSIGN_OR_RETURN(findings, oversight_->OpenFindingsDueBy(horizon));
  }
  std::vector<feedback::Feedback> items;
  if (feedback_) {
    XASO_ASSIGN_OR_RETURN(items, feedback_->OpenDueBy(horizon));
  }
  std::vector<onestop::DueDossier> dossiers;
  if (dossiers_) {
    XASO_ASSIGN_OR_RETURN(dossiers, dossiers_->RunningDueBy(horizon));
  }
  std::map<int64_t, std::shared_ptr<const calendar::LegalCalendar>> calendars;
  auto load = [&](int64_t commune_id) -> Status {
    if (calendars.count(commune_id)) return Ok{};
    XASO_ASSIGN_OR_RETURN(calendars[commune_id], calendars_.For(commune_id));
    return Ok{};
  };
  for (const auto& t : tasks) XASO_RETURN_IF_ERROR(load(t.commune_id));
  for (const auto& r : recs) XASO_RETURN_IF_ERROR(load(r.commune_id));
  for (const auto& f : findings) XASO_RETURN_IF_ERROR(load(f.commune_id));
  for (const auto& f : items) XASO_RETURN_IF_ERROR(load(f.commune_id));
  for (const auto& d : dossiers) XASO_RETURN_IF_ERROR(load(d.commune_id));
  const CalendarLookup lookup = [&](int64_t commune_id) -> const calendar::LegalCalendar& {
    return *calendars.at(commune_id);
  };
  auto messages = DeadlineNotices(tasks, today, lookup);
  for (auto& m : RecommendationNotices(recs, today, lookup)) messages.push_back(std::move(m));
  for (auto& m : FindingNotices(findings, today, lookup)) messages.push_back(std::move(m));
  for (auto& m : FeedbackNotices(items, today, lookup)) messages.push_back(std::move(m));
  for (auto& m : DossierNotices(dossiers, today, lookup)) messages.push_back(std::move(m));
  if (messages.empty()) return 0;
  return outbox_.EnqueueAll(messages, clock_.NowUnix());
}

Result<RunReport> NotificationService::DeliverPending() {
  RunReport report;
  int64_t after_id = 0;
  for (;;) {
    XASO_ASSIGN_OR_RETURN(const auto batch, outbox_.Pending(after_id, kDeliveryBatch));
    for (const PendingMessage& m : batch) {
      after_id = m.id;
      bool ok = true;
      for (Notifier* n : notifiers_) ok = n->Deliver(m).has_value() && ok;
      if (ok) {
        XASO_RETURN_IF_ERROR(outbox_.MarkDelivered(m.id, clock_.NowUnix()));
        ++report.delivered;
      } else {
        XASO_RETURN_IF_ERROR(outbox_.MarkFailed(m.id));
        ++report.failed;
      }
    }
    if (static_cast<int>(batch.size()) < kDeliveryBatch) break;
  }
  return report;
}

}  // namespace xaso::notify
