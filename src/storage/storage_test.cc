// One storage suite, every back-end: SQLite always; PostgreSQL when XASO_TEST_PG_URL names a
// server (make test starts one). Each PostgreSQL test gets a database of its own.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <random>
#include <thread>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "platform/crypto.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/calendar/sql_calendar_repository.h"
#include "storage/database.h"
#include "storage/identity/sql_identity_repository.h"
#include "storage/migrator.h"
#include "storage/notify/sql_outbox.h"
#include "storage/oversight/sql_oversight_repository.h"
#include "storage/portal/sql_portal_repository.h"
#include "storage/rules/sql_rule_repository.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

using testing::StorageTest;

TEST_P(StorageTest, MigrationsAreIdempotent) {
  auto again = Migrate(*db_);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->applied.empty());
  EXPECT_GE(again->already_applied, 2);
}

TEST_P(StorageTest, CreatesAndFindsAccountsWithVietnameseNames) {
  SqlIdentityRepository repo(*db_);
  auto id = repo.CreateAccount(MakeAccount("chutich", identity::Role::kLeader), 10,
                               {commune_id_, 0, "system", "account", "chutich", "create", ""});
  ASSERT_TRUE(id.has_value()) << id.error().message;
  auto found = repo.FindAccountByUsername("chutich");
  ASSERT_TRUE(found.has_value());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->display_name, "Nguyễn Văn A");
  EXPECT_EQ((*found)->role, identity::Role::kLeader);
  EXPECT_FALSE(repo.FindAccountByUsername("khong-co")->has_value());
}

TEST_P(StorageTest, DuplicateUsernameIsAlreadyExistsAndLeavesNoAuditEntry) {
  SqlIdentityRepository repo(*db_);
  SqlAuditLog log(*db_);
  ASSERT_TRUE(repo.CreateAccount(MakeAccount("canbo", identity::Role::kOfficer), 10,
                                 {commune_id_, 0, "system", "account", "canbo", "create", ""})
                  .has_value());
  const int64_t before = *log.Count();
  auto dup = repo.CreateAccount(MakeAccount("canbo", identity::Role::kOfficer), 11,
                                {commune_id_, 0, "system", "account", "canbo", "create", ""});
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  // The failed write was rolled back whole: no account row, no audit entry.
  EXPECT_EQ(*log.Count(), before);
  EXPECT_EQ(repo.ListAccounts(commune_id_)->size(), 1u);
}

TEST_P(StorageTest, FailedTransactionLeavesNoPartialRows) {
  SqlPortalRepository portal(*db_);
  auto st = db_->Write([&](soci::session& s) -> Status {
    long long c = commune_id_;
    s << "INSERT INTO announcement (commune_id, title, body, published_at) "
         "VALUES (:c, 'a', 'b', 1)",
        soci::use(c);
    // The second statement violates a foreign key; the first must not survive.
    s << "INSERT INTO announcement (commune_id, title, body, published_at) "
         "VALUES (999999, 'a', 'b', 1)";
    return Ok{};
  });
  ASSERT_FALSE(st.has_value());
  EXPECT_TRUE(portal.RecentAnnouncements(commune_id_, 10)->empty());
}

TEST_P(StorageTest, SessionsExpireAndEndOnSignOut) {
  SqlIdentityRepository repo(*db_);
  auto id = repo.CreateAccount(MakeAccount("vanthu", identity::Role::kClerk), 10,
                               {commune_id_, 0, "system", "account", "vanthu", "create", ""});
  ASSERT_TRUE(id.has_value());
  auto acc = *repo.GetAccount(*id);
  ASSERT_TRUE(repo.CreateSession("hash1", acc, 100, 200).has_value());
  EXPECT_TRUE(repo.FindSessionAccount("hash1", 150)->has_value());
  EXPECT_FALSE(repo.FindSessionAccount("hash1", 201)->has_value());
  EXPECT_FALSE(repo.FindSessionAccount("other", 150)->has_value());
  ASSERT_TRUE(repo.DeleteSession("hash1").has_value());
  EXPECT_FALSE(repo.FindSessionAccount("hash1", 150)->has_value());
}

TEST_P(StorageTest, CountsFailedSigninsInTheWindow) {
  SqlIdentityRepository repo(*db_);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(repo.RecordSigninAttempt({0, "x", "1.2.3.4", 100 + i, false}).has_value());
  }
  ASSERT_TRUE(repo.RecordSigninAttempt({0, "x", "1.2.3.4", 104, true}).has_value());
  EXPECT_EQ(*repo.CountFailedSigninsForUser("x", 101), 2);
  EXPECT_EQ(*repo.CountFailedSigninsFromIp("1.2.3.4", 0), 3);
}

TEST_P(StorageTest, AuditChainVerifiesAndDetectsTampering) {
  SqlAuditLog log(*db_);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(
        log.Append({commune_id_, 1, "chutich", "x", std::to_string(i), "update", "a→b"}, 1000 + i)
            .has_value());
  }
  auto ok = log.VerifyAll();
  ASSERT_TRUE(ok.has_value());
  EXPECT_FALSE(ok->has_value());
  ASSERT_TRUE(db_->Write([](soci::session& s) -> Status {
                   s << "UPDATE audit_entry SET summary = 'sửa lén' WHERE seq = 3";
                   return Ok{};
                 })
                  .has_value());
  auto bad = log.VerifyAll();
  ASSERT_TRUE(bad.has_value());
  ASSERT_TRUE(bad->has_value());
  EXPECT_EQ((*bad)->seq, 3);
}

TEST_P(StorageTest, ConcurrentWritersKeepOneIntactChain) {
  SqlAuditLog log(*db_);
  std::vector<std::thread> writers;
  writers.reserve(4);
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto st = log.Append(
            {commune_id_, t, "writer" + std::to_string(t), "x", std::to_string(i), "update", ""},
            1000 + i);
        if (!st.has_value()) ++failures;
      }
    });
  }
  for (auto& w : writers) w.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*log.Count(), 100);
  auto verdict = log.VerifyAll();
  ASSERT_TRUE(verdict.has_value());
  EXPECT_FALSE(verdict->has_value()) << (*verdict)->reason;
}

TEST_P(StorageTest, AuditChainDetectsADeletedLastEntry) {
  SqlAuditLog log(*db_);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(log.Append({commune_id_, 1, "a", "x", "1", "u", ""}, 1000).has_value());
  }
  ASSERT_TRUE(db_->Write([](soci::session& s) -> Status {
                   s << "DELETE FROM audit_entry WHERE seq = 3";
                   return Ok{};
                 })
                  .has_value());
  auto bad = log.VerifyAll();
  ASSERT_TRUE(bad.has_value());
  EXPECT_TRUE(bad->has_value());
}

TEST_P(StorageTest, EveryTableIsKeyedByCommune) {
  std::vector<std::string> missing;
  ASSERT_TRUE(db_->Read([&](soci::session& s) -> Status {
                   std::vector<std::string> tables;
                   if (db_->dialect() == Dialect::kSqlite) {
                     soci::rowset<std::string> rs =
                         (s.prepare << "SELECT name FROM sqlite_master WHERE "
                                       "type = 'table' AND name NOT LIKE 'sqlite_%'");
                     for (auto& t : rs) tables.push_back(t);
                   } else {
                     soci::rowset<std::string> rs =
                         (s.prepare << "SELECT table_name FROM information_schema."
                                       "tables WHERE table_schema = 'public'");
                     for (auto& t : rs) tables.push_back(t);
                   }
                   for (const auto& t : tables) {
                     if (t == "schema_migration" || t == "commune")
                       continue;  // documented exceptions
                     try {
                       soci::rowset<soci::row> rs =
                           (s.prepare << "SELECT commune_id FROM " + t + " LIMIT 1");
                       (void)rs;
                     } catch (const soci::soci_error&) {
                       missing.push_back(t);
                     }
                   }
                   return Ok{};
                 })
                  .has_value());
  EXPECT_TRUE(missing.empty()) << missing.front();
}

TEST_P(StorageTest, TheRuleBookKeepsEveryDatedVersion) {
  SqlRuleRepository repo(*db_);
  auto seeded = repo.LoadRules();
  ASSERT_TRUE(seeded.has_value()) << seeded.error().message;
  rules::RuleBook book(*seeded);
  EXPECT_EQ(*book.LookupInt("complaint.acceptance_max", Date::FromYmd(2026, 6, 30)), 10);
  EXPECT_EQ(*book.LookupInt("complaint.acceptance_max", Date::FromYmd(2026, 7, 1)), 7);
  rules::LegalRule local{commune_id_,
                         "feedback.answer_max",
                         "5",
                         rules::RuleUnit::kWorkingDays,
                         Date::FromYmd(2027, 1, 1),
                         "Quyết định của UBND xã",
                         "V"};
  SqlAuditLog log(*db_);
  const int64_t before = *log.Count();
  ASSERT_TRUE(repo.AddVersion(local, {commune_id_, 1, "quantri"}).has_value());
  EXPECT_EQ(*log.Count(), before + 1);
  rules::RuleBook after(*repo.LoadRules());
  EXPECT_EQ(*after.LookupInt("feedback.answer_max", Date::FromYmd(2027, 1, 1), commune_id_), 5);
  EXPECT_EQ(*after.LookupInt("feedback.answer_max", Date::FromYmd(2027, 1, 1), 0), 10);
  // The same key, scope and date twice violates the unique version index.
  auto dup = repo.AddVersion(local, {commune_id_, 1, "quantri"});
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(StorageTest, CalendarOverridesMergeNationalAndCommuneRows) {
  SqlCalendarRepository repo(*db_);
  auto rules_loaded = repo.LoadHolidayRules();
  ASSERT_TRUE(rules_loaded.has_value()) << rules_loaded.error().message;
  EXPECT_GE(rules_loaded->size(), 10u);
  const Date day = Date::FromYmd(2027, 3, 8);
  using Kind = calendar::CalendarOverride::Kind;
  ASSERT_TRUE(repo.SaveOverride(0, {day, Kind::kDayOff, "Nghỉ toàn quốc", "QĐ 1"}, {}).has_value());
  ASSERT_TRUE(repo.SaveOverride(commune_id_, {day, Kind::kWorkingDay, "Xã làm việc", "QĐ 2"}, {})
                  .has_value());
  auto mine = repo.LoadOverrides(commune_id_);
  ASSERT_TRUE(mine.has_value());
  auto it = std::find_if(mine->begin(), mine->end(), [&](auto& o) { return o.date == day; });
  ASSERT_NE(it, mine->end());
  EXPECT_EQ(it->kind, Kind::kWorkingDay);  // the commune's row wins
  auto national = repo.LoadOverrides(0);
  auto jt =
      std::find_if(national->begin(), national->end(), [&](auto& o) { return o.date == day; });
  ASSERT_NE(jt, national->end());
  EXPECT_EQ(jt->kind, Kind::kDayOff);
  ASSERT_TRUE(repo.DeleteOverride(commune_id_, day, {}).has_value());
  auto again = repo.DeleteOverride(commune_id_, day, {});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

// Two units with one officer each, and a message for the first unit.
class OutboxFixture {
 public:
  OutboxFixture(Database& db, long long commune_id) : db_(db), commune_id_(commune_id) {}
  long long AddUnit(const std::string& code) {
    long long id = 0;
    EXPECT_TRUE(db_.Write([&](soci::session& s) -> Status {
                     s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, :k, :n)",
                         soci::use(commune_id_), soci::use(code), soci::use(code);
                     s << "SELECT id FROM unit WHERE commune_id = :c AND code = :k",
                         soci::use(commune_id_), soci::use(code), soci::into(id);
                     return Ok{};
                   })
                    .has_value());
    return id;
  }
  int64_t AddAccount(const std::string& username, long long unit_id, identity::Role role,
                     bool active = true) {
    SqlIdentityRepository repo(db_);
    identity::Account a;
    a.commune_id = commune_id_;
    a.username = username;
    a.display_name = "Lê Văn Hùng";
    a.role = role;
    if (unit_id) a.unit_id = unit_id;  // 0: no unit (a leader)
    a.password_hash = "h";
    a.active = active;
    auto id = repo.CreateAccount(a, 1, {commune_id_, 0, "system", "account", username, "create"});
    if (!id) ADD_FAILURE() << id.error().message;
    return id ? *id : 0;
  }
  notify::OutboxMessage Message(const std::string& key, long long unit_id) const {
    notify::OutboxMessage m;
    m.commune_id = commune_id_;
    m.dedupe_key = key;
    m.recipient_unit_id = unit_id;
    m.subject = "Sắp đến hạn: Báo cáo sơ kết (hạn 04/07/2024)";
    m.body = "Nhiệm vụ đến hạn.";
    m.link = "/quan-ly/nhiem-vu/1";
    return m;
  }

 private:
  Database& db_;
  long long commune_id_;
};

TEST_P(StorageTest, OutboxKeepsOneMessagePerDedupeKey) {
  OutboxFixture f(*db_, commune_id_);
  const long long unit = f.AddUnit("vp_tk");
  SqlOutbox outbox(*db_);
  auto first = outbox.EnqueueAll({f.Message("task:1:due:2024-07-04:soon", unit)}, 100);
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(*first, 1);
  auto again = outbox.EnqueueAll({f.Message("task:1:due:2024-07-04:soon", unit),
                                  f.Message("task:1:due:2024-07-05:soon", unit)},
                                 200);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(*again, 1);
  auto pending = outbox.Pending(0, 10);
  ASSERT_TRUE(pending.has_value()) << pending.error().message;
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].message.dedupe_key, "task:1:due:2024-07-04:soon");
  EXPECT_EQ((*pending)[0].message.recipient_unit_id, unit);
  EXPECT_EQ((*pending)[0].message.subject, "Sắp đến hạn: Báo cáo sơ kết (hạn 04/07/2024)");
  EXPECT_EQ((*pending)[0].created_at, 100);
  // Enqueued inside another write's transaction, it rolls back with it.
  auto rolled_back = db_->Write([&](soci::session& s) -> Status {
    EXPECT_TRUE(EnqueueOutbox(s, f.Message("task:2:due:2024-07-04:soon", unit), 300));
    return MakeError(ErrorCode::kAborted, "the change failed");
  });
  EXPECT_FALSE(rolled_back.has_value());
  EXPECT_EQ(outbox.Pending(0, 10)->size(), 2u);
  ASSERT_TRUE(outbox.MarkFailed((*pending)[0].id).has_value());
  ASSERT_TRUE(outbox.MarkDelivered((*pending)[1].id, 400).has_value());
  auto left = outbox.Pending(0, 10);
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ((*left)[0].attempts, 1);
  EXPECT_TRUE(outbox.Pending((*left)[0].id, 10)->empty());
}

TEST_P(StorageTest, InAppDeliveryWritesOneNoticePerActiveAccountOfTheUnit) {
  OutboxFixture f(*db_, commune_id_);
  const long long vp = f.AddUnit("vp_tk"), tp = f.AddUnit("tp_ht");
  const int64_t hung = f.AddAccount("vanphong", vp, identity::Role::kOfficer);
  const int64_t lan = f.AddAccount("vanphong2", vp, identity::Role::kClerk);
  f.AddAccount("nghiviec", vp, identity::Role::kOfficer, /*active=*/false);
  const int64_t other = f.AddAccount("tuphap", tp, identity::Role::kOfficer);
  SqlOutbox outbox(*db_);
  FakeClock clock(500);
  SqlNoticeNotifier notices(*db_, clock);
  ASSERT_TRUE(outbox.EnqueueAll({f.Message("task:1:due:2024-07-04:soon", vp)}, 100).has_value());
  auto pending = outbox.Pending(0, 10);
  ASSERT_EQ(pending->size(), 1u);
  ASSERT_TRUE(notices.Deliver((*pending)[0]).has_value());
  ASSERT_TRUE(notices.Deliver((*pending)[0]).has_value());  // a retry adds nothing
  EXPECT_TRUE(outbox.Pending(0, 10)->empty());
  for (int64_t account : {hung, lan}) {
    auto list = notices.ListNotices(account, 10);
    ASSERT_TRUE(list.has_value()) << list.error().message;
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].subject, "Sắp đến hạn: Báo cáo sơ kết (hạn 04/07/2024)");
    EXPECT_EQ((*list)[0].link, "/quan-ly/nhiem-vu/1");
    EXPECT_EQ((*list)[0].created_at, 500);
    EXPECT_FALSE((*list)[0].read_at.has_value());
    EXPECT_EQ(*notices.CountUnread(account), 1);
  }
  EXPECT_TRUE(notices.ListNotices(other, 10)->empty());
  EXPECT_EQ(*notices.CountUnread(other), 0);
}

TEST_P(StorageTest, AMessageToAUnitWithoutAccountsReachesTheLeaders) {
  OutboxFixture f(*db_, commune_id_);
  const long long empty = f.AddUnit("bttnd"), vp = f.AddUnit("vp_tk");
  const int64_t leader = f.AddAccount("chutich", 0, identity::Role::kLeader);
  const int64_t officer = f.AddAccount("vanphong", vp, identity::Role::kOfficer);
  SqlOutbox outbox(*db_);
  FakeClock clock(500);
  SqlNoticeNotifier notices(*db_, clock);
  ASSERT_TRUE(outbox.EnqueueAll({f.Message("k", empty)}, 100).has_value());
  ASSERT_TRUE(notices.Deliver((*outbox.Pending(0, 10))[0]).has_value());
  EXPECT_EQ(*notices.CountUnread(leader), 1);
  EXPECT_EQ(*notices.CountUnread(officer), 0);
}

TEST_P(StorageTest, ANoticeIsMarkedReadOnlyByItsOwner) {
  OutboxFixture f(*db_, commune_id_);
  const long long vp = f.AddUnit("vp_tk"), tp = f.AddUnit("tp_ht");
  const int64_t owner = f.AddAccount("vanphong", vp, identity::Role::kOfficer);
  const int64_t other = f.AddAccount("tuphap", tp, identity::Role::kOfficer);
  SqlOutbox outbox(*db_);
  FakeClock clock(500);
  SqlNoticeNotifier notices(*db_, clock);
  ASSERT_TRUE(outbox.EnqueueAll({f.Message("k", vp)}, 100).has_value());
  ASSERT_TRUE(notices.Deliver((*outbox.Pending(0, 10))[0]).has_value());
  const int64_t id = (*notices.ListNotices(owner, 10))[0].id;
  auto stranger = notices.MarkRead(other, id, 600);
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*notices.CountUnread(owner), 1);
  ASSERT_TRUE(notices.MarkRead(owner, id, 700).has_value());
  ASSERT_TRUE(notices.MarkRead(owner, id, 800).has_value());
  EXPECT_EQ(*notices.CountUnread(owner), 0);
  EXPECT_EQ((*notices.ListNotices(owner, 10))[0].read_at, 700);
}

// Two units of the test commune, for the oversight tests.
std::pair<int64_t, int64_t> AddTwoUnits(Database& db, long long commune_id) {
  long long a = 0, b = 0;
  EXPECT_TRUE(db.Write([&](soci::session& s) -> Status {
                  s << "INSERT INTO unit (commune_id, code, name_vi, name_en) VALUES (:c, "
                       "'mot_cua', 'Bộ phận Một cửa', 'One-stop desk')",
                      soci::use(commune_id);
                  s << "INSERT INTO unit (commune_id, code, name_vi, name_en) VALUES (:c, "
                       "'dc_xd', 'Địa chính – Xây dựng – Môi trường', 'Land')",
                      soci::use(commune_id);
                  s << "SELECT id FROM unit WHERE code = 'mot_cua'", soci::into(a);
                  s << "SELECT id FROM unit WHERE code = 'dc_xd'", soci::into(b);
                  return Ok{};
                }).has_value());
  return {a, b};
}

TEST_P(StorageTest, InspectionsKeepFindingsAndRechecksAndRefuseAStaleVersion) {
  SqlOversightRepository repo(*db_);
  SqlAuditLog log(*db_);
  auto [desk, land] = AddTwoUnits(*db_, commune_id_);
  const audit::AuditRecord who{commune_id_, 1, "chutich"};
  oversight::Inspection i;
  i.commune_id = commune_id_;
  i.kind = oversight::InspectionKind::kUnannounced;
  i.subject = "Cơ sở chăn nuôi lợn thôn 3";
  i.topic = "Bảo vệ môi trường";
  i.dimension = 6;
  i.scheduled_on = Date::FromYmd(2024, 6, 10);
  i.created_by = 1;
  const int64_t before = *log.Count();
  auto id = repo.CreateInspection(i, who, 100);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(*log.Count(), before + 1);
  auto v =
      repo.RecordConduct(commune_id_, *id, 1, Date::FromYmd(2024, 6, 10), "Có vi phạm.", who, 101);
  ASSERT_TRUE(v.has_value()) << v.error().message;
  EXPECT_EQ(*v, 2);
  auto stale = repo.RecordConduct(commune_id_, *id, 1, Date::FromYmd(2024, 6, 11), "x", who, 102);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);

  oversight::Finding f;
  f.commune_id = commune_id_;
  f.inspection_id = *id;
  f.description = "Nước thải chưa qua xử lý";
  f.responsible_unit_id = land;
  f.remediation_due_on = Date::FromYmd(2024, 7, 10);
  f.sanction = "Phạt cảnh cáo";
  auto fid = repo.AddFinding(f, who, 103);
  ASSERT_TRUE(fid.has_value()) << fid.error().message;
  oversight::Recheck again{0,     *fid,        Date::FromYmd(2024, 7, 11),
                           false, "Chưa xong", Date::FromYmd(2024, 8, 10)};
  auto fv = repo.RecordRecheck(commune_id_, again, 1, who, 104);
  ASSERT_TRUE(fv.has_value()) << fv.error().message;
  auto stale_recheck = repo.RecordRecheck(commune_id_, again, 1, who, 105);
  ASSERT_FALSE(stale_recheck.has_value());
  EXPECT_EQ(stale_recheck.error().code, ErrorCode::kAborted);
  auto reopened = repo.GetFinding(commune_id_, *fid);
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ(reopened->status, oversight::FindingStatus::kOpen);
  EXPECT_EQ(reopened->remediation_due_on, Date::FromYmd(2024, 8, 10));
  oversight::Recheck done{0, *fid, Date::FromYmd(2024, 8, 9), true, "Đã xây hầm biogas"};
  ASSERT_TRUE(repo.RecordRecheck(commune_id_, done, *fv, who, 106).has_value());

  auto got = repo.GetInspection(commune_id_, *id);
  ASSERT_TRUE(got.has_value()) << got.error().message;
  EXPECT_EQ(got->conclusion, "Có vi phạm.");
  EXPECT_EQ(got->dimension, 6);
  EXPECT_FALSE(got->unit_id.has_value());
  ASSERT_EQ(got->findings.size(), 1u);
  const oversight::Finding& closed = got->findings.front();
  EXPECT_EQ(closed.status, oversight::FindingStatus::kClosed);
  EXPECT_EQ(closed.closed_on, Date::FromYmd(2024, 8, 9));
  EXPECT_EQ(closed.sanction, "Phạt cảnh cáo");
  ASSERT_EQ(closed.rechecks.size(), 2u);
  EXPECT_FALSE(closed.rechecks[0].remedied);
  EXPECT_TRUE(closed.rechecks[1].remedied);
  auto list = repo.ListInspections({commune_id_, 0, 10});
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().findings.size(), 1u);
  EXPECT_FALSE(repo.GetInspection(commune_id_ + 1, *id).has_value());
  // create, conduct, finding, recheck, recheck: the stale writes left no entry.
  EXPECT_EQ(*log.Count(), before + 5);
  (void)desk;
}

TEST_P(StorageTest, RecommendationsAreListedByKeysetAndAnsweredOnce) {
  SqlOversightRepository repo(*db_);
  auto [desk, land] = AddTwoUnits(*db_, commune_id_);
  const audit::AuditRecord who{commune_id_, 5, "mttq"};
  oversight::Recommendation r;
  r.commune_id = commune_id_;
  r.body = oversight::SupervisoryBody::kBttnd;
  r.reference = "03/KN-BTTND";
  r.received_on = Date::FromYmd(2024, 4, 26);
  r.title = "Niêm yết thủ tục hành chính";
  r.content = "Đề nghị niêm yết đầy đủ.";
  r.assigned_unit_id = desk;
  r.rule_key = "supervision.answer_max";
  r.rule_effective_from = Date::FromYmd(2023, 7, 1);
  r.due_on = Date::FromYmd(2024, 5, 13);
  r.recorded_by = 5;
  std::vector<int64_t> ids;
  for (int n = 0; n < 3; ++n) {
    auto id = repo.CreateRecommendation(r, who, 100 + n);
    ASSERT_TRUE(id.has_value()) << id.error().message;
    ids.push_back(*id);
  }
  oversight::Answer a{ids[0], 1, "UBND xã đã chỉ đạo niêm yết.", "45/UBND",
                      Date::FromYmd(2024, 5, 10)};
  auto v = repo.AnswerRecommendation(commune_id_, a, {commune_id_, 1, "chutich"}, 200);
  ASSERT_TRUE(v.has_value()) << v.error().message;
  auto twice = repo.AnswerRecommendation(commune_id_, a, {commune_id_, 1, "chutich"}, 201);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kAborted);
  auto got = repo.GetRecommendation(commune_id_, ids[0]);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->status, oversight::RecommendationStatus::kAnswered);
  EXPECT_EQ(got->answered_on, Date::FromYmd(2024, 5, 10));
  EXPECT_EQ(got->due_on, Date::FromYmd(2024, 5, 13));
  EXPECT_EQ(got->body, oversight::SupervisoryBody::kBttnd);
  EXPECT_EQ(got->assigned_unit_id, desk);
  auto open = repo.ListRecommendations({commune_id_, oversight::RecommendationStatus::kOpen, 0, 1});
  ASSERT_TRUE(open.has_value());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().id, ids[1]);
  auto next =
      repo.ListRecommendations({commune_id_, oversight::RecommendationStatus::kOpen, ids[1], 10});
  ASSERT_EQ(next->size(), 1u);
  EXPECT_EQ(next->front().id, ids[2]);
  EXPECT_EQ(repo.ListRecommendations({commune_id_, std::nullopt, 0, 10})->size(), 3u);
  (void)land;
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& p) { return p.param; });

}  // namespace
}  // namespace xaso::storage
