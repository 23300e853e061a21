// Service requests: POST (with an api_key, stored through feedback::FeedbackService::Submit),
// GET with the spec's filters and default volume, GET one, and tokens. Hidden items never
// appear, and no citizen name, phone or e-mail is ever written out.
#include <algorithm>
#include <charconv>
#include <map>

#include "platform/crypto.h"
#include "web/open311/open311_handlers.h"
#include "web/open311/open311_request.h"

namespace xaso::web::open311 {

using Json = nlohmann::ordered_json;

namespace {

constexpr int64_t kMaxRangeSeconds = 90LL * 86400;  // start_date..end_date, and the default
constexpr int kMaxRequests = 1000;                  // the default volume; discovery's max
constexpr size_t kMaxIds = 100;                     // service_request_id=A,B,...

Error Bad(const std::string& message) { return MakeError(ErrorCode::kInvalidArgument, message); }

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string FormValue(const Context& ctx, const std::string& name) {
  const auto it = ctx.form.find(name);
  return it == ctx.form.end() ? std::string() : it->second;
}

std::optional<double> ParseDouble(const std::string& s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// Request objects of `items`, with each item's category and unit names.
Result<Json> RequestsJson(Context& ctx, int64_t commune_id,
                          const std::vector<feedback::Feedback>& items) {
  XASO_ASSIGN_OR_RETURN(auto categories, ctx.svc.feedback_repo->ListCategories(commune_id));
  XASO_ASSIGN_OR_RETURN(auto units, ctx.svc.identity->ListUnits(commune_id));
  std::map<int64_t, const feedback::Category*> by_id;
  for (const auto& c : categories) by_id[c.id] = &c;
  std::map<int64_t, std::string> unit_names;
  for (const auto& u : units) unit_names[u.id] = u.name_vi;
  XASO_ASSIGN_OR_RETURN(auto commune, ctx.svc.identity->GetCommune(commune_id));
  const std::string photo_base = (ctx.req.tls ? "https://" : "http://") + ctx.req.Header("host") +
                                 "/xa/" + commune.slug + "/phan-anh/";
  Json out = Json::array();
  for (const auto& f : items) {
    const auto c = by_id.find(f.category_id);
    if (c == by_id.end()) continue;
    out.push_back(RequestJson(f, *c->second, f.unit_id ? unit_names[*f.unit_id] : "", photo_base));
  }
  return out;
}

// The item with this tracking code if the commune publishes it; kNotFound otherwise.
Result<feedback::Feedback> Visible(Context& ctx, int64_t commune_id, const std::string& code) {
  const Error missing = MakeError(ErrorCode::kNotFound, "Không có service_request_id này.");
  if (!feedback::IsTrackingCode(code)) return missing;
  auto f = ctx.svc.feedback_repo->GetByCode(code);
  if (!f) return f.error().code == ErrorCode::kNotFound ? missing : f.error();
  if (f->commune_id != commune_id || f->hidden) return missing;
  return f;
}

// The filter of GET requests (OPEN311.md 2.6), or kInvalidArgument.
Result<feedback::ItemFilter> Filter(Context& ctx, int64_t commune_id) {
  feedback::ItemFilter f;
  f.commune_id = commune_id;
  f.limit = kMaxRequests;
  const std::string codes = ctx.req.Query("service_code");
  if (!codes.empty()) {
    XASO_ASSIGN_OR_RETURN(auto categories, ctx.svc.feedback_repo->ListCategories(commune_id));
    for (const auto& code : SplitComma(codes)) {
      for (const auto& c : categories) {
        if (c.code == code) f.category_ids.push_back(c.id);
      }
    }
    // No known code: a category id no item has, so that the list is empty rather than all.
    if (f.category_ids.empty()) f.category_ids.push_back(0);
  }
  for (const auto& s : SplitComma(ctx.req.Query("status"))) {
    if (s != "open" && s != "closed") return Bad("status phải là open hoặc closed.");
    for (auto st : {feedback::ItemStatus::kReceived, feedback::ItemStatus::kAssigned,
                    feedback::ItemStatus::kInProgress, feedback::ItemStatus::kAnswered,
                    feedback::ItemStatus::kClosed, feedback::ItemStatus::kForwarded}) {
      if (feedback::IsOpen(st) == (s == "open")) f.statuses.push_back(st);
    }
  }
  const std::string start = ctx.req.Query("start_date"), end = ctx.req.Query("end_date");
  std::optional<int64_t> from, to;
  if (!start.empty() && !(from = ParseW3cDateTime(start))) {
    return Bad("start_date phải theo ISO-8601.");
  }
  if (!end.empty() && !(to = ParseW3cDateTime(end))) return Bad("end_date phải theo ISO-8601.");
  if (from && to && (*to < *from || *to - *from > kMaxRangeSeconds)) {
    return Bad("Khoảng start_date..end_date phải đúng chiều và không quá 90 ngày.");
  }
  if (!from && !to) to = ctx.svc.clock->NowUnix();
  if (!from) from = *to - kMaxRangeSeconds;
  if (!to) to = *from + kMaxRangeSeconds;
  f.from_at = *from;
  f.to_at = *to + 1;  // end_date is included
  return f;
}

}  // namespace

Response PostRequest(Context& ctx) {
  const auto t = ParseTarget(ctx, "format", false);
  if (!t) return Open311Error(ctx.req.path, 404, "Định dạng phải là .json hoặc .xml.");
  auto commune = Jurisdiction(ctx);
  if (!commune) return Fail(t->format, commune.error());
  const std::string key = FormValue(ctx, "api_key");
  if (key.empty()) return Open311Error(t->format, 403, "Thiếu api_key.");
  auto api_key = ctx.svc.open311_keys->FindKey(platform::Sha256Hex(key));
  if (!api_key) return Fail(t->format, api_key.error());
  if (!*api_key || (*api_key)->commune_id != commune->id) {
    return Open311Error(t->format, 403, "api_key không hợp lệ.");
  }
  const int64_t now = ctx.svc.clock->NowUnix();
  const std::string sender = "open311-key:" + std::to_string((*api_key)->id);
  auto recent = ctx.svc.feedback_repo->CountSubmissions(sender, now - 3600);
  if (!recent) return Fail(t->format, recent.error());
  if (*recent >= ctx.svc.open311_max_per_key_per_hour) {
    return Open311Error(t->format, 429,
                        "api_key này đã gửi quá số yêu cầu cho phép trong một giờ.");
  }
  auto categories = ActiveCategories(ctx, commune->id);
  if (!categories) return Fail(t->format, categories.error());
  const std::string code = FormValue(ctx, "service_code");
  const auto category = std::find_if(categories->begin(), categories->end(),
                                     [&](const feedback::Category& c) { return c.code == code; });
  if (category == categories->end())
    return Open311Error(t->format, 404, "Không có service_code này.");

  feedback::Submission s;
  s.commune_id = commune->id;
  s.category_id = category->id;
  s.channel = feedback::Channel::kOpen311;
  s.description = FormValue(ctx, "description");
  const std::string lat = FormValue(ctx, "lat"), lon = FormValue(ctx, "long");
  s.address = FormValue(ctx, "address_string");
  const std::string address_id = FormValue(ctx, "address_id");
  if (s.address.empty() && !address_id.empty()) s.address = "address_id " + address_id;
  if (!lat.empty() || !lon.empty()) {
    s.lat = ParseDouble(lat);
    s.lon = ParseDouble(lon);
    if (!s.lat || !s.lon) return Open311Error(t->format, 400, "lat và long phải là số (WGS84).");
  }
  if (!s.lat && s.address.empty()) {
    return Open311Error(t->format, 400,
                        "Cần một vị trí: lat+long, address_string hoặc address_id.");
  }
  const std::string first = FormValue(ctx, "first_name"), last = FormValue(ctx, "last_name");
  s.citizen_name = first.empty() || last.empty() ? first + last : first + " " + last;
  s.citizen_phone = FormValue(ctx, "phone");
  s.citizen_email = FormValue(ctx, "email");
  audit::AuditRecord rec;
  rec.commune_id = commune->id;
  rec.actor = "open311";
  auto stored = ctx.svc.feedback->Submit(s, 0, rec);
  if (!stored) return Fail(t->format, stored.error());
  // The request is stored; a failure to count it only loosens the limit.
  (void)ctx.svc.feedback_repo->RecordSubmission(commune->id, sender, now);
  InvalidatePublicPages();
  Json out = Json::array({{{"service_request_id", stored->tracking_code},
                           {"service_notice", ServiceNotice(*stored)},
                           {"account_id", ""}}});
  return Open311Body(t->format, 200, "service_requests", out);
}

Response ListRequests(Context& ctx) {
  const auto t = ParseTarget(ctx, "format", false);
  if (!t) return Open311Error(ctx.req.path, 404, "Định dạng phải là .json hoặc .xml.");
  auto commune = Jurisdiction(ctx);
  if (!commune) return Fail(t->format, commune.error());
  std::vector<feedback::Feedback> items;
  const std::string ids = ctx.req.Query("service_request_id");
  if (!ids.empty()) {
    // service_request_id overrides every other filter; unknown ids are left out.
    const auto codes = SplitComma(ids);
    if (codes.size() > kMaxIds)
      return Open311Error(t->format, 400, "Tối đa 100 service_request_id.");
    for (const auto& code : codes) {
      auto f = Visible(ctx, commune->id, code);
      if (f) {
        items.push_back(std::move(*f));
      } else if (f.error().code != ErrorCode::kNotFound) {
        return Fail(t->format, f.error());
      }
    }
  } else {
    auto filter = Filter(ctx, commune->id);
    if (!filter) return Fail(t->format, filter.error());
    auto found = ctx.svc.feedback_repo->Find(*filter);
    if (!found) return Fail(t->format, found.error());
    items = std::move(*found);
  }
  auto out = RequestsJson(ctx, commune->id, items);
  if (!out) return Fail(t->format, out.error());
  return Open311Body(t->format, 200, "service_requests", *out);
}

namespace {

// The endpoints on one request ({id}.format): the item if the commune publishes it, then
// `body` of it; every refusal in the spec's error body.
template <class Body>
Response OnVisibleRequest(Context& ctx, Body body) {
  const auto t = ParseTarget(ctx, "file", true);
  if (!t) return Open311Error(ctx.req.path, 404, "Định dạng phải là .json hoặc .xml.");
  auto commune = Jurisdiction(ctx);
  if (!commune) return Fail(t->format, commune.error());
  auto f = Visible(ctx, commune->id, t->id);
  if (!f) return Fail(t->format, f.error());
  Result<Json> out = body(commune->id, *f);
  if (!out) return Fail(t->format, out.error());
  return Open311Body(t->format, 200, "service_requests", *out);
}

}  // namespace

Response GetRequest(Context& ctx) {
  return OnVisibleRequest(ctx, [&](int64_t commune_id, const feedback::Feedback& f) {
    return RequestsJson(ctx, commune_id, {f});
  });
}

// Every service is type=realtime: POST returns the service_request_id at once, so the only
// token there is for a request is its id itself; any other token is unknown (404).
Response GetToken(Context& ctx) {
  return OnVisibleRequest(ctx, [](int64_t, const feedback::Feedback& f) -> Result<Json> {
    return Json::array({{{"service_request_id", f.tracking_code}, {"token", f.tracking_code}}});
  });
}

}  // namespace xaso::web::open311
