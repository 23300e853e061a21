#include "domain/papi/indicator_catalogue.h"

#include <string>

#include <gtest/gtest.h>

namespace xaso::papi {
namespace {

constexpr char kHeader[] =
    "indicator,subdimension,dimension,lower,upper,direction,label_vi,label_en\n";

TEST(IndicatorCatalogueTest, DefaultCoversEverySubDimensionOf2019And2023) {
  const IndicatorCatalogue& c = IndicatorCatalogue::Default();
  EXPECT_EQ(c.size(), 125u);
  for (int year : {2019, 2023}) {
    for (int d = 1; d <= 8; ++d) {
      for (const SubDimension* s : Catalogue::Default().SubDimensionsOf(d, year)) {
        int members = 0;
        for (const Indicator& ind : c.indicators()) members += ind.subdimension == s->code ? 1 : 0;
        EXPECT_GT(members, 0) << s->code;
      }
    }
  }
  for (const Indicator& ind : c.indicators()) {
    EXPECT_EQ(ind.code.rfind(ind.subdimension + ".", 0), 0u) << ind.code;
    EXPECT_LT(ind.lower, ind.upper) << ind.code;
    EXPECT_FALSE(ind.label_en.empty()) << ind.code;
  }
  EXPECT_EQ(&IndicatorCatalogue::Default(), &c);
}

TEST(IndicatorCatalogueTest, DefaultMarksNegativesAndScales) {
  const IndicatorCatalogue& c = IndicatorCatalogue::Default();
  for (const char* code :
       {"2.2.b", "2.2.c", "4.4.c", "4.4.e", "4.4.f", "6.2.a", "6.2.b", "6.3.f", "6.4.c"}) {
    ASSERT_TRUE(c.IndexOf(code)) << code;
    EXPECT_EQ(c.indicators()[*c.IndexOf(code)].direction, Direction::kNegative) << code;
  }
  const Indicator& water = c.indicators()[*c.IndexOf("7.3.a")];
  EXPECT_EQ(water.subdimension, "7.3");
  EXPECT_EQ(water.dimension, 7);
  EXPECT_EQ(water.direction, Direction::kPositive);
  EXPECT_EQ(water.lower, 0);
  EXPECT_EQ(water.upper, 1);
  const Indicator& satisfaction = c.indicators()[*c.IndexOf("5.1.e")];
  EXPECT_EQ(satisfaction.lower, 1);
  EXPECT_EQ(satisfaction.upper, 5);
  EXPECT_EQ(c.indicators()[*c.IndexOf("4.4.c")].upper, 150000);
  // A quoted label keeps its commas.
  EXPECT_EQ(c.indicators()[*c.IndexOf("2.4.d")].label_en,
            "Effect of the land plan on the household (1 = none, 2 = adverse, 3 = beneficial)");
  EXPECT_FALSE(c.IndexOf("9.9.z"));
}

TEST(IndicatorCatalogueTest, ParsesAValidFile) {
  auto c = IndicatorCatalogue::Parse(
      std::string(kHeader) + "x,7.3,7,1,5,negative,Nước,Water\ny,7.3,7,0,1,positive,B,\n",
      Catalogue::Default());
  ASSERT_TRUE(c.has_value()) << c.error().message;
  ASSERT_EQ(c->size(), 2u);
  EXPECT_EQ(c->indicators()[0].direction, Direction::kNegative);
  EXPECT_EQ(c->indicators()[0].lower, 1);
  EXPECT_EQ(*c->IndexOf("y"), 1u);
}

struct BadRow {
  std::string row;
  std::string message;  // the whole error message
};

TEST(IndicatorCatalogueTest, ErrorsNameTheLineAndTheColumn) {
  const BadRow cases[] = {
      {"x,7.3,7,0,1,positive,A,B\nx,7.3,7,0,1,positive,A,B",
       "dòng 3, cột indicator: mã x lặp lại (đã có ở dòng 2)"},
      {",7.3,7,0,1,positive,A,B", "dòng 2, cột indicator: thiếu mã chỉ tiêu"},
      {"x,7.9,7,0,1,positive,A,B", "dòng 2, cột subdimension: không có nội dung thành phần '7.9'"},
      {"x,7.3,6,0,1,positive,A,B",
       "dòng 2, cột dimension: nội dung thành phần 7.3 thuộc chỉ số nội dung 7, không phải '6'"},
      {"x,7.3,7,a,1,positive,A,B", "dòng 2, cột lower: 'a' không phải là số"},
      {"x,7.3,7,0,inf,positive,A,B", "dòng 2, cột upper: 'inf' không phải là số"},
      {"x,7.3,7,5,1,positive,A,B", "dòng 2, cột upper: cận trên phải lớn hơn cận dưới"},
      {"x,7.3,7,1,1,positive,A,B", "dòng 2, cột upper: cận trên phải lớn hơn cận dưới"},
      {"x,7.3,7,0,1,up,A,B",
       "dòng 2, cột direction: phải là positive hoặc negative, không phải 'up'"},
      {"x,7.3,7,0,1,positive, ,B", "dòng 2, cột label_vi: thiếu tên chỉ tiêu"},
  };
  for (const BadRow& c : cases) {
    auto parsed = IndicatorCatalogue::Parse(std::string(kHeader) + c.row, Catalogue::Default());
    ASSERT_FALSE(parsed.has_value()) << c.row;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().message, c.message) << c.row;
  }
  auto missing = IndicatorCatalogue::Parse("indicator,subdimension\nx,7.3\n", Catalogue::Default());
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("upper"), std::string::npos) << missing.error().message;
}

}  // namespace
}  // namespace xaso::papi
