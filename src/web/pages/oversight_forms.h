// Reading inspections, findings, rechecks, recommendations and answers from the fields of the
// HTML forms (web/pages/inspection_pages.cc, supervision_pages.cc), and the helpers both pages
// and the JSON API (web/api/oversight_api.cc, which reads JSON members of its own) share.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/identity/identity.h"
#include "domain/oversight/oversight_service.h"
#include "web/router.h"

namespace xaso::web {

using Fields = std::map<std::string, std::string>;

// Each parses what a person typed (dates as dd/mm/yyyy or yyyy-mm-dd) and leaves the rules to
// domain/oversight; kInvalidArgument with one field error per field that does not parse.
Result<oversight::Inspection> InspectionFromFields(const Fields& f);
Result<oversight::Finding> FindingFromFields(const Fields& f);
Result<oversight::Recheck> RecheckFromFields(const Fields& f);
Result<oversight::Recommendation> RecommendationFromFields(const Fields& f);
Result<oversight::Answer> AnswerFromFields(const Fields& f);
// The day an inspection took place and its conclusion ("conducted_on", "conclusion").
Result<std::pair<Date, std::string>> ConductFromFields(const Fields& f);
// The "version" field: the version of the record the form was built from.
Result<int64_t> VersionFromFields(const Fields& f);
// The outcome of a write whose new id or version the caller does not need.
inline Status Dropped(const Result<int64_t>& r) {
  if (r.has_value()) return Ok{};
  return r.error();
}
// A decimal integer in [lo, hi] (64-bit, no sign other than '-', nothing around it), or
// nullopt; out of range is nullopt, never a wrapped value.
std::optional<int64_t> ParseInt64(const std::string& text, int64_t lo, int64_t hi);
// A positive id in a route segment or field, or nullopt.
std::optional<int64_t> ParseId(const std::string& text);
// Sets `name` only when `value` is not empty: kainjow treats an empty string as true in a
// section, so {{#name}}…{{/name}} would show its text around nothing.
void SetIfNotEmpty(Data& d, const std::string& name, const std::string& value);
// The day as dd/mm/yyyy, or "" for none.
std::string ViDate(const std::optional<Date>& day);

// The unit's name in the page's language, or "" when unknown.
std::string UnitName(const std::vector<identity::Unit>& units, std::optional<int64_t> id,
                     Lang lang);
// <option> rows {id, name, selected} for a unit <select>.
Data UnitOptions(const std::vector<identity::Unit>& units, const std::string& selected, Lang lang);
// The units of the signed-in account's commune (none when they cannot be read).
std::vector<identity::Unit> CommuneUnits(Context& ctx);
// After a form's write: 303 to `back` on success; 404 for kNotFound; otherwise `page` again
// with the error (422, 403 or 409) and the fields as typed.
Response AfterFormWrite(Context& ctx, const Status& st, const std::string& back,
                        Response (*page)(Context&, int, Data));
// The form's error: the summary and every field message, for the page's alert box.
Data ErrorList(const Error& error);

}  // namespace xaso::web
