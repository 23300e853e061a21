// Pieces shared by the public and the staff feedback pages: category names, status labels,
// and the submission form (its choices, its values after an error, and what it submits).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "domain/feedback/feedback.h"
#include "web/router.h"

namespace xaso::web {

using CategoryNames = std::map<int64_t, std::string>;

// The commune's categories by id, named in the page's language.
CategoryNames LoadCategoryNames(Context& ctx, int64_t commune_id);
std::string CategoryName(const CategoryNames& names, int64_t id);
std::string FeedbackStatusLabel(Lang lang, feedback::ItemStatus status);
// The public lists' page position: ?truoc=ID lists items older than ID; 0 when absent, nullopt
// when not an id.
std::optional<int64_t> BeforeParam(const Context& ctx);
// The form's choices (active categories, kinds, villages) with the posted values kept.
void FillSubmissionForm(Context& ctx, int64_t commune_id, Data& d);
// What the form says, unchecked (FeedbackService::Submit checks it). An unparseable category
// becomes 0, which Submit refuses; a village not of the commune is left out. The files of the
// "photo" input are moved out of ctx.files into the submission's photos.
feedback::Submission SubmissionFromForm(Context& ctx, int64_t commune_id,
                                        feedback::Channel channel);
// The item's photos for a template: {{#photos}} with src (`href_base` + n) and alt text, and
// {{has_photos}}; nothing when it has none.
void SetPhotos(Context& ctx, int64_t commune_id, const feedback::Feedback& f,
               const std::string& href_base, Data& d);
// The `n` path parameter of a photo route: 1..kMaxPhotos, else nullopt.
std::optional<int> PhotoNumber(const Context& ctx);
// A stored photo, shown inline with the type it was stored under (never sniffed).
Response PhotoResponse(feedback::Photo photo);

}  // namespace xaso::web
