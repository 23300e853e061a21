#include "domain/papi/score_table.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/papi/problem_lines_for_test.h"

namespace xaso::papi {
namespace {

const Catalogue& Cat() { return Catalogue::Default(); }

// The sub-dimension codes that apply in `year` (0: the current design), in catalogue order.
std::vector<std::string> CodesOf(int year) {
  std::vector<std::string> codes;
  for (const SubDimension& s : Cat().subdimensions()) {
    if (year == 0 ? s.to_year == 0 : s.AppliesIn(year)) codes.push_back(s.code);
  }
  return codes;
}

// A header line "<leading>,<codes>".
std::string Header(const std::string& leading, const std::vector<std::string>& codes) {
  std::string line = leading;
  for (const std::string& c : codes) line += "," + c;
  return line + "\n";
}

// A record "<leading>,<value>,…" with `special` in the column of `code`.
std::string Row(const std::string& leading, const std::vector<std::string>& codes,
                const std::string& value, const std::string& code = "",
                const std::string& special = "") {
  std::string line = leading;
  for (const std::string& c : codes) line += "," + (c == code ? special : value);
  return line + "\n";
}

std::vector<std::string> Problems(const std::string& csv, ScoreTableKind kind) {
  return ProblemLines(ParseScoreTable(csv, Cat(), kind));
}

TEST(ScoreTableTest, UnitsWithoutYearUseTheCurrentDesignAndSumDimensions) {
  const std::vector<std::string> codes = CodesOf(0);
  ASSERT_EQ(codes.size(), 28u);  // 5.2 no longer applies
  // Every sub-dimension 1.0: each dimension is its K, 4 for D1, D2, D4, D6 and 3 for the others
  // (D5 has lost 5.2), so the aggregate is 4·4 + 4·3 = 28.
  const std::string csv = Header("unit", codes) + Row("Xã A", codes, "1.0") +
                          Row("Xã B", codes, "1.5") + Row("Xã C", codes, "1.0", "6.2", "");
  Result<std::vector<ScoreRow>> rows = ParseScoreTable(csv, Cat(), ScoreTableKind::kUnits);
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  const ScoreRow& a = (*rows)[0];
  EXPECT_EQ(a.unit, "Xã A");
  EXPECT_EQ(a.year, 0);
  EXPECT_EQ(a.line, 2);
  EXPECT_DOUBLE_EQ(*a.dimensions[0], 4.0);
  EXPECT_DOUBLE_EQ(*a.dimensions[4], 3.0);
  EXPECT_DOUBLE_EQ(*a.dimensions[7], 3.0);
  EXPECT_DOUBLE_EQ(*a.aggregate, 28.0);
  EXPECT_DOUBLE_EQ(*(*rows)[1].aggregate, 42.0);
  // A blank cell of a sub-dimension that applies leaves its dimension and the aggregate blank.
  const ScoreRow& c = (*rows)[2];
  EXPECT_FALSE(c.subdimensions.contains("6.2"));
  EXPECT_FALSE(c.dimensions[5].has_value());
  EXPECT_TRUE(c.dimensions[4].has_value());
  EXPECT_FALSE(c.aggregate.has_value());

  const std::vector<RankedRow> ranked = RankByYear(*rows);
  EXPECT_EQ(ranked[1].aggregate->rank, 1);
  EXPECT_EQ(ranked[0].aggregate->rank, 2);
  EXPECT_EQ(ranked[0].aggregate->ranked, 2);
  EXPECT_FALSE(ranked[2].aggregate.has_value());
  EXPECT_FALSE(ranked[2].dimensions[5].has_value());
  EXPECT_EQ(ranked[2].dimensions[0]->rank, 2);  // ties Xã A on D1
  EXPECT_EQ(ranked[0].dimensions[0]->rank, 2);
  EXPECT_EQ(ranked[0].dimensions[0]->ranked, 3);
}

TEST(ScoreTableTest, RanksEachYearSeparately) {
  const std::vector<std::string> codes = CodesOf(2019);  // all 29
  const std::string csv = Header("province,year", codes) +
                          Row("A,2019", codes, "1.0", "5.1", "2.0") + Row("B,2019", codes, "1.0") +
                          Row("A,2020", codes, "0.5") + Row("B,2020", codes, "0.6");
  Result<std::vector<ScoreRow>> rows = ParseScoreTable(csv, Cat(), ScoreTableKind::kProvincial);
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  const std::vector<RankedRow> ranked = RankByYear(*rows);
  EXPECT_EQ(ranked[0].aggregate->rank, 1);
  EXPECT_EQ(ranked[1].aggregate->rank, 2);
  EXPECT_EQ(ranked[2].aggregate->rank, 2);
  EXPECT_EQ(ranked[3].aggregate->rank, 1);
  EXPECT_EQ(ranked[3].aggregate->ranked, 2);
  EXPECT_EQ(ranked[0].dimensions[4]->rank, 1);
  EXPECT_EQ(ranked[1].dimensions[4]->rank, 2);
  EXPECT_EQ(ranked[0].dimensions[0]->rank, 1);  // D1 ties
  EXPECT_EQ(ranked[1].dimensions[0]->rank, 1);
}

TEST(ScoreTableTest, UnitsFileMayBeAProvincialFile) {
  const std::vector<std::string> codes = CodesOf(2022);
  const std::string csv = Header("province,year", codes) + Row("Hưng Yên,2022", codes, "1.0");
  Result<std::vector<ScoreRow>> rows = ParseScoreTable(csv, Cat(), ScoreTableKind::kUnits);
  ASSERT_TRUE(rows.has_value()) << rows.error().message;
  EXPECT_EQ((*rows)[0].unit, "Hưng Yên");
  EXPECT_EQ((*rows)[0].year, 2022);
  // With a unit column, a province column is carried along and not read as scores.
  const std::string both =
      Header("unit,province", CodesOf(0)) + Row("Xã A,Hưng Yên", CodesOf(0), "1");
  EXPECT_TRUE(Problems(both, ScoreTableKind::kUnits).empty());
}

TEST(ScoreTableTest, RangeDependsOnTheYearsK) {
  // Dimension 5 has K = 4 up to 2020 (range 0.25-2.5) and K = 3 from 2021 (0.3333-3.3333).
  const std::vector<std::string> y2020 = CodesOf(2020);
  const std::vector<std::string> y2022 = CodesOf(2022);
  EXPECT_EQ(Problems(Header("province,year", y2020) + Row("A,2020", y2020, "1", "5.1", "2.6"),
                     ScoreTableKind::kProvincial),
            std::vector<std::string>{
                "dòng 2, cột 18 (5.1): điểm 2.6 ngoài khoảng 0.2500–2.5000 của nội dung thành "
                "phần (chỉ số nội dung 5 có 4 nội dung thành phần)"});
  EXPECT_TRUE(Problems(Header("province,year", y2022) + Row("A,2022", y2022, "1", "5.1", "2.6"),
                       ScoreTableKind::kProvincial)
                  .empty());
  // 1/3 published as 0.3333 is within rounding; 0.3332 is not.
  EXPECT_TRUE(Problems(Header("province,year", y2022) + Row("A,2022", y2022, "1", "7.3", "0.3333"),
                       ScoreTableKind::kProvincial)
                  .empty());
  EXPECT_EQ(Problems(Header("province,year", y2022) + Row("A,2022", y2022, "1", "7.3", "0.3332"),
                     ScoreTableKind::kProvincial)
                .size(),
            1u);
}

TEST(ScoreTableTest, RefusesBadFilesNamingLineAndColumn) {
  const std::vector<std::string> codes = CodesOf(2022);
  const std::string header = Header("province,year,5.2", codes);
  // `lead` ends with the 5.2 cell; every sub-dimension is 1.2 except `code`, which is `value`.
  auto row = [&](const std::string& lead, const std::string& code, const std::string& value) {
    return Row(lead, codes, "1.2", code, value);
  };
  EXPECT_EQ(Problems(Header("province,year,SC11", codes), ScoreTableKind::kProvincial),
            std::vector<std::string>{
                "dòng 1, cột 3 (SC11): không phải mã nội dung thành phần PAPI (dạng d.k, ví dụ "
                "1.1) hay cột province, year"});
  EXPECT_EQ(Problems(Header("province,year,9.1", codes), ScoreTableKind::kProvincial).size(), 1u);
  EXPECT_EQ(Problems(Header("province", codes) + Row("A", codes, "1"), ScoreTableKind::kProvincial),
            std::vector<std::string>{"dòng 1: thiếu cột year"});
  EXPECT_EQ(Problems(Header("name", codes) + Row("A", codes, "1"), ScoreTableKind::kUnits).size(),
            2u);  // no unit column, and "name" is not a code
  EXPECT_EQ(Problems(Header("province,year", codes), ScoreTableKind::kProvincial),
            std::vector<std::string>{"dòng 1: không có dòng dữ liệu nào"});

  // Header "province,year,5.2,1.1,...": 5.2 is column 3, 1.1 column 4, 8.2 column 30.
  const std::string csv = header + row("A,2022,", "1.1", "abc") +  // line 2
                          row("B,2022,", "1.1", "\"1,5\"") +       // line 3
                          row("C,2022,2.0", "", "") +              // line 4: 5.2 given
                          row("D,2022,", "8.2", "3.4") +           // line 5
                          row("A,2022,", "", "") +                 // line 6
                          row(",2022,", "", "") +                  // line 7
                          row("E,2017,", "", "") +                 // line 8
                          row("F,2022,", "", "");                  // fine
  const std::vector<std::string> want = {
      "dòng 2, cột 4 (1.1): 'abc' không phải là số (dùng dấu chấm thập phân, ví dụ 1.1268)",
      "dòng 3, cột 4 (1.1): '1,5' không phải là số (dùng dấu chấm thập phân, ví dụ 1.1268)",
      "dòng 4, cột 3 (5.2): năm 2022 không có nội dung thành phần này; để trống ô",
      std::string("dòng 5, cột 30 (8.2): điểm 3.4 ngoài khoảng 0.3333–3.3333 của nội dung ") +
          "thành phần (chỉ số nội dung 8 có 3 nội dung thành phần)",
      "dòng 6, cột 1 (province): đơn vị 'A' lặp lại trong năm 2022",
      "dòng 7, cột 1 (province): thiếu tên đơn vị",
      std::string("dòng 8, cột 2 (year): năm phải là số có 4 chữ số, từ 2018 (thiết kế 8 chỉ ") +
          "số nội dung), không phải '2017'",
  };
  EXPECT_EQ(Problems(csv, ScoreTableKind::kProvincial), want);
  // An unquoted decimal comma splits the record: the CSV reader refuses the file at that line.
  const std::vector<std::string> split =
      Problems(header + row("B,2022,", "1.1", "1,5"), ScoreTableKind::kProvincial);
  ASSERT_EQ(split.size(), 1u);
  EXPECT_NE(split[0].find("dòng 2"), std::string::npos) << split[0];
}

TEST(ScoreTableTest, MissingColumnAndDroppedSubDimension) {
  // 2019 needs 5.2 and 8.3; a file without 8.3 is refused once for the year, not once a row.
  std::vector<std::string> codes = CodesOf(2019);
  codes.pop_back();
  const std::string csv =
      Header("province,year", codes) + Row("A,2019", codes, "1") + Row("B,2019", codes, "1");
  EXPECT_EQ(Problems(csv, ScoreTableKind::kProvincial),
            std::vector<std::string>{"dòng 2: thiếu cột 8.3 (Phúc đáp của chính quyền qua cổng "
                                     "thông tin điện tử), nội dung thành phần của năm 2019"});
  // Without a year every row needs the same columns: one problem, at the header.
  EXPECT_EQ(
      Problems("unit,1.1,8.1,8.2\nA,x,1,1\nB,1,1,1\n", ScoreTableKind::kUnits),
      (std::vector<std::string>{
          "dòng 1: thiếu cột 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 2.4, 3.1, 3.2, 3.3, 4.1, 4.2, 4.3, "
          "4.4, 5.1, 5.3, 5.4, 6.1, 6.2, 6.3, 6.4, 7.1, 7.2, 7.3, 8.3",
          "dòng 2, cột 2 (1.1): 'x' không phải là số (dùng dấu chấm thập phân, ví dụ 1.1268)"}));
  // Without a year, 5.2 (dropped after 2020) must stay blank.
  const std::vector<std::string> now = CodesOf(0);
  EXPECT_EQ(Problems(Header("unit,5.2", now) + "A,1.0" + Row("", now, "1"), ScoreTableKind::kUnits),
            std::vector<std::string>{
                "dòng 2, cột 2 (5.2): nội dung thành phần này không còn áp dụng; để trống ô"});
}

}  // namespace
}  // namespace xaso::papi
