#include "web/pages/disclosure_staff_view.h"

#include <utility>

#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using disclosure::Channel;
using disclosure::FlagKind;

constexpr int64_t kMaxAttachmentNumber = 100000;

}  // namespace

std::string DisclosureStaffHref(int64_t id) { return "/quan-ly/cong-khai/" + std::to_string(id); }

std::string DisclosureTypeName(Lang lang, const disclosure::DisclosureType& type) {
  return lang == Lang::kEn && !type.name_en.empty() ? type.name_en : type.name_vi;
}

std::string DisclosureTypeName(Context& ctx, const std::string& code, Date day) {
  const auto& catalogue = ctx.svc.disclosures->catalogue();
  const disclosure::DisclosureType* t = catalogue.Find(code, day);
  if (t == nullptr) {
    // An item keeps the version in force on its reference date; a later lookup may precede it.
    for (const auto& v : catalogue.versions()) {
      if (v.code == code) t = &v;
    }
  }
  return t != nullptr ? DisclosureTypeName(ctx.lang, *t) : code;
}

std::optional<int> DisclosureAttachmentParam(const Context& ctx) {
  const auto n = IdParam(ctx, "n");
  if (!n || *n > kMaxAttachmentNumber) return std::nullopt;
  return static_cast<int>(*n);
}

std::string DisclosureProofFilename(int64_t posting_id, const std::string& content_type) {
  std::string ext = ".bin";
  if (content_type == "application/pdf") ext = ".pdf";
  if (content_type == "image/jpeg") ext = ".jpg";
  if (content_type == "image/png") ext = ".png";
  if (content_type == "image/webp") ext = ".webp";
  return "minh-chung-" + std::to_string(posting_id) + ext;
}

std::string FillPlaceholders(std::string text,
                             const std::vector<std::pair<std::string, std::string>>& vars) {
  for (const auto& [name, value] : vars) {
    const std::string key = "{" + name + "}";
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      text.replace(at, key.size(), value);
      at += value.size();
    }
  }
  return text;
}

std::string DisclosureStatusLabel(Lang lang, disclosure::ItemStatus s) {
  return Message(lang, "disclosure.staff.status." + std::string(disclosure::ItemStatusCode(s)));
}

std::string DisclosureChannelLabel(Lang lang, Channel c) {
  return Message(lang, "disclosure.staff.channel." + std::string(disclosure::ChannelCode(c)));
}

std::string DisclosureFlagText(Lang lang, const disclosure::Flag& flag, Date due) {
  std::string key = "disclosure.staff.flag." + std::string(disclosure::FlagCode(flag.kind));
  // A permanent type has no number of days to reach: any take-down is early.
  if (flag.kind == FlagKind::kTakenDownEarly && flag.required == 0) key += "_permanent";
  return FillPlaceholders(Message(lang, key), {{"days", std::to_string(flag.days)},
                                               {"required", std::to_string(flag.required)},
                                               {"due", due.ToVi()}});
}

Data DisclosureMarks(Context& ctx, const disclosure::ItemCompliance& c, Date today) {
  Data marks(Data::type::list);
  auto add = [&marks](const std::string& text, bool ok) {
    Data m;
    m.set("text", text);
    m.set("ok", Data(ok));
    m.set("code", ok ? "ok" : "flag");
    marks.push_back(m);
  };
  if (c.on_time()) {
    add(Message(ctx.lang, "disclosure.staff.on_time"), true);
  } else if (today <= c.due && !c.first_out) {
    add(FillPlaceholders(Message(ctx.lang, "disclosure.staff.not_due"), {{"due", c.due.ToVi()}}),
        true);
  }
  for (const disclosure::Flag& f : c.flags) {
    add(DisclosureFlagText(ctx.lang, f, c.due), false);
  }
  return marks;
}

Data DisclosureErrorData(Context& ctx, const Error& error) {
  if (error.code != ErrorCode::kAborted) return ErrorData(error);
  Error stale = error;
  stale.message = Message(ctx.lang, "disclosure.staff.stale");
  return ErrorData(stale);
}

std::vector<Channel> HandChannels() {
  return {Channel::kNoticeBoard, Channel::kVillageHouse, Channel::kRadio,
          Channel::kVillageHead, Channel::kMeeting,      Channel::kOther};
}

void AddDisclosureStaffRoutes(std::vector<Route>& routes) {
  // Fixed paths before /quan-ly/cong-khai/{id}, which would take "moi" for an id.
  AddDisclosureStaffListRoutes(routes);
  AddDisclosureStaffFormRoutes(routes);
  AddDisclosureComplianceRoutes(routes);
  AddDisclosureQuarterRoutes(routes);
  AddDisclosureStaffItemRoutes(routes);
  AddDisclosureStaffEditRoute(routes);
  AddDisclosureStaffPostingRoutes(routes);
}

}  // namespace xaso::web
