#include "web/router.h"

#include <stdexcept>

#include <gtest/gtest.h>

#include "platform/crypto.h"
#include "testing/fake_identity_repository.h"

namespace xaso::web {
namespace {

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : clock_(1'700'000'000) {
    EXPECT_TRUE(platform::InitCrypto());
    services_.identity = &repo_;
    services_.clock = &clock_;
    services_.max_body_bytes = 100;
  }
  Request Get(const std::string& path) {
    Request r;
    r.method = "GET";
    r.path = path;
    r.request_id = "req-42";
    return r;
  }
  xaso::testing::FakeIdentityRepository repo_;
  FakeClock clock_;
  Services services_;
};

TEST_F(RouterTest, AnEscapedExceptionBecomesA500WithOnlyTheRequestId) {
  Router router(services_);
  router.AddRouteForTest({"GET", "/boom", identity::Permission::kReadPublic, RouteKind::kPage,
                          [](Context&) -> Response { throw std::runtime_error("secret detail"); }});
  Response r = router.Handle(Get("/boom"));
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("req-42"), std::string::npos);
  EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
}

TEST_F(RouterTest, ApiErrorsHideInternalMessages) {
  Router router(services_);
  router.AddRouteForTest({"GET", "/api/v1/boom", identity::Permission::kReadPublic, RouteKind::kApi,
                          [](Context&) -> Response { throw std::runtime_error("sql text"); }});
  Response r = router.Handle(Get("/api/v1/boom"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("sql text"), std::string::npos);
  EXPECT_NE(r.body.find("\"code\":\"internal\""), std::string::npos);
}

TEST_F(RouterTest, Open311PostsNeedNoCsrfTokenButAFormAndAnswerInTheSpecBody) {
  Router router(services_);
  const auto echo = [](Context& ctx) { return TextResponse(200, ctx.form["api_key"]); };
  router.AddRouteForTest({"POST", "/open311/v2/echo.{format}", identity::Permission::kReadPublic,
                          RouteKind::kOpen311, echo});
  router.AddRouteForTest(
      {"POST", "/api/v1/echo", identity::Permission::kReadPublic, RouteKind::kApi, echo});
  Request post = Get("/open311/v2/echo.json");
  post.method = "POST";
  post.headers["content-type"] = "application/x-www-form-urlencoded";
  post.body = "api_key=k1";
  Response r = router.Handle(post);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "k1");
  post.headers["content-type"] = "application/json";
  r = router.Handle(post);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.rfind("[{\"code\":400,", 0), 0u);
  post.path = "/api/v1/echo";  // the JSON API still demands its CSRF header
  EXPECT_EQ(router.Handle(post).status, 403);
  r = router.Handle(Get("/open311/v2/khong-co.xml"));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("<errors><error><code>404</code>"), std::string::npos);
}

TEST_F(RouterTest, EveryResponseCarriesTheSecurityHeaders) {
  Router router(services_);
  for (const char* path : {"/healthz", "/khong-co"}) {
    Response r = router.Handle(Get(path));
    bool csp = false, nosniff = false;
    for (const auto& [k, v] : r.headers) {
      csp |=
          k == "Content-Security-Policy" && v.find("frame-ancestors 'none'") != std::string::npos;
      nosniff |= k == "X-Content-Type-Options" && v == "nosniff";
    }
    EXPECT_TRUE(csp && nosniff) << path;
  }
}

TEST_F(RouterTest, BodiesOverTheLimitGet413) {
  Router router(services_);
  Request r = Get("/dang-nhap");
  r.method = "POST";
  r.body = std::string(101, 'x');
  EXPECT_EQ(router.Handle(r).status, 413);
}

TEST_F(RouterTest, MapsErrorCodesToHttpStatuses) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument, false), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument, true), 422);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kFailedPrecondition, false), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound, false), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable, false), 503);
}

}  // namespace
}  // namespace xaso::web
