#include "domain/disclosure/budget.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "core/csv.h"
#include "core/text.h"
#include "core/vn_int.h"

namespace xaso::disclosure {
namespace {

constexpr size_t kMaxCodeLength = 40;
constexpr size_t kMaxNameChars = 300;

// Digits separated by single dots, each segment at most 4 digits so that it sorts as a number.
bool IsBudgetCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxCodeLength) return false;
  size_t segment = 0;
  for (const char c : code) {
    if (c == '.') {
      if (segment == 0) return false;
      segment = 0;
    } else if (c >= '0' && c <= '9' && segment < 4) {
      ++segment;
    } else {
      return false;
    }
  }
  return segment > 0;
}

std::string ParentCode(const std::string& code) {
  const size_t dot = code.rfind('.');
  return dot == std::string::npos ? std::string() : code.substr(0, dot);
}

std::vector<int> CodeSegments(std::string_view code) {
  std::vector<int> out;
  int value = 0;
  for (const char c : code) {
    if (c == '.') {
      out.push_back(value);
      value = 0;
    } else {
      value = value * 10 + (c - '0');
    }
  }
  out.push_back(value);
  return out;
}

std::string Dong(int64_t amount) { return GroupThousands(amount) + " đồng"; }

std::string SideName(BudgetSide side) { return side == BudgetSide::kRevenue ? "thu" : "chi"; }

bool AmountOk(int64_t amount) { return amount >= 0 && amount <= kMaxBudgetAmount; }

void CheckAmount(std::vector<BudgetProblem>& out, int line, const char* field, const char* what,
                 int64_t amount) {
  if (amount < 0) {
    out.push_back({line, field, std::string(what) + " không được âm (" + Dong(amount) + ")."});
  } else if (amount > kMaxBudgetAmount) {
    out.push_back(
        {line, field, std::string(what) + " quá lớn (tối đa " + Dong(kMaxBudgetAmount) + ")."});
  }
}

// The field-by-field checks of one line.
void CheckLine(std::vector<BudgetProblem>& out, int line, const BudgetLine& l) {
  if (!IsBudgetCode(l.code)) {
    out.push_back({line, "code",
                   "Mã mục \"" + TruncateUtf8(IsValidUtf8(l.code) ? l.code : "?", 20) +
                       "\" không hợp lệ: chỉ gồm các số ngăn cách bằng dấu chấm, như 1, 1.2, "
                       "1.2.3."});
  }
  if (!IsValidUtf8(l.name) || Trim(l.name).empty()) {
    out.push_back({line, "name", "Thiếu tên mục."});
  } else if (Utf8Length(l.name) > kMaxNameChars) {
    out.push_back({line, "name", "Tên mục dài quá 300 ký tự."});
  }
  CheckAmount(out, line, "estimate", "Dự toán", l.estimate);
  if (l.actual) CheckAmount(out, line, "actual", "Số thực hiện", *l.actual);
}

}  // namespace

std::optional<BudgetSide> ParseBudgetSide(std::string_view code) {
  const std::string folded = FoldVietnamese(Trim(code));
  if (folded == "revenue" || folded == "thu") return BudgetSide::kRevenue;
  if (folded == "spending" || folded == "chi") return BudgetSide::kSpending;
  return std::nullopt;
}

std::string_view BudgetSideCode(BudgetSide s) {
  return s == BudgetSide::kRevenue ? "revenue" : "spending";
}

int BudgetLevel(const BudgetLine& line) {
  return 1 + static_cast<int>(std::count(line.code.begin(), line.code.end(), '.'));
}

void SortBudget(std::vector<BudgetLine>& lines) {
  std::stable_sort(lines.begin(), lines.end(), [](const BudgetLine& a, const BudgetLine& b) {
    if (a.side != b.side) return a.side == BudgetSide::kRevenue;
    return CodeSegments(a.code) < CodeSegments(b.code);
  });
}

BudgetTotal SideTotal(const std::vector<BudgetLine>& lines, BudgetSide side) {
  BudgetTotal total;
  for (const BudgetLine& l : lines) {
    if (l.side != side || BudgetLevel(l) != 1) continue;
    total.estimate += l.estimate;
    if (l.actual) total.actual = total.actual.value_or(0) + *l.actual;
  }
  return total;
}

std::vector<BudgetProblem> CheckBudget(const std::vector<BudgetLine>& lines) {
  std::vector<BudgetProblem> out;
  if (lines.empty()) {
    out.push_back({0, "", "Bảng không có dòng nào."});
    return out;
  }
  if (lines.size() > kMaxBudgetLines) {
    out.push_back({static_cast<int>(kMaxBudgetLines) + 1, "",
                   "Bảng có quá nhiều dòng (tối đa " + GroupThousands(kMaxBudgetLines) + ")."});
    return out;
  }
  const bool any_actual = std::any_of(lines.begin(), lines.end(),
                                      [](const BudgetLine& l) { return l.actual.has_value(); });
  // (side, code) → index of its first line.
  std::map<std::pair<BudgetSide, std::string>, size_t> first;
  for (size_t i = 0; i < lines.size(); ++i) {
    const BudgetLine& l = lines[i];
    const int line = static_cast<int>(i) + 1;
    CheckLine(out, line, l);
    if (any_actual && !l.actual) {
      out.push_back({line, "actual",
                     "Thiếu số thực hiện: khi bảng có số thực hiện thì dòng nào cũng phải có "
                     "(ghi 0 nếu chưa thực hiện)."});
    }
    if (!IsBudgetCode(l.code)) continue;
    const auto [it, inserted] = first.emplace(std::make_pair(l.side, l.code), i);
    if (!inserted) {
      out.push_back({line, "code",
                     "Mã mục " + l.code + " bên " + SideName(l.side) + " trùng với dòng " +
                         std::to_string(it->second + 1) + "."});
    }
  }
  // Sums of the direct children of each parent, over lines whose amounts are sound.
  struct Sums {
    int64_t estimate = 0;
    int64_t actual = 0;
    bool amounts_ok = true;
  };
  std::map<std::pair<BudgetSide, std::string>, Sums> children;
  for (size_t i = 0; i < lines.size(); ++i) {
    const BudgetLine& l = lines[i];
    if (!IsBudgetCode(l.code) || first.at({l.side, l.code}) != i) continue;
    const std::string parent = ParentCode(l.code);
    if (parent.empty()) continue;
    if (!first.contains({l.side, parent})) {
      out.push_back(
          {static_cast<int>(i) + 1, "code",
           "Mục " + l.code + " không có mục cha " + parent + " bên " + SideName(l.side) + "."});
      continue;
    }
    Sums& s = children[{l.side, parent}];
    if (!AmountOk(l.estimate) || (l.actual && !AmountOk(*l.actual))) s.amounts_ok = false;
    s.estimate += l.estimate;
    s.actual += l.actual.value_or(0);
  }
  for (const auto& [key, sums] : children) {
    const size_t i = first.at(key);
    const BudgetLine& parent = lines[i];
    const int line = static_cast<int>(i) + 1;
    if (!sums.amounts_ok || !AmountOk(parent.estimate)) continue;
    if (sums.estimate != parent.estimate) {
      out.push_back({line, "estimate",
                     "Dự toán mục " + parent.code + " là " + Dong(parent.estimate) +
                         " nhưng các mục con cộng lại " + Dong(sums.estimate) + "."});
    }
    if (parent.actual && AmountOk(*parent.actual) && sums.actual != *parent.actual) {
      out.push_back({line, "actual",
                     "Số thực hiện mục " + parent.code + " là " + Dong(*parent.actual) +
                         " nhưng các mục con cộng lại " + Dong(sums.actual) + "."});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const BudgetProblem& a, const BudgetProblem& b) { return a.line < b.line; });
  return out;
}

Result<std::vector<BudgetLine>> ParseBudgetCsv(std::string_view csv) {
  static constexpr std::array<std::string_view, 5> kColumns = {"side", "code", "name", "estimate",
                                                               "actual"};
  XASO_ASSIGN_OR_RETURN(const CsvTable table, ParseCsvWithHeader(csv, kColumns));
  if (table.rows.size() > kMaxBudgetLines) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Bảng có quá nhiều dòng (tối đa " + GroupThousands(kMaxBudgetLines) + ").");
  }
  std::vector<BudgetLine> lines;
  lines.reserve(table.rows.size());
  for (size_t i = 0; i < table.rows.size(); ++i) {
    const CsvRow& row = table.rows[i];
    const std::string prefix = "dòng " + std::to_string(row.line) + ": ";
    BudgetLine l;
    const std::string_view side = table.Field(row, "side");
    const auto parsed_side = ParseBudgetSide(side);
    if (!parsed_side) {
      return MakeError(ErrorCode::kInvalidArgument,
                       prefix + "cột side phải là thu (revenue) hoặc chi (spending).");
    }
    l.side = *parsed_side;
    l.code = std::string(Trim(table.Field(row, "code")));
    l.name = std::string(Trim(table.Field(row, "name")));
    const auto estimate = ParseGroupedInt(Trim(table.Field(row, "estimate")));
    if (!estimate) {
      return MakeError(ErrorCode::kInvalidArgument,
                       prefix +
                           "dự toán phải là số đồng, viết liền (1250000) hoặc có dấu chấm "
                           "ngăn cách hàng nghìn (1.250.000).");
    }
    l.estimate = *estimate;
    const std::string_view actual = Trim(table.Field(row, "actual"));
    if (!actual.empty()) {
      const auto value = ParseGroupedInt(actual);
      if (!value) {
        return MakeError(ErrorCode::kInvalidArgument,
                         prefix +
                             "số thực hiện phải là số đồng, viết liền (1250000) hoặc có "
                             "dấu chấm ngăn cách hàng nghìn (1.250.000), hoặc để trống.");
      }
      l.actual = *value;
    }
    lines.push_back(std::move(l));
  }
  return lines;
}

std::string BudgetCsv(const std::vector<BudgetLine>& lines) {
  std::string out = "side,code,name,estimate,actual\r\n";
  for (const BudgetLine& l : lines) {
    out += BudgetSideCode(l.side);
    out += ',';
    out += CsvEscape(l.code);
    out += ',';
    out += CsvEscape(l.name);
    out += ',';
    out += std::to_string(l.estimate);
    out += ',';
    if (l.actual) out += std::to_string(*l.actual);
    out += "\r\n";
  }
  return out;
}

}  // namespace xaso::disclosure
