#include "domain/survey/response_csv.h"

#include <gtest/gtest.h>

#include "domain/survey/survey_testing.h"

namespace xaso::survey {
namespace {

using testing::Example;
using testing::FieldNames;

// 27/11/2026 09:30 in Vietnam.
constexpr int64_t kAt = 1795746600;
constexpr int64_t kNow = 1800000000;

TEST(SurveyResponseCsvTest, WritesOneLinePerResponseInSurveyOrder) {
  Response r;
  r.channel = Channel::kInterview;
  r.submitted_at = kAt;
  r.weight = 1.5;
  r.answers = {{"q1", {"co"}}, {"q2", {"a", "c"}}, {"q4", {"3"}}, {"q6", {"Tốt, \"rất\" tốt"}}};
  const std::string csv = WriteResponsesCsv(Example(), std::span(&r, 1));
  EXPECT_EQ(csv,
            "channel,submitted_at,weight,q1,q2,q3,q4,q5,q6\n"
            "interview,27/11/2026 09:30,1.5,co,a|c,,3,,\"Tốt, \"\"rất\"\" tốt\"\n");
}

TEST(SurveyResponseCsvTest, RoundTrips) {
  std::vector<Response> in(3);
  in[0].channel = Channel::kWeb;
  in[0].submitted_at = kAt;
  in[0].answers = {{"q1", {"co"}}, {"q2", {"b"}}, {"q3", {"=1+2, dòng\nmới"}}, {"q4", {"5"}}};
  in[1].channel = Channel::kImport;
  in[1].submitted_at = kAt + 60;
  in[1].weight = 0.25;
  in[1].answers = {{"q1", {"khong"}}, {"q4", {"1"}}, {"q5", {"-0.5"}}, {"q6", {"-"}}};
  in[2].submitted_at = 0;  // 01/01/1970 07:00
  in[2].answers = {{"q4", {"2"}}};
  Survey s = Example();
  s.id = 9;
  s.questions[4].min = -1;
  const auto out = ParseResponsesCsv(s, WriteResponsesCsv(s, in), kNow);
  ASSERT_TRUE(out.has_value()) << FieldNames(out.error()).at(0) << out.error().fields[0].message;
  ASSERT_EQ(out->size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ((*out)[i].survey_id, 9);
    EXPECT_EQ((*out)[i].channel, in[i].channel) << i;
    EXPECT_EQ((*out)[i].submitted_at, in[i].submitted_at) << i;
    EXPECT_EQ((*out)[i].weight, in[i].weight) << i;
    EXPECT_EQ((*out)[i].answers, in[i].answers) << i;
  }
}

TEST(SurveyResponseCsvTest, EmptyCellsTakeTheDefaults) {
  const auto out = ParseResponsesCsv(Example(),
                                     "q4,weight,channel,submitted_at,q1,q2,q3,q5,q6\r\n"
                                     "4,,,,co,a|b,ghi chú,,\r\n",
                                     kNow);
  ASSERT_TRUE(out.has_value()) << out.error().fields.at(0).message;
  ASSERT_EQ(out->size(), 1U);
  const Response& r = out->front();
  EXPECT_EQ(r.channel, Channel::kImport);
  EXPECT_EQ(r.submitted_at, kNow);
  EXPECT_EQ(r.weight, 1);
  const Answers want = {{"q1", {"co"}}, {"q2", {"a", "b"}}, {"q3", {"ghi chú"}}, {"q4", {"4"}}};
  EXPECT_EQ(r.answers, want);
}

TEST(SurveyResponseCsvTest, AcceptsSpreadsheetDates) {
  const std::string head = "channel,submitted_at,weight,q1,q2,q3,q4,q5,q6\n";
  const auto out = ParseResponsesCsv(
      Example(), head + ",27/11/2026 09:30,,,,,3,,\n,7/1/2026 9:05,,,,,3,,\n,27/11/2026,,,,,3,,\n",
      kNow);
  ASSERT_TRUE(out.has_value()) << out.error().fields.at(0).message;
  EXPECT_EQ((*out)[0].submitted_at, kAt);
  EXPECT_EQ((*out)[1].submitted_at, 1767751500);  // 07/01/2026 09:05 +07
  EXPECT_EQ((*out)[2].submitted_at, kAt - 9 * 3600 - 30 * 60);
}

struct BadFile {
  const char* name;
  std::string csv;
  std::vector<std::string> fields;
};

TEST(SurveyResponseCsvTest, ErrorsNameLineAndColumnAndNothingIsRead) {
  const std::string head = "channel,submitted_at,weight,q1,q2,q3,q4,q5,q6\n";
  const BadFile cases[] = {
      {"empty", "", {"dòng 1"}},
      {"missing columns",
       "channel,weight,q1,q2,q3,q4,q5\n",
       {"dòng 1, cột submitted_at", "dòng 1, cột q6"}},
      {"repeated column", "channel,channel\n", {"dòng 1"}},
      {"unknown column", "channel,submitted_at,weight,q1,q2,q3,q4,q5,q6,q7\n", {"dòng 1, cột q7"}},
      {"wrong cell count", head + ",,,co,,,3,,\n,,,co,,,3\n", {"dòng 3"}},
      {"bad channel", head + "email,,,,,,3,,\n", {"dòng 2, cột channel"}},
      {"bad date", head + ",31/02/2026 10:00,,,,,3,,\n", {"dòng 2, cột submitted_at"}},
      {"bad time", head + ",27/11/2026 24:00,,,,,3,,\n", {"dòng 2, cột submitted_at"}},
      {"iso date", head + ",2026-11-27,,,,,3,,\n", {"dòng 2, cột submitted_at"}},
      {"zero weight", head + ",,0,,,,3,,\n", {"dòng 2, cột weight"}},
      {"bad weight", head + ",,nặng,,,,3,,\n", {"dòng 2, cột weight"}},
      {"answers",
       head + ",,,co,a|d,,3,,\n,,,,,,,,\n,,,,,,9,,\n",
       {"dòng 2, cột q2", "dòng 3, cột q4", "dòng 4, cột q4"}},
      {"single with a bar", head + ",,,co|khong,,,3,,\n", {"dòng 2, cột q1"}},
  };
  for (const BadFile& c : cases) {
    const auto out = ParseResponsesCsv(Example(), c.csv, kNow);
    ASSERT_FALSE(out.has_value()) << c.name;
    EXPECT_EQ(out.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(FieldNames(out.error()), c.fields) << c.name;
  }
}

TEST(SurveyResponseCsvTest, AtMostFiftyErrors) {
  std::string csv = "channel,submitted_at,weight,q1,q2,q3,q4,q5,q6\n";
  for (int i = 0; i < 60; ++i) csv += ",,,,,,,,\n";
  const auto out = ParseResponsesCsv(Example(), csv, kNow);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().fields.size(), 50U);
  EXPECT_EQ(out.error().fields[0].field, "dòng 2, cột q4");
}

}  // namespace
}  // namespace xaso::survey
