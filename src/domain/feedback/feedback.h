// Citizen feedback and questions (phản ánh, kiến nghị, hỏi đáp; PRODUCT.md part 7): what a
// citizen sends, how it moves from receipt to answer, and when the answer is due. Open311
// GeoReport v2 (OPEN311.md) is a wire format over these types, not a second model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/calendar/legal_calendar.h"

namespace xaso::feedback {

enum class Kind { kFeedback, kQuestion };
enum class Channel { kPortal, kInPerson, kPhone, kHotline, kLetter, kOpen311 };
// received → assigned → in_progress → answered → closed; answered → in_progress when the
// citizen is not satisfied (reopened); forwarded outside the commune with a note.
enum class ItemStatus { kReceived, kAssigned, kInProgress, kAnswered, kClosed, kForwarded };
enum class Rating { kNone, kSatisfied, kUnsatisfied };

std::string_view KindCode(Kind k);
std::optional<Kind> KindFromCode(std::string_view code);
std::string_view ChannelCode(Channel c);
std::optional<Channel> ChannelFromCode(std::string_view code);
std::string_view StatusCode(ItemStatus s);
std::optional<ItemStatus> StatusFromCode(std::string_view code);
std::string_view RatingCode(Rating r);
std::optional<Rating> RatingFromCode(std::string_view code);

// Open311's two-value status: open until answered, closed or forwarded.
bool IsOpen(ItemStatus s);

// A category a commune answers; its code is the Open311 service_code.
struct Category {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string code;
  std::string name_vi;
  std::string name_en;
  std::string description_vi;
  std::string group_code;
  std::optional<int64_t> unit_id;  // where new items are routed
  std::optional<int> answer_days;  // overrides the rule book's feedback.answer_max
  bool active = true;
};

// The categories every commune starts with (issue 4): infrastructure, environment and
// pollution, security and order, administrative procedures, health, education, land, other;
// `unit_code` names the unit of the demo's unit list that each is routed to.
struct DefaultCategory {
  std::string_view code;
  std::string_view name_vi;
  std::string_view name_en;
  std::string_view group_code;
  std::string_view unit_code;
};
const std::vector<DefaultCategory>& DefaultCategories();

// A photo sent with a submission (issue 4). Until FeedbackService::Submit it is what the
// browser sent; from then on (FeedbackRepository::Create, GetPhoto) its bytes carry no metadata
// but the orientation and its type is the one sniffed from them.
struct Photo {
  std::string filename;      // as sent; only its extension is used, and it is never stored
  std::string content_type;  // image/jpeg, image/png or image/webp
  std::string bytes;
};

// A stored photo without its bytes; `n` counts from 1 in the order the photos were sent.
struct PhotoInfo {
  int n = 0;
  std::string content_type;
  int64_t size = 0;
};

// At most this many photos per item. Not a legal rule: a limit of the form, so that one
// submission stays within the server's upload size and a page of thumbnails stays short.
inline constexpr size_t kMaxPhotos = 3;

// What a citizen (or a clerk on a citizen's behalf, or an Open311 client) sends.
struct Submission {
  int64_t commune_id = 0;
  int64_t category_id = 0;
  Kind kind = Kind::kFeedback;
  Channel channel = Channel::kPortal;
  std::string title;
  std::string description;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string address;
  std::optional<int64_t> village_id;
  std::string citizen_name;   // optional; anonymous is allowed
  std::string citizen_phone;  // optional; never published
  std::string citizen_email;  // optional; never published
  bool show_name = false;     // the citizen agrees to show the name next to the item
  std::vector<Photo> photos;  // only on the way in; items read back carry none (ListPhotos)
};

// kInvalidArgument with one field error per problem: a description missing or over 4,000
// characters, coordinates outside WGS84 or only one of them, a phone or e-mail that cannot be
// one, over-long name, title or address.
Status ValidateSubmission(const Submission& s);

struct Feedback {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string tracking_code;
  int64_t category_id = 0;
  Submission submission;
  ItemStatus status = ItemStatus::kReceived;
  std::optional<int64_t> unit_id;
  int64_t received_at = 0;
  Date received_on;
  std::string rule_key;  // the rule version the answer date was computed under
  Date rule_effective_from;
  int answer_days = 0;
  Date due_on;
  std::string answer;
  std::optional<int64_t> answered_at;
  std::string forwarded_to;
  Rating rating = Rating::kNone;
  bool hidden = false;
  std::string hidden_reason;
  std::optional<int64_t> merged_into;
  int64_t version = 1;
  int64_t updated_at = 0;
  int photo_count = 0;  // as stored (ListPhotos has them)
};

// Whether the citizen may rate `f` now: it has an answer (answered or closed), is not a merged
// duplicate, and its current answer is not rated yet (a reopening clears the rating).
bool CanRate(const Feedback& f);

// Whether `from` may move to `to` (the workflow above). An answer needs text; forwarding
// needs the receiving body.
bool CanMove(ItemStatus from, ItemStatus to);

// The answer date: `days` working days after the day of receipt (the day itself not counted;
// Luật Tiếp công dân Art 28(1)) in the commune's calendar.
Date AnswerDue(Date received_on, int days, const calendar::LegalCalendar& cal);

// Tracking codes are "PA-" followed by 8 characters of an alphabet without look-alikes
// (no 0/O, 1/I/L), easy to read out on the phone. `random` supplies the randomness (one byte
// per character) so that the domain stays free of I/O.
std::string MakeTrackingCode(std::string_view random_bytes);
bool IsTrackingCode(std::string_view code);

// The words of a search of the questions and answers, folded like the stored text
// (FoldVietnamese), at most kMaxSearchTerms of at most 40 characters each, with LIKE's
// wildcards and its escape character escaped by '\\'. Empty when there is nothing to look for.
inline constexpr size_t kMaxSearchTerms = 5;
std::vector<std::string> SearchTerms(std::string_view query);

// A position in the staff register, whose order is: open items first, then by answer date,
// then by id. Its text form "0.2026-01-05.123" goes in the next page's link.
struct RegisterCursor {
  bool done = false;  // answered, closed or forwarded
  Date due_on;
  int64_t id = 0;

  static RegisterCursor After(const Feedback& f) { return {!IsOpen(f.status), f.due_on, f.id}; }
  std::string ToText() const;
  // nullopt for text that ToText cannot have made.
  static std::optional<RegisterCursor> Parse(std::string_view text);
};

}  // namespace xaso::feedback
