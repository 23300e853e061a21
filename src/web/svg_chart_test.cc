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

}  // namespace
}  // namespace xaso::web
