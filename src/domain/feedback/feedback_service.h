// Receiving feedback: checks, routing to the category's unit, the answer date under the rule
// version in force on the day of receipt (or the category's own number of days), a tracking
// code, and the item stored whole with its history and audit entry, or refused with a reason.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/random_source.h"
#include "core/ttl_cache.h"
#include "domain/calendar/calendar_service.h"
#include "domain/feedback/feedback_repository.h"
#include "domain/identity/identity.h"
#include "domain/rules/rule_book.h"

namespace xaso::feedback {

// The rule book's number of working days to answer, unless the category sets its own.
inline constexpr const char* kAnswerRule = "feedback.answer_max";

// How photos are taken in: the size limit of one file, and `scrub`, which returns the image
// without its metadata or kInvalidArgument (platform::StripImageMetadata in production; the
// domain cannot call the platform layer itself).
struct PhotoIntake {
  size_t max_bytes = 10 << 20;
  std::function<Result<std::string>(std::string_view bytes)> scrub;
};

class FeedbackService {
 public:
  // `photos.scrub` must be set.
  FeedbackService(FeedbackRepository& repo, rules::RuleRepository& rules,
                  calendar::CalendarService& calendar, const Clock& clock, RandomSource random,
                  PhotoIntake photos);

  // The stored item (with its tracking code and answer date). kInvalidArgument for a bad
  // submission, an unknown or inactive category (field "category"), or a photo that is not a
  // JPEG, PNG or WebP image, is too large, cannot be scrubbed, or is one too many (field
  // "photo"): then nothing is stored. Photos are stored scrubbed, never as sent. `entered_by`
  // is the staff account entering it for a citizen, or 0.
  Result<Feedback> Submit(const Submission& s, int64_t entered_by, const audit::AuditRecord& rec);

  // Applies `m` to `current` (the item as the person acting saw it) through
  // FeedbackRepository::Apply; an answer carries its answer time in working days, counted in
  // the commune's legal calendar up to today.
  Result<int64_t> Apply(const Feedback& current, Move m, const audit::AuditRecord& rec);

  // Whether `who` may act on `f` (assign, start, answer, forward, close): the commune's clerk,
  // leader and admin on any item; an officer on the items assigned to his unit.
  static bool CanHandle(const identity::Account& who, const Feedback& f);

  // Drops the categories kept for a minute, after a category was renamed, rerouted or
  // deactivated, so that the next submission sees the change.
  void ForgetCategories() { categories_.Clear(); }

 private:
  // The commune's active category `id`, from a list kept for a minute and read again once
  // when `id` is not in it (a category just added); kInvalidArgument when there is none.
  Result<Category> ActiveCategory(int64_t commune_id, int64_t id);

  FeedbackRepository& repo_;
  rules::RuleRepository& rules_;
  calendar::CalendarService& calendar_;
  const Clock& clock_;
  RandomSource random_;
  PhotoIntake photos_;
  TtlCache<int64_t, std::vector<Category>> categories_{60};
};

}  // namespace xaso::feedback
