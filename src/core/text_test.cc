#include "core/text.h"

#include <gtest/gtest.h>

namespace xaso {
namespace {

TEST(TextTest, AcceptsWellFormedUtf8) {
  EXPECT_TRUE(IsValidUtf8("Ủy ban nhân dân xã Nhật Tân"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(TextTest, RejectsMalformedUtf8) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xE1\xBA"));       // truncated
  EXPECT_FALSE(IsValidUtf8("\x80"));
}

TEST(TextTest, FoldsVietnameseDiacritics) {
  EXPECT_EQ(FoldVietnamese("Công khai"), "cong khai");
  EXPECT_EQ(FoldVietnamese("ĐƯỜNG Giao thông"), "duong giao thong");
  EXPECT_EQ(FoldVietnamese("Nhật Tân, Hưng Yên"), "nhat tan, hung yen");
  EXPECT_EQ(FoldVietnamese("Ủy ban Ỹ ỳ"), "uy ban y y");
}

TEST(TextTest, TrimsAndCounts) {
  EXPECT_EQ(Trim("  xã \n"), "xã");
  EXPECT_EQ(Utf8Length("xã"), 2u);
}

}  // namespace
TEST(TextTest, TruncateUtf8CutsWholeCharacters) {
  EXPECT_EQ(TruncateUtf8("Kiểm tra", 5), "Kiểm …");
  EXPECT_EQ(TruncateUtf8("Kiểm tra", 8), "Kiểm tra");
  EXPECT_EQ(TruncateUtf8("", 3), "");
  EXPECT_TRUE(IsValidUtf8(TruncateUtf8("ệệệệ", 2)));
}

}  // namespace xaso
