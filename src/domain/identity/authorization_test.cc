#include "domain/identity/authorization.h"

#include <gtest/gtest.h>

namespace xaso::identity {
namespace {

TEST(AuthorizationTest, AnonymousReadsPublicPagesOnly) {
  EXPECT_TRUE(Allows(Role::kAnonymous, Permission::kReadPublic));
  EXPECT_FALSE(Allows(Role::kAnonymous, Permission::kViewDashboard));
  EXPECT_FALSE(Allows(Role::kAnonymous, Permission::kUseAccount));
}

TEST(AuthorizationTest, OnlyAdministratorsManageAccounts) {
  for (Role r : kAllRoles) {
    EXPECT_EQ(Allows(r, Permission::kManageAccounts), r == Role::kAdmin) << RoleCode(r);
  }
}

TEST(AuthorizationTest, OnlyLeadersAndAdministratorsManageFeedbackCategories) {
  for (Role r : kAllRoles) {
    EXPECT_EQ(Allows(r, Permission::kManageFeedbackCategories),
              r == Role::kLeader || r == Role::kAdmin)
        << RoleCode(r);
  }
  EXPECT_EQ(PermissionCode(Permission::kManageFeedbackCategories), "manage_feedback_categories");
}

TEST(AuthorizationTest, CitizensDoNotSeeTheStaffDashboard) {
  EXPECT_FALSE(Allows(Role::kCitizen, Permission::kViewDashboard));
  EXPECT_TRUE(Allows(Role::kSupervisor, Permission::kViewDashboard));
}

TEST(AuthorizationTest, EveryDashboardRoleReadsItsNoticesAndCitizensDoNot) {
  for (Role r : kAllRoles) {
    EXPECT_EQ(Allows(r, Permission::kReadNotices), Allows(r, Permission::kViewDashboard))
        << RoleCode(r);
  }
  EXPECT_FALSE(Allows(Role::kCitizen, Permission::kReadNotices));
  EXPECT_FALSE(Allows(Role::kAnonymous, Permission::kReadNotices));
}

TEST(CommuneTest, ValidatesSlugAndRequiredFields) {
  Commune c{0, "nhat-tan", "Xã Nhật Tân", "Tỉnh Hưng Yên", "UBND tỉnh Hưng Yên"};
  EXPECT_TRUE(ValidateCommune(c).has_value());
  c.slug = "Nhật-Tân";
  c.level_above = " ";
  auto s = ValidateCommune(c);
  ASSERT_FALSE(s.has_value());
  ASSERT_EQ(s.error().fields.size(), 2u);
  EXPECT_EQ(s.error().fields[0].field, "slug");
  EXPECT_EQ(s.error().fields[1].field, "level_above");
  c.slug = "-x";
  c.level_above = "UBND tỉnh";
  EXPECT_FALSE(ValidateCommune(c).has_value());
}

TEST(AuthorizationTest, RoleCodesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(RoleFromCode(RoleCode(r)), r);
  EXPECT_FALSE(RoleFromCode("root"));
}

}  // namespace
}  // namespace xaso::identity
