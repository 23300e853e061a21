// What the PAPI data-file readers share: the problems of a file collected with their line and
// column, so one reading reports them all and returns nothing half-read, and the number formats.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xaso::papi {

class CsvProblems {
 public:
  static constexpr size_t kNoColumn = static_cast<size_t>(-1);
  static constexpr size_t kMaxListed = 20;

  // `column` is the 0-based index of the column and `name` its header, or kNoColumn and "".
  void Add(int line, size_t column, std::string_view name, std::string message);
  bool empty() const { return count_ == 0; }
  // kInvalidArgument: one field error per problem (the first kMaxListed), its field naming the
  // place ("dòng 3, cột 4 (1.2)"), its message what is wrong.
  Error ToError() &&;

 private:
  std::vector<FieldError> fields_;
  size_t count_ = 0;
};

// A decimal number with a point ("1.1268"), no exponent, finite; nullopt otherwise.
std::optional<double> ParseDecimal(std::string_view text);
// Exactly four digits.
std::optional<int> ParseYear(std::string_view text);
// "'text'": a cell's text in messages.
std::string Quoted(std::string_view text);
// "1.2346": scores in messages, as PAPI publishes them.
std::string Format4(double value);

}  // namespace xaso::papi
