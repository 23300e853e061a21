// /open311/v2: Open311 GeoReport v2 (OPEN311.md) over feedback. Every route is public
// (Permission::kReadPublic); POST requests is authenticated by its api_key in the handler, as
// the spec wants a 403 in its own body, not a sign-in.
#include "web/open311/open311_handlers.h"

namespace xaso::web {

void AddOpen311Routes(std::vector<Route>& routes) {
  using identity::Permission;
  const auto add = [&](const char* method, const char* pattern, auto handler) {
    routes.push_back({method, pattern, Permission::kReadPublic, RouteKind::kOpen311, handler});
  };
  add("GET", "/open311/v2/discovery.{format}", open311::Discovery);
  add("GET", "/open311/v2/services.{format}", open311::ListServices);
  add("GET", "/open311/v2/services/{file}", open311::ServiceDefinition);
  add("POST", "/open311/v2/requests.{format}", open311::PostRequest);
  add("GET", "/open311/v2/requests.{format}", open311::ListRequests);
  add("GET", "/open311/v2/requests/{file}", open311::GetRequest);
  add("GET", "/open311/v2/tokens/{file}", open311::GetToken);
}

}  // namespace xaso::web
