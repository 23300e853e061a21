#include "domain/papi/catalogue.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "core/csv.h"
#include "core/embedded.h"
#include "core/text.h"

namespace xaso::papi {
namespace {

constexpr std::string_view kDimensionsFile = "dimensions.csv";
constexpr std::string_view kSubDimensionsFile = "subdimensions.csv";
constexpr std::array<std::string_view, 4> kDimensionColumns = {"dimension", "name_vi", "name_en",
                                                               "from_year"};
constexpr std::array<std::string_view, 6> kSubDimensionColumns = {
    "code", "dimension", "name_vi", "name_en", "from_year", "to_year"};
constexpr int kMaxDimension = 8;

// A plain decimal number: digits only, no sign, no leading zero, at most 4 digits.
std::optional<int> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 4 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<int> ParseYear(std::string_view text) {
  const std::optional<int> year = ParseNumber(text);
  if (!year || *year < 1000) return std::nullopt;
  return year;
}

// Splits "d.k" into d and k (both at least 1).
std::optional<std::pair<int, int>> ParseCode(std::string_view code) {
  const size_t dot = code.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::optional<int> d = ParseNumber(code.substr(0, dot));
  const std::optional<int> k = ParseNumber(code.substr(dot + 1));
  if (!d || !k || *d < 1 || *k < 1) return std::nullopt;
  return std::make_pair(*d, *k);
}

Error FileError(std::string_view file, int line, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(file) + " dòng " + std::to_string(line) + ": " + message);
}

// Prefixes the file name to a CSV error ("dòng N: …").
Error InFile(std::string_view file, Error error) {
  error.message = std::string(file) + " " + error.message;
  return error;
}

Result<std::vector<Dimension>> ParseDimensions(std::string_view text) {
  Result<CsvTable> parsed = ParseCsvWithHeader(text, kDimensionColumns);
  if (!parsed.has_value()) return InFile(kDimensionsFile, std::move(parsed).error());
  const CsvTable& table = *parsed;
  std::vector<Dimension> dimensions;
  for (const CsvRow& row : table.rows) {
    Dimension d;
    const std::string& number = table.Field(row, "dimension");
    const std::optional<int> n = ParseNumber(number);
    if (!n || *n < 1 || *n > kMaxDimension) {
      return FileError(kDimensionsFile, row.line,
                       "chỉ số nội dung phải là số từ 1 đến 8, không phải '" + number + "'");
    }
    for (const Dimension& seen : dimensions) {
      if (seen.number == *n) {
        return FileError(kDimensionsFile, row.line,
                         "chỉ số nội dung " + number + " đã có ở dòng trước");
      }
    }
    d.number = *n;
    d.name_vi = table.Field(row, "name_vi");
    d.name_en = table.Field(row, "name_en");
    if (Trim(d.name_vi).empty() || Trim(d.name_en).empty()) {
      return FileError(kDimensionsFile, row.line, "thiếu name_vi hoặc name_en");
    }
    const std::optional<int> from = ParseYear(table.Field(row, "from_year"));
    if (!from) return FileError(kDimensionsFile, row.line, "from_year phải là năm có 4 chữ số");
    d.from_year = *from;
    dimensions.push_back(std::move(d));
  }
  std::sort(dimensions.begin(), dimensions.end(),
            [](const Dimension& a, const Dimension& b) { return a.number < b.number; });
  return dimensions;
}

}  // namespace

bool SubDimension::AppliesIn(int year) const {
  return from_year <= year && (to_year == 0 || year <= to_year);
}

Catalogue::Catalogue(std::vector<Dimension> dimensions, std::vector<SubDimension> subdimensions)
    : dimensions_(std::move(dimensions)), subdimensions_(std::move(subdimensions)) {}

const Catalogue& Catalogue::Default() {
  static const Catalogue kDefault = [] {
    std::string_view dimensions;
    std::string_view subdimensions;
    for (const EmbeddedFile& f : EmbeddedPapiCatalogue()) {
      if (f.path == kDimensionsFile) dimensions = f.data;
      if (f.path == kSubDimensionsFile) subdimensions = f.data;
    }
    Result<Catalogue> parsed = Parse(dimensions, subdimensions);
    XASO_CHECK(parsed.has_value());
    return std::move(parsed).value();
  }();
  return kDefault;
}

Result<Catalogue> Catalogue::Parse(std::string_view dimensions_csv,
                                   std::string_view subdimensions_csv) {
  XASO_ASSIGN_OR_RETURN(std::vector<Dimension> dimensions, ParseDimensions(dimensions_csv));
  Result<CsvTable> parsed = ParseCsvWithHeader(subdimensions_csv, kSubDimensionColumns);
  if (!parsed.has_value()) return InFile(kSubDimensionsFile, std::move(parsed).error());
  const CsvTable& table = *parsed;

  // Keyed by (dimension, k) for the order; the line of each code finds duplicates.
  std::map<std::pair<int, int>, SubDimension> by_number;
  std::map<std::string, int, std::less<>> line_of_code;
  for (const CsvRow& row : table.rows) {
    auto error = [&](const std::string& message) {
      return FileError(kSubDimensionsFile, row.line, message);
    };
    SubDimension s;
    s.code = table.Field(row, "code");
    const std::string& dimension = table.Field(row, "dimension");
    const std::optional<int> d = ParseNumber(dimension);
    const auto owner = std::find_if(dimensions.begin(), dimensions.end(),
                                    [&](const Dimension& x) { return d && x.number == *d; });
    if (owner == dimensions.end()) {
      return error("chỉ số nội dung '" + dimension + "' không có trong " +
                   std::string(kDimensionsFile));
    }
    s.dimension = owner->number;
    const std::optional<std::pair<int, int>> code = ParseCode(s.code);
    if (!code) return error("mã '" + s.code + "' không có dạng d.k (ví dụ 5.2)");
    if (code->first != s.dimension) {
      return error("mã " + s.code + " không khớp chỉ số nội dung " + dimension);
    }
    if (auto [it, inserted] = line_of_code.emplace(s.code, row.line); !inserted) {
      return error("mã " + s.code + " lặp lại (đã có ở dòng " + std::to_string(it->second) + ")");
    }
    s.name_vi = table.Field(row, "name_vi");
    s.name_en = table.Field(row, "name_en");
    if (Trim(s.name_vi).empty() || Trim(s.name_en).empty()) {
      return error("thiếu name_vi hoặc name_en");
    }
    const std::optional<int> from = ParseYear(table.Field(row, "from_year"));
    if (!from) return error("from_year phải là năm có 4 chữ số");
    s.from_year = *from;
    if (s.from_year < owner->from_year) {
      return error("from_year " + std::to_string(s.from_year) + " trước năm của chỉ số nội dung " +
                   dimension + " (" + std::to_string(owner->from_year) + ")");
    }
    const std::string& to = table.Field(row, "to_year");
    if (!to.empty()) {
      const std::optional<int> to_year = ParseYear(to);
      if (!to_year || *to_year < s.from_year) {
        return error("to_year phải để trống hoặc là năm không trước from_year");
      }
      s.to_year = *to_year;
    }
    by_number.emplace(*code, std::move(s));
  }
  std::vector<SubDimension> subdimensions;
  subdimensions.reserve(by_number.size());
  for (auto& [number, s] : by_number) subdimensions.push_back(std::move(s));
  return Catalogue(std::move(dimensions), std::move(subdimensions));
}

const Dimension* Catalogue::FindDimension(int number) const {
  for (const Dimension& d : dimensions_) {
    if (d.number == number) return &d;
  }
  return nullptr;
}

const SubDimension* Catalogue::Find(std::string_view code) const {
  for (const SubDimension& s : subdimensions_) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

std::vector<const SubDimension*> Catalogue::SubDimensionsOf(int dimension, int year) const {
  std::vector<const SubDimension*> out;
  for (const SubDimension& s : subdimensions_) {
    if (s.dimension == dimension && s.AppliesIn(year)) out.push_back(&s);
  }
  return out;
}

int Catalogue::SubDimensionCount(int dimension, int year) const {
  return static_cast<int>(SubDimensionsOf(dimension, year).size());
}

Status Catalogue::ValidateCodes(int dimension, const std::vector<std::string>& codes,
                                int year) const {
  Error e{ErrorCode::kInvalidArgument, "Nội dung thành phần PAPI không hợp lệ.", {}};
  const Dimension* d = FindDimension(dimension);
  if (d == nullptr || d->from_year > year) {
    e.fields.push_back({"dimension", "Năm " + std::to_string(year) +
                                         " không có chỉ số nội dung PAPI " +
                                         std::to_string(dimension) + "."});
    return e;
  }
  std::string problems;
  auto add = [&](const std::string& sentence) {
    if (!problems.empty()) problems += ' ';
    problems += sentence;
  };
  for (size_t i = 0; i < codes.size(); ++i) {
    const std::string& code = codes[i];
    if (std::find(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(i), code) !=
        codes.begin() + static_cast<std::ptrdiff_t>(i)) {
      add("Mã " + code + " được chọn hơn một lần.");
      continue;
    }
    const SubDimension* s = Find(code);
    if (s == nullptr) {
      add("Không có nội dung thành phần mã " + code + ".");
    } else if (s->dimension != dimension) {
      add("Mã " + code + " thuộc chỉ số nội dung " + std::to_string(s->dimension) +
          ", không thuộc chỉ số nội dung " + std::to_string(dimension) + ".");
    } else if (year < s->from_year) {
      add("Mã " + code + " (" + s->name_vi + ") chỉ áp dụng từ năm " +
          std::to_string(s->from_year) + ".");
    } else if (!s->AppliesIn(year)) {
      add("Mã " + code + " (" + s->name_vi + ") chỉ áp dụng đến năm " + std::to_string(s->to_year) +
          ".");
    }
  }
  if (problems.empty()) return Ok{};
  e.fields.push_back({"subdimensions", std::move(problems)});
  return e;
}

}  // namespace xaso::papi
