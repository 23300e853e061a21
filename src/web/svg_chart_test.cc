#include "web/svg_chart.h"

#include <gtest/gtest.h>

namespace xaso::web {
namespace {

TEST(SvgChartTest, BarsCarryTheirValueAsTextAndEscapeLabels) {
  const std::string svg = ProgressBarsSvg(
      "Tiến độ <theo> lĩnh vực",
      {{"Công khai & minh bạch", 75, "3/4 xong", false}, {"Môi trường", 140, "1 quá hạn", true}});
  EXPECT_NE(svg.find("<title id=\"chart-title\">Tiến độ &lt;theo&gt; lĩnh vực</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("Công khai &amp; minh bạch"), std::string::npos);
  EXPECT_NE(svg.find(">75% · 3/4 xong</text>"), std::string::npos);
  // Values outside 0–100 are clamped; a warning bar is hatched, not only coloured.
  EXPECT_NE(svg.find(">100% · 1 quá hạn</text>"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"url(#hatch)\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"135\""), std::string::npos);  // 75% of 180
  EXPECT_EQ(svg.find("style="), std::string::npos);         // CSP: no inline styles
}

TEST(SvgChartTest, CountBarsShowCountAndShareOfThoseWhoAnswered) {
  const std::string svg =
      CountBarsSvg("q-papi_1", "Câu <1>", {{"Có & đúng", 3}, {"Không", 1}, {"Không biết", 0}}, 4);
  EXPECT_NE(svg.find("aria-labelledby=\"chart-q-papi_1\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"chart-q-papi_1\">Câu &lt;1&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("Có &amp; đúng"), std::string::npos);
  EXPECT_NE(svg.find(">3 · 75%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">1 · 25%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">0 · 0%</text>"), std::string::npos);
  EXPECT_NE(svg.find("width=\"180\" height"), std::string::npos);  // 3/4 of 240
  EXPECT_NE(svg.find("width=\"60\" height"), std::string::npos);   // 1/4 of 240
  EXPECT_EQ(svg.find("style="), std::string::npos);
}

TEST(SvgChartTest, CountBarsRoundSharesAndNeverOverflow) {
  // A multiple-choice question: 3 people, one option ticked by all, one by 2 of 3 (67%).
  const std::string svg = CountBarsSvg("m", "t", {{"a", 3}, {"b", 2}, {"c", 5}}, 3);
  EXPECT_NE(svg.find(">2 · 67%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">5 · 167%</text>"), std::string::npos);
  EXPECT_EQ(svg.find("width=\"400\""), std::string::npos);  // clamped to 240
  // Nobody answered: every bar empty, no division by zero.
  const std::string none = CountBarsSvg("n", "t", {{"a", 0}}, 0);
  EXPECT_NE(none.find(">0 · 0%</text>"), std::string::npos);
  EXPECT_NE(none.find("width=\"0\""), std::string::npos);
}

}  // namespace
}  // namespace xaso::web
