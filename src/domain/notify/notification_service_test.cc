#include "domain/notify/notification_service.h"

#include <map>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::notify {
namespace {

using calendar::testing::D;

Error Unused() { return MakeError(ErrorCode::kInternal, "not used by the notification service"); }

// Serves OpenTasksDueBy from a list; the rest of the port is not used here.
class FakePlanRepository final : public plan::PlanRepository {
 public:
  std::vector<plan::Task> tasks;
  std::optional<Date> asked_by;

  // xaso::plan::PlanRepository
  Result<std::vector<plan::Task>> OpenTasksDueBy(Date by) override {
    asked_by = by;
    std::vector<plan::Task> out;
    for (const auto& t : tasks) {
      if (t.status != plan::TaskStatus::kDone && (!t.due_on || *t.due_on <= by)) out.push_back(t);
    }
    return out;
  }
  Result<int64_t> CreatePlan(const plan::Plan&, const audit::AuditRecord&, int64_t) override {
    return Unused();
  }
  Result<std::vector<plan::Plan>> ListPlans(int64_t) override { return Unused(); }
  Result<plan::Plan> GetPlan(int64_t, int64_t) override { return Unused(); }
  Result<int64_t> CreateTask(const plan::Task&, const audit::AuditRecord&, int64_t) override {
    return Unused();
  }
  Result<plan::Task> GetTask(int64_t, int64_t) override { return Unused(); }
  Result<std::vector<plan::Task>> ListTasks(const plan::TaskFilter&) override { return Unused(); }
  Result<std::vector<plan::Task>> PlanTasks(int64_t, int64_t) override { return Unused(); }
  Result<int64_t> UpdateTask(const plan::Task&, const audit::AuditRecord&, int64_t) override {
    return Unused();
  }
  Result<int64_t> RecordProgress(int64_t, const plan::ProgressUpdate&,
                                 const std::optional<plan::Upload>&, const audit::AuditRecord&,
                                 int64_t) override {
    return Unused();
  }
  Status AddComment(int64_t, int64_t, const std::string&, const audit::AuditRecord&,
                    int64_t) override {
    return Unused();
  }
  Result<std::vector<plan::TaskEvent>> History(int64_t, int64_t) override { return Unused(); }
  Result<std::vector<plan::Evidence>> ListEvidence(int64_t, int64_t) override { return Unused(); }
  Status SetEvidencePublic(int64_t, int64_t, int64_t, bool, const audit::AuditRecord&,
                           int64_t) override {
    return Unused();
  }
  Result<std::pair<plan::Evidence, std::string>> GetEvidenceFile(int64_t, int64_t) override {
    return Unused();
  }
};

// The shipped national calendar for every commune.
class SeedCalendarRepository final : public calendar::CalendarRepository {
 public:
  // xaso::calendar::CalendarRepository
  Result<std::vector<calendar::HolidayRule>> LoadHolidayRules() override {
    return calendar::testing::SeedRules();
  }
  Result<std::vector<calendar::CalendarOverride>> LoadOverrides(int64_t) override {
    return calendar::testing::SeedOverrides();
  }
  Status SaveOverride(int64_t, const calendar::CalendarOverride&,
                      const audit::AuditRecord&) override {
    return Unused();
  }
  Status DeleteOverride(int64_t, Date, const audit::AuditRecord&) override { return Unused(); }
};

// An in-memory outbox with the unique (commune, dedupe key) of the real table.
class FakeOutbox final : public Outbox {
 public:
  std::map<int64_t, PendingMessage> rows;
  std::map<int64_t, int64_t> delivered_at;

  // xaso::notify::Outbox
  Result<int> EnqueueAll(const std::vector<OutboxMessage>& messages, int64_t now) override {
    int added = 0;
    for (const auto& m : messages) {
      bool dup = false;
      for (const auto& [id, row] : rows) {
        dup = dup ||
              (row.message.commune_id == m.commune_id && row.message.dedupe_key == m.dedupe_key);
      }
      if (dup) continue;
      const int64_t id = static_cast<int64_t>(rows.size()) + 1;
      rows[id] = PendingMessage{id, m, now, 0};
      ++added;
    }
    return added;
  }
  Result<std::vector<PendingMessage>> Pending(int64_t after_id, int limit) override {
    std::vector<PendingMessage> out;
    for (const auto& [id, row] : rows) {
      if (id > after_id && !delivered_at.count(id) && row.attempts < kMaxDeliveryAttempts &&
          static_cast<int>(out.size()) < limit) {
        out.push_back(row);
      }
    }
    return out;
  }
  Status MarkDelivered(int64_t id, int64_t now) override {
    delivered_at.emplace(id, now);
    return Ok{};
  }
  Status MarkFailed(int64_t id) override {
    ++rows[id].attempts;
    return Ok{};
  }
};

class RecordingNotifier final : public Notifier {
 public:
  std::vector<int64_t> delivered;
  bool fail = false;
  // xaso::notify::Notifier
  Status Deliver(const PendingMessage& m) override {
    if (fail) return MakeError(ErrorCode::kUnavailable, "channel down");
    delivered.push_back(m.id);
    return Ok{};
  }
};

class NotificationServiceTest : public ::testing::Test {
 protected:
  NotificationServiceTest() {
    plan::Task t;
    t.id = 11;
    t.commune_id = 1;
    t.plan_year = 2024;
    t.title = "Báo cáo sơ kết 6 tháng";
    t.lead_unit_id = 3;
    t.starts_on = D("2024-01-02");
    t.due_on = D("2024-07-04");
    plans_.tasks.push_back(t);
    t.id = 12;
    t.due_on = D("2024-12-31");  // far off: neither loaded nor notified
    plans_.tasks.push_back(t);
  }
  FakeClock clock_{1'720'000'000};
  FakePlanRepository plans_;
  SeedCalendarRepository calendar_repo_;
  calendar::CalendarService calendars_{calendar_repo_, clock_};
  FakeOutbox outbox_;
  RecordingNotifier notifier_;
  NotificationService service_{plans_, calendars_, outbox_, {&notifier_}, clock_};
};

TEST_F(NotificationServiceTest, APassEnqueuesAndDeliversAndASecondPassAddsNothing) {
  auto first = service_.RunOnce(D("2024-07-01"));
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(first->enqueued, 1);
  EXPECT_EQ(first->delivered, 1);
  EXPECT_EQ(plans_.asked_by, D("2024-07-11"));
  ASSERT_EQ(outbox_.rows.size(), 1u);
  EXPECT_EQ(outbox_.rows[1].message.dedupe_key, "task:11:due:2024-07-04:soon");
  auto second = service_.RunOnce(D("2024-07-02"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->enqueued, 0);
  EXPECT_EQ(second->delivered, 0);
  EXPECT_EQ(notifier_.delivered, std::vector<int64_t>{1});
}

TEST_F(NotificationServiceTest, AFailedDeliveryIsCountedAndRetriedOnTheNextPass) {
  notifier_.fail = true;
  auto first = service_.RunOnce(D("2024-07-05"));  // overdue since Friday
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->enqueued, 1);
  EXPECT_EQ(first->failed, 1);
  EXPECT_EQ(outbox_.rows[1].attempts, 1);
  notifier_.fail = false;
  auto second = service_.RunOnce(D("2024-07-05"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->enqueued, 0);
  EXPECT_EQ(second->delivered, 1);
  EXPECT_EQ(outbox_.rows[1].message.dedupe_key, "task:11:due:2024-07-04:overdue");
}

TEST_F(NotificationServiceTest, AMessageThatKeepsFailingIsLeftForAnOperator) {
  notifier_.fail = true;
  for (int i = 0; i < kMaxDeliveryAttempts + 2; ++i) ASSERT_TRUE(service_.RunOnce(D("2024-07-05")));
  EXPECT_EQ(outbox_.rows[1].attempts, kMaxDeliveryAttempts);
}

}  // namespace
}  // namespace xaso::notify
