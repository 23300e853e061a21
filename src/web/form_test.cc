#include "web/form.h"

#include <gtest/gtest.h>

namespace xaso::web {
namespace {

TEST(FormTest, DecodesVietnameseFormFields) {
  auto f = ParseForm("username=chutich&title=Th%C3%B4ng+b%C3%A1o&empty=&flag");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->at("username"), "chutich");
  EXPECT_EQ(f->at("title"), "Thông báo");
  EXPECT_EQ(f->at("empty"), "");
  EXPECT_EQ(f->at("flag"), "");
}

TEST(FormTest, RejectsMalformedEscapesAndInvalidUtf8) {
  EXPECT_FALSE(ParseForm("a=%zz"));
  EXPECT_FALSE(ParseForm("a=%4"));
  EXPECT_FALSE(ParseForm("a=%C3%28"));
}

TEST(FormTest, KeepsTheFirstOfRepeatedNames) {
  auto f = ParseForm("role=citizen&role=admin");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->at("role"), "citizen");
}

TEST(FormTest, LocalPathAcceptsOnlyPlainPathsOfThisSite) {
  EXPECT_EQ(LocalPath("/xa/nhat-tan/quy-dinh"), "/xa/nhat-tan/quy-dinh");
  EXPECT_EQ(LocalPath("/"), "/");
  for (const char* bad : {"", "x", "//evil.example", "/\\evil", "/a b", "/x\r\nSet-Cookie: a=b",
                          "https://evil.example", "/\t/evil", "/đường"}) {
    EXPECT_FALSE(LocalPath(bad)) << bad;
  }
}

TEST(FormTest, ParsesCookiesAndEscapesHtml) {
  auto c = ParseCookies("a=1; xaso_session=abc ; lang=en");
  EXPECT_EQ(c["xaso_session"], "abc");
  EXPECT_EQ(c["lang"], "en");
  EXPECT_EQ(EscapeHtml("<script>\"x\"&'"), "&lt;script&gt;&quot;x&quot;&amp;&#39;");
}

}  // namespace
TEST(ParseDateFieldTest, VietnameseAndIsoFormsOnly) {
  EXPECT_EQ(ParseDateField("05/07/2024"), Date::FromYmd(2024, 7, 5));
  EXPECT_EQ(ParseDateField("5/7/2024"), Date::FromYmd(2024, 7, 5));
  EXPECT_EQ(ParseDateField("2024-07-05"), Date::FromYmd(2024, 7, 5));
  EXPECT_FALSE(ParseDateField("31/02/2024").has_value());
  EXPECT_FALSE(ParseDateField("05/07/24").has_value());
  EXPECT_FALSE(ParseDateField("05/07/2024x").has_value());
  EXPECT_FALSE(ParseDateField("").has_value());
  EXPECT_FALSE(ParseDateField("123/07/2024").has_value());
}

}  // namespace xaso::web
