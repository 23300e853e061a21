// The dossiers onestop_bench loads in bulk: `count` dossiers spread over 100 communes and the
// three years before 01/11/2026, made by one INSERT ... SELECT over a generated series, with
// codes the bench can recompute to look them up without reading them first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/onestop/procedure.h"
#include "storage/database.h"

namespace xaso::bench {

inline constexpr int kSeedCommunes = 100;

// The seeded dossier number `n` (1..count): its commune (an index into the communes), the
// time of receipt and its code. The SQL of SeedDossiers computes the same.
struct SeededDossier {
  size_t commune = 0;
  int64_t received_at = 0;
  std::string code;
};
SeededDossier SeededDossierOf(long long n, long long count);

// The agency code of the seeded commune with index `commune`: "000.00.21.B001" ...
std::string SeedAgencyCode(size_t commune);

// Inserts `count` dossiers in one transaction: dossier n goes to communes[n % 100] with the
// procedure procedures[(n / 100) % size] (its name, field, unit and time limit copied as at
// receipt). Those received in the last 20 days are unfinished (received, assigned, processing
// or waiting for a supplement); the others are returned (most, a third of them rated), result
// ready, refused or stopped, six in ten early, three on time and one late. Due dates count
// calendar days, not the legal calendar: the bench reads the rows, it does not judge them.
Status SeedDossiers(storage::Database& db, const std::vector<int64_t>& communes,
                    const std::vector<onestop::Procedure>& procedures, long long count);

}  // namespace xaso::bench
