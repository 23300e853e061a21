#include "domain/feedback/feedback_category.h"

#include <gtest/gtest.h>

namespace xaso::feedback {
namespace {

Category Valid() {
  Category c;
  c.commune_id = 1;
  c.code = "streetlight_2";
  c.name_vi = "Đèn chiếu sáng";
  return c;
}

bool HasField(const Status& s, const std::string& field) {
  if (s.has_value()) return false;
  for (const auto& f : s.error().fields) {
    if (f.field == field) return true;
  }
  return false;
}

TEST(ValidateCategoryTest, ACodeAndAVietnameseNameAreEnough) {
  EXPECT_TRUE(ValidateCategory(Valid()).has_value());
}

TEST(ValidateCategoryTest, CodeIsTwoToFortyLowercaseDigitsOrUnderscores) {
  Category c = Valid();
  for (const char* bad : {"a", "Den", "đèn", "den-duong", "den duong", ""}) {
    c.code = bad;
    EXPECT_TRUE(HasField(ValidateCategory(c), "code")) << bad;
  }
  c.code = std::string(41, 'a');
  EXPECT_TRUE(HasField(ValidateCategory(c), "code"));
  c.code = std::string(40, 'a');
  EXPECT_TRUE(ValidateCategory(c).has_value());
  c.code = "a1";
  EXPECT_TRUE(ValidateCategory(c).has_value());
}

TEST(ValidateCategoryTest, NamesAndDescriptionHaveLimits) {
  Category c = Valid();
  c.name_vi = " ";
  EXPECT_TRUE(HasField(ValidateCategory(c), "name_vi"));
  c.name_vi = std::string(201, 'a');
  EXPECT_TRUE(HasField(ValidateCategory(c), "name_vi"));
  c = Valid();
  c.name_en = std::string(201, 'a');
  EXPECT_TRUE(HasField(ValidateCategory(c), "name_en"));
  c = Valid();
  c.description_vi = std::string(1001, 'a');
  EXPECT_TRUE(HasField(ValidateCategory(c), "description_vi"));
  c.description_vi = std::string(1000, 'a');
  EXPECT_TRUE(ValidateCategory(c).has_value());
}

TEST(ValidateCategoryTest, GroupCodeMayBeEmptyButNotFree) {
  Category c = Valid();
  c.group_code = "";
  EXPECT_TRUE(ValidateCategory(c).has_value());
  c.group_code = "Hạ tầng";
  EXPECT_TRUE(HasField(ValidateCategory(c), "group_code"));
}

TEST(ValidateCategoryTest, AnswerDaysAreEmptyOrOneToSixty) {
  Category c = Valid();
  for (int ok : {1, 5, 60}) {
    c.answer_days = ok;
    EXPECT_TRUE(ValidateCategory(c).has_value()) << ok;
  }
  for (int bad : {0, -1, 61}) {
    c.answer_days = bad;
    EXPECT_TRUE(HasField(ValidateCategory(c), "answer_days")) << bad;
  }
}

TEST(ValidateCategoryTest, ErrorsAreInVietnamese) {
  Category c = Valid();
  c.name_vi = "";
  auto s = ValidateCategory(c);
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().fields.at(0).message.find("tên tiếng Việt"), std::string::npos);
}

}  // namespace
}  // namespace xaso::feedback
