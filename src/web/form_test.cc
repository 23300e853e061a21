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

TEST(FormTest, ParsesDatesTypedEitherWay) {
  EXPECT_EQ(ParseDateInput("23/05/2024"), Date::FromYmd(2024, 5, 23));
  EXPECT_EQ(ParseDateInput(" 3/5/2024 "), Date::FromYmd(2024, 5, 3));
  EXPECT_EQ(ParseDateInput("2024-05-23"), Date::FromYmd(2024, 5, 23));
  EXPECT_FALSE(ParseDateInput("31/02/2024").has_value());
  EXPECT_FALSE(ParseDateInput("23/05/24").has_value());
  EXPECT_FALSE(ParseDateInput("23/05").has_value());
  EXPECT_FALSE(ParseDateInput("1/1/1800").has_value());
  EXPECT_FALSE(ParseDateInput("").has_value());
}

}  // namespace
}  // namespace xaso::web
