#include "domain/papi/leading_indicators.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/csv.h"
#include "core/embedded.h"
#include "domain/papi/csv_problems.h"

namespace xaso::papi {
namespace {

constexpr std::string_view kMappingFile = "leading_indicators.csv";
constexpr std::array<std::string_view, 5> kColumns = {"code", "subdimension", "label_vi",
                                                      "label_en", "source"};
constexpr std::array<std::string_view, 5> kKnownCodes = {
    kDossierOnTime, kDossierSatisfied, kFeedbackOnTime, kPlanTaskOnTime, kDisclosureOnTime};

}  // namespace

Result<std::vector<LeadingMapping>> ParseLeadingMappings(std::string_view csv,
                                                         const Catalogue& catalogue) {
  XASO_ASSIGN_OR_RETURN(CsvTable table, ParseCsvWithHeader(csv, kColumns));
  CsvProblems problems;
  std::set<std::string, std::less<>> seen;
  std::vector<LeadingMapping> out;
  for (const CsvRow& row : table.rows) {
    LeadingMapping m{table.Field(row, "code"), table.Field(row, "subdimension"),
                     table.Field(row, "label_vi"), table.Field(row, "label_en"),
                     table.Field(row, "source")};
    const auto problem = [&](std::string_view column, std::string message) {
      problems.Add(row.line, *table.ColumnIndex(column), column, std::move(message));
    };
    if (std::find(kKnownCodes.begin(), kKnownCodes.end(), m.code) == kKnownCodes.end()) {
      problem("code", "Mã " + Quoted(m.code) + " không phải số liệu nền tảng đếm được.");
    } else if (!seen.insert(m.code).second) {
      problem("code", "Mã " + Quoted(m.code) + " lặp lại.");
    }
    if (catalogue.Find(m.subdimension) == nullptr) {
      problem("subdimension", "Không có nội dung thành phần " + Quoted(m.subdimension) + ".");
    }
    if (m.label_vi.empty()) problem("label_vi", "Thiếu tên tiếng Việt.");
    if (m.label_en.empty()) problem("label_en", "Thiếu tên tiếng Anh.");
    out.push_back(std::move(m));
  }
  if (!problems.empty()) return std::move(problems).ToError();
  return out;
}

const std::vector<LeadingMapping>& DefaultLeadingMappings() {
  static const std::vector<LeadingMapping> kMappings = [] {
    for (const EmbeddedFile& f : EmbeddedPapiCatalogue()) {
      if (f.path != kMappingFile) continue;
      Result<std::vector<LeadingMapping>> parsed =
          ParseLeadingMappings(f.data, Catalogue::Default());
      XASO_CHECK(parsed.has_value());
      return std::move(parsed).value();
    }
    XASO_CHECK(false);  // the file is part of the build
    return std::vector<LeadingMapping>{};
  }();
  return kMappings;
}

Ratio CountTasksOnTime(const std::vector<TaskOutcome>& tasks, std::string_view from_month,
                       std::string_view to_month, Date today) {
  Ratio r;
  for (const TaskOutcome& t : tasks) {
    const std::string month = t.due.ToIso().substr(0, 7);
    if (month < from_month || month > to_month) continue;
    if (!t.done && today <= t.due) continue;
    ++r.denominator;
    if (t.done && t.done_on && *t.done_on <= t.due) ++r.numerator;
  }
  return r;
}

std::vector<LeadingIndicator> ComputeLeadingIndicators(const std::vector<LeadingMapping>& mappings,
                                                       const std::map<std::string, Ratio>& counts) {
  std::vector<LeadingIndicator> out;
  out.reserve(mappings.size());
  for (const LeadingMapping& m : mappings) {
    LeadingIndicator li{.code = m.code,
                        .label_vi = m.label_vi,
                        .label_en = m.label_en,
                        .subdimension = m.subdimension};
    if (const auto it = counts.find(m.code); it != counts.end()) {
      li.numerator = it->second.numerator;
      li.denominator = it->second.denominator;
    }
    if (li.denominator > 0) {
      li.share = static_cast<double>(li.numerator) / static_cast<double>(li.denominator);
    }
    out.push_back(std::move(li));
  }
  return out;
}

}  // namespace xaso::papi
