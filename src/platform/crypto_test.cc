#include "platform/crypto.h"

#include <gtest/gtest.h>

namespace xaso::platform {
namespace {

TEST(CryptoTest, Sha256MatchesTheStandardVector) {
  ASSERT_TRUE(InitCrypto());
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CryptoTest, PasswordsVerifyOnlyWithTheRightSecret) {
  ASSERT_TRUE(InitCrypto());
  SodiumPasswordHasher h(SodiumPasswordHasher::Strength::kMinimumForTests);
  const std::string hash = h.Hash("mật khẩu đúng");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(h.Verify(hash, "mật khẩu đúng"));
  EXPECT_FALSE(h.Verify(hash, "mat khau dung"));
  EXPECT_FALSE(h.Verify("", "x"));
}

TEST(CryptoTest, TokensAreRandomAndUrlSafe) {
  ASSERT_TRUE(InitCrypto());
  const std::string a = RandomToken(), b = RandomToken();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_of("+/="), std::string::npos);
}

}  // namespace
}  // namespace xaso::platform

namespace xaso::platform {
namespace {
TEST(CryptoTest, Base64RoundTripsBinaryAndRefusesGarbage) {
  ASSERT_TRUE(InitCrypto());
  const std::string bytes("\x00\xFF\x10%PDF", 7);
  EXPECT_EQ(Base64Encode("Ma"), "TWE=");
  EXPECT_EQ(Base64Decode(Base64Encode(bytes)), bytes);
  EXPECT_EQ(Base64Decode(""), std::string());
  EXPECT_FALSE(Base64Decode("TWE=!").has_value());
  EXPECT_FALSE(Base64Decode("T").has_value());
}
}  // namespace
}  // namespace xaso::platform
