// An in-memory DisclosureRepository for the domain tests, with the rules the SQL one keeps:
// commune scoping, versions, drafts-only file removal and audit entries in the same change.
// Test-only; not part of domain_disclosure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/disclosure/disclosure_repository.h"

namespace xaso::disclosure::testing {

class FakeDisclosureRepository final : public DisclosureRepository {
 public:
  std::map<int64_t, Item> items;                         // by id, bytes kept in files
  std::map<std::pair<int64_t, int>, std::string> files;  // (item, n) → bytes
  std::map<int64_t, Attachment> proofs;                  // posting id → proof with bytes
  std::vector<audit::AuditRecord> audit;
  // Village and unit id → commune: a posting's village and an item's unit must be the
  // commune's, as the SQL repository checks.
  std::map<int64_t, int64_t> villages;
  std::map<int64_t, int64_t> units;
  // Makes the next CreatePublished fail after its checks, as a lost connection would: nothing
  // is stored, like the SQL transaction rolled back.
  bool fail_next_create_published = false;

  // xaso::disclosure::DisclosureRepository
  Result<int64_t> Create(const Item& item, const audit::AuditRecord& rec) override;
  Result<Item> Get(int64_t commune_id, int64_t id) override;
  Result<int64_t> Update(const Item& item, const audit::AuditRecord& rec) override;
  Result<Attachment> AddAttachment(int64_t commune_id, int64_t item_id, int64_t version,
                                   Attachment file, const audit::AuditRecord& rec) override;
  Status RemoveAttachment(int64_t commune_id, int64_t item_id, int64_t version, int n,
                          const audit::AuditRecord& rec) override;
  Result<Attachment> GetAttachment(int64_t commune_id, int64_t item_id, int n) override;
  Result<Attachment> GetProof(int64_t commune_id, int64_t item_id, int64_t posting_id) override;
  Result<int64_t> Publish(int64_t commune_id, int64_t id, int64_t version, int64_t at,
                          const Posting& portal, const audit::AuditRecord& rec) override;
  Result<int64_t> CreatePublished(const Item& item, Attachment file, int64_t at,
                                  const Posting& portal, const audit::AuditRecord& rec) override;
  Result<int64_t> Withdraw(int64_t commune_id, int64_t id, int64_t version, Date on,
                           const std::string& reason, const audit::AuditRecord& rec) override;
  Result<int64_t> AddPosting(int64_t commune_id, int64_t item_id, const Posting& p,
                             const std::optional<Attachment>& proof,
                             const audit::AuditRecord& rec) override;
  Status TakeDown(int64_t commune_id, int64_t item_id, int64_t posting_id, Date on,
                  const audit::AuditRecord& rec) override;
  Result<std::vector<ItemSummary>> List(const ItemQuery& q) override;
  Result<int64_t> Count(const ItemQuery& q) override;
  Result<std::vector<Item>> ItemsOfYear(int64_t commune_id, int year) override;
  Result<std::vector<YearCount>> Years(int64_t commune_id, ItemStatus status,
                                       const std::vector<std::string>& exclude_types) override;

 private:
  // The item of the commune at `version`, or kNotFound / kAborted.
  Result<Item*> AtVersion(int64_t commune_id, int64_t id, int64_t version);
  bool Matches(const Item& item, const ItemQuery& q) const;
  Status UnitOfCommune(const Item& item) const;

  int64_t next_id_ = 1;
  int64_t next_posting_id_ = 1;
};

}  // namespace xaso::disclosure::testing
