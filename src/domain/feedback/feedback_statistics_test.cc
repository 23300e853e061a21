#include "domain/feedback/feedback_statistics.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::feedback {
namespace {

using calendar::testing::D;

TEST(FeedbackStatisticsTest, MedianOfNothingOneItemOddAndEvenCounts) {
  EXPECT_FALSE(Median({}).has_value());
  EXPECT_FALSE(Median({{3, 0}}).has_value());
  EXPECT_EQ(*Median({{7, 1}}), 7);
  EXPECT_EQ(*Median({{1, 1}, {2, 1}, {9, 1}}), 2);  // 1 2 9
  EXPECT_EQ(*Median({{2, 1}, {5, 1}}), 3.5);        // 2 5
  EXPECT_EQ(*Median({{2, 2}, {4, 2}}), 3);          // 2 2 4 4
  EXPECT_EQ(*Median({{2, 3}, {4, 1}}), 2);          // 2 2 2 4
}

TEST(FeedbackStatisticsTest, NinetiethPercentileByNearestRank) {
  EXPECT_FALSE(Percentile({}, 90).has_value());
  EXPECT_EQ(*Percentile({{4, 1}}, 90), 4);
  // 1..10 once each: the 9th value.
  DayHistogram ten;
  for (int d = 1; d <= 10; ++d) ten[d] = 1;
  EXPECT_EQ(*Percentile(ten, 90), 9);
  // 11 items: rank ceil(9.9) = 10.
  ten[20] = 1;
  EXPECT_EQ(*Percentile(ten, 90), 10);
  // 9 quick answers and one slow: the slow one is the 10 %, not the 90th percentile.
  EXPECT_EQ(*Percentile({{1, 9}, {30, 1}}, 90), 1);
  EXPECT_EQ(*Percentile({{1, 8}, {30, 2}}, 90), 30);
}

TEST(FeedbackStatisticsTest, SharesAreUnknownWithoutItems) {
  EXPECT_FALSE(Share(0, 0).has_value());
  EXPECT_DOUBLE_EQ(*Share(3, 4), 0.75);
}

TEST(FeedbackStatisticsTest, MonthsAreYearDashMonth) {
  EXPECT_TRUE(IsMonth("2024-02"));
  EXPECT_TRUE(IsMonth("2024-12"));
  for (const char* bad : {"", "2024-13", "2024-00", "2024-2", "2024/02", "24-02-01", "abcd-ef"}) {
    EXPECT_FALSE(IsMonth(bad)) << bad;
  }
}

TEST(FeedbackStatisticsTest, AnswerTimeCountsWorkingDaysAfterReceiptAcrossTet) {
  const auto cal = calendar::testing::SeedCalendar();
  // Received Monday 05/02/2024, due 26/02 (10 working days, Tết 08–14/02 not counted).
  const Date received = D("2024-02-05"), due = D("2024-02-26");
  EXPECT_EQ(TimeToAnswer(received, due, received, cal), (AnswerTime{0, true}));
  EXPECT_EQ(TimeToAnswer(received, due, D("2024-02-07"), cal), (AnswerTime{2, true}));
  EXPECT_EQ(TimeToAnswer(received, due, D("2024-02-15"), cal), (AnswerTime{3, true}));
  EXPECT_EQ(TimeToAnswer(received, due, due, cal), (AnswerTime{10, true}));
  EXPECT_EQ(TimeToAnswer(received, due, D("2024-02-27"), cal), (AnswerTime{11, false}));
}

TEST(FeedbackStatisticsTest, SummarizeAddsTheRowsUp) {
  const std::vector<CountRow> counts = {
      {1, 10, ItemStatus::kAnswered, Rating::kSatisfied, 3},
      {1, 10, ItemStatus::kClosed, Rating::kUnsatisfied, 1},
      {2, 0, ItemStatus::kReceived, Rating::kNone, 5},
      {1, 10, ItemStatus::kInProgress, Rating::kNone, 2},
  };
  const std::vector<MonthRow> months = {{"2024-01", 4}, {"2024-02", 7}};
  const std::vector<AnswerTimeRow> times = {{{2, true}, 3}, {{12, false}, 1}};
  const Statistics st = Summarize(counts, months, times);
  EXPECT_EQ(st.total, 11);
  EXPECT_EQ(st.by_category.at(1), 6);
  EXPECT_EQ(st.by_category.at(2), 5);
  EXPECT_EQ(st.by_unit.at(0), 5);
  EXPECT_EQ(st.by_unit.at(10), 6);
  EXPECT_EQ(st.by_status.at(ItemStatus::kReceived), 5);
  EXPECT_EQ(st.by_status.count(ItemStatus::kForwarded), 0);
  EXPECT_EQ(st.by_month.at("2024-01"), 4);
  EXPECT_EQ(st.by_month.at("2024-02"), 7);
  EXPECT_EQ(st.answered, 4);
  EXPECT_EQ(st.on_time, 3);
  EXPECT_DOUBLE_EQ(*st.OnTimeShare(), 0.75);
  EXPECT_EQ(*st.median_days, 2);
  EXPECT_EQ(*st.p90_days, 12);
  EXPECT_EQ(st.satisfied, 3);
  EXPECT_EQ(st.unsatisfied, 1);
  EXPECT_DOUBLE_EQ(*st.SatisfiedShare(), 0.75);
  const Statistics none = Summarize({}, {}, {});
  EXPECT_EQ(none.total, 0);
  EXPECT_FALSE(none.OnTimeShare().has_value());
  EXPECT_FALSE(none.median_days.has_value());
  EXPECT_FALSE(none.SatisfiedShare().has_value());
}

}  // namespace
}  // namespace xaso::feedback
