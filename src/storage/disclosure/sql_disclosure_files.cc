// SqlDisclosureRepository's files: an item's attachments and the postings' proofs, their bytes
// in file_blob (ADR 0005).
#include <soci/soci.h>

#include "platform/crypto.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/content_version.h"
#include "storage/disclosure/disclosure_writes.h"
#include "storage/disclosure/sql_disclosure_repository.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

using disclosure::Attachment;

Error DisclosureNotFound() {
  return MakeError(ErrorCode::kNotFound, "Không tìm thấy mục công khai.");
}

namespace {

Error Stale() {
  return MakeError(ErrorCode::kAborted,
                   "Mục công khai vừa được người khác cập nhật. Tải lại trang để xem bản mới rồi "
                   "làm lại.");
}

}  // namespace

Error DisclosureRefusal(soci::session& s, long long c, long long id, long long v,
                        const std::string& state_message) {
  long long stored = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT version FROM disclosure_item WHERE commune_id = :c AND id = :i", soci::use(c),
      soci::use(id), soci::into(stored, ind);
  if (!s.got_data()) return DisclosureNotFound();
  if (stored != v) return Stale();
  return MakeError(ErrorCode::kFailedPrecondition, state_message);
}

std::string StoreDisclosureBlob(soci::session& s, long long c, const std::string& bytes,
                                int64_t now) {
  long long size = static_cast<long long>(bytes.size()), at = now;
  std::string sha = platform::Sha256Hex(bytes);
  const std::string data = platform::Base64Encode(bytes);
  s << "INSERT INTO file_blob (commune_id, sha256, size, data, created_at) VALUES (:c, :h, :s, "
       ":d, :a) ON CONFLICT (commune_id, sha256) DO NOTHING",
      soci::use(c), soci::use(sha), soci::use(size), soci::use(data), soci::use(at);
  return sha;
}

void InsertDisclosureAttachment(soci::session& s, long long c, long long id, Attachment& file,
                                int64_t now) {
  int n = 0;
  soci::indicator n_ind = soci::i_null;
  s << "SELECT MAX(n) FROM disclosure_attachment WHERE item_id = :i", soci::use(id),
      soci::into(n, n_ind);
  file.n = (n_ind == soci::i_ok ? n : 0) + 1;
  file.size = static_cast<int64_t>(file.bytes.size());
  file.sha256 = StoreDisclosureBlob(s, c, file.bytes, now);
  long long size = file.size;
  s << "INSERT INTO disclosure_attachment (commune_id, item_id, n, filename, content_type, "
       "sha256, size) VALUES (:c, :i, :n, :f, :t, :h, :s)",
      soci::use(c), soci::use(id), soci::use(file.n), soci::use(file.filename),
      soci::use(file.content_type), soci::use(file.sha256), soci::use(size);
  RefreshDisclosureLine(s, c, id);
}

void RefreshDisclosureLine(soci::session& s, long long c, long long id) {
  s << "UPDATE disclosure_item SET first_out = (SELECT MIN(p.started_on) FROM disclosure_posting "
       "p WHERE p.item_id = :p), files = (SELECT COUNT(*) FROM disclosure_attachment a WHERE "
       "a.item_id = :a) WHERE commune_id = :c AND id = :i",
      soci::use(id), soci::use(id), soci::use(c), soci::use(id);
}

Result<Attachment> SqlDisclosureRepository::AddAttachment(int64_t commune_id, int64_t item_id,
                                                          int64_t version, Attachment file,
                                                          const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = item_id, v = version;
    soci::statement st =
        (s.prepare << "UPDATE disclosure_item SET version = version + 1 WHERE commune_id = :c "
                      "AND id = :i AND version = :v AND status <> 'withdrawn'",
         soci::use(c), soci::use(id), soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return DisclosureRefusal(s, c, id, v, "Mục công khai đã bị gỡ: không thể đính kèm thêm tệp.");
    }
    InsertDisclosureAttachment(s, c, id, file, now);
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, kDisclosureEntity, id, "attach",
                "tệp " + std::to_string(file.n) + " " + file.filename + " (" + file.sha256 + ")",
                now);
    return Ok{};
  }));
  file.bytes.clear();
  return file;
}

Status SqlDisclosureRepository::RemoveAttachment(int64_t commune_id, int64_t item_id,
                                                 int64_t version, int n,
                                                 const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = item_id, v = version;
    soci::statement st =
        (s.prepare << "UPDATE disclosure_item SET version = version + 1 WHERE commune_id = :c "
                      "AND id = :i AND version = :v AND status = 'draft'",
         soci::use(c), soci::use(id), soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return DisclosureRefusal(
          s, c, id, v, "Tệp của mục đã công khai được giữ lại để ai cũng kiểm tra được mã băm.");
    }
    soci::statement del = (s.prepare << "DELETE FROM disclosure_attachment WHERE commune_id = :c "
                                        "AND item_id = :i AND n = :n",
                           soci::use(c), soci::use(id), soci::use(n));
    del.execute(true);
    if (del.get_affected_rows() != 1) {
      return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp đính kèm.");
    }
    RefreshDisclosureLine(s, c, id);
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, kDisclosureEntity, id, "detach", "tệp " + std::to_string(n), now);
    return Ok{};
  });
}

Result<Attachment> SqlDisclosureRepository::GetAttachment(int64_t commune_id, int64_t item_id,
                                                          int n) {
  XASO_ASSIGN_OR_RETURN(
      auto found,
      QueryOne<Attachment>(
          db_,
          "SELECT a.n, a.filename, a.content_type, a.sha256, a.size, b.data FROM "
          "disclosure_attachment a JOIN file_blob b ON b.commune_id = a.commune_id AND b.sha256 = "
          "a.sha256 WHERE a.commune_id = :c AND a.item_id = :i AND a.n = :n",
          [](const soci::row& r) {
            return Attachment{static_cast<int>(RowInt(r, 0)),
                              RowText(r, 1),
                              RowText(r, 2),
                              RowText(r, 3),
                              RowInt(r, 4),
                              RowText(r, 5)};
          },
          static_cast<long long>(commune_id), static_cast<long long>(item_id), n));
  if (!found) return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp đính kèm.");
  auto bytes = platform::Base64Decode(found->bytes);
  if (!bytes) return MakeError(ErrorCode::kInternal, "stored attachment is not valid base64");
  found->bytes = std::move(*bytes);
  return std::move(*found);
}

Result<Attachment> SqlDisclosureRepository::GetProof(int64_t commune_id, int64_t item_id,
                                                     int64_t posting_id) {
  XASO_ASSIGN_OR_RETURN(
      auto found,
      QueryOne<Attachment>(
          db_,
          "SELECT p.proof_content_type, p.proof_sha256, b.size, b.data FROM disclosure_posting "
          "p JOIN file_blob b ON b.commune_id = p.commune_id AND b.sha256 = p.proof_sha256 "
          "WHERE p.commune_id = :c AND p.item_id = :i AND p.id = :p",
          [](const soci::row& r) {
            return Attachment{0, "", RowText(r, 0), RowText(r, 1), RowInt(r, 2), RowText(r, 3)};
          },
          static_cast<long long>(commune_id), static_cast<long long>(item_id),
          static_cast<long long>(posting_id)));
  if (!found)
    return MakeError(ErrorCode::kNotFound, "Không tìm thấy ảnh hoặc bản chụp minh chứng.");
  auto bytes = platform::Base64Decode(found->bytes);
  if (!bytes) return MakeError(ErrorCode::kInternal, "stored proof is not valid base64");
  found->bytes = std::move(*bytes);
  return std::move(*found);
}

}  // namespace xaso::storage
