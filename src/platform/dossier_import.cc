#include "platform/dossier_import.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace xaso::platform {
namespace {

using nlohmann::json;

Result<onestop::ImportBatch> ParseJson(std::string_view text) {
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tệp không phải JSON hợp lệ.");
  }
  if (!doc.is_array()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tệp JSON phải là một mảng các hồ sơ.");
  }
  std::vector<onestop::ImportRecord> records;
  std::vector<onestop::ImportProblem> problems;
  int n = 0;
  for (const json& item : doc) {
    ++n;
    if (!item.is_object()) {
      problems.push_back({n, "bản ghi không phải một đối tượng JSON"});
      continue;
    }
    onestop::ImportRecord r{n, {}};
    std::string bad;
    for (const auto& [key, value] : item.items()) {
      if (value.is_string()) {
        r.fields[key] = value.get<std::string>();
      } else if (value.is_number_integer()) {
        r.fields[key] = std::to_string(value.get<int64_t>());
      } else if (!value.is_null()) {
        bad += (bad.empty() ? "" : ", ") + ("“" + key + "”");
      }
    }
    if (!bad.empty()) {
      problems.push_back({n, "giá trị phải là chuỗi: " + bad});
      continue;
    }
    records.push_back(std::move(r));
  }
  onestop::ImportBatch batch = onestop::IntakesFromRecords(records);
  batch.problems.insert(batch.problems.end(), problems.begin(), problems.end());
  std::sort(batch.problems.begin(), batch.problems.end(),
            [](const auto& a, const auto& b) { return a.line < b.line; });
  return batch;
}

}  // namespace

std::optional<ImportFormat> ImportFormatFromName(std::string_view name) {
  if (name == "csv") return ImportFormat::kCsv;
  if (name == "json") return ImportFormat::kJson;
  return std::nullopt;
}

Result<onestop::ImportBatch> ParseDossierImport(std::string_view text, ImportFormat format) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument, "Tệp trống, không có hồ sơ nào.");
  }
  if (format == ImportFormat::kJson) return ParseJson(text);
  XASO_ASSIGN_OR_RETURN(auto records, onestop::ReadImportCsv(text));
  return onestop::IntakesFromRecords(records);
}

}  // namespace xaso::platform
