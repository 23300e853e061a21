// The PAPI indicators (chỉ tiêu) as data: each indicator's sub-dimension, its theoretical bounds
// and its direction, read from a CSV file (format: data/papi/README.md). The scoring engine
// (scoring.h) normalises every indicator with these fixed bounds, as PAPI.md §3.2 describes.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/papi/catalogue.h"

namespace xaso::papi {

// Whether a higher value is better (positive) or worse (negative, reversed when scored).
enum class Direction { kPositive, kNegative };

struct Indicator {
  std::string code;          // for example "7.3.a"
  std::string subdimension;  // "d.k", a code of papi::Catalogue
  int dimension = 0;         // d
  double lower = 0;          // the theoretical bounds of the scale, lower < upper
  double upper = 1;
  Direction direction = Direction::kPositive;
  std::string label_vi;
  std::string label_en;
};

// Immutable after construction; thread-safe to read. Indicators keep the order of the file.
class IndicatorCatalogue {
 public:
  // data/papi/indicators.csv compiled into the binary, parsed on first use against
  // Catalogue::Default(). Thread-safe. A parse failure is a bug and aborts;
  // indicator_catalogue_test.cc parses the file.
  static const IndicatorCatalogue& Default();

  // Parses a CSV with the columns indicator,subdimension,dimension,lower,upper,direction,
  // label_vi,label_en. Checks that codes are unique and not empty, that the sub-dimension exists
  // in `catalogue` and belongs to the dimension, that the bounds are finite numbers with
  // lower < upper, that direction is "positive" or "negative" and that label_vi is not empty.
  // kInvalidArgument naming the line and the column ("dòng 7, cột upper: …") otherwise.
  static Result<IndicatorCatalogue> Parse(std::string_view csv, const Catalogue& catalogue);

  const std::vector<Indicator>& indicators() const { return indicators_; }
  size_t size() const { return indicators_.size(); }
  // The position of `code` in indicators(), or nullopt when there is no such indicator.
  std::optional<size_t> IndexOf(std::string_view code) const;

 private:
  explicit IndicatorCatalogue(std::vector<Indicator> indicators);

  std::vector<Indicator> indicators_;
  std::map<std::string, size_t, std::less<>> index_;
};

}  // namespace xaso::papi
