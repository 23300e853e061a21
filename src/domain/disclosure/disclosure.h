// A disclosure item (mục công khai): one thing the commune made public, what it follows (a
// decision or document, or a period), its files with their SHA-256, and every channel it went
// out on with the dates and the proof. The item's obligations come from its type's version
// (disclosure_type.h); what it met is computed by compliance.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace xaso::disclosure {

enum class ItemStatus {
  kDraft,      // being prepared: staff only
  kPublished,  // on the portal (subject to the personal-data window)
  kWithdrawn,  // taken off the portal with a reason; kept for the record and for compliance
};
std::optional<ItemStatus> ParseItemStatus(std::string_view code);  // "draft", "published", ...
std::string_view ItemStatusCode(ItemStatus s);

// The forms of Luật THDCCS Art 12(1) the register tracks.
enum class Channel {
  kNoticeBoard,   // niêm yết at the UBND xã headquarters (Art 13(2))
  kVillageHouse,  // niêm yết at a village cultural house or meeting point (Art 13(2))
  kRadio,         // the commune radio (Art 13(3))
  kPortal,        // this portal: recorded by the system when the item is published
  kVillageHead,   // relayed by the village head (Art 13(4))
  kMeeting,       // a meeting or dialogue conference
  kOther,
};
std::optional<Channel> ParseChannel(std::string_view code);  // "notice_board", "village_house",
std::string_view ChannelCode(Channel c);  // "radio", "portal", "village_head", "meeting", "other"
// Notice boards and village houses: the channels whose days count as posting (niêm yết).
bool IsPosting(Channel c);

// One file of an item. The bytes live in file_blob (ADR 0005); the hash is shown publicly so
// anyone can check a downloaded copy.
struct Attachment {
  int n = 0;             // 1, 2, ... in the order attached; the {n} of the download URL
  std::string filename;  // files::SafeFilename of the uploaded name
  std::string content_type;
  std::string sha256;  // lower-case hex
  int64_t size = 0;
  std::string bytes;  // filled only when a file is stored or downloaded
};

// One spell of the item on one channel.
//
// Days are counted inclusively: a posting from 01/03 with `until` 30/03 is planned for 30 days;
// one taken down on 31/03 was up for 30 days (it was not up on the day it came down). Radio
// entries use `until` for the last day broadcast.
struct Posting {
  int64_t id = 0;
  Channel channel = Channel::kNoticeBoard;
  int64_t village_id = 0;  // kVillageHouse and kVillageHead: which village; 0 otherwise
  Date started_on;
  std::optional<Date> until;          // the last day it is meant to stay up; none = indefinitely
  std::optional<Date> taken_down_on;  // recorded when it came down
  std::string note;                   // the radio log ("06:00 and 17:00, 3 days"), a place, ...
  // A dated photo of the notice board or a scan of the radio log, in file_blob; "" when none.
  std::string proof_sha256;
  std::string proof_content_type;
  int64_t recorded_at = 0;  // Unix seconds: when the posting was entered (the proof's date)
  int64_t recorded_by = 0;  // account id
};

struct Item {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string type_code;
  Date type_effective_from;         // the version of the type the item keeps
  std::string title;                // 1–300 characters
  std::string summary;              // 0–20,000 characters of plain text
  int year = 0;                     // the year it belongs to (pages by type and year)
  std::string period_key;           // recurring types: "2026-Q1" or "2026"; "" otherwise
  std::string decision_number;      // "15/QĐ-UBND"; "" when it follows no document
  std::optional<Date> decision_on;  // required for a type that does not recur
  int64_t unit_id = 0;              // the responsible unit; 0 = the UBND itself
  ItemStatus status = ItemStatus::kDraft;
  int64_t published_at = 0;  // Unix seconds, 0 while a draft
  std::string withdrawn_reason;
  std::vector<Attachment> attachments;  // without bytes
  std::vector<Posting> postings;        // by started_on, then id
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t created_by = 0;
};

// Field checks that need no storage: title and summary length and UTF-8, year 2000–2100, a
// period key that matches the type's recurrence (and is required for a recurring type), a
// decision date for a non-recurring type. kInvalidArgument with field errors ("title",
// "summary", "year", "period_key", "decision_on").
struct DisclosureType;
Status ValidateItem(const Item& item, const DisclosureType& type);

// A posting's own checks: an end or take-down before the start, a village on a village
// channel (and none elsewhere), a portal posting entered by hand (kInvalidArgument, field
// errors "until", "taken_down_on", "village_id", "channel"). A posting shorter than the rule is
// valid: compliance flags it, it is never refused.
Status ValidatePosting(const Posting& p);

}  // namespace xaso::disclosure
