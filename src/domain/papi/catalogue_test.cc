#include "domain/papi/catalogue.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace xaso::papi {
namespace {

std::vector<std::string> Codes(const std::vector<const SubDimension*>& subdimensions) {
  std::vector<std::string> codes;
  codes.reserve(subdimensions.size());
  for (const SubDimension* s : subdimensions) codes.push_back(s->code);
  return codes;
}

// The message of the one "subdimensions" field error, or "" when the codes are valid.
std::string CodeError(int dimension, const std::vector<std::string>& codes, int year) {
  Status status = Catalogue::Default().ValidateCodes(dimension, codes, year);
  if (status.has_value()) return "";
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().fields.size(), 1u);
  if (status.error().fields.empty()) return "(no field error)";
  EXPECT_EQ(status.error().fields[0].field, "subdimensions");
  return status.error().fields[0].message;
}

TEST(CatalogueTest, DefaultHasEightDimensionsWithBothNames) {
  const Catalogue& c = Catalogue::Default();
  ASSERT_EQ(c.dimensions().size(), 8u);
  for (int d = 1; d <= 8; ++d) EXPECT_EQ(c.dimensions()[d - 1].number, d);
  const Dimension* transparency = c.FindDimension(2);
  ASSERT_NE(transparency, nullptr);
  EXPECT_EQ(transparency->name_vi, "Công khai, minh bạch trong việc ra quyết định ở địa phương");
  EXPECT_EQ(transparency->name_en, "Transparency in Local Decision-making");
  EXPECT_EQ(transparency->from_year, 2011);
  EXPECT_EQ(c.FindDimension(7)->from_year, 2018);
  EXPECT_EQ(c.FindDimension(8)->name_vi, "Quản trị điện tử");
  EXPECT_EQ(c.FindDimension(8)->from_year, 2018);
  EXPECT_EQ(c.FindDimension(0), nullptr);
  EXPECT_EQ(c.FindDimension(9), nullptr);
  EXPECT_EQ(&Catalogue::Default(), &c);
}

TEST(CatalogueTest, DefaultHasTwentyNineCodesInOrder) {
  const Catalogue& c = Catalogue::Default();
  std::vector<std::string> codes;
  for (const SubDimension& s : c.subdimensions()) codes.push_back(s.code);
  const std::vector<std::string> expected = {"1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4",
                                             "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "5.1",
                                             "5.2", "5.3", "5.4", "6.1", "6.2", "6.3", "6.4", "7.1",
                                             "7.2", "7.3", "8.1", "8.2", "8.3"};
  EXPECT_EQ(codes, expected);
  for (const SubDimension& s : c.subdimensions()) {
    EXPECT_EQ(s.code[0] - '0', s.dimension) << s.code;
    EXPECT_FALSE(s.name_vi.empty()) << s.code;
    EXPECT_FALSE(s.name_en.empty()) << s.code;
  }
  // Quoted fields keep their commas.
  const SubDimension* budget = c.Find("2.3");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(budget->name_vi, "Công khai thu, chi ngân sách cấp xã/phường");
  EXPECT_EQ(budget->name_en, "Communal Budget Transparency");
  EXPECT_EQ(c.Find("5.4")->name_vi, "Dịch vụ hành chính cấp xã/phường");
  EXPECT_EQ(c.Find("9.1"), nullptr);
  EXPECT_EQ(c.Find("1"), nullptr);
}

TEST(CatalogueTest, SubDimensionCountsPerYear) {
  const Catalogue& c = Catalogue::Default();
  const int k2023[] = {4, 4, 3, 4, 3, 4, 3, 3};
  for (int d = 1; d <= 8; ++d) EXPECT_EQ(c.SubDimensionCount(d, 2023), k2023[d - 1]) << d;
  EXPECT_EQ(c.SubDimensionCount(5, 2019), 4);
  EXPECT_EQ(c.SubDimensionCount(5, 2020), 4);
  EXPECT_EQ(c.SubDimensionCount(5, 2021), 3);
  EXPECT_EQ(Codes(c.SubDimensionsOf(5, 2024)), (std::vector<std::string>{"5.1", "5.3", "5.4"}));
  EXPECT_EQ(c.SubDimensionCount(9, 2023), 0);
  EXPECT_EQ(c.SubDimensionCount(1, 2017), 0);  // the 2011-2017 design is not modelled
  // PAPI.md §1: 28 in 2018, 29 in 2019-2020, 28 from 2021.
  auto total = [&](int year) {
    int n = 0;
    for (int d = 1; d <= 8; ++d) n += c.SubDimensionCount(d, year);
    return n;
  };
  EXPECT_EQ(total(2018), 28);
  EXPECT_EQ(total(2019), 29);
  EXPECT_EQ(total(2020), 29);
  EXPECT_EQ(total(2021), 28);
  EXPECT_EQ(total(2024), 28);
}

TEST(CatalogueTest, EGovernanceResponsivenessStartsIn2019) {
  const Catalogue& c = Catalogue::Default();
  EXPECT_EQ(Codes(c.SubDimensionsOf(8, 2018)), (std::vector<std::string>{"8.1", "8.2"}));
  EXPECT_EQ(Codes(c.SubDimensionsOf(8, 2019)), (std::vector<std::string>{"8.1", "8.2", "8.3"}));
  const SubDimension* s = c.Find("8.3");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->AppliesIn(2018));
  EXPECT_TRUE(s->AppliesIn(2019));
  EXPECT_TRUE(s->AppliesIn(2030));
}

TEST(CatalogueTest, ValidateCodesAcceptsCodesThatApply) {
  EXPECT_EQ(CodeError(5, {"5.1", "5.3"}, 2024), "");
  EXPECT_EQ(CodeError(5, {"5.2"}, 2020), "");
  EXPECT_EQ(CodeError(8, {"8.3"}, 2019), "");
  EXPECT_EQ(CodeError(3, {}, 2024), "");
}

TEST(CatalogueTest, ValidateCodesNamesEachBadCode) {
  EXPECT_EQ(CodeError(5, {"5.1", "5.2"}, 2024),
            "Mã 5.2 (Thủ tục xin cấp phép xây dựng) chỉ áp dụng đến năm 2020.");
  EXPECT_EQ(CodeError(1, {"9.1"}, 2024), "Không có nội dung thành phần mã 9.1.");
  EXPECT_EQ(CodeError(3, {"2.1"}, 2024),
            "Mã 2.1 thuộc chỉ số nội dung 2, không thuộc chỉ số nội dung 3.");
  EXPECT_EQ(CodeError(8, {"8.3"}, 2018),
            "Mã 8.3 (Phúc đáp của chính quyền qua cổng thông tin điện tử) chỉ áp dụng từ năm "
            "2019.");
  EXPECT_EQ(CodeError(4, {"4.1", "4.1"}, 2024), "Mã 4.1 được chọn hơn một lần.");
  EXPECT_EQ(CodeError(3, {"3.1", "2.1", "x"}, 2024),
            "Mã 2.1 thuộc chỉ số nội dung 2, không thuộc chỉ số nội dung 3. "
            "Không có nội dung thành phần mã x.");
}

TEST(CatalogueTest, ValidateCodesRejectsADimensionOutsideTheYear) {
  for (auto [dimension, year] : {std::pair{9, 2024}, std::pair{7, 2017}}) {
    Status status = Catalogue::Default().ValidateCodes(dimension, {}, year);
    ASSERT_FALSE(status.has_value()) << dimension;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(status.error().fields.size(), 1u);
    EXPECT_EQ(status.error().fields[0].field, "dimension");
    EXPECT_NE(status.error().fields[0].message.find(std::to_string(dimension)), std::string::npos);
  }
}

constexpr const char* kDimensions =
    "dimension,name_vi,name_en,from_year\n"
    "1,Tham gia,Participation,2011\n"
    "2,\"Công khai, minh bạch\",Transparency,2011\n";
constexpr const char* kSubHeader = "code,dimension,name_vi,name_en,from_year,to_year\n";

TEST(CatalogueTest, ParseOrdersByDimensionThenNumber) {
  Result<Catalogue> c = Catalogue::Parse(kDimensions, std::string(kSubHeader) +
                                                          "2.1,2,B,B,2018,\n"
                                                          "1.10,1,J,J,2018,2020\n"
                                                          "1.9,1,I,I,2019,\n");
  ASSERT_TRUE(c.has_value()) << c.error().message;
  std::vector<std::string> codes;
  for (const SubDimension& s : c->subdimensions()) codes.push_back(s.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"1.9", "1.10", "2.1"}));
  EXPECT_EQ(c->Find("1.10")->to_year, 2020);
  EXPECT_EQ(c->Find("1.9")->to_year, 0);
  EXPECT_EQ(c->FindDimension(2)->name_vi, "Công khai, minh bạch");
  EXPECT_EQ(c->SubDimensionCount(1, 2018), 1);
  EXPECT_EQ(c->SubDimensionCount(1, 2019), 2);
}

TEST(CatalogueTest, ParseErrorsNameTheFileAndLine) {
  struct Case {
    const char* name;
    std::string dimensions;
    std::string subdimensions;
    const char* message;
  };
  const std::string sub = kSubHeader;
  const std::string row11 = "1.1,1,A,A,2018,\n";
  const Case cases[] = {
      {"duplicate code", kDimensions, sub + row11 + "2.1,2,B,B,2018,\n" + row11,
       "subdimensions.csv dòng 4: mã 1.1 lặp lại (đã có ở dòng 2)"},
      {"code of another dimension", kDimensions, sub + row11 + "2.1,1,B,B,2018,\n",
       "subdimensions.csv dòng 3: mã 2.1 không khớp chỉ số nội dung 1"},
      {"missing column", kDimensions, "code,dimension,name_vi,name_en,from_year\n1.1,1,A,A,2018\n",
       "subdimensions.csv dòng 1: thiếu cột to_year"},
      {"missing dimension column", "dimension,name_vi,from_year\n1,A,2011\n", sub,
       "dimensions.csv dòng 1: thiếu cột name_en"},
      {"code not d.k", kDimensions, sub + "1,1,A,A,2018,\n",
       "subdimensions.csv dòng 2: mã '1' không có dạng d.k (ví dụ 5.2)"},
      {"unknown dimension", kDimensions, sub + row11 + "3.1,3,C,C,2018,\n",
       "subdimensions.csv dòng 3: chỉ số nội dung '3' không có trong dimensions.csv"},
      {"duplicate dimension", std::string(kDimensions) + "1,Lại,Again,2011\n", sub,
       "dimensions.csv dòng 4: chỉ số nội dung 1 đã có ở dòng trước"},
      {"dimension 9", std::string(kDimensions) + "9,Chín,Nine,2030\n", sub,
       "dimensions.csv dòng 4: chỉ số nội dung phải là số từ 1 đến 8, không phải '9'"},
      {"bad to_year", kDimensions, sub + "1.1,1,A,A,2018,2017\n",
       "subdimensions.csv dòng 2: to_year phải để trống hoặc là năm không trước from_year"},
      {"before its dimension", kDimensions, sub + "1.1,1,A,A,2010,\n",
       "subdimensions.csv dòng 2: from_year 2010 trước năm của chỉ số nội dung 1 (2011)"},
      {"empty name", kDimensions, sub + "1.1,1,,A,2018,\n",
       "subdimensions.csv dòng 2: thiếu name_vi hoặc name_en"},
      {"field count", kDimensions, sub + row11 + "1.2,1,B\n",
       "subdimensions.csv dòng 3: có 3 trường, dòng tiêu đề có 6"},
  };
  for (const Case& c : cases) {
    Result<Catalogue> parsed = Catalogue::Parse(c.dimensions, c.subdimensions);
    ASSERT_FALSE(parsed.has_value()) << c.name;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(parsed.error().message, c.message) << c.name;
  }
}

}  // namespace
}  // namespace xaso::papi
