#include "domain/papi/indicator_catalogue.h"

#include <array>
#include <utility>

#include "core/csv.h"
#include "core/embedded.h"
#include "core/text.h"
#include "domain/papi/cells.h"

namespace xaso::papi {
namespace {

constexpr std::string_view kIndicatorsFile = "indicators.csv";
constexpr std::array<std::string_view, 8> kColumns = {"indicator", "subdimension", "dimension",
                                                      "lower",     "upper",        "direction",
                                                      "label_vi",  "label_en"};

}  // namespace

IndicatorCatalogue::IndicatorCatalogue(std::vector<Indicator> indicators)
    : indicators_(std::move(indicators)) {
  for (size_t i = 0; i < indicators_.size(); ++i) index_.emplace(indicators_[i].code, i);
}

const IndicatorCatalogue& IndicatorCatalogue::Default() {
  static const IndicatorCatalogue kDefault = [] {
    std::string_view text;
    for (const EmbeddedFile& f : EmbeddedPapiCatalogue()) {
      if (f.path == kIndicatorsFile) text = f.data;
    }
    Result<IndicatorCatalogue> parsed = Parse(text, Catalogue::Default());
    XASO_CHECK(parsed.has_value());
    return std::move(parsed).value();
  }();
  return kDefault;
}

Result<IndicatorCatalogue> IndicatorCatalogue::Parse(std::string_view csv,
                                                     const Catalogue& catalogue) {
  XASO_ASSIGN_OR_RETURN(CsvTable table, ParseCsvWithHeader(csv, kColumns));
  std::vector<Indicator> indicators;
  std::map<std::string, int, std::less<>> line_of_code;
  for (const CsvRow& row : table.rows) {
    Indicator ind;
    ind.code = table.Field(row, "indicator");
    if (Trim(ind.code).empty()) return CellError(row.line, "indicator", "thiếu mã chỉ tiêu");
    if (auto [it, inserted] = line_of_code.emplace(ind.code, row.line); !inserted) {
      return CellError(
          row.line, "indicator",
          "mã " + ind.code + " lặp lại (đã có ở dòng " + std::to_string(it->second) + ")");
    }
    ind.subdimension = table.Field(row, "subdimension");
    const SubDimension* sub = catalogue.Find(ind.subdimension);
    if (sub == nullptr) {
      return CellError(row.line, "subdimension",
                       "không có nội dung thành phần '" + ind.subdimension + "'");
    }
    const std::string& dimension = table.Field(row, "dimension");
    if (dimension != std::to_string(sub->dimension)) {
      return CellError(row.line, "dimension",
                       "nội dung thành phần " + sub->code + " thuộc chỉ số nội dung " +
                           std::to_string(sub->dimension) + ", không phải '" + dimension + "'");
    }
    ind.dimension = sub->dimension;
    for (std::string_view column : {"lower", "upper"}) {
      const std::string& text = table.Field(row, column);
      const std::optional<double> value = ParseFinite(text);
      if (!value) return CellError(row.line, column, "'" + text + "' không phải là số");
      (column == "lower" ? ind.lower : ind.upper) = *value;
    }
    if (!(ind.lower < ind.upper)) {
      return CellError(row.line, "upper", "cận trên phải lớn hơn cận dưới");
    }
    const std::string& direction = table.Field(row, "direction");
    if (direction == "positive") {
      ind.direction = Direction::kPositive;
    } else if (direction == "negative") {
      ind.direction = Direction::kNegative;
    } else {
      return CellError(row.line, "direction",
                       "phải là positive hoặc negative, không phải '" + direction + "'");
    }
    ind.label_vi = table.Field(row, "label_vi");
    if (Trim(ind.label_vi).empty()) return CellError(row.line, "label_vi", "thiếu tên chỉ tiêu");
    ind.label_en = table.Field(row, "label_en");
    indicators.push_back(std::move(ind));
  }
  return IndicatorCatalogue(std::move(indicators));
}

std::optional<size_t> IndicatorCatalogue::IndexOf(std::string_view code) const {
  auto it = index_.find(code);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace xaso::papi
