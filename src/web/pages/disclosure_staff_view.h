// Pieces shared by the staff pages of the disclosure register (disclosure_staff_*.cc): links,
// labels of types, statuses and channels, and an item's compliance as sentences a leader reads
// ("Niêm yết 29 ngày, ít hơn 30 ngày theo quy định").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/disclosure/disclosure_service.h"
#include "web/router.h"

namespace xaso::web {

std::string DisclosureStaffHref(int64_t id);  // "/quan-ly/cong-khai/ID"
std::string DisclosureTypeName(Lang lang, const disclosure::DisclosureType& type);
// The name of `code` in its version in force on `day` (or its code when the catalogue lost it).
std::string DisclosureTypeName(Context& ctx, const std::string& code, Date day);
std::string DisclosureStatusLabel(Lang lang, disclosure::ItemStatus s);
std::string DisclosureChannelLabel(Lang lang, disclosure::Channel c);
// One flag as a sentence with its numbers.
std::string DisclosureFlagText(Lang lang, const disclosure::Flag& flag, Date due);
// The marks of an item for a template: a list of {text, ok, posting_id}; "Đúng hạn" (ok) when it
// went out by its deadline, "Chưa đến hạn" before the deadline, then one entry per flag.
Data DisclosureMarks(Context& ctx, const disclosure::ItemCompliance& c, Date today);
// A service error on a page form: kAborted (stale version) gets a message that says what to do.
Data DisclosureErrorData(Context& ctx, const Error& error);
// "<select>" options of the channels staff record by hand (every channel but the portal).
std::vector<disclosure::Channel> HandChannels();

// The item form's choices and values (types grouped by law item, periods, units), from ctx.form.
void DisclosureFormData(Context& ctx, Data& d);
// The item as the form describes it; field errors for what does not parse.
disclosure::Item DisclosureFromForm(Context& ctx, Error& err);
// The item page (disclosure_staff_item.cc) with `d` merged in: errors of a form posted on it.
Response DisclosureItemPage(Context& ctx, int64_t id, int status, Data d);

// Route groups, one per file (disclosure_staff_*.cc), all added by AddDisclosureStaffRoutes.
void AddDisclosureStaffListRoutes(std::vector<Route>& routes);
void AddDisclosureStaffFormRoutes(std::vector<Route>& routes);
void AddDisclosureStaffEditRoute(std::vector<Route>& routes);
void AddDisclosureStaffItemRoutes(std::vector<Route>& routes);
void AddDisclosureStaffPostingRoutes(std::vector<Route>& routes);
void AddDisclosureComplianceRoutes(std::vector<Route>& routes);
void AddDisclosureQuarterRoutes(std::vector<Route>& routes);

}  // namespace xaso::web
