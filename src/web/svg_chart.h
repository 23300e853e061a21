// Charts drawn on the server as SVG (PRODUCT.md decision 8): the same markup in pages and in
// PDF reports, no script, readable without colour (every bar carries its value as text).
#pragma once

#include <string>
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

}  // namespace xaso::web
