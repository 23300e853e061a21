#include "web/pages/dossier_staff_view.h"

#include <gtest/gtest.h>

namespace xaso::web {
namespace {

using onestop::Dossier;
using onestop::Event;

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

TEST(DossierStaffViewTest, EachExtensionNamesTheDueDateItReplaced) {
  Dossier d;
  d.first_due_on = D(2026, 12, 2);
  const std::vector<Event> events = {
      {.at = 100, .actor = "motcua", .to_status = "received", .due_on = D(2026, 12, 2)},
      {.at = 200, .kind = "status", .to_status = "supplement_requested"},
      // Back from the supplement: the clock moved the date.
      {.at = 300, .kind = "status", .to_status = "processing", .due_on = D(2026, 12, 4)},
      {.at = 400,
       .actor = "vanphong",
       .kind = "extension",
       .note = "Chờ xác minh",
       .due_on = D(2026, 12, 11)},
      {.at = 500, .kind = "extension", .note = "Lần hai", .due_on = D(2026, 12, 18)},
  };
  const auto lines = ExtensionsOf(d, events);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].old_due_on, D(2026, 12, 4));
  EXPECT_EQ(lines[0].new_due_on, D(2026, 12, 11));
  EXPECT_EQ(lines[0].reason, "Chờ xác minh");
  EXPECT_EQ(lines[0].actor, "vanphong");
  EXPECT_EQ(lines[1].old_due_on, D(2026, 12, 11));
  EXPECT_EQ(lines[1].new_due_on, D(2026, 12, 18));
  EXPECT_TRUE(ExtensionsOf(d, {events[0], events[2]}).empty());
}

TEST(DossierStaffViewTest, LinesAreTrimmedAndBlankOnesDropped) {
  EXPECT_EQ(Lines("  Bản sao giấy khai sinh \r\n\n\t\nẢnh 4x6"),
            (std::vector<std::string>{"Bản sao giấy khai sinh", "Ảnh 4x6"}));
  EXPECT_TRUE(Lines(" \n \r\n").empty());
  EXPECT_TRUE(Lines("").empty());
}

TEST(DossierStaffViewTest, SiteBaseTakesOnlyAHostNameFromTheHostHeader) {
  Request req;
  Services svc;
  Context ctx{req, svc, {}, {}, {}, identity::Role::kClerk, Lang::kVi, {}, {}, {}, {}};
  EXPECT_EQ(SiteBase(ctx), "");
  req.headers["host"] = "nhattan.gov.vn:8080";
  EXPECT_EQ(SiteBase(ctx), "http://nhattan.gov.vn:8080");
  svc.secure_cookies = true;
  EXPECT_EQ(SiteBase(ctx), "https://nhattan.gov.vn:8080");
  for (const char* bad : {"evil.example/phish?", "a b", "x\"><script>", "user@host"}) {
    req.headers["host"] = bad;
    EXPECT_EQ(SiteBase(ctx), "") << bad;
  }
}

}  // namespace
}  // namespace xaso::web
