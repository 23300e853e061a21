#include "domain/portal/portal.h"

#include <gtest/gtest.h>

namespace xaso::portal {
namespace {

TEST(AnnouncementTest, RequiresTitleAndBody) {
  Announcement a;
  a.title = "  ";
  a.body = "Lịch tiếp công dân";
  auto s = ValidateAnnouncement(a);
  ASSERT_FALSE(s.has_value());
  ASSERT_EQ(s.error().fields.size(), 1u);
  EXPECT_EQ(s.error().fields[0].field, "title");
}

TEST(AnnouncementTest, RejectsMalformedUtf8AndOverlongTitles) {
  Announcement a;
  a.title = std::string(301, 'x');
  a.body = "\xC3\x28";
  auto s = ValidateAnnouncement(a);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().fields.size(), 2u);
  a.title = "Thông báo";
  a.body = "Nội dung";
  EXPECT_TRUE(ValidateAnnouncement(a).has_value());
}

}  // namespace
}  // namespace xaso::portal
