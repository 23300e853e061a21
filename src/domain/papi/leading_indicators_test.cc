#include "domain/papi/leading_indicators.h"

#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/papi/problem_lines_for_test.h"

namespace xaso::papi {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kHeader = "code,subdimension,label_vi,label_en,source\n";

TEST(LeadingIndicatorsTest, ShippedMappingCoversEveryCountOnceWithKnownSubDimensions) {
  const auto& mappings = DefaultLeadingMappings();
  std::set<std::string> codes;
  for (const auto& m : mappings) {
    codes.insert(m.code);
    EXPECT_NE(Catalogue::Default().Find(m.subdimension), nullptr) << m.code;
    EXPECT_FALSE(m.source.empty()) << m.code;
  }
  EXPECT_EQ(codes, (std::set<std::string>{"dossier_on_time", "dossier_satisfied",
                                          "feedback_on_time", "plan_task_on_time"}));
  EXPECT_EQ(mappings.size(), codes.size());
}

TEST(LeadingIndicatorsTest, ShippedMappingSendsEachCountToItsSubDimension) {
  std::map<std::string, std::string> sub;
  for (const auto& m : DefaultLeadingMappings()) sub[m.code] = m.subdimension;
  EXPECT_EQ(sub["dossier_on_time"], "5.4");
  EXPECT_EQ(sub["dossier_satisfied"], "5.4");
  EXPECT_EQ(sub["feedback_on_time"], "3.2");
  EXPECT_EQ(sub["plan_task_on_time"], "2.1");
}

TEST(LeadingIndicatorsTest, UnknownSubDimensionIsRefusedWithLineAndColumn) {
  const std::string csv = std::string(kHeader) + "feedback_on_time,3.9,Phản ánh,Feedback,x\n";
  const auto lines = ProblemLines(ParseLeadingMappings(csv, Catalogue::Default()));
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_THAT(lines[0], HasSubstr("dòng 2"));
  EXPECT_THAT(lines[0], HasSubstr("subdimension"));
  EXPECT_THAT(lines[0], HasSubstr("'3.9'"));
}

TEST(LeadingIndicatorsTest, UnknownRepeatedCodesAndEmptyLabelsAreAllReported) {
  const std::string csv = std::string(kHeader) +
                          "budget_on_time,2.3,Ngân sách,Budget,x\n"
                          "feedback_on_time,3.2,Phản ánh,Feedback,x\n"
                          "feedback_on_time,3.2,,,x\n";
  const auto lines = ProblemLines(ParseLeadingMappings(csv, Catalogue::Default()));
  ASSERT_EQ(lines.size(), 4U);
  EXPECT_THAT(lines[0], HasSubstr("'budget_on_time'"));
  EXPECT_THAT(lines[1], HasSubstr("lặp lại"));
  EXPECT_THAT(lines[2], HasSubstr("label_vi"));
  EXPECT_THAT(lines[3], HasSubstr("label_en"));
}

TEST(LeadingIndicatorsTest, MissingColumnIsRefused) {
  EXPECT_FALSE(ParseLeadingMappings("code,subdimension,label_vi,label_en\n", Catalogue::Default())
                   .has_value());
}

TEST(LeadingIndicatorsTest, SharesFollowTheCountsAndZeroDenominatorsHaveNone) {
  const std::vector<LeadingMapping> mappings = {
      {"dossier_on_time", "5.4", "Hồ sơ", "Dossiers", ""},
      {"feedback_on_time", "3.2", "Phản ánh", "Feedback", ""},
      {"plan_task_on_time", "2.1", "Nhiệm vụ", "Tasks", ""},
  };
  const auto out = ComputeLeadingIndicators(
      mappings, {{"dossier_on_time", {3, 4}}, {"feedback_on_time", {0, 0}}});
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[0].code, "dossier_on_time");
  EXPECT_EQ(out[0].subdimension, "5.4");
  EXPECT_EQ(out[0].numerator, 3);
  EXPECT_EQ(out[0].denominator, 4);
  ASSERT_TRUE(out[0].share.has_value());
  EXPECT_DOUBLE_EQ(*out[0].share, 0.75);
  EXPECT_FALSE(out[1].share.has_value());
  // No counts at all (nothing of that kind in the period): 0 ÷ 0, not 0%.
  EXPECT_EQ(out[2].denominator, 0);
  EXPECT_FALSE(out[2].share.has_value());
  for (const auto& li : out) EXPECT_EQ(li.note, "chỉ báo gần đúng, không phải điểm PAPI");
}

TEST(LeadingIndicatorsTest, AllDoneIsAShareOfOne) {
  const auto out = ComputeLeadingIndicators({{"dossier_satisfied", "5.4", "a", "b", ""}},
                                            {{"dossier_satisfied", {7, 7}}});
  ASSERT_EQ(out.size(), 1U);
  ASSERT_TRUE(out[0].share.has_value());
  EXPECT_DOUBLE_EQ(*out[0].share, 1.0);
}

TEST(LeadingIndicatorsTest, TasksCountOnceDecidedWithinThePeriod) {
  const Date today = Date::FromYmd(2026, 6, 15);
  const auto d = [](int m, int day) { return Date::FromYmd(2026, m, day); };
  const std::vector<TaskOutcome> tasks = {
      {d(3, 31), true, d(3, 31)},  // done on the deadline: on time
      {d(4, 30), true, d(5, 2)},   // done after it: late
      {d(5, 31), false, {}},       // not done, deadline passed: late
      {d(6, 30), false, {}},       // not done, deadline to come: not counted
      {d(6, 30), true, d(6, 1)},   // done early, deadline to come: on time
      {d(6, 15), false, {}},       // due today, not done: not late yet
      {d(2, 28), true, d(2, 1)},   // before the period
      {d(7, 31), true, d(6, 1)},   // after the period
  };
  const Ratio r = CountTasksOnTime(tasks, "2026-03", "2026-06", today);
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 4);
  EXPECT_EQ(CountTasksOnTime({}, "2026-01", "2026-12", today).denominator, 0);
}

}  // namespace
}  // namespace xaso::papi
