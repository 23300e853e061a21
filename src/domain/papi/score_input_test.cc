#include "domain/papi/score_input.h"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

namespace xaso::papi {
namespace {

TEST(ScoreInputTest, ReadsAggregateRows) {
  auto values = ParseAggregateCsv(
      "unit,indicator,value,n\nHà Nội,7.3.a,0.006069,720\n"
      "Hà Nội,7.3.b,0.01211,\n\"Hưng Yên, tỉnh\",7.3.c,1,15\n");
  ASSERT_TRUE(values.has_value()) << values.error().message;
  ASSERT_EQ(values->size(), 3u);
  EXPECT_EQ((*values)[0].unit, "Hà Nội");
  EXPECT_EQ((*values)[0].indicator, "7.3.a");
  EXPECT_EQ((*values)[0].value, 0.006069);
  EXPECT_EQ((*values)[0].answers, 720);
  EXPECT_EQ((*values)[0].line, 2);
  EXPECT_FALSE((*values)[1].answers);
  EXPECT_EQ((*values)[2].unit, "Hưng Yên, tỉnh");
  auto without_n = ParseAggregateCsv("indicator,value,unit\n7.3.a,0.5,X\n");
  ASSERT_TRUE(without_n.has_value());
  EXPECT_FALSE((*without_n)[0].answers);
}

TEST(ScoreInputTest, ReadsRespondentRows) {
  auto table = ParseRespondentCsv("unit,weight,7.3.a,7.3.b\nA,1.5,1,\nB,1,0,1\nA,2,,0\n");
  ASSERT_TRUE(table.has_value()) << table.error().message;
  EXPECT_EQ(table->columns, (std::vector<std::string>{"7.3.a", "7.3.b"}));
  EXPECT_EQ(table->units, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(table->unit_of, (std::vector<uint32_t>{0, 1, 0}));
  EXPECT_EQ(table->weights, (std::vector<double>{1.5, 1, 2}));
  EXPECT_EQ(table->lines, (std::vector<int>{2, 3, 4}));
  ASSERT_EQ(table->values.size(), 6u);
  EXPECT_EQ(table->values[0], 1);
  EXPECT_TRUE(std::isnan(table->values[1]));
  EXPECT_TRUE(std::isnan(table->values[4]));
  auto unweighted = ParseRespondentCsv("7.3.a,unit\n1,A\n");
  ASSERT_TRUE(unweighted.has_value());
  EXPECT_TRUE(unweighted->weights.empty());
  EXPECT_EQ(unweighted->columns, (std::vector<std::string>{"7.3.a"}));
}

TEST(ScoreInputTest, ErrorsNameTheLineAndTheColumn) {
  struct Case {
    bool respondent;
    std::string csv;
    std::string message;
  };
  const Case cases[] = {
      {false, "unit,indicator,value\nX,7.3.a,abc\n", "dòng 2, cột value: 'abc' không phải là số"},
      {false, "unit,indicator,value\nX,7.3.a,0.5\n,7.3.a,1\n", "dòng 3, cột unit: thiếu đơn vị"},
      {false, "unit,indicator,value,n\nX,7.3.a,0.5,1.5\n",
       "dòng 2, cột n: số người trả lời phải là số nguyên không âm"},
      {false, "unit,indicator,value,n\nX,7.3.a,0.5,-2\n",
       "dòng 2, cột n: số người trả lời phải là số nguyên không âm"},
      {true, "unit,7.3.a\nX,1\nX,0,5\n", "dòng 3: "},
      {true, "unit,7.3.a\nX,0\nX,yes\n", "dòng 3, cột 7.3.a: 'yes' không phải là số"},
      {true, "unit,weight,7.3.a\nX,,1\n", "dòng 2, cột weight: '' không phải là số"},
      {true, "unit,7.3.a\n  ,1\n", "dòng 2, cột unit: thiếu đơn vị"},
      {true, "7.3.a\n1\n", "unit"},
  };
  for (const Case& c : cases) {
    const std::string message = c.respondent ? ParseRespondentCsv(c.csv).error().message
                                             : ParseAggregateCsv(c.csv).error().message;
    if (c.message.size() < 12) {
      EXPECT_NE(message.find(c.message), std::string::npos) << message;
    } else {
      EXPECT_EQ(message, c.message);
    }
  }
}

}  // namespace
}  // namespace xaso::papi
