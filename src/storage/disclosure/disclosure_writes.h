// What the write paths of SqlDisclosureRepository (sql_disclosure_repository.cc, and
// sql_disclosure_files.cc for files) share: the audit entity, the errors of a refused guarded
// UPDATE, and storing file bytes in file_blob. Internal to storage/disclosure.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "domain/disclosure/disclosure.h"

namespace soci {
class session;
}

namespace xaso::storage {

// The audit entries' entity for items, their files and postings.
inline constexpr const char* kDisclosureEntity = "disclosure_item";

Error DisclosureNotFound();

// Why a guarded UPDATE of item `id` at version `v` changed no row: the item is not the
// commune's (kNotFound), its version moved on (kAborted), or its status does not allow the
// change (kFailedPrecondition with `state_message`).
Error DisclosureRefusal(soci::session& s, long long c, long long id, long long v,
                        const std::string& state_message);

// Stores `bytes` once per commune in file_blob (ADR 0005) inside the caller's transaction;
// returns their SHA-256.
std::string StoreDisclosureBlob(soci::session& s, long long c, const std::string& bytes,
                                int64_t now);

// Inserts `file` (bytes filled) as item `id`'s next attachment inside the caller's transaction,
// setting its n, size and sha256.
void InsertDisclosureAttachment(soci::session& s, long long c, long long id,
                                disclosure::Attachment& file, int64_t now);

// Rewrites item `id`'s list columns first_out and files (migration 0021) from its postings and
// files, inside the transaction that changed one of them.
void RefreshDisclosureLine(soci::session& s, long long c, long long id);

}  // namespace xaso::storage
