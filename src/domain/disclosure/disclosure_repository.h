// The storage port of the disclosure register. Scoped by commune: another commune's item is
// kNotFound. Every change writes its audit entry in the same transaction, and file bytes go to
// file_blob in that transaction too (ADR 0005), so a refused change leaves nothing behind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/disclosure/disclosure.h"

namespace xaso::disclosure {

// A line of a list: the item without files, postings or summary.
struct ItemSummary {
  int64_t id = 0;
  std::string type_code;
  Date type_effective_from;
  std::string title;
  int year = 0;
  std::string period_key;
  std::string decision_number;
  std::optional<Date> decision_on;
  ItemStatus status = ItemStatus::kDraft;
  int64_t published_at = 0;
  std::optional<Date> first_out;  // the earliest posting start, any channel
  int attachments = 0;
};

// A year of the register and how many items it holds (of a status, some types left out).
struct YearCount {
  int year = 0;
  int64_t items = 0;
  bool operator==(const YearCount&) const = default;
};

// The most types one list of a query may name: the storage binds a parameter per type, and a
// bounded statement keeps every read's cost bounded. The public pages name every personal-data
// type of the catalogue at once, so the catalogue must stay within it (a domain test checks).
inline constexpr size_t kMaxQueryTypes = 12;

struct ItemQuery {
  int64_t commune_id = 0;
  std::optional<std::string> type_code;
  // Only these types (empty: any type), as type_code for several at once. At most
  // kMaxQueryTypes codes; more is kInvalidArgument.
  std::vector<std::string> only_types;
  std::optional<int> year;
  std::optional<ItemStatus> status;
  // FoldVietnamese of the words searched: each word must occur in the folded title, summary or
  // decision number ("cong khai ngan sach" finds "Công khai ngân sách"). "" = no search.
  std::string folded_words;
  // Types left out (the public register hides personal-data types whose window has passed, so
  // its count and years must not reveal them either). At most kMaxQueryTypes codes; more is
  // kInvalidArgument.
  std::vector<std::string> exclude_types;
  // Items whose first day out (ItemSummary::first_out) is on or after `out_from` and on or
  // before `out_until`; an item never out matches neither bound. Unset: no bound.
  std::optional<Date> out_from;
  std::optional<Date> out_until;
  int limit = 50;
  int offset = 0;
};

class DisclosureRepository {
 public:
  virtual ~DisclosureRepository() = default;

  // Stores a new item (already validated) as a draft with version 1; returns its id.
  virtual Result<int64_t> Create(const Item& item, const audit::AuditRecord& rec) = 0;
  // The item with its attachments (no bytes) and postings.
  virtual Result<Item> Get(int64_t commune_id, int64_t id) = 0;
  // Replaces title, summary, year, period_key, decision_number, decision_on, unit_id and
  // type_effective_from (the service looks the version up again from the new dates) when the
  // stored version is item.version (kAborted when stale); returns the new version.
  virtual Result<int64_t> Update(const Item& item, const audit::AuditRecord& rec) = 0;
  // Stores the file (bytes filled; n, sha256 and size are set here) as the item's next
  // attachment at `version` (kAborted when stale; kFailedPrecondition when withdrawn).
  // Returns the attachment without bytes.
  virtual Result<Attachment> AddAttachment(int64_t commune_id, int64_t item_id, int64_t version,
                                           Attachment file, const audit::AuditRecord& rec) = 0;
  // Removes attachment n from a draft (kFailedPrecondition once published: a published file
  // stays, so that its hash can always be checked).
  virtual Status RemoveAttachment(int64_t commune_id, int64_t item_id, int64_t version, int n,
                                  const audit::AuditRecord& rec) = 0;
  // Attachment n with its bytes; kNotFound when none.
  virtual Result<Attachment> GetAttachment(int64_t commune_id, int64_t item_id, int n) = 0;
  // The proof file of a posting, bytes filled (filename empty); kNotFound when none.
  virtual Result<Attachment> GetProof(int64_t commune_id, int64_t item_id, int64_t posting_id) = 0;

  // Draft → published at `at` (Unix seconds), adding `portal` (channel kPortal) as a posting,
  // when the stored version is `version`. kFailedPrecondition unless a draft.
  virtual Result<int64_t> Publish(int64_t commune_id, int64_t id, int64_t version, int64_t at,
                                  const Posting& portal, const audit::AuditRecord& rec) = 0;
  // Stores a generated item (already validated, e.g. the quarterly list) with `file` as its
  // attachment 1 and publishes it at `at` with the portal posting `portal`, all in one
  // transaction: a failure leaves nothing. kFailedPrecondition, inside that transaction, when
  // the commune already has a published item of the same type and period_key, so that two
  // concurrent calls publish one. Returns the new item's id.
  virtual Result<int64_t> CreatePublished(const Item& item, Attachment file, int64_t at,
                                          const Posting& portal, const audit::AuditRecord& rec) = 0;
  // Published → withdrawn, with the reason; the portal posting gets taken_down_on = `on`.
  virtual Result<int64_t> Withdraw(int64_t commune_id, int64_t id, int64_t version, Date on,
                                   const std::string& reason, const audit::AuditRecord& rec) = 0;
  // Adds a posting (validated); `proof` with bytes filled, or nullopt. Returns its id.
  virtual Result<int64_t> AddPosting(int64_t commune_id, int64_t item_id, const Posting& p,
                                     const std::optional<Attachment>& proof,
                                     const audit::AuditRecord& rec) = 0;
  // Records the day a posting came down (kFailedPrecondition when it already has one).
  virtual Status TakeDown(int64_t commune_id, int64_t item_id, int64_t posting_id, Date on,
                          const audit::AuditRecord& rec) = 0;

  // Newest decision or period first, then newest id.
  virtual Result<std::vector<ItemSummary>> List(const ItemQuery& q) = 0;
  virtual Result<int64_t> Count(const ItemQuery& q) = 0;
  // Every item of the commune whose year is `year`, with postings and attachments (no bytes):
  // the input of CheckCommune.
  virtual Result<std::vector<Item>> ItemsOfYear(int64_t commune_id, int year) = 0;
  // The years that have items with status `status` whose type is not in `exclude_types` (as
  // ItemQuery::exclude_types), newest first, each with its number of such items: the public
  // list takes its year select and, unless narrowed by type or search, its total from one read.
  virtual Result<std::vector<YearCount>> Years(int64_t commune_id, ItemStatus status,
                                               const std::vector<std::string>& exclude_types) = 0;
};

}  // namespace xaso::disclosure
