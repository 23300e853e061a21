#include "domain/disclosure/disclosure_service.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "core/csv.h"
#include "domain/calendar/calendar_testing.h"
#include "domain/disclosure/disclosure_testing.h"
#include "domain/disclosure/fake_disclosure_repository.h"

namespace xaso::disclosure {
namespace {

using calendar::testing::D;
using testing::MakePosting;

constexpr std::string_view kPdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
constexpr size_t kMaxBytes = 1 << 20;

// Unix seconds at 09:00 in Vietnam on `iso`.
int64_t At(std::string_view iso) { return D(iso).days() * 86400 + 2 * 3600; }

class DisclosureServiceTest : public ::testing::Test {
 protected:
  DisclosureServiceTest() { officer_ = Account(identity::Role::kOfficer); }

  static identity::Account Account(identity::Role role) {
    identity::Account a;
    a.id = 7;
    a.commune_id = 1;
    a.username = "canbo";
    a.role = role;
    return a;
  }

  Item Draft(std::string type, std::string_view decision_on) {
    Item item;
    item.type_code = std::move(type);
    item.title = "Quyết định phê duyệt";
    item.decision_on = D(decision_on);
    return item;
  }

  int64_t CreatePublished(Item item, std::string_view on) {
    clock_.Set(At(on));
    auto id = service_.Create(officer_, std::move(item), rec_);
    EXPECT_TRUE(id.has_value()) << id.error().message;
    auto published = service_.Publish(officer_, 1, *id, 1, rec_);
    EXPECT_TRUE(published.has_value()) << published.error().message;
    return *id;
  }

  FakeClock clock_{At("2025-03-10")};
  testing::FakeDisclosureRepository repo_;
  testing::SeedCalendarRepository calendar_repo_;
  calendar::CalendarService calendar_{calendar_repo_, clock_};
  DisclosureService service_{repo_, DefaultCatalogue(), calendar_, clock_};
  identity::Account officer_;
  audit::AuditRecord rec_{1, 7, "canbo", "disclosure_item", "", "create", ""};
};

TEST_F(DisclosureServiceTest, OnlyManagersWrite) {
  for (auto role : {identity::Role::kCitizen, identity::Role::kClerk, identity::Role::kSupervisor,
                    identity::Role::kLevelAbove}) {
    auto id = service_.Create(Account(role), Draft("investment_land", "2025-03-06"), rec_);
    ASSERT_FALSE(id.has_value());
    EXPECT_EQ(id.error().code, ErrorCode::kPermissionDenied);
  }
  for (auto role : {identity::Role::kOfficer, identity::Role::kLeader, identity::Role::kAdmin}) {
    EXPECT_TRUE(service_.Create(Account(role), Draft("investment_land", "2025-03-06"), rec_));
  }
  identity::Account inactive = officer_;
  inactive.active = false;
  EXPECT_EQ(service_.Create(inactive, Draft("investment_land", "2025-03-06"), rec_).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(repo_.items.size(), 3u);
}

TEST_F(DisclosureServiceTest, AnotherCommuneIsRefused) {
  Item item = Draft("investment_land", "2025-03-06");
  item.commune_id = 2;
  EXPECT_EQ(service_.Create(officer_, item, rec_).error().code, ErrorCode::kPermissionDenied);
  const int64_t id = CreatePublished(Draft("investment_land", "2025-03-06"), "2025-03-07");
  identity::Account other = officer_;
  other.commune_id = 2;
  EXPECT_EQ(service_.Withdraw(other, 2, id, 2, "Sai", rec_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Withdraw(other, 1, id, 2, "Sai", rec_).error().code, ErrorCode::kNotFound);
}

TEST_F(DisclosureServiceTest, ValidationErrorsNameTheField) {
  Item item = Draft("investment_land", "2025-03-06");
  item.title = "";
  auto r = service_.Create(officer_, item, rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  ASSERT_FALSE(r.error().fields.empty());
  EXPECT_EQ(r.error().fields[0].field, "title");

  r = service_.Create(officer_, Draft("no_such_type", "2025-03-06"), rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).field, "type_code");

  // Luật THDCCS took effect on 01/07/2023: no investment_land item before it.
  r = service_.Create(officer_, Draft("investment_land", "2023-06-30"), rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).field, "decision_on");

  Item recurring;
  recurring.type_code = "budget_execution";
  recurring.title = "Thực hiện dự toán";
  r = service_.Create(officer_, recurring, rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(std::any_of(r.error().fields.begin(), r.error().fields.end(),
                          [](const FieldError& f) { return f.field == "period_key"; }));
  EXPECT_TRUE(repo_.items.empty());
  EXPECT_TRUE(repo_.audit.empty());
}

TEST_F(DisclosureServiceTest, ItemKeepsTheTypeVersionOfItsPeriod) {
  Item item;
  item.type_code = "budget_execution";
  item.title = "Thực hiện dự toán quý IV/2025";
  item.period_key = "2025-Q4";
  auto id = service_.Create(officer_, item, rec_);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(repo_.items[*id].type_effective_from, D("2017-01-01"));
  EXPECT_EQ(repo_.items[*id].year, 2025);

  item.period_key = "2026-Q2";
  id = service_.Create(officer_, item, rec_);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(repo_.items[*id].type_effective_from, D("2026-03-25"));
  EXPECT_EQ(repo_.items[*id].year, 2026);

  // A report with its own decision date still follows its period.
  item.period_key = "2026-Q1";
  item.decision_on = D("2026-03-20");
  id = service_.Create(officer_, item, rec_);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(repo_.items[*id].type_effective_from, D("2026-03-25"));

  // Moving the period back re-picks the version (Q1 2026 ends after 25/03/2026: still TT 26).
  Item changed = repo_.items[*id];
  changed.period_key = "2026-Q1";
  ASSERT_TRUE(service_.Update(officer_, changed, rec_).has_value());
  EXPECT_EQ(repo_.items[*id].type_effective_from, D("2026-03-25"));
  changed = repo_.items[*id];
  changed.period_key = "2025-Q4";
  changed.year = 2025;
  ASSERT_TRUE(service_.Update(officer_, changed, rec_).has_value());
  EXPECT_EQ(repo_.items[*id].type_effective_from, D("2017-01-01"));
}

// A form pre-filled with the current year must not file Q4 2025 under 2026, where
// CheckCommune(2025) would then count the quarter as missing.
TEST_F(DisclosureServiceTest, ARecurringItemBelongsToItsPeriodsYear) {
  clock_.Set(At("2026-01-10"));
  Item item;
  item.type_code = "budget_execution";
  item.title = "Thực hiện dự toán quý IV/2025";
  item.period_key = "2025-Q4";
  item.year = 2026;
  auto id = service_.Create(officer_, item, rec_);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(repo_.items[*id].year, 2025);
  Item changed = repo_.items[*id];
  changed.year = 2027;
  ASSERT_TRUE(service_.Update(officer_, changed, rec_).has_value());
  EXPECT_EQ(repo_.items[*id].year, 2025);
  // A one-off item keeps the year it was given.
  Item land = Draft("investment_land", "2025-12-29");
  land.year = 2026;
  auto other = service_.Create(officer_, land, rec_);
  ASSERT_TRUE(other.has_value()) << other.error().message;
  EXPECT_EQ(repo_.items[*other].year, 2026);
}

TEST_F(DisclosureServiceTest, APublishedItemKeepsTheDatesItsDeadlineCountsFrom) {
  const int64_t id = CreatePublished(Draft("investment_land", "2025-03-06"), "2025-03-07");
  Item changed = repo_.items[id];
  changed.decision_on = D("2025-03-01");
  auto r = service_.Update(officer_, changed, rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).field, "decision_on");
  changed = repo_.items[id];
  changed.year = 2024;
  r = service_.Update(officer_, changed, rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).field, "year");
  EXPECT_EQ(repo_.items[id].decision_on, D("2025-03-06"));
  // The wording may still be corrected.
  changed = repo_.items[id];
  changed.title = "Quyết định phê duyệt (sửa lỗi chính tả)";
  ASSERT_TRUE(service_.Update(officer_, changed, rec_).has_value());

  clock_.Set(At("2026-01-10"));
  Item report;
  report.type_code = "budget_execution";
  report.title = "Thực hiện dự toán quý IV/2025";
  report.period_key = "2025-Q4";
  auto rid = service_.Create(officer_, report, rec_);
  ASSERT_TRUE(rid.has_value()) << rid.error().message;
  ASSERT_TRUE(service_.Publish(officer_, 1, *rid, 1, rec_).has_value());
  changed = repo_.items[*rid];
  changed.period_key = "2025-Q3";
  r = service_.Update(officer_, changed, rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).field, "period_key");
  EXPECT_EQ(repo_.items[*rid].period_key, "2025-Q4");
}

TEST_F(DisclosureServiceTest, APostingCannotStartAfterToday) {
  const int64_t id = CreatePublished(Draft("investment_land", "2025-03-06"), "2025-03-07");
  auto ahead =
      service_.AddPosting(officer_, 1, id, MakePosting(0, Channel::kNoticeBoard, "2025-03-08"),
                          std::nullopt, kMaxBytes, rec_);
  ASSERT_FALSE(ahead.has_value());
  EXPECT_EQ(ahead.error().fields.at(0).field, "started_on");
  EXPECT_EQ(repo_.items[id].postings.size(), 1u);  // the portal only
  EXPECT_TRUE(service_.AddPosting(officer_, 1, id,
                                  MakePosting(0, Channel::kNoticeBoard, "2025-03-07"), std::nullopt,
                                  kMaxBytes, rec_));
}

TEST_F(DisclosureServiceTest, AVillageOrUnitOfAnotherCommuneIsAFieldError) {
  repo_.villages = {{11, 1}, {12, 2}};
  repo_.units = {{21, 1}, {22, 2}};
  const int64_t id = CreatePublished(Draft("investment_land", "2025-03-06"), "2025-03-07");
  Posting house = MakePosting(0, Channel::kVillageHouse, "2025-03-07");
  house.village_id = 12;
  auto r = service_.AddPosting(officer_, 1, id, house, std::nullopt, kMaxBytes, rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().fields.at(0).field, "village_id");
  house.village_id = 11;
  EXPECT_TRUE(service_.AddPosting(officer_, 1, id, house, std::nullopt, kMaxBytes, rec_));

  Item item = Draft("investment_land", "2025-03-06");
  item.unit_id = 22;
  auto c = service_.Create(officer_, item, rec_);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().fields.at(0).field, "unit_id");
  item.unit_id = 21;
  EXPECT_TRUE(service_.Create(officer_, item, rec_));
}

TEST_F(DisclosureServiceTest, PublishAddsThePortalPosting) {
  const int64_t land = CreatePublished(Draft("investment_land", "2025-03-06"), "2025-03-07");
  const Item& item = repo_.items[land];
  EXPECT_EQ(item.status, ItemStatus::kPublished);
  ASSERT_EQ(item.postings.size(), 1u);
  EXPECT_EQ(item.postings[0].channel, Channel::kPortal);
  EXPECT_EQ(item.postings[0].started_on, D("2025-03-07"));
  EXPECT_FALSE(item.postings[0].until.has_value());
  EXPECT_EQ(service_.Publish(officer_, 1, land, 2, rec_).error().code,
            ErrorCode::kFailedPrecondition);

  // A list naming people leaves the portal at the end of its 30-day window.
  const int64_t poor = CreatePublished(Draft("poor_households", "2025-09-01"), "2025-09-02");
  EXPECT_EQ(repo_.items[poor].postings.at(0).until, D("2025-10-01"));
  clock_.Set(At("2025-10-01"));
  EXPECT_TRUE(service_.IsPublicNow(repo_.items[poor]));
  clock_.Set(At("2025-10-02"));
  EXPECT_FALSE(service_.IsPublicNow(repo_.items[poor]));
  EXPECT_TRUE(service_.IsPublicNow(repo_.items[land]));
}

TEST_F(DisclosureServiceTest, PostingWithProofShowsItsCompliance) {
  const int64_t id = CreatePublished(Draft("poor_households", "2025-09-01"), "2025-09-02");
  clock_.Set(At("2025-09-03"));
  Posting p = MakePosting(0, Channel::kNoticeBoard, "2025-09-02", "2025-09-20");
  auto r = service_.AddPosting(officer_, 1, id, p,
                               std::make_pair(std::string("anh.pdf"), std::string(kPdf)), kMaxBytes,
                               rec_);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  ASSERT_EQ(r->compliance.flags.size(), 1u);
  EXPECT_EQ(r->compliance.flags[0].kind, FlagKind::kPostingTooShort);
  EXPECT_EQ(r->compliance.flags[0].days, 19);
  EXPECT_EQ(repo_.proofs.at(r->posting_id).content_type, "application/pdf");
  EXPECT_EQ(repo_.items[id].postings.back().recorded_by, 7);

  // A proof must be an image or a PDF; a spreadsheet is an attachment, not a photo.
  const std::string xlsx = std::string("PK\x03\x04", 4) + std::string(100, 'x');
  r = service_.AddPosting(officer_, 1, id, p, std::make_pair(std::string("bang.xlsx"), xlsx),
                          kMaxBytes, rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).field, "proof");
  r = service_.AddPosting(officer_, 1, id, p,
                          std::make_pair(std::string("a.txt"), std::string("hello")), kMaxBytes,
                          rec_);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at(0).field, "proof");

  // Posting checks of disclosure.cc: an end before the start.
  Posting bad = MakePosting(0, Channel::kNoticeBoard, "2025-09-02", "2025-09-01");
  EXPECT_EQ(service_.AddPosting(officer_, 1, id, bad, std::nullopt, kMaxBytes, rec_).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(repo_.items[id].postings.size(), 2u);  // the portal and the one accepted
}

TEST_F(DisclosureServiceTest, TakeDownChecksTheDay) {
  const int64_t id = CreatePublished(Draft("investment_land", "2025-03-06"), "2025-03-07");
  auto added =
      service_.AddPosting(officer_, 1, id, MakePosting(0, Channel::kNoticeBoard, "2025-03-07"),
                          std::nullopt, kMaxBytes, rec_);
  ASSERT_TRUE(added.has_value());
  const int64_t portal = repo_.items[id].postings.front().id;
  clock_.Set(At("2025-03-20"));
  EXPECT_EQ(
      service_.TakeDown(officer_, 1, id, portal, D("2025-03-20"), rec_).error().fields.at(0).field,
      "channel");
  EXPECT_EQ(service_.TakeDown(officer_, 1, id, added->posting_id, D("2025-03-21"), rec_)
                .error()
                .fields.at(0)
                .field,
            "taken_down_on");
  EXPECT_EQ(service_.TakeDown(officer_, 1, id, added->posting_id, D("2025-03-06"), rec_)
                .error()
                .fields.at(0)
                .field,
            "taken_down_on");
  ASSERT_TRUE(service_.TakeDown(officer_, 1, id, added->posting_id, D("2025-03-20"), rec_));
  auto c = service_.Check(repo_.items[id]);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->flags.at(0).kind, FlagKind::kTakenDownEarly);
  EXPECT_EQ(c->flags.at(0).days, 13);
}

TEST_F(DisclosureServiceTest, AttachChecksTheFileAndWithdrawNeedsAReason) {
  clock_.Set(At("2025-03-07"));
  auto id = service_.Create(officer_, Draft("investment_land", "2025-03-06"), rec_);
  ASSERT_TRUE(id.has_value());
  auto bad = service_.Attach(officer_, 1, *id, 1, "x.exe", "MZ....", kMaxBytes, rec_);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.at(0).field, "file");
  auto ok =
      service_.Attach(officer_, 1, *id, 1, "../quyet dinh.pdf", std::string(kPdf), kMaxBytes, rec_);
  ASSERT_TRUE(ok.has_value()) << ok.error().message;
  EXPECT_EQ(ok->n, 1);
  EXPECT_EQ(ok->content_type, "application/pdf");
  EXPECT_EQ(ok->filename.find('/'), std::string::npos);
  ASSERT_TRUE(service_.Publish(officer_, 1, *id, 2, rec_).has_value());
  auto w = service_.Withdraw(officer_, 1, *id, 3, "  ", rec_);
  ASSERT_FALSE(w.has_value());
  EXPECT_EQ(w.error().fields.at(0).field, "reason");
  ASSERT_TRUE(service_.Withdraw(officer_, 1, *id, 3, "Sai số liệu", rec_).has_value());
  EXPECT_EQ(repo_.items[*id].status, ItemStatus::kWithdrawn);
  EXPECT_EQ(repo_.items[*id].postings.at(0).taken_down_on, D("2025-03-07"));
}

TEST_F(DisclosureServiceTest, QuarterLogListsWhatWentOutAndIsPublishedOnce) {
  Item land = Draft("investment_land", "2025-12-29");
  land.title = "Quy hoạch sử dụng đất, có dấu \"phẩy\", ở đây";
  land.decision_number = "15/QĐ-UBND";
  const int64_t a = CreatePublished(land, "2026-01-05");
  ASSERT_TRUE(service_.AddPosting(officer_, 1, a,
                                  MakePosting(0, Channel::kNoticeBoard, "2026-01-02", "2026-02-10"),
                                  std::nullopt, kMaxBytes, rec_));
  const int64_t b = CreatePublished(Draft("poor_households", "2026-03-02"), "2026-03-03");
  CreatePublished(Draft("consultation", "2026-03-25"), "2026-04-01");  // Q2
  clock_.Set(At("2026-03-10"));
  ASSERT_TRUE(service_.Create(officer_, Draft("consultation", "2026-03-09"), rec_));  // a draft

  auto log = service_.BuildQuarterLog(1, 2026, 1);
  ASSERT_TRUE(log.has_value()) << log.error().message;
  ASSERT_EQ(log->lines.size(), 2u);
  EXPECT_EQ(log->lines[0].item_id, a);
  EXPECT_EQ(log->lines[0].first_out, D("2026-01-02"));
  EXPECT_EQ(log->lines[0].channels,
            (std::vector<Channel>{Channel::kNoticeBoard, Channel::kPortal}));
  EXPECT_FALSE(log->lines[0].until.has_value());  // the portal keeps it
  EXPECT_EQ(log->lines[1].item_id, b);
  EXPECT_EQ(log->lines[1].until, D("2026-04-01"));

  // Not before the quarter is over.
  EXPECT_EQ(service_.PublishQuarterLog(officer_, 1, 2026, 1, rec_).error().code,
            ErrorCode::kFailedPrecondition);
  clock_.Set(At("2026-04-02"));
  EXPECT_EQ(
      service_.PublishQuarterLog(Account(identity::Role::kClerk), 1, 2026, 1, rec_).error().code,
      ErrorCode::kPermissionDenied);
  auto id = service_.PublishQuarterLog(officer_, 1, 2026, 1, rec_);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  const Item& item = repo_.items[*id];
  EXPECT_EQ(item.type_code, "disclosure_log");
  EXPECT_EQ(item.status, ItemStatus::kPublished);
  EXPECT_EQ(item.period_key, "2026-Q1");
  EXPECT_NE(item.title.find("Quý I/2026"), std::string::npos) << item.title;
  EXPECT_NE(item.summary.find("15/QĐ-UBND"), std::string::npos) << item.summary;
  EXPECT_NE(item.summary.find("02/01/2026"), std::string::npos) << item.summary;
  ASSERT_EQ(item.attachments.size(), 1u);
  EXPECT_EQ(item.attachments[0].content_type, "text/csv; charset=utf-8");

  auto rows = ParseCsv(repo_.files.at({*id, 1}));
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].at(0), "item_id");
  EXPECT_EQ((*rows)[1].at(2), land.title);
  EXPECT_EQ((*rows)[1].at(4), "notice_board;portal");
  EXPECT_EQ((*rows)[1].at(5), "02/01/2026");
  EXPECT_EQ((*rows)[1].at(6), "");
  EXPECT_EQ((*rows)[2].at(6), "01/04/2026");

  auto again = service_.PublishQuarterLog(officer_, 1, 2026, 1, rec_);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo_.items.size(), 5u);  // no draft left behind by the refused one
  EXPECT_EQ(service_.BuildQuarterLog(1, 2026, 5).error().code, ErrorCode::kInvalidArgument);
}

// The list, its CSV and the portal posting are one write: a failed one leaves no draft that
// would count as "not yet published", and the retry publishes the quarter once.
TEST_F(DisclosureServiceTest, AFailedQuarterLogLeavesNothingAndCanBeRetried) {
  CreatePublished(Draft("investment_land", "2026-01-02"), "2026-01-05");
  clock_.Set(At("2026-04-02"));
  const size_t before = repo_.items.size();
  repo_.fail_next_create_published = true;
  auto failed = service_.PublishQuarterLog(officer_, 1, 2026, 1, rec_);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(repo_.items.size(), before);
  auto id = service_.PublishQuarterLog(officer_, 1, 2026, 1, rec_);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(repo_.items[*id].status, ItemStatus::kPublished);
  EXPECT_EQ(repo_.items[*id].postings.at(0).channel, Channel::kPortal);
  EXPECT_EQ(repo_.items.size(), before + 1);
}

TEST_F(DisclosureServiceTest, CheckYearReadsTheCommune) {
  CreatePublished(Draft("investment_land", "2025-03-06"), "2025-03-20");
  clock_.Set(At("2025-04-01"));
  auto c = service_.CheckYear(1, 2025);
  ASSERT_TRUE(c.has_value()) << c.error().message;
  ASSERT_EQ(c->checked.size(), 1u);
  EXPECT_FALSE(c->checked[0].second.on_time());
  EXPECT_EQ(c->checked[0].second.due, D("2025-03-13"));
}

}  // namespace
}  // namespace xaso::disclosure
