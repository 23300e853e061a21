// Dossiers received online on the national or provincial portal, imported from the portal's
// export (issue 5, part 2): they keep the portal's own code and time of receipt. This file
// turns one exported record (column → text) into an Intake, or into the reason it cannot be
// one; reading the file itself is core/csv.h's or platform/dossier_import.h's (JSON).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/onestop/dossier_service.h"

namespace xaso::onestop {

// The columns (CSV header names, JSON keys) an import knows. The first three and
// applicant_name are required; documents are separated by ';'.
inline constexpr std::string_view kImportColumns[] = {
    "code", "procedure_code", "received_at", "applicant_name", "phone", "address", "documents"};
inline constexpr std::string_view kImportRequiredColumns[] = {"code", "procedure_code",
                                                              "received_at", "applicant_name"};

// One exported record and where it starts (the CSV line, or the JSON record's 1-based place).
struct ImportRecord {
  int line = 0;
  std::map<std::string, std::string, std::less<>> fields;
};

// A record that could not become an intake, with the reason in Vietnamese.
struct ImportProblem {
  int line = 0;
  std::string message;
};

struct ImportRow {
  int line = 0;
  Intake intake;  // commune_id is the importer's to set
};

struct ImportBatch {
  std::vector<ImportRow> rows;
  std::vector<ImportProblem> problems;
};

// The time of receipt as the portals write it: "dd/mm/yyyy HH:MM" (Vietnam time, UTC+7), or
// ISO 8601 with seconds and an offset ("2026-11-20T08:30:00+07:00", "…Z"). Unix seconds, or
// nullopt for anything else (an impossible date or time, an ISO time without offset).
std::optional<int64_t> ParseReceivedAt(std::string_view text);

// Each record as an online intake: a problem for a record with an unknown column, a required
// column missing or blank, or a time of receipt ParseReceivedAt rejects. The rest (the code's
// shape, the procedure, the applicant) is DossierService::Receive's to check.
ImportBatch IntakesFromRecords(const std::vector<ImportRecord>& records);

// The records of a CSV export whose header names the columns (kImportColumns, in any order).
// kInvalidArgument for a file that is not CSV, has no header, lacks a required column or has a
// column the import does not know (each named).
Result<std::vector<ImportRecord>> ReadImportCsv(std::string_view text);

// What an import did: every row is received on its own, so one refused row does not stop the
// others, and a row whose code the commune already has (the same export sent twice) is counted
// apart rather than refused.
struct ImportReport {
  int imported = 0;
  int already_present = 0;
  std::vector<ImportProblem> refused;  // by line
};

// Receives each row of `batch` into commune `commune_id` (DossierService::Receive), after
// counting the batch's problems as refused. Fails only when storage does (kUnavailable,
// kInternal), leaving the rows received before it in place.
Result<ImportReport> ImportDossiers(DossierService& service, const ImportBatch& batch,
                                    int64_t commune_id, const std::string& agency_code,
                                    const audit::AuditRecord& rec);

}  // namespace xaso::onestop
