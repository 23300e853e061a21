#include "domain/identity/account_service.h"

#include <gtest/gtest.h>

#include "testing/fake_identity_repository.h"

namespace xaso::identity {
namespace {

class AccountServiceTest : public ::testing::Test {
 protected:
  AccountServiceTest() : clock_(1'700'000'000), service_(repo_, hasher_, clock_, SigninLimits{}) {
    Account a;
    a.commune_id = 1;
    a.username = "chutich";
    a.display_name = "Chủ tịch";
    a.role = Role::kLeader;
    EXPECT_TRUE(service_.CreateAccount(a, "mat-khau-dung-10", {1, 0, "system"}).has_value());
  }
  xaso::testing::FakeIdentityRepository repo_;
  xaso::testing::FakePasswordHasher hasher_;
  FakeClock clock_;
  AccountService service_;
};

TEST_F(AccountServiceTest, SignsInWithTheRightPassword) {
  auto r = service_.SignIn("chutich", "mat-khau-dung-10", "10.0.0.1");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->role, Role::kLeader);
}

TEST_F(AccountServiceTest, GivesOneMessageForUnknownUserAndWrongPassword) {
  auto wrong = service_.SignIn("chutich", "sai", "10.0.0.1");
  auto unknown = service_.SignIn("khong-co", "sai", "10.0.0.1");
  ASSERT_FALSE(wrong.has_value());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_F(AccountServiceTest, LocksAnAccountAfterFiveFailuresEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i)
    (void)service_.SignIn("chutich", "sai", "10.0.0." + std::to_string(i));
  auto r = service_.SignIn("chutich", "mat-khau-dung-10", "10.0.0.9");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
  clock_.Advance(16 * 60);
  EXPECT_TRUE(service_.SignIn("chutich", "mat-khau-dung-10", "10.0.0.9").has_value());
}

TEST_F(AccountServiceTest, LimitsOneIpAcrossAccounts) {
  for (int i = 0; i < 20; ++i) (void)service_.SignIn("user" + std::to_string(i), "x", "10.9.9.9");
  auto r = service_.SignIn("chutich", "mat-khau-dung-10", "10.9.9.9");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
  EXPECT_TRUE(service_.SignIn("chutich", "mat-khau-dung-10", "10.1.1.1").has_value());
}

TEST_F(AccountServiceTest, ChangePasswordReportsEachBadField) {
  Account a = repo_.accounts.at(1);
  auto s = service_.ChangePassword(a, "sai", "ngan");
  ASSERT_FALSE(s.has_value());
  ASSERT_EQ(s.error().fields.size(), 2u);
  EXPECT_EQ(s.error().fields[0].field, "current_password");
  EXPECT_EQ(s.error().fields[1].field, "new_password");
  EXPECT_TRUE(service_.ChangePassword(a, "mat-khau-dung-10", "mat-khau-moi-dai").has_value());
  EXPECT_EQ(repo_.sessions_deleted, 1);
  EXPECT_EQ(repo_.audit_log.back().action, "change_password");
}

TEST_F(AccountServiceTest, RejectsBadUsernamesAndTakenOnes) {
  Account a;
  a.username = "Có Dấu";
  a.display_name = "X";
  auto r = service_.CreateAccount(a, "mat-khau-dung-10", {1, 0, "system"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields[0].field, "username");
  a.username = "chutich";
  auto dup = service_.CreateAccount(a, "mat-khau-dung-10", {1, 0, "system"});
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
}

}  // namespace
}  // namespace xaso::identity
