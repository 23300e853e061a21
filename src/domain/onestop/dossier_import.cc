#include "domain/onestop/dossier_import.h"

#include <algorithm>

#include "core/csv.h"
#include "core/date.h"
#include "core/text.h"

namespace xaso::onestop {
namespace {

constexpr int64_t kVietnamOffset = 7 * 3600;

// `n` decimal digits of `s` at `pos`, or -1.
int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<int64_t> At(int y, int mo, int d, int h, int mi, int sec, int64_t offset) {
  if (y < 1990 || y > 2200 || !Date::IsValid(y, mo, d)) return std::nullopt;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return std::nullopt;
  const int64_t days = Date::FromYmd(y, mo, d).days();
  return days * 86400 + h * 3600 + mi * 60 + sec - offset;
}

// "dd/mm/yyyy HH:MM", Vietnam time.
std::optional<int64_t> ParseVi(std::string_view s) {
  if (s.size() != 16 || s[2] != '/' || s[5] != '/' || s[10] != ' ' || s[13] != ':') {
    return std::nullopt;
  }
  return At(Digits(s, 6, 4), Digits(s, 3, 2), Digits(s, 0, 2), Digits(s, 11, 2), Digits(s, 14, 2),
            0, kVietnamOffset);
}

// "yyyy-mm-ddTHH:MM[:SS](Z|±HH:MM)".
std::optional<int64_t> ParseIso(std::string_view s) {
  if (s.size() < 17 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':') {
    return std::nullopt;
  }
  size_t pos = 16;
  int sec = 0;
  if (pos < s.size() && s[pos] == ':') {
    sec = Digits(s, pos + 1, 2);
    pos += 3;
  }
  int64_t offset = 0;
  const std::string_view zone = s.substr(std::min(pos, s.size()));
  if (zone == "Z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const int oh = Digits(zone, 1, 2);
    const int om = Digits(zone, 4, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  } else {
    return std::nullopt;
  }
  return At(Digits(s, 0, 4), Digits(s, 5, 2), Digits(s, 8, 2), Digits(s, 11, 2), Digits(s, 14, 2),
            sec, offset);
}

bool Known(std::string_view column) {
  return std::find(std::begin(kImportColumns), std::end(kImportColumns), column) !=
         std::end(kImportColumns);
}

std::string Trimmed(std::string_view s) { return std::string(Trim(s)); }

std::vector<std::string> Documents(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string item = Trimmed(text.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

std::string Field(const ImportRecord& r, std::string_view column) {
  auto it = r.fields.find(column);
  return it == r.fields.end() ? std::string() : Trimmed(it->second);
}

}  // namespace

std::optional<int64_t> ParseReceivedAt(std::string_view text) {
  const std::string s = Trimmed(text);
  if (s.size() > 2 && s[2] == '/') return ParseVi(s);
  return ParseIso(s);
}

ImportBatch IntakesFromRecords(const std::vector<ImportRecord>& records) {
  ImportBatch batch;
  for (const ImportRecord& r : records) {
    std::string problem;
    for (const auto& [column, value] : r.fields) {
      if (!Known(column)) problem += "cột không biết “" + column + "”; ";
    }
    for (std::string_view column : kImportRequiredColumns) {
      if (Field(r, column).empty()) problem += "thiếu “" + std::string(column) + "”; ";
    }
    const std::string received = Field(r, "received_at");
    const auto received_at = ParseReceivedAt(received);
    if (!received.empty() && !received_at) {
      problem += "thời điểm tiếp nhận “" + received +
                 "” không đúng dạng dd/mm/yyyy HH:MM hoặc ISO 8601 có múi giờ; ";
    }
    if (!problem.empty()) {
      problem.resize(problem.size() - 2);
      batch.problems.push_back({r.line, problem});
      continue;
    }
    Intake in;
    in.code = Field(r, "code");
    in.procedure_code = Field(r, "procedure_code");
    in.channel = DossierChannel::kOnline;
    in.applicant = {Field(r, "applicant_name"), Field(r, "phone"), Field(r, "address")};
    in.documents = Documents(Field(r, "documents"));
    in.received_at = received_at;
    batch.rows.push_back({r.line, std::move(in)});
  }
  return batch;
}

Result<std::vector<ImportRecord>> ReadImportCsv(std::string_view text) {
  XASO_ASSIGN_OR_RETURN(auto table, ParseCsvWithHeader(text, kImportRequiredColumns));
  std::string unknown;
  for (const auto& column : table.header) {
    if (!Known(column)) unknown += (unknown.empty() ? "" : ", ") + ("“" + column + "”");
  }
  if (!unknown.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "dòng 1: cột không biết: " + unknown + ".");
  }
  std::vector<ImportRecord> out;
  out.reserve(table.rows.size());
  for (const CsvRow& row : table.rows) {
    ImportRecord r{row.line, {}};
    for (size_t i = 0; i < table.header.size(); ++i) r.fields[table.header[i]] = row.fields[i];
    out.push_back(std::move(r));
  }
  return out;
}

Result<ImportReport> ImportDossiers(DossierService& service, const ImportBatch& batch,
                                    int64_t commune_id, const std::string& agency_code,
                                    const audit::AuditRecord& rec) {
  ImportReport report;
  report.refused = batch.problems;
  for (const ImportRow& row : batch.rows) {
    Intake in = row.intake;
    in.commune_id = commune_id;
    auto stored = service.Receive(in, agency_code, rec);
    if (stored) {
      ++report.imported;
      continue;
    }
    const Error& e = stored.error();
    if (e.code == ErrorCode::kAlreadyExists) {
      ++report.already_present;
    } else if (e.code == ErrorCode::kInvalidArgument) {
      std::string message = e.message;
      for (const auto& f : e.fields) message += " " + f.message;
      report.refused.push_back({row.line, message});
    } else {
      return e;
    }
  }
  std::stable_sort(report.refused.begin(), report.refused.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return report;
}

}  // namespace xaso::onestop
