// Dossiers: storage and DossierService on SQLite and PostgreSQL, with the real rule book and
// legal calendar of the migrated database.
#include "storage/onestop/sql_dossier_repository.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "core/text.h"
#include "domain/onestop/dossier_service.h"
#include "platform/crypto.h"
#include "storage/calendar/sql_calendar_repository.h"
#include "storage/onestop/sql_dossier_deadlines.h"
#include "storage/onestop/sql_procedure_repository.h"
#include "storage/rules/sql_rule_repository.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

using onestop::DossierStatus;
using onestop::Step;

// Vietnam times around Tết Bính Ngọ 2026 (off Sat 14/02 - Sun 22/02).
constexpr int64_t kThu12Feb0900 = 1770861600;
constexpr int64_t kFri13Feb1000 = 1770951600;
constexpr int64_t kMon23Feb1000 = 1771815600;
constexpr int64_t kTue24Feb1000 = 1771902000;
constexpr int64_t kThu26Feb1000 = 1772074800;
constexpr int64_t kDay = 86400;

Date D(const char* iso) { return *Date::ParseIso(iso); }

class DossierStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db_->Write([this](soci::session& s) -> Status {
                     s << "INSERT INTO account (commune_id, username, display_name, role, "
                          "password_hash, created_at, password_changed_at) VALUES (:c, 'cb', "
                          "'Cán bộ Tư pháp', 'officer', 'x', 0, 0)",
                         soci::use(commune_id_);
                     s << "SELECT id FROM account WHERE username = 'cb'", soci::into(officer_);
                     return Ok{};
                   })
                    .has_value());
    repo_ = std::make_unique<SqlDossierRepository>(*db_);
    procedures_ = std::make_unique<SqlProcedureRepository>(*db_);
    rules_ = std::make_unique<SqlRuleRepository>(*db_);
    calendar_repo_ = std::make_unique<SqlCalendarRepository>(*db_);
    calendars_ = std::make_unique<calendar::CalendarService>(*calendar_repo_, clock_);
    service_ = std::make_unique<onestop::DossierService>(
        *repo_, *procedures_, *rules_, *calendars_, clock_,
        [](size_t n) { return platform::RandomBytes(n); });
    ASSERT_TRUE(procedures_->Create(commune_id_, Procedure("2.000001", false, 3), Rec(), 0));
    ASSERT_TRUE(procedures_->Create(commune_id_, Procedure("1.001193", true, 0), Rec(), 0));
  }

  static onestop::Procedure Procedure(const char* code, bool same_day, int days) {
    onestop::Procedure p;
    p.code = code;
    p.name = same_day ? "Chứng thực bản sao" : "Đăng ký kết hôn";
    p.field = same_day ? "Chứng thực" : "Hộ tịch";
    p.steps = {"Tiếp nhận", "Trả kết quả"};
    p.same_day = same_day;
    p.working_days = days;
    p.documents = {"Tờ khai"};
    p.legal_basis = "Luật Hộ tịch 2014";
    p.unit_code = "tu_phap";
    return p;
  }

  audit::AuditRecord Rec() const { return {commune_id_, 7, "Cán bộ một cửa", "", "", "", ""}; }

  onestop::Intake Intake(const char* procedure = "2.000001") const {
    onestop::Intake in;
    in.commune_id = commune_id_;
    in.procedure_code = procedure;
    in.applicant = {"Nguyễn Văn An", "0912 345 678", "Thôn 3"};
    in.documents = {"Tờ khai", "Bản sao CCCD"};
    return in;
  }

  onestop::Dossier Receive(const char* procedure = "2.000001") {
    auto d = service_->Receive(Intake(procedure), "NHATTAN", Rec());
    EXPECT_TRUE(d.has_value()) << (d ? "" : d.error().message);
    return d ? *d : onestop::Dossier{};
  }

  Result<onestop::Dossier> Move(const onestop::Dossier& d, DossierStatus to,
                                std::vector<std::string> missing = {}) {
    Step step;
    step.version = d.version;
    step.to = to;
    step.missing = std::move(missing);
    if (to == DossierStatus::kAssigned) step.assignee_id = officer_;
    if (to == DossierStatus::kRefused || to == DossierStatus::kStopped) step.note = "Lý do";
    return service_->Move(d, step, Rec());
  }

  onestop::StatisticsLine Totals() {
    onestop::StatisticsFilter f;
    f.commune_ids = {commune_id_};
    f.from_month = "2026-01";
    f.to_month = "2026-12";
    auto s = service_->LoadStatistics(f);
    EXPECT_TRUE(s.has_value());
    return s ? s->total : onestop::StatisticsLine{};
  }

  // The kept counts must equal those recomputed from the dossiers.
  void ExpectCountsMatchRebuild() {
    onestop::StatisticsFilter f;
    f.from_month = "0000";
    f.to_month = "9999";
    auto kept = repo_->LoadCounts(f).value();
    ASSERT_TRUE(repo_->RebuildStatistics());
    auto rebuilt = repo_->LoadCounts(f).value();
    auto key = [](const onestop::StatisticsCount& c) {
      return c.month + c.procedure_code + c.status + c.timeliness + c.satisfaction +
             (c.due_on ? c.due_on->ToIso() : "") + "=" + std::to_string(c.n);
    };
    std::vector<std::string> a, b;
    a.reserve(kept.size());
    b.reserve(rebuilt.size());
    for (const auto& c : kept) a.push_back(key(c));
    for (const auto& c : rebuilt) b.push_back(key(c));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b);
  }

  FakeClock clock_{kThu12Feb0900};
  std::unique_ptr<SqlDossierRepository> repo_;
  std::unique_ptr<SqlProcedureRepository> procedures_;
  std::unique_ptr<SqlRuleRepository> rules_;
  std::unique_ptr<SqlCalendarRepository> calendar_repo_;
  std::unique_ptr<calendar::CalendarService> calendars_;
  std::unique_ptr<onestop::DossierService> service_;
  long long officer_ = 0;
};

TEST_P(DossierStorageTest, ReceiveMintsTheDaysCodesAndADueDateAcrossTet) {
  const auto a = Receive();
  const auto b = Receive();
  EXPECT_EQ(a.code, "NHATTAN-260212-0001");
  EXPECT_EQ(b.code, "NHATTAN-260212-0002");
  EXPECT_EQ(a.due_on, D("2026-02-24"));  // Fri 13, then Mon 23 and Tue 24 after Tết
  EXPECT_EQ(a.first_due_on, a.due_on);
  EXPECT_EQ(a.procedure_name, "Đăng ký kết hôn");
  EXPECT_EQ(a.unit_code, "tu_phap");

  // A same-day procedure received after 15:00 on the last day before Tết.
  clock_.Advance(kFri13Feb1000 - kThu12Feb0900 + 5 * 3600 + 30 * 60);  // Fri 13/02 15:30
  const auto c = Receive("1.001193");
  EXPECT_EQ(c.code, "NHATTAN-260213-0001");
  EXPECT_EQ(c.due_on, D("2026-02-23"));

  const auto stored = repo_->GetByCode(commune_id_, a.code).value();
  EXPECT_EQ(stored.applicant.name, "Nguyễn Văn An");
  EXPECT_EQ(stored.documents, (std::vector<std::string>{"Tờ khai", "Bản sao CCCD"}));
  EXPECT_EQ(stored.status, DossierStatus::kReceived);
  EXPECT_EQ(repo_->History(commune_id_, a.id).value().size(), 1u);
  // The audit trail names the dossier, never the applicant.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE entity = 'dossier' AND summary = '" +
                  a.code + "'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE summary LIKE '%Nguyễn%'"), 0);
  EXPECT_EQ(Totals().received, 3);
  EXPECT_EQ(Totals().within_time, 3);
}

TEST_P(DossierStorageTest, BadIntakeStoresNothing) {
  auto in = Intake("9.999999");
  in.documents.clear();
  auto r = service_->Receive(in, "NHATTAN", Rec());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"documents", "procedure"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossier"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossier_sequence"), 0);
}

TEST_P(DossierStorageTest, ImportKeepsThePortalsCodeOnce) {
  auto in = Intake();
  in.channel = onestop::DossierChannel::kOnline;
  in.code = "000.00.21.H31-260210-0042";
  in.received_at = kThu12Feb0900 - 2 * kDay;  // Tue 10/02
  auto d = service_->Receive(in, "NHATTAN", Rec());
  ASSERT_TRUE(d.has_value()) << d.error().message;
  EXPECT_EQ(d->code, in.code);
  EXPECT_EQ(d->due_on, D("2026-02-13"));  // Wed 11, Thu 12, Fri 13

  auto again = service_->Receive(in, "NHATTAN", Rec());
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().fields.at(0).field, "code");

  // The same code on another dossier (the desk minted it first) is not "already present".
  auto other = in;
  other.procedure_code = "1.001193";
  auto clash = service_->Receive(other, "NHATTAN", Rec());
  ASSERT_FALSE(clash.has_value());
  EXPECT_EQ(clash.error().code, ErrorCode::kFailedPrecondition);

  in.code = "bad code/../";
  in.received_at = kThu12Feb0900 + kDay;
  auto bad = service_->Receive(in, "NHATTAN", Rec());
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.size(), 2u);  // the code, the time in the future
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossier"), 1);
}

TEST_P(DossierStorageTest, TheWalkWithASupplementKeepsEverySheetLineAndCount) {
  auto d = Receive();  // Thu 12/02 09:00, due Tue 24/02
  d = Move(d, DossierStatus::kAssigned).value();
  EXPECT_EQ(d.assignee_id, officer_);
  d = Move(d, DossierStatus::kProcessing).value();

  // Returning before the result is ready, and a supplement request without its items.
  auto early = Move(d, DossierStatus::kReturned);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  auto empty = Move(d, DossierStatus::kSupplementRequested);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().fields.at(0).field, "missing");

  clock_.Advance(kFri13Feb1000 - kThu12Feb0900);
  d = Move(d, DossierStatus::kSupplementRequested, {"Bản sao giấy khai sinh", "Ảnh 4x6"}).value();
  // The clock stopped on Fri 13/02 after 1 of 3 working days; back on Tue 24/02, the 2 days
  // left are Wed 25 and Thu 26.
  clock_.Advance(kTue24Feb1000 - kFri13Feb1000);
  d = Move(d, DossierStatus::kProcessing).value();
  EXPECT_EQ(d.due_on, D("2026-02-26"));
  EXPECT_EQ(d.first_due_on, D("2026-02-24"));

  clock_.Advance(kThu26Feb1000 - kTue24Feb1000);
  d = Move(d, DossierStatus::kResultReady).value();
  EXPECT_EQ(onestop::TimelinessOf(d, clock_.NowUnix()), onestop::Timeliness::kOnTime);
  d = Move(d, DossierStatus::kReturned).value();
  EXPECT_EQ(d.returned_at, clock_.NowUnix());

  const auto sheet = repo_->History(commune_id_, d.id).value();
  ASSERT_EQ(sheet.size(), 7u);
  EXPECT_EQ(sheet[3].to_status, "supplement_requested");
  EXPECT_EQ(sheet[3].missing, (std::vector<std::string>{"Bản sao giấy khai sinh", "Ảnh 4x6"}));
  EXPECT_EQ(sheet[3].actor, "Cán bộ một cửa");
  EXPECT_EQ(sheet[4].due_on, D("2026-02-26"));

  // The rating code printed on the receipt, and nothing else, opens the rating.
  EXPECT_EQ(d.rating_pin.size(), onestop::kRatingPinLength);
  EXPECT_TRUE(IsPlainCode(d.rating_pin));
  EXPECT_NE(d.rating_pin, Receive().rating_pin);
  auto guessed = repo_->Rate(commune_id_, d.code, "", onestop::Satisfaction::kNotSatisfied, "",
                             clock_.NowUnix());
  ASSERT_FALSE(guessed.has_value());
  EXPECT_EQ(guessed.error().fields.at(0).field, "pin");
  ASSERT_TRUE(repo_->Rate(commune_id_, d.code, d.rating_pin, onestop::Satisfaction::kVerySatisfied,
                          "Nhanh", clock_.NowUnix()));
  auto twice = repo_->Rate(commune_id_, d.code, d.rating_pin, onestop::Satisfaction::kNotSatisfied,
                           "", clock_.NowUnix());
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kFailedPrecondition);

  const auto t = Totals();
  EXPECT_EQ(t.finished.on_time, 1);
  EXPECT_EQ(t.very_satisfied, 1);
  EXPECT_EQ(t.not_satisfied, 0);
  EXPECT_DOUBLE_EQ(*t.timeliness_points(), 20.0);
  ExpectCountsMatchRebuild();
}

TEST_P(DossierStorageTest, AStaleStepIsAConflictAndAForeignAssigneeIsRefused) {
  const auto d = Receive();
  ASSERT_TRUE(Move(d, DossierStatus::kAssigned).has_value());
  auto stale = Move(d, DossierStatus::kAssigned);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);

  const auto e = Receive();
  Step step;
  step.version = e.version;
  step.to = DossierStatus::kAssigned;
  step.assignee_id = officer_ + 1000;
  auto foreign = service_->Move(e, step, Rec());
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().fields.at(0).field, "assignee_id");
  EXPECT_EQ(repo_->Get(commune_id_, e.id).value().status, DossierStatus::kReceived);
}

TEST_P(DossierStorageTest, TwoClerksFinishingTheSameStepAtOnceOneWins) {
  const auto d = Receive();
  std::atomic<int> won{0}, conflicts{0};
  std::vector<std::thread> clerks;
  clerks.reserve(2);
  for (int i = 0; i < 2; ++i) {
    clerks.emplace_back([&] {
      auto r = Move(d, DossierStatus::kRefused);
      if (r) ++won;
      if (!r && r.error().code == ErrorCode::kAborted) ++conflicts;
    });
  }
  for (auto& t : clerks) t.join();
  EXPECT_EQ(won, 1);
  EXPECT_EQ(conflicts, 1);
  EXPECT_EQ(repo_->History(commune_id_, d.id).value().size(), 2u);
  EXPECT_EQ(Totals().refused, 1);
}

TEST_P(DossierStorageTest, ExtensionFollowsTheDatedRules) {
  auto d = Receive();  // due Tue 24/02
  d = Move(d, DossierStatus::kAssigned).value();
  d = Move(d, DossierStatus::kProcessing).value();

  // On Mon 23/02, one day ahead as NĐ 61/2018 asks: allowed, once.
  clock_.Advance(kMon23Feb1000 - kThu12Feb0900);
  d = service_->Extend(d, {0, D("2026-02-27"), "Chờ xác minh của công an xã"}, Rec()).value();
  EXPECT_EQ(d.due_on, D("2026-02-27"));
  EXPECT_EQ(d.first_due_on, D("2026-02-24"));
  EXPECT_EQ(d.extensions, 1);
  auto second = service_->Extend(d, {0, D("2026-03-03"), "Lần nữa"}, Rec());
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::kFailedPrecondition);

  // Another dossier due Tue 24/02: on the due date itself the letter comes too late.
  clock_.Advance(-(kMon23Feb1000 - kThu12Feb0900));
  auto late = Receive();
  clock_.Advance(kTue24Feb1000 - kThu12Feb0900);
  auto refused = service_->Extend(late, {0, D("2026-02-27"), "Quá tải"}, Rec());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message.find("24/02/2026"), std::string::npos);

  // A commune rule allowing two extensions takes effect for dossiers received from its date.
  ASSERT_TRUE(db_->Write([this](soci::session& s) -> Status {
                   s << "INSERT INTO legal_rule (commune_id, rule_key, value, unit, "
                        "effective_from, legal_basis, confidence) VALUES (:c, "
                        "'one_stop.extension_max', '2', 'count', '2026-01-01', 'QĐ của xã', 'I')",
                       soci::use(commune_id_);
                   return Ok{};
                 })
                  .has_value());
  clock_.Advance(kMon23Feb1000 + kDay * 2 - kTue24Feb1000);  // Wed 25/02, before 27/02
  EXPECT_TRUE(service_->Extend(d, {0, D("2026-03-03"), "Lần hai"}, Rec()).has_value());
  ExpectCountsMatchRebuild();
}

TEST_P(DossierStorageTest, OverdueNowMovesToLateWhenTheResultComes) {
  auto d = Receive();  // due Tue 24/02
  d = Move(d, DossierStatus::kAssigned).value();
  clock_.Advance(kThu26Feb1000 - kThu12Feb0900);
  EXPECT_EQ(Totals().overdue_now, 1);
  d = Move(d, DossierStatus::kProcessing).value();
  d = Move(d, DossierStatus::kResultReady).value();
  const auto t = Totals();
  EXPECT_EQ(t.overdue_now, 0);
  EXPECT_EQ(t.finished.late, 1);
  EXPECT_DOUBLE_EQ(*t.timeliness_points(), 0.0);
  ExpectCountsMatchRebuild();
}

TEST_P(DossierStorageTest, RunningDossiersDueByADayAreTheNoticeCandidates) {
  ASSERT_TRUE(db_->Write([this](soci::session& s) -> Status {
                   s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, 'tu_phap', "
                        "'Tư pháp - Hộ tịch')",
                       soci::use(commune_id_);
                   return Ok{};
                 })
                  .has_value());
  const auto waiting = Receive();  // due 24/02
  auto supplement = Move(Receive(), DossierStatus::kAssigned).value();
  supplement = Move(supplement, DossierStatus::kProcessing).value();
  ASSERT_TRUE(Move(supplement, DossierStatus::kSupplementRequested, {"Ảnh"}));
  auto done = Move(Receive(), DossierStatus::kRefused);  // closed
  ASSERT_TRUE(done);
  const auto later = Receive("1.001193");  // same day: due 12/02

  SqlDossierDeadlines deadlines(*db_);
  const auto due = deadlines.RunningDueBy(D("2026-02-24")).value();
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].code, waiting.code);
  EXPECT_EQ(due[0].procedure_name, "Đăng ký kết hôn");
  EXPECT_TRUE(due[0].unit_id.has_value());
  EXPECT_EQ(due[1].code, later.code);
  EXPECT_EQ(deadlines.RunningDueBy(D("2026-02-23")).value().size(), 1u);
}

TEST_P(DossierStorageTest, TheDeskSkipsANumberAPortalDossierHolds) {
  auto in = Intake();
  in.code = "NHATTAN-260212-0001";  // the commune's agency code is the portal's
  in.received_at = kThu12Feb0900 - 3600;
  ASSERT_TRUE(service_->Receive(in, "NHATTAN", Rec()).has_value());
  EXPECT_EQ(Receive().code, "NHATTAN-260212-0002");
  EXPECT_EQ(Receive().code, "NHATTAN-260212-0003");
}

INSTANTIATE_TEST_SUITE_P(Backends, DossierStorageTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
