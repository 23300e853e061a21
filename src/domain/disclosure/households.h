// The poor-household review list (LEGAL.md §9): the households the commune's review classed as
// poor, near-poor or leaving poverty, posted for objections, the objections received and
// settled, and the final list. It is the content of an item whose type has
// Structure::kHouseholdList. Only what the law makes public is held (LEGAL.md §11): the head of
// household's name, the village and the class; never ID numbers, incomes, phones or scores.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/disclosure/compliance.h"
#include "domain/disclosure/disclosure.h"
#include "domain/disclosure/disclosure_type.h"
#include "domain/identity/identity.h"

namespace xaso::disclosure {

enum class HouseholdClass { kPoor, kNearPoor, kLeavingPoverty };
// "ngheo", "can_ngheo", "thoat_ngheo"; the Vietnamese words ("Hộ cận nghèo", "thoát nghèo")
// are accepted too, with or without diacritics.
std::optional<HouseholdClass> ParseHouseholdClass(std::string_view text);
std::string_view HouseholdClassCode(HouseholdClass c);
std::string_view HouseholdClassLabelVi(HouseholdClass c);  // "Hộ nghèo", "Hộ cận nghèo", ...

enum class HouseholdStatus {
  kListed,                 // on the list as posted
  kRemovedAfterObjection,  // on the posted list, taken off by an upheld objection
  kAddedAfterObjection,    // missing from the posted list, added by an upheld objection
};
std::optional<HouseholdStatus> ParseHouseholdStatus(std::string_view code);
std::string_view HouseholdStatusCode(HouseholdStatus s);  // "listed", "removed", "added"

struct Household {
  int64_t id = 0;
  std::string head_name;  // chủ hộ, 1–200 characters
  int64_t village_id = 0;
  HouseholdClass household_class = HouseholdClass::kPoor;
  HouseholdStatus status = HouseholdStatus::kListed;
};

enum class ObjectionOutcome { kUpheld, kRejected };
std::optional<ObjectionOutcome> ParseObjectionOutcome(std::string_view code);
std::string_view ObjectionOutcomeCode(ObjectionOutcome o);  // "upheld", "rejected"

// An objection (khiếu nại, kiến nghị) to the posted list, received by the commune.
struct Objection {
  int64_t id = 0;
  // The listed household objected to (upheld: it is removed), or 0 for "this household should
  // be on the list" (upheld: `proposed` is added).
  int64_t household_id = 0;
  std::optional<Household> proposed;  // only when household_id == 0
  Date received_on;
  // Who objected: staff only, never on a public page or export. "" when anonymous.
  std::string objector;
  std::string text;  // 1–5,000 characters
  std::optional<Date> settled_on;
  std::optional<ObjectionOutcome> outcome;
  std::string answer;  // the commune's answer, required when settling
};

// The objection window is the posting window: from the item's first posting (any channel) to
// that day + the type's posting_days - 1, inclusive. nullopt while the item has not gone out,
// or for a permanent type (which has no end).
using ObjectionWindow = DateSpan;
std::optional<ObjectionWindow> WindowOf(const Item& item, const DisclosureType& type);

// Received outside the window (before the list went out, or after it ended): accepted and
// recorded, but flagged so the review committee sees it came late.
bool IsLate(const Objection& o, const std::optional<ObjectionWindow>& window);

// The final list: the posted households less those removed, plus those added, in list order.
std::vector<Household> FinalList(const std::vector<Household>& households);
// Whether the review is settled: at least one objection, and none open.
bool AllSettled(const std::vector<Objection>& objections);

// One refused line of an import; `line` is the CSV line (1 = the header).
struct ImportProblem {
  int line = 0;
  std::string message_vi;
};
struct HouseholdImport {
  std::vector<Household> households;  // in file order, status kListed, ids 0
  std::vector<ImportProblem> problems;
};
// CSV with exactly the columns head_name,village,classification (in any order). Villages are
// matched by name, ignoring case and diacritics. Every problem is reported, one per line: an
// empty or too long name, an unknown village, a bad class, a household (name and village)
// repeated. Any other column is refused outright, so an ID number or income never reaches the
// database. A file that does not parse gives one problem naming its line.
HouseholdImport ParseHouseholdCsv(std::string_view csv,
                                  const std::vector<identity::Village>& villages);
// The header line of the import, for the form's example.
inline constexpr std::string_view kHouseholdCsvHeader = "head_name,village,classification";

// The storage port. Scoped by commune; every change writes its audit entry in the same
// transaction.
class HouseholdRepository {
 public:
  virtual ~HouseholdRepository() = default;
  // Replaces the item's list in one transaction; kFailedPrecondition once the item has an
  // objection (the posted list is then the record objections refer to).
  virtual Status ReplaceList(int64_t commune_id, int64_t item_id,
                             const std::vector<Household>& households,
                             const audit::AuditRecord& rec) = 0;
  // By village id, then head_name, then id.
  virtual Result<std::vector<Household>> List(int64_t commune_id, int64_t item_id) = 0;
  // Stores an objection (validated); kNotFound when household_id is not on the item's list.
  virtual Result<int64_t> AddObjection(int64_t commune_id, int64_t item_id, const Objection& o,
                                       const audit::AuditRecord& rec) = 0;
  // By received_on, then id.
  virtual Result<std::vector<Objection>> Objections(int64_t commune_id, int64_t item_id) = 0;
  // Settles an open objection and, when upheld, removes its household (status
  // kRemovedAfterObjection) or adds its proposed one (kAddedAfterObjection), in one
  // transaction. kNotFound for an unknown objection, kFailedPrecondition when already settled.
  virtual Status Settle(int64_t commune_id, int64_t item_id, int64_t objection_id, Date on,
                        ObjectionOutcome outcome, const std::string& answer,
                        const audit::AuditRecord& rec) = 0;
};

// Everything a page shows of one item's review.
struct HouseholdReviewView {
  std::vector<Household> households;  // as posted and after objections (see status)
  std::vector<Objection> objections;
  std::optional<ObjectionWindow> window;
  std::vector<Household> final_list;
  bool settled = false;  // AllSettled
};

// The rules that need the item, its type and the clock. Stateless apart from its references.
class HouseholdReview {
 public:
  HouseholdReview(HouseholdRepository& repo, const TypeCatalogue& catalogue, const Clock& clock)
      : repo_(repo), catalogue_(catalogue), clock_(clock) {}

  // Whether `item`'s type version carries a household list.
  bool HasList(const Item& item) const;

  // Each write: kPermissionDenied unless the account manages the register (officer, leader,
  // admin), kFailedPrecondition when the item's type has no household list or it is
  // withdrawn.
  //
  // Replaces the list from CSV. With any problem nothing is stored and they are returned (a
  // kInvalidArgument whose field errors are "line N" → message); returns the count stored.
  Result<int> Import(const identity::Account& who, const Item& item, std::string_view csv,
                     const std::vector<identity::Village>& villages, const audit::AuditRecord& rec);
  // Records an objection received on `o.received_on` (not after today); field errors
  // "received_on", "text", "objector", "household_id", "head_name", "village_id".
  Result<int64_t> Object(const identity::Account& who, const Item& item, Objection o,
                         const std::vector<identity::Village>& villages,
                         const audit::AuditRecord& rec);
  // Settles today, with the answer (field error "answer" when blank).
  Status Settle(const identity::Account& who, const Item& item, int64_t objection_id,
                ObjectionOutcome outcome, const std::string& answer, const audit::AuditRecord& rec);
  Result<HouseholdReviewView> Load(const Item& item);

 private:
  Status CheckWritable(const identity::Account& who, const Item& item) const;

  HouseholdRepository& repo_;
  const TypeCatalogue& catalogue_;
  const Clock& clock_;
};

}  // namespace xaso::disclosure
