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

TEST(AuthorizationTest, CitizensDoNotSeeTheStaffDashboard) {
  EXPECT_FALSE(Allows(Role::kCitizen, Permission::kViewDashboard));
  EXPECT_TRUE(Allows(Role::kSupervisor, Permission::kViewDashboard));
}

TEST(AuthorizationTest, RoleCodesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(RoleFromCode(RoleCode(r)), r);
  EXPECT_FALSE(RoleFromCode("root"));
}

}  // namespace
}  // namespace xaso::identity
