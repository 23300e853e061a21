// Feedback statistics on pages (issue 4, part 6): the staff page and the public summary above
// the public list (transparency is a PAPI dimension). Both read the counts storage keeps
// (FeedbackRepository::LoadStatistics), never the items.
#pragma once

#include <cstdint>

#include "web/router.h"

namespace xaso::web {

// GET /quan-ly/phan-anh/thong-ke: counts by status, category, unit and month of receipt, answer
// times, the share answered on time and satisfaction, over the months ?tu= to ?den= (YYYY-MM).
Response FeedbackStatisticsPage(Context& ctx);

// GET /api/v1/feedback/statistics?from=&to=: the same figures as JSON (web/api).
Response FeedbackStatisticsJson(Context& ctx);

// Sets "summary" in `d`: the commune's items, share answered on time, median answer time and
// satisfaction over all months; nothing when the commune has no items yet.
void SetPublicFeedbackSummary(Context& ctx, int64_t commune_id, Data& d);

}  // namespace xaso::web
