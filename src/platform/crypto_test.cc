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

// RFC 4231 test case 2, and a long key (hashed first by HMAC) that must still give its own value.
TEST(CryptoTest, HmacSha256MatchesTheRfcAndDependsOnTheKey) {
  ASSERT_TRUE(InitCrypto());
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  const std::string long_key(131, '\xaa');
  EXPECT_EQ(HmacSha256Hex(long_key, "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_NE(HmacSha256Hex("k1", "203.0.113.7"), HmacSha256Hex("k2", "203.0.113.7"));
}
}  // namespace
}  // namespace xaso::platform
