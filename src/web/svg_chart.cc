#include "web/svg_chart.h"

#include <algorithm>

#include "web/form.h"

namespace xaso::web {

std::string ProgressBarsSvg(const std::string& title, const std::vector<Bar>& bars) {
  constexpr int kRow = 42, kBarW = 180, kWidth = 420, kTop = 4;
  const int height = kTop + static_cast<int>(bars.size()) * kRow;
  std::string svg;
  svg.reserve(512 + bars.size() * 600);
  // Labels sit above their bars so that long Vietnamese names never collide on a phone.
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) +
         "\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">" + EscapeHtml(title) +
         "</title><defs><pattern id=\"hatch\" width=\"6\" height=\"6\" "
         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" "
         "height=\"6\" fill=\"#b3261e\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
         "stroke=\"#fff\" stroke-width=\"2\"/></pattern></defs>";
  int y = kTop;
  for (const Bar& b : bars) {
    const int pct = std::clamp(b.percent, 0, 100);
    const int w = kBarW * pct / 100;
    svg += "<g><text x=\"0\" y=\"" + std::to_string(y + 11) +
           "\" font-size=\"12\" fill=\"#1b1b1b\">" + EscapeHtml(b.label) + "</text>";
    svg += "<rect x=\"0\" y=\"" + std::to_string(y + 16) + "\" width=\"" + std::to_string(kBarW) +
           "\" height=\"12\" fill=\"#e6e6e6\" stroke=\"#767676\" stroke-width=\"0.5\"/>";
    svg += "<rect x=\"0\" y=\"" + std::to_string(y + 16) + "\" width=\"" + std::to_string(w) +
           "\" height=\"12\" fill=\"" + (b.warn ? "url(#hatch)" : "#1a5e20") + "\"/>";
    svg += "<text x=\"" + std::to_string(kBarW + 6) + "\" y=\"" + std::to_string(y + 26) +
           "\" font-size=\"12\" fill=\"#1b1b1b\">" + std::to_string(pct) + "%" +
           (b.note.empty() ? "" : " · " + EscapeHtml(b.note)) + "</text></g>";
    y += kRow;
  }
  svg += "</svg>";
  return svg;
}

std::string CountBarsSvg(std::string_view id, const std::string& title,
                         const std::vector<CountBar>& bars, int64_t total) {
  constexpr int kRow = 42, kBarW = 240, kWidth = 420, kTop = 4;
  const int height = kTop + static_cast<int>(bars.size()) * kRow;
  const std::string title_id = "chart-" + EscapeHtml(id);
  std::string svg;
  svg.reserve(512 + bars.size() * 400);
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" aria-labelledby=\"" +
         title_id + "\"><title id=\"" + title_id + "\">" + EscapeHtml(title) + "</title>";
  int y = kTop;
  for (const CountBar& b : bars) {
    const int64_t count = std::max<int64_t>(b.count, 0);
    // Whole percent, rounded half up; an empty question shows 0%.
    const int64_t pct = total > 0 ? (count * 100 + total / 2) / total : 0;
    const int64_t w = total > 0 ? std::min<int64_t>(kBarW, kBarW * count / total) : 0;
    svg += "<g><text x=\"0\" y=\"" + std::to_string(y + 11) +
           "\" font-size=\"12\" fill=\"#1b1b1b\">" + EscapeHtml(b.label) + "</text>";
    svg += "<rect x=\"0\" y=\"" + std::to_string(y + 16) + "\" width=\"" + std::to_string(kBarW) +
           "\" height=\"12\" fill=\"#e6e6e6\" stroke=\"#767676\" stroke-width=\"0.5\"/>";
    svg += "<rect x=\"0\" y=\"" + std::to_string(y + 16) + "\" width=\"" + std::to_string(w) +
           "\" height=\"12\" fill=\"#1a5e20\"/>";
    svg += "<text x=\"" + std::to_string(kBarW + 6) + "\" y=\"" + std::to_string(y + 26) +
           "\" font-size=\"12\" fill=\"#1b1b1b\">" + std::to_string(count) + " · " +
           std::to_string(pct) + "%</text></g>";
    y += kRow;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace xaso::web
