#include "domain/disclosure/disclosure_type.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <iostream>
#include <set>
#include <tuple>
#include <utility>

#include "core/code_table.h"
#include "core/csv.h"
#include "core/embedded.h"

namespace xaso::disclosure {
namespace {

constexpr std::pair<Recurrence, std::string_view> kRecurrences[] = {
    {Recurrence::kNone, "none"},
    {Recurrence::kQuarterly, "quarterly"},
    {Recurrence::kYearly, "yearly"},
};

constexpr std::pair<Structure, std::string_view> kStructures[] = {
    {Structure::kNone, "none"},
    {Structure::kBudget, "budget"},
    {Structure::kHouseholdList, "households"},
};

constexpr std::pair<DeadlineUnit, std::string_view> kUnits[] = {
    {DeadlineUnit::kWorkingDays, "working_days"},
    {DeadlineUnit::kCalendarDays, "calendar_days"},
};

constexpr std::array<std::string_view, 15> kColumns = {
    "code",           "law_item",     "name_vi",      "name_en",       "effective_from",
    "legal_basis",    "confidence",   "posting_days", "permanent",     "radio_days",
    "publish_within", "publish_unit", "recurrence",   "personal_data", "structure"};

constexpr std::string_view kTypesFile = "types.csv";
// A deadline or duration beyond a year is a typo in the data, not a legal rule.
constexpr int kMaxDays = 366;

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Reads one row; each problem names the line and the column, as an editor of the file sees it.
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvRow& row) : table_(table), row_(row) {}

  const std::string& Text(std::string_view column) const { return table_.Field(row_, column); }

  Error Problem(std::string_view column, std::string_view what) const {
    return MakeError(ErrorCode::kInvalidArgument, "dòng " + std::to_string(row_.line) + ", cột " +
                                                      std::string(column) + ": " +
                                                      std::string(what));
  }

  Result<int> Int(std::string_view column, int min, int max) const {
    const std::string& s = Text(column);
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < min || v > max) {
      return Problem(column, "cần một số nguyên từ " + std::to_string(min) + " đến " +
                                 std::to_string(max) + ", gặp \"" + s + "\"");
    }
    return v;
  }

  // "yes" or "no"; an empty cell is "no".
  Result<bool> Bool(std::string_view column) const {
    const std::string& s = Text(column);
    if (s == "yes") return true;
    if (s == "no" || s.empty()) return false;
    return Problem(column, "cần \"yes\" hoặc \"no\", gặp \"" + s + "\"");
  }

  template <class E, size_t N>
  Result<E> Code(std::string_view column, const std::pair<E, std::string_view> (&table)[N]) const {
    const std::string& s = Text(column);
    if (auto v = FromCode(table, s)) return *v;
    std::string allowed;
    for (const auto& [e, c] : table) {
      if (!allowed.empty()) allowed += ", ";
      allowed += c;
    }
    return Problem(column, "giá trị \"" + s + "\" không hợp lệ (cho phép: " + allowed + ")");
  }

 private:
  const CsvTable& table_;
  const CsvRow& row_;
};

Result<DisclosureType> ReadRow(const RowReader& r) {
  DisclosureType t;
  t.code = r.Text("code");
  if (!IsCode(t.code)) return r.Problem("code", "mã phải gồm a-z, 0-9, '_' (1–40 ký tự)");
  XASO_ASSIGN_OR_RETURN(t.law_item, r.Int("law_item", 0, 14));
  t.name_vi = r.Text("name_vi");
  if (t.name_vi.empty()) return r.Problem("name_vi", "thiếu tên tiếng Việt");
  t.name_en = r.Text("name_en");
  const auto from = Date::ParseIso(r.Text("effective_from"));
  if (!from) return r.Problem("effective_from", "ngày phải có dạng YYYY-MM-DD");
  t.effective_from = *from;
  t.legal_basis = r.Text("legal_basis");
  if (t.legal_basis.empty()) return r.Problem("legal_basis", "thiếu căn cứ pháp lý");
  t.confidence = r.Text("confidence");
  if (t.confidence != "V" && t.confidence != "S" && t.confidence != "M" && t.confidence != "I") {
    return r.Problem("confidence", "cần một trong V, S, M, I");
  }
  XASO_ASSIGN_OR_RETURN(t.permanent, r.Bool("permanent"));
  XASO_ASSIGN_OR_RETURN(t.posting_days, r.Int("posting_days", 0, kMaxDays));
  if (!t.permanent && t.posting_days < 1) {
    return r.Problem("posting_days", "loại không niêm yết thường xuyên cần ít nhất 1 ngày");
  }
  if (t.permanent) t.posting_days = 0;
  XASO_ASSIGN_OR_RETURN(t.radio_days, r.Int("radio_days", 0, kMaxDays));
  XASO_ASSIGN_OR_RETURN(t.publish_within, r.Int("publish_within", 0, kMaxDays));
  XASO_ASSIGN_OR_RETURN(t.publish_unit, r.Code("publish_unit", kUnits));
  XASO_ASSIGN_OR_RETURN(t.recurrence, r.Code("recurrence", kRecurrences));
  if (t.recurrence != Recurrence::kNone && t.publish_unit == DeadlineUnit::kWorkingDays) {
    return r.Problem("publish_unit", "loại định kỳ tính thời hạn theo ngày (calendar_days)");
  }
  XASO_ASSIGN_OR_RETURN(t.personal_data, r.Bool("personal_data"));
  XASO_ASSIGN_OR_RETURN(t.structure, r.Code("structure", kStructures));
  return t;
}

bool ByCodeThenDate(const DisclosureType& a, const DisclosureType& b) {
  return std::tie(a.code, a.effective_from) < std::tie(b.code, b.effective_from);
}

}  // namespace

std::optional<Recurrence> ParseRecurrence(std::string_view code) {
  return FromCode(kRecurrences, code);
}
std::string_view RecurrenceCode(Recurrence r) { return ToCode(kRecurrences, r); }
std::optional<Structure> ParseStructure(std::string_view code) {
  return FromCode(kStructures, code);
}
std::string_view StructureCode(Structure s) { return ToCode(kStructures, s); }

TypeCatalogue::TypeCatalogue(std::vector<DisclosureType> versions)
    : versions_(std::move(versions)) {
  std::stable_sort(versions_.begin(), versions_.end(), ByCodeThenDate);
}

const DisclosureType* TypeCatalogue::Find(std::string_view code, Date day) const {
  // The versions of `code` are adjacent and oldest first: the last one started by `day`.
  auto it =
      std::lower_bound(versions_.begin(), versions_.end(), code,
                       [](const DisclosureType& t, std::string_view c) { return t.code < c; });
  const DisclosureType* found = nullptr;
  for (; it != versions_.end() && it->code == code && it->effective_from <= day; ++it) {
    found = &*it;
  }
  return found;
}

std::vector<const DisclosureType*> TypeCatalogue::InForce(Date day) const {
  std::vector<const DisclosureType*> out;
  for (size_t i = 0; i < versions_.size(); ++i) {
    const bool last_of_code =
        i + 1 == versions_.size() || versions_[i + 1].code != versions_[i].code;
    if (!last_of_code) continue;
    if (const DisclosureType* t = Find(versions_[i].code, day)) out.push_back(t);
  }
  std::stable_sort(out.begin(), out.end(), [](const DisclosureType* a, const DisclosureType* b) {
    return std::tie(a->law_item, a->code) < std::tie(b->law_item, b->code);
  });
  return out;
}

Result<std::vector<DisclosureType>> ParseTypes(std::string_view csv) {
  XASO_ASSIGN_OR_RETURN(CsvTable table, ParseCsvWithHeader(csv, kColumns));
  std::vector<DisclosureType> out;
  std::set<std::pair<std::string, long>> seen;
  for (const CsvRow& row : table.rows) {
    const RowReader reader(table, row);
    XASO_ASSIGN_OR_RETURN(DisclosureType t, ReadRow(reader));
    if (!seen.emplace(t.code, t.effective_from.days()).second) {
      return reader.Problem("effective_from", "loại \"" + t.code + "\" đã có phiên bản từ ngày " +
                                                  t.effective_from.ToVi());
    }
    out.push_back(std::move(t));
  }
  return out;
}

const TypeCatalogue& DefaultCatalogue() {
  static const TypeCatalogue kDefault = [] {
    std::string_view csv;
    for (const EmbeddedFile& f : EmbeddedDisclosureTypes()) {
      if (f.path == kTypesFile) csv = f.data;
    }
    Result<std::vector<DisclosureType>> parsed = ParseTypes(csv);
    if (!parsed.has_value())
      std::cerr << "data/disclosure/types.csv: " << parsed.error().message << "\n";
    XASO_CHECK(parsed.has_value());
    return TypeCatalogue(std::move(parsed).value());
  }();
  return kDefault;
}

}  // namespace xaso::disclosure
