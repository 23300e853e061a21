#include "domain/onestop/dossier_statistics.h"

#include <gtest/gtest.h>

namespace xaso::onestop {
namespace {

StatisticsCount Count(std::string procedure, std::string status, std::string timeliness,
                      int64_t n) {
  StatisticsCount c;
  c.month = "2026-11";
  c.procedure_code = std::move(procedure);
  c.procedure_name = "Thủ tục " + c.procedure_code;
  c.field = "Hộ tịch";
  c.unit_code = "tu_phap";
  c.status = std::move(status);
  c.timeliness = std::move(timeliness);
  c.n = n;
  return c;
}

TEST(DossierStatisticsTest, SumsFinishedUnfinishedAndPoints) {
  const Date today = *Date::ParseIso("2026-11-20");
  std::vector<StatisticsCount> counts = {
      Count("1.1", "returned", "early", 3),
      Count("1.1", "result_ready", "on_time", 1),
      Count("1.1", "returned", "late", 1),
      Count("1.1", "processing", "", 2),
      Count("1.1", "assigned", "", 4),
      Count("2.2", "refused", "", 1),
      Count("2.2", "supplement_requested", "", 1),
  };
  counts[3].due_on = *Date::ParseIso("2026-11-19");  // overdue
  counts[4].due_on = today;                          // still within time today
  counts[0].satisfaction = "very_satisfied";
  counts[2].satisfaction = "not_satisfied";

  const Statistics s = SumStatistics(counts, StatisticsBy::kProcedure, today);
  ASSERT_EQ(s.lines.size(), 2u);
  const StatisticsLine& a = s.lines[0];
  EXPECT_EQ(a.key, "1.1");
  EXPECT_EQ(a.name, "Thủ tục 1.1");
  EXPECT_EQ(a.received, 11);
  EXPECT_EQ(a.finished.early, 3);
  EXPECT_EQ(a.finished.on_time, 1);
  EXPECT_EQ(a.finished.late, 1);
  EXPECT_EQ(a.overdue_now, 2);
  EXPECT_EQ(a.within_time, 4);
  EXPECT_DOUBLE_EQ(*a.timeliness_points(), 4.0 / 5.0 * 20.0);
  EXPECT_DOUBLE_EQ(*a.satisfaction_points(), 3.0 / 4.0 * 18.0);
  const StatisticsLine& b = s.lines[1];
  EXPECT_EQ(b.refused, 1);
  EXPECT_EQ(b.within_time, 1);  // waiting for a supplement: no running clock, never overdue
  EXPECT_FALSE(b.timeliness_points().has_value());
  EXPECT_FALSE(b.satisfaction_points().has_value());
  EXPECT_EQ(s.total.received, 13);
  EXPECT_EQ(s.total.overdue_now, 2);
}

TEST(DossierStatisticsTest, GroupsByFieldUnitAndMonth) {
  std::vector<StatisticsCount> counts = {Count("1.1", "received", "", 1),
                                         Count("2.2", "received", "", 2)};
  counts[1].field = "Chứng thực";
  counts[1].month = "2026-10";
  const Date today = *Date::ParseIso("2026-11-20");
  EXPECT_EQ(SumStatistics(counts, StatisticsBy::kField, today).lines.size(), 2u);
  EXPECT_EQ(SumStatistics(counts, StatisticsBy::kUnit, today).lines.size(), 1u);
  const auto by_month = SumStatistics(counts, StatisticsBy::kMonth, today);
  ASSERT_EQ(by_month.lines.size(), 2u);
  EXPECT_EQ(by_month.lines[0].key, "2026-10");
  EXPECT_EQ(by_month.lines[0].received, 2);
  EXPECT_TRUE(by_month.lines[0].name.empty());
}

}  // namespace
}  // namespace xaso::onestop
