#include "domain/onestop/procedure_catalogue.h"

#include <array>
#include <charconv>
#include <set>
#include <string>

#include "core/csv.h"
#include "core/text.h"

namespace xaso::onestop {
namespace {

constexpr std::array<std::string_view, 11> kColumns = {
    "code",  "name",        "field",        "processing_time", "fees",     "documents",
    "steps", "legal_basis", "online_level", "unit_code",       "to_verify"};
constexpr std::string_view kSameDay = "trong_ngay";

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  if (Trim(text).empty()) return items;
  size_t start = 0;
  while (true) {
    const size_t bar = text.find('|', start);
    items.emplace_back(Trim(text.substr(start, bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return items;
}

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<Fee> ParseFee(std::string_view text) {
  const size_t a = text.find(':');
  const size_t b = a == std::string_view::npos ? a : text.find(':', a + 1);
  const size_t c = b == std::string_view::npos ? b : text.find(':', b + 1);
  if (c == std::string_view::npos) return std::nullopt;
  const auto kind = FeeKindFromCode(Trim(text.substr(0, a)));
  const auto amount = ParseInt(Trim(text.substr(a + 1, b - a - 1)));
  if (!kind || !amount) return std::nullopt;
  return Fee{*kind, std::string(Trim(text.substr(c + 1))), *amount,
             std::string(Trim(text.substr(b + 1, c - b - 1)))};
}

Error RowError(int line, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, "dòng " + std::to_string(line) + ": " + message);
}

Result<Procedure> ParseRow(const CsvTable& t, const CsvRow& row) {
  auto field = [&](std::string_view column) { return Trim(t.Field(row, column)); };
  Procedure p;
  p.code = field("code");
  p.name = field("name");
  p.field = field("field");
  p.legal_basis = field("legal_basis");
  p.unit_code = field("unit_code");
  p.steps = SplitList(field("steps"));
  p.documents = SplitList(field("documents"));
  const std::string_view time = field("processing_time");
  if (time == kSameDay) {
    p.same_day = true;
  } else if (auto days = ParseInt(time); days && *days > 0 && *days <= kMaxWorkingDays) {
    p.working_days = static_cast<int>(*days);
  } else {
    return RowError(row.line, "thời hạn giải quyết \"" + std::string(time) +
                                  "\" không hợp lệ (\"trong_ngay\" hoặc số ngày làm việc).");
  }
  for (const std::string& item : SplitList(field("fees"))) {
    auto fee = ParseFee(item);
    if (!fee) {
      return RowError(row.line,
                      "khoản phí \"" + item + "\" không hợp lệ (loại:số tiền:đơn vị:tên).");
    }
    p.fees.push_back(std::move(*fee));
  }
  const auto level = OnlineLevelFromCode(field("online_level"));
  if (!level) return RowError(row.line, "mức độ trực tuyến phải là full, partial hoặc none.");
  p.online_level = *level;
  const std::string_view verify = field("to_verify");
  if (verify != "0" && verify != "1") return RowError(row.line, "to_verify phải là 0 hoặc 1.");
  p.to_verify = verify == "1";
  if (auto st = ValidateProcedure(p); !st) {
    Error err = std::move(st).error();
    err.message = "dòng " + std::to_string(row.line) + ": " + err.message;
    for (const FieldError& f : err.fields) err.message += " " + f.message;
    return err;
  }
  return p;
}

}  // namespace

Result<std::vector<Procedure>> ParseProcedureCatalogue(std::string_view csv) {
  auto table = ParseCsvWithHeader(csv, kColumns);
  if (!table) return std::move(table).error();
  std::vector<Procedure> out;
  std::set<std::string, std::less<>> codes;
  for (const CsvRow& row : table->rows) {
    auto p = ParseRow(*table, row);
    if (!p) return std::move(p).error();
    if (!codes.insert(p->code).second) {
      return RowError(row.line, "mã thủ tục " + p->code + " bị trùng.");
    }
    out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace xaso::onestop
