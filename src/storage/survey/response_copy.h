// Answer sheets written to PostgreSQL with COPY … FROM STDIN inside the caller's transaction.
// The server's work is the same as for multi-row INSERTs (about 1 s of CPU for 100,000 sheets),
// but the client streams the rows while the server stores them instead of waiting for each
// batch, and the import's wall-clock time fell by a third (docs/performance.md, survey_bench).
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
