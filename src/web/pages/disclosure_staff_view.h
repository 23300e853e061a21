// Pieces shared by the staff pages of the disclosure register (disclosure_staff_*.cc): links,
// labels of types, statuses and channels, and an item's compliance as sentences a leader reads
// ("Niêm yết 29 ngày, ít hơn 30 ngày theo quy định").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/disclosure/disclosure_service.h"
#include "web/router.h"

namespace xaso::web {

std::string DisclosureStaffHref(int64_t id);  // "/quan-ly/cong-khai/ID"
std::string DisclosureTypeName(Lang lang, const disclosure::DisclosureType& type);
// The name of `code` in its version in force on `day` (or its code when the catalogue lost it).
std::string DisclosureTypeName(Context& ctx, const std::string& code, Date day);
// The `n` path parameter of an attachment route, 1..100000, else nullopt: the repository takes
// an int, and a larger number (4294967297) must not wrap round to another file.
std::optional<int> DisclosureAttachmentParam(const Context& ctx);
// A posting's proof has no name of its own: "minh-chung-ID" with its content type's extension.
std::string DisclosureProofFilename(int64_t posting_id, const std::string& content_type);
// `text` with each "{name}" of `vars` replaced by its value (a catalogue message's numbers).
std::string FillPlaceholders(std::string text,
                             const std::vector<std::pair<std::string, std::string>>& vars);
std::string DisclosureStatusLabel(Lang lang, disclosure::ItemStatus s);
std::string DisclosureChannelLabel(Lang lang, disclosure::Channel c);
// One flag as a sentence with its numbers.
std::string DisclosureFlagText(Lang lang, const disclosure::Flag& flag, Date due);
// The marks of an item for a template: a list of {text, ok, code}; "Đúng hạn" (ok) when it
// went out by its deadline, "Chưa đến hạn" before the deadline, then one entry per flag.
Data DisclosureMarks(Context& ctx, const disclosure::ItemCompliance& c, Date today);
// A service error on a page form: kAborted (stale version) gets a message that says what to do.
Data DisclosureErrorData(Context& ctx, const Error& error);
// The item page (disclosure_staff_item.cc) with `d` merged in: errors of a form posted on it.
Response DisclosureItemPage(Context& ctx, int64_t id, int status, Data d);
// After a change of item `id`: the item page with the service's error, or (the cached public
// pages dropped) the redirect back to the item with `query`.
template <class T>
Response DisclosureChanged(Context& ctx, int64_t id, const Result<T>& result,
                           const std::string& query) {
  if (!result) {
    return DisclosureItemPage(ctx, id, HttpStatusFor(result.error().code, true),
                              DisclosureErrorData(ctx, result.error()));
  }
  InvalidatePublicPages();
  return RedirectResponse(DisclosureStaffHref(id) + query);
}
// "<select>" options of the channels staff record by hand (every channel but the portal).
std::vector<disclosure::Channel> HandChannels();

// The item form's choices and values (types grouped by law item, periods, units), from ctx.form.
void DisclosureFormData(Context& ctx, Data& d);
// The item as the form describes it; field errors for what does not parse.
disclosure::Item DisclosureFromForm(Context& ctx, Error& err);

// Route groups, one per file (disclosure_staff_*.cc), all added by AddDisclosureStaffRoutes.
void AddDisclosureStaffListRoutes(std::vector<Route>& routes);
void AddDisclosureStaffFormRoutes(std::vector<Route>& routes);
void AddDisclosureStaffEditRoute(std::vector<Route>& routes);
void AddDisclosureStaffItemRoutes(std::vector<Route>& routes);
void AddDisclosureStaffPostingRoutes(std::vector<Route>& routes);
void AddDisclosureComplianceRoutes(std::vector<Route>& routes);
void AddDisclosureQuarterRoutes(std::vector<Route>& routes);

}  // namespace xaso::web
