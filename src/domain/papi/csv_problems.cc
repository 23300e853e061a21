#include "domain/papi/csv_problems.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

#include "domain/papi/cells.h"

namespace xaso::papi {

void CsvProblems::Add(int line, size_t column, std::string_view name, std::string message) {
  ++count_;
  if (fields_.size() >= kMaxListed) return;
  std::string where = "dòng " + std::to_string(line);
  if (column != kNoColumn) {
    where += ", cột " + std::to_string(column + 1) + " (" + std::string(name) + ")";
  }
  fields_.push_back({std::move(where), std::move(message)});
}

Error CsvProblems::ToError() && {
  std::string message = "Tệp có " + std::to_string(count_) + " lỗi; không dòng nào được đọc.";
  if (count_ > fields_.size()) {
    message += " Chỉ liệt kê " + std::to_string(fields_.size()) + " lỗi đầu tiên.";
  }
  return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(fields_)};
}

std::optional<double> ParseDecimal(std::string_view text) { return ParseFinite(text); }

std::optional<int> ParseYear(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.size() != 4 || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string Quoted(std::string_view text) {
  // Appended rather than "'" + std::string(text): GCC 12 warns falsely (-Wrestrict) on that.
  std::string out = "'";
  out.append(text).append("'");
  return out;
}

std::string Format4(double value) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.4f", value);
  return buffer.data();
}

}  // namespace xaso::papi
