// The photos of feedback items: rows of feedback_photo over the commune's file_blob store.
// Written inside SqlFeedbackRepository::Create's transaction, so an item is stored with all
// its photos or not at all.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/feedback/feedback.h"

namespace soci {
class session;
}

namespace xaso::storage {

// Stores `photos` (already scrubbed) as photos 1..n of item `feedback_id`, each file's bytes
// once per commune. Throws what SOCI throws; the caller's transaction rolls it all back.
void InsertFeedbackPhotos(soci::session& s, long long commune_id, long long feedback_id,
                          const std::vector<feedback::Photo>& photos, int64_t now);

}  // namespace xaso::storage
