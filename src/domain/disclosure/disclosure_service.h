// The rules of the register that need more than one record: the type version an item keeps,
// who may write, the portal posting made at publication, the files' limits, the compliance of
// an item and of the commune, and the quarterly list of what was published (Luật THDCCS Art
// 13(2)), which is itself published as an item of type kLogTypeCode.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/calendar/calendar_service.h"
#include "domain/disclosure/compliance.h"
#include "domain/disclosure/disclosure_repository.h"
#include "domain/identity/identity.h"

namespace xaso::disclosure {

inline constexpr const char* kLogTypeCode = "disclosure_log";

// One line of the quarterly list of published items.
struct LogLine {
  int64_t item_id = 0;
  std::string type_code;
  std::string title;
  std::string decision_number;
  std::vector<Channel> channels;  // distinct, in Channel order
  Date first_out;
  std::optional<Date> until;  // the latest planned end over its postings; none = indefinitely
};

struct QuarterLog {
  Period period;
  std::vector<LogLine> lines;  // by first_out, then item id
};

// The list as CSV (header: item_id,type_code,title,decision_number,channels,first_out,until;
// dates dd/mm/yyyy, channels joined by ';'), the file attached to the published log.
std::string QuarterLogCsv(const QuarterLog& log);

// Stateless apart from its references; thread-safe as far as they are.
class DisclosureService {
 public:
  DisclosureService(DisclosureRepository& repo, const TypeCatalogue& catalogue,
                    calendar::CalendarService& calendar, const Clock& clock)
      : repo_(repo), catalogue_(catalogue), calendar_(calendar), clock_(clock) {}

  // Officers, leaders and administrators write the register.
  static bool CanManage(const identity::Account& who);

  // Each write returns kPermissionDenied, kInvalidArgument (field errors), kNotFound, or
  // kAborted for a stale version.
  //
  // Create: the type must exist on the item's reference date (decision_on, or the period's
  // last day; always the period's for a recurring type), whose version the item keeps; for a
  // recurring type the year defaults to the period's year. Returns the new id.
  Result<int64_t> Create(const identity::Account& who, Item item, const audit::AuditRecord& rec);
  // Type and commune cannot change; the version kept is looked up again from the new dates.
  Result<int64_t> Update(const identity::Account& who, const Item& item,
                         const audit::AuditRecord& rec);
  // files::CheckUpload with `max_bytes` (PDF, images, XLSX...); returns the stored attachment.
  Result<Attachment> Attach(const identity::Account& who, int64_t commune_id, int64_t item_id,
                            int64_t version, const std::string& filename, std::string bytes,
                            size_t max_bytes, const audit::AuditRecord& rec);
  Status Detach(const identity::Account& who, int64_t commune_id, int64_t item_id, int64_t version,
                int n, const audit::AuditRecord& rec);
  // Publishes a draft now, adding the portal posting (from today; until the end of the
  // posting window for a personal-data type, indefinitely otherwise).
  Result<int64_t> Publish(const identity::Account& who, int64_t commune_id, int64_t id,
                          int64_t version, const audit::AuditRecord& rec);
  Result<int64_t> Withdraw(const identity::Account& who, int64_t commune_id, int64_t id,
                           int64_t version, const std::string& reason,
                           const audit::AuditRecord& rec);
  // Records a posting on a channel other than the portal, with an optional proof (an image or
  // PDF, checked like an attachment). The result carries the item's compliance after the
  // posting, so that the page can show at once that it is too short. Returns the posting id.
  struct PostingResult {
    int64_t posting_id = 0;
    ItemCompliance compliance;
  };
  Result<PostingResult> AddPosting(const identity::Account& who, int64_t commune_id,
                                   int64_t item_id, Posting p,
                                   std::optional<std::pair<std::string, std::string>> proof,
                                   size_t max_bytes, const audit::AuditRecord& rec);
  Status TakeDown(const identity::Account& who, int64_t commune_id, int64_t item_id,
                  int64_t posting_id, Date on, const audit::AuditRecord& rec);

  // The item's compliance today.
  Result<ItemCompliance> Check(const Item& item);
  // The commune's compliance for `year`, today.
  Result<CommuneCompliance> CheckYear(int64_t commune_id, int year);
  // The type version an item keeps (nullptr when the catalogue lost it).
  const DisclosureType* TypeOf(const Item& item) const;
  // Whether the public may see the item today (compliance.h IsPublicOn).
  bool IsPublicNow(const Item& item) const;

  // The items published (not drafts) whose first posting fell in the quarter.
  Result<QuarterLog> BuildQuarterLog(int64_t commune_id, int year, int quarter);
  // Builds the quarter's list and publishes it as an item of type kLogTypeCode with the list
  // in its summary and as a CSV attachment; kFailedPrecondition when that quarter's log is
  // already published. Returns the new item's id.
  Result<int64_t> PublishQuarterLog(const identity::Account& who, int64_t commune_id, int year,
                                    int quarter, const audit::AuditRecord& rec);

  const TypeCatalogue& catalogue() const { return catalogue_; }

 private:
  // Picks the type version for the item's dates and validates it (the year of a recurring
  // type's item is its period's).
  Status Prepare(Item& item) const;
  // The portal posting publication adds, starting at `now`'s day (for a personal-data type,
  // ending with the item's posting window).
  Posting PortalPosting(const Item& item, const DisclosureType& type, const identity::Account& who,
                        int64_t now) const;

  DisclosureRepository& repo_;
  const TypeCatalogue& catalogue_;
  calendar::CalendarService& calendar_;
  const Clock& clock_;
};

}  // namespace xaso::disclosure
