// disclosure::DisclosureRepository over SQL (migration 0018). Every write but Create bumps the
// commune's content_version, since the public register, its feed and exports show items,
// files and postings.
#pragma once

#include "core/clock.h"
#include "domain/disclosure/disclosure_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlDisclosureRepository final : public disclosure::DisclosureRepository {
 public:
  // `clock` dates the audit entries and stored files.
  SqlDisclosureRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // xaso::disclosure::DisclosureRepository
  Result<int64_t> Create(const disclosure::Item& item, const audit::AuditRecord& rec) override;
  Result<disclosure::Item> Get(int64_t commune_id, int64_t id) override;
  Result<int64_t> Update(const disclosure::Item& item, const audit::AuditRecord& rec) override;
  Result<disclosure::Attachment> AddAttachment(int64_t commune_id, int64_t item_id, int64_t version,
                                               disclosure::Attachment file,
                                               const audit::AuditRecord& rec) override;
  Status RemoveAttachment(int64_t commune_id, int64_t item_id, int64_t version, int n,
                          const audit::AuditRecord& rec) override;
  Result<disclosure::Attachment> GetAttachment(int64_t commune_id, int64_t item_id, int n) override;
  Result<disclosure::Attachment> GetProof(int64_t commune_id, int64_t item_id,
                                          int64_t posting_id) override;
  Result<int64_t> Publish(int64_t commune_id, int64_t id, int64_t version, int64_t at,
                          const disclosure::Posting& portal,
                          const audit::AuditRecord& rec) override;
  Result<int64_t> CreatePublished(const disclosure::Item& item, disclosure::Attachment file,
                                  int64_t at, const disclosure::Posting& portal,
                                  const audit::AuditRecord& rec) override;
  Result<int64_t> Withdraw(int64_t commune_id, int64_t id, int64_t version, Date on,
                           const std::string& reason, const audit::AuditRecord& rec) override;
  Result<int64_t> AddPosting(int64_t commune_id, int64_t item_id, const disclosure::Posting& p,
                             const std::optional<disclosure::Attachment>& proof,
                             const audit::AuditRecord& rec) override;
  Status TakeDown(int64_t commune_id, int64_t item_id, int64_t posting_id, Date on,
                  const audit::AuditRecord& rec) override;
  Result<std::vector<disclosure::ItemSummary>> List(const disclosure::ItemQuery& q) override;
  Result<int64_t> Count(const disclosure::ItemQuery& q) override;
  Result<std::vector<disclosure::Item>> ItemsOfYear(int64_t commune_id, int year) override;
  Result<std::vector<disclosure::YearCount>> Years(
      int64_t commune_id, disclosure::ItemStatus status,
      const std::vector<std::string>& exclude_types) override;

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace xaso::storage
