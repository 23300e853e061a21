#include "storage/feedback/sql_feedback_photos.h"

#include <soci/soci.h>

#include "platform/crypto.h"
#include "storage/feedback/sql_feedback_repository.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

void InsertFeedbackPhotos(soci::session& s, long long commune_id, long long feedback_id,
                          const std::vector<feedback::Photo>& photos, int64_t now) {
  long long at = now;
  int n = 0;
  for (const feedback::Photo& p : photos) {
    ++n;
    long long size = static_cast<long long>(p.bytes.size());
    const std::string sha = platform::Sha256Hex(p.bytes);
    const std::string data = platform::Base64Encode(p.bytes);
    s << "INSERT INTO file_blob (commune_id, sha256, size, data, created_at) VALUES (:c, :h, :s, "
         ":d, :a) ON CONFLICT (commune_id, sha256) DO NOTHING",
        soci::use(commune_id), soci::use(sha), soci::use(size), soci::use(data), soci::use(at);
    s << "INSERT INTO feedback_photo (commune_id, feedback_id, n, sha256, content_type, size) "
         "VALUES (:c, :f, :n, :h, :t, :s)",
        soci::use(commune_id), soci::use(feedback_id), soci::use(n), soci::use(sha),
        soci::use(p.content_type), soci::use(size);
  }
}

Result<std::vector<feedback::PhotoInfo>> SqlFeedbackRepository::ListPhotos(int64_t commune_id,
                                                                           int64_t id) {
  return QueryAll<feedback::PhotoInfo>(
      db_,
      "SELECT n, content_type, size FROM feedback_photo WHERE commune_id = :c AND "
      "feedback_id = :f ORDER BY n",
      [](const soci::row& r) {
        return feedback::PhotoInfo{static_cast<int>(RowInt(r, 0)), RowText(r, 1), RowInt(r, 2)};
      },
      static_cast<long long>(commune_id), static_cast<long long>(id));
}

Result<feedback::Photo> SqlFeedbackRepository::GetPhoto(int64_t commune_id, int64_t id, int n) {
  XASO_ASSIGN_OR_RETURN(
      auto found,
      QueryAll<feedback::Photo>(
          db_,
          "SELECT p.content_type, b.data FROM feedback_photo p JOIN file_blob b ON "
          "b.commune_id = p.commune_id AND b.sha256 = p.sha256 WHERE p.commune_id = :c AND "
          "p.feedback_id = :f AND p.n = :n",
          [](const soci::row& r) {
            return feedback::Photo{"", RowText(r, 0), RowText(r, 1)};
          },
          static_cast<long long>(commune_id), static_cast<long long>(id), n));
  if (found.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy ảnh.");
  auto bytes = platform::Base64Decode(found.front().bytes);
  if (!bytes) return MakeError(ErrorCode::kInternal, "stored photo is not valid base64");
  found.front().bytes = std::move(*bytes);
  return std::move(found.front());
}

}  // namespace xaso::storage
