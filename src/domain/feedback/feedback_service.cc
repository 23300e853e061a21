#include "domain/feedback/feedback_service.h"

#include <algorithm>

#include "domain/files/upload.h"

namespace xaso::feedback {

namespace {
// A tracking code is drawn again when taken; with 31^8 codes a second clash is beyond belief.
constexpr int kCodeAttempts = 3;

bool HasImageExtension(std::string_view filename) {
  const std::string ext = files::FileExtension(filename);
  return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "webp";
}

Error PhotoError(std::string message) {
  return Error{
      ErrorCode::kInvalidArgument, "Phản ánh chưa hợp lệ.", {{"photo", std::move(message)}}};
}

// Checks each photo's type from its bytes and its size, and replaces its bytes with the
// scrubbed ones; the first problem refuses the whole submission.
Status TakeInPhotos(std::vector<Photo>& photos, const PhotoIntake& intake) {
  if (photos.size() > kMaxPhotos) {
    return PhotoError("Gửi tối đa " + std::to_string(kMaxPhotos) + " ảnh.");
  }
  for (size_t i = 0; i < photos.size(); ++i) {
    Photo& p = photos[i];
    const std::string which = "Ảnh thứ " + std::to_string(i + 1) + ": ";
    auto type = files::CheckUpload(p.filename, p.bytes, intake.max_bytes);
    if (!type || !type->starts_with("image/")) {
      // CheckUpload's own list of accepted types names documents too; keep its message only
      // where it is about this photo (empty, too large, contents not matching the extension).
      const bool about_photo =
          p.bytes.empty() || p.bytes.size() > intake.max_bytes || HasImageExtension(p.filename);
      if (!type && about_photo) return PhotoError(which + type.error().message);
      return PhotoError(which + "chỉ nhận ảnh JPG, PNG hoặc WebP.");
    }
    auto scrubbed = intake.scrub(p.bytes);
    if (!scrubbed) return PhotoError(which + scrubbed.error().message);
    p.content_type = std::move(*type);
    p.bytes = std::move(*scrubbed);
  }
  return Ok{};
}

}  // namespace

FeedbackService::FeedbackService(FeedbackRepository& repo, rules::RuleRepository& rules,
                                 calendar::CalendarService& calendar, const Clock& clock,
                                 RandomSource random, PhotoIntake photos)
    : repo_(repo),
      rules_(rules),
      calendar_(calendar),
      clock_(clock),
      random_(std::move(random)),
      photos_(std::move(photos)) {
  XASO_CHECK(photos_.scrub != nullptr);
}

Result<Category> FeedbackService::ActiveCategory(int64_t commune_id, int64_t id) {
  for (bool reload : {false, true}) {
    if (reload) categories_.Clear();
    XASO_ASSIGN_OR_RETURN(auto categories, categories_.Get(commune_id, clock_.NowUnix(), [&] {
      return repo_.ListCategories(commune_id);
    }));
    for (const Category& c : categories) {
      if (c.id == id && c.active) return c;
    }
  }
  return Error{ErrorCode::kInvalidArgument,
               "Phản ánh chưa hợp lệ.",
               {{"category", "Chọn một lĩnh vực phản ánh của xã."}}};
}

Result<Feedback> FeedbackService::Submit(const Submission& s, int64_t entered_by,
                                         const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(ValidateSubmission(s));
  XASO_ASSIGN_OR_RETURN(auto category, ActiveCategory(s.commune_id, s.category_id));
  Feedback f;
  f.commune_id = s.commune_id;
  f.category_id = s.category_id;
  f.submission = s;
  XASO_RETURN_IF_ERROR(TakeInPhotos(f.submission.photos, photos_));
  f.received_at = clock_.NowUnix();
  f.received_on = clock_.TodayVn();
  f.unit_id = category.unit_id;
  f.status = f.unit_id ? ItemStatus::kAssigned : ItemStatus::kReceived;
  XASO_ASSIGN_OR_RETURN(auto all_rules, rules_.LoadRules());
  XASO_ASSIGN_OR_RETURN(
      auto rule, rules::RuleBook(all_rules).Lookup(kAnswerRule, f.received_on, s.commune_id));
  f.rule_key = rule.key;
  f.rule_effective_from = rule.effective_from;
  if (category.answer_days) {
    f.answer_days = *category.answer_days;
  } else {
    XASO_ASSIGN_OR_RETURN(f.answer_days, rules::RuleBook(all_rules).LookupInt(
                                             kAnswerRule, f.received_on, s.commune_id));
  }
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(s.commune_id));
  f.due_on = AnswerDue(f.received_on, f.answer_days, *cal);
  for (int attempt = 1;; ++attempt) {
    f.tracking_code = MakeTrackingCode(random_(8));
    auto id = repo_.Create(f, entered_by, rec);
    if (id) {
      f.id = *id;
      return f;
    }
    if (id.error().code != ErrorCode::kAlreadyExists || attempt == kCodeAttempts) {
      return id.error();
    }
  }
}

Result<int64_t> FeedbackService::Apply(const Feedback& current, Move m,
                                       const audit::AuditRecord& rec) {
  m.feedback_id = current.id;
  if (m.to == ItemStatus::kAnswered) {
    XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(current.commune_id));
    m.answer_time = TimeToAnswer(current.received_on, current.due_on, clock_.TodayVn(), *cal);
  }
  return repo_.Apply(current.commune_id, m, rec, clock_.NowUnix());
}

bool FeedbackService::CanHandle(const identity::Account& who, const Feedback& f) {
  using identity::Role;
  if (who.commune_id != f.commune_id) return false;
  if (who.role == Role::kClerk || who.role == Role::kLeader || who.role == Role::kAdmin) {
    return true;
  }
  return who.role == Role::kOfficer && f.unit_id.has_value() && who.unit_id == f.unit_id;
}

}  // namespace xaso::feedback
