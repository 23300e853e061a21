// Charts drawn on the server as SVG (PRODUCT.md decision 8): the same markup in pages and in
// PDF reports, no script, readable without colour (every bar carries its value as text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xaso::web {

struct Bar {
  std::string label;  // left of the bar
  int percent = 0;    // 0–100, the bar's length
  std::string note;   // right of the bar, e.g. "12/15 xong · 2 quá hạn"
  bool warn = false;  // drawn hatched as well as in the warning colour
};

// Horizontal progress bars, one row each, with a title for screen readers. Text is escaped.
std::string ProgressBarsSvg(const std::string& title, const std::vector<Bar>& bars);

struct CountBar {
  std::string label;  // above the bar
  int64_t count = 0;
};

// Horizontal bars of counts out of `total` (the people who answered a question): each bar's
// length is its share of `total`, and the count and the share are written after it ("12 ·
// 40%"). Shares of a multiple-choice question add up to more than 100%; a bar never passes
// the full length. `id` ([a-z0-9-]) makes the title's element id unique on a page that holds
// several charts. Text is escaped.
std::string CountBarsSvg(std::string_view id, const std::string& title,
                         const std::vector<CountBar>& bars, int64_t total);

}  // namespace xaso::web
