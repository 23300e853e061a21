// The handlers of /open311/v2 (OPEN311.md 2.1) and what they share: the format of the URL, the
// commune named by jurisdiction_id, and errors in the spec's body. Used by web/open311/ only.
#pragma once

#include <optional>
#include <string>

#include "web/open311/open311_format.h"
#include "web/router.h"

namespace xaso::web::open311 {

// The format of the route's {name} parameter ("json" or "xml", or "CODE.json" when `split`).
struct Target {
  std::string id;  // the part before the extension when split
  Open311Format format = Open311Format::kJson;
};
std::optional<Target> ParseTarget(const Context& ctx, const std::string& param, bool split);

// The commune of jurisdiction_id (query, or form of a POST): kNotFound for an unknown slug;
// without one, the only commune, else the configured default; kInvalidArgument when the
// installation serves several communes and has no default.
Result<identity::Commune> Jurisdiction(Context& ctx);

// 404 kNotFound, 403 kPermissionDenied, 500 (only "internal error") kInternal and
// kUnavailable, 400 the rest; each field error becomes one error of the body.
Response Fail(Open311Format format, const Error& e);

// Its active categories by code.
Result<std::vector<feedback::Category>> ActiveCategories(Context& ctx, int64_t commune_id);
// Each unit's name by id, for agency_responsible.
std::string AgencyName(Context& ctx, int64_t commune_id, const std::optional<int64_t>& unit_id);

Response Discovery(Context& ctx);
Response ListServices(Context& ctx);
Response ServiceDefinition(Context& ctx);
Response PostRequest(Context& ctx);
Response ListRequests(Context& ctx);
Response GetRequest(Context& ctx);
Response GetToken(Context& ctx);

}  // namespace xaso::web::open311
