// Answer sheets written to PostgreSQL with COPY … FROM STDIN inside the caller's transaction.
// Measured against multi-row INSERTs of 500 rows (docs/performance.md, survey_bench), the
// server's CPU was the same, but the wall-clock time of an import of 100,000 sheets was a third
// lower: the client streams rows while the server stores them instead of waiting for each batch.
#pragma once

#include <span>

#include <soci/soci.h>

#include "domain/survey/survey.h"

namespace xaso::storage {

// Throws soci::soci_error (the server's one-line message, never the row it refused) when the
// server refuses a row; the caller's transaction is then to be rolled back.
void CopyResponses(soci::session& s, long long survey_id, long long commune_id,
                   std::span<const survey::Response> responses);

}  // namespace xaso::storage
