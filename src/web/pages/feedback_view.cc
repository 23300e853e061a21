#include "web/pages/feedback_view.h"

#include "web/form.h"

namespace xaso::web {

CategoryNames LoadCategoryNames(Context& ctx, int64_t commune_id) {
  CategoryNames names;
  if (auto cs = ctx.svc.feedback_repo->ListCategories(commune_id)) {
    for (const auto& c : *cs) {
      names[c.id] = ctx.lang == Lang::kEn && !c.name_en.empty() ? c.name_en : c.name_vi;
    }
  }
  return names;
}

std::string CategoryName(const CategoryNames& names, int64_t id) {
  auto it = names.find(id);
  return it == names.end() ? "" : it->second;
}

std::string FeedbackStatusLabel(Lang lang, feedback::ItemStatus status) {
  return Message(lang, "feedback.status." + std::string(feedback::StatusCode(status)));
}

void FillSubmissionForm(Context& ctx, int64_t commune_id, Data& d) {
  Data categories(Data::type::list);
  if (auto cs = ctx.svc.feedback_repo->ListCategories(commune_id)) {
    for (const auto& c : *cs) {
      if (!c.active) continue;
      Data o;
      o.set("id", std::to_string(c.id));
      o.set("name", ctx.lang == Lang::kEn && !c.name_en.empty() ? c.name_en : c.name_vi);
      o.set("selected", Data(ctx.form["category"] == std::to_string(c.id)));
      categories.push_back(o);
    }
  }
  d.set("categories", categories);
  Data kinds(Data::type::list);
  // The posted kind, else the one a link asked for (?loai=question from the FAQ), else feedback.
  std::string chosen = ctx.form.count("kind") ? ctx.form["kind"] : ctx.req.Query("loai");
  if (!feedback::KindFromCode(chosen)) chosen = feedback::KindCode(feedback::Kind::kFeedback);
  for (auto k : {feedback::Kind::kFeedback, feedback::Kind::kQuestion}) {
    const std::string code(feedback::KindCode(k));
    Data o;
    o.set("id", code);
    o.set("name", Message(ctx.lang, "feedback.kind." + code));
    o.set("checked", Data(chosen == code));
    kinds.push_back(o);
  }
  d.set("kinds", kinds);
  Data villages(Data::type::list);
  if (auto vs = ctx.svc.identity->ListVillages(commune_id)) {
    for (const auto& v : *vs) {
      Data o;
      o.set("id", std::to_string(v.id));
      o.set("name", v.name);
      o.set("selected", Data(ctx.form["village"] == std::to_string(v.id)));
      villages.push_back(o);
    }
  }
  d.set("villages", villages);
  for (const char* f : {"title", "description", "address", "name", "phone", "email"}) {
    d.set(std::string("form_") + f, ctx.form[f]);
  }
  d.set("form_show_name", Data(ctx.form["show_name"] == "1"));
  // One form carries all its photos within the upload limit (Router::Handle), hence "in total".
  std::string limits = Message(ctx.lang, "feedback.photos_limits");
  limits.replace(limits.find("{n}"), 3, std::to_string(feedback::kMaxPhotos));
  limits.replace(limits.find("{mb}"), 4, std::to_string(ctx.svc.max_upload_bytes / (1024 * 1024)));
  d.set("photos_limits", limits);
}

feedback::Submission SubmissionFromForm(Context& ctx, int64_t commune_id,
                                        feedback::Channel channel) {
  feedback::Submission s;
  s.commune_id = commune_id;
  s.category_id = ParseInt(ctx.form["category"]).value_or(0);
  s.kind = feedback::KindFromCode(ctx.form["kind"]).value_or(feedback::Kind::kFeedback);
  s.channel = channel;
  s.title = ctx.form["title"];
  s.description = ctx.form["description"];
  s.address = ctx.form["address"];
  // Only one of the commune's villages; anything else is ignored.
  if (auto v = ParseInt(ctx.form["village"])) {
    if (auto vs = ctx.svc.identity->ListVillages(commune_id)) {
      for (const auto& village : *vs) {
        if (village.id == *v) s.village_id = *v;
      }
    }
  }
  s.citizen_name = ctx.form["name"];
  s.citizen_phone = ctx.form["phone"];
  s.citizen_email = ctx.form["email"];
  s.show_name = ctx.form["show_name"] == "1";
  const auto [first, last] = ctx.files.equal_range("photo");
  for (auto it = first; it != last; ++it) {
    s.photos.push_back({it->second.filename, "", std::move(it->second.bytes)});
  }
  return s;
}

void SetPhotos(Context& ctx, int64_t commune_id, const feedback::Feedback& f,
               const std::string& href_base, Data& d) {
  auto photos = ctx.svc.feedback_repo->ListPhotos(commune_id, f.id);
  if (!photos || photos->empty()) return;
  Data list(Data::type::list);
  for (const auto& p : *photos) {
    const std::string n = std::to_string(p.n);
    Data x;
    x.set("src", href_base + n);
    x.set("alt", Message(ctx.lang, "feedback.photo_alt") + " " + n + " · " + f.tracking_code);
    list.push_back(x);
  }
  d.set("photos", list);
  d.set("has_photos", Data(true));
}

std::optional<int> PhotoNumber(const Context& ctx) {
  const auto it = ctx.params.find("n");
  if (it == ctx.params.end()) return std::nullopt;
  const auto n = ParseInt(it->second);
  if (!n || *n < 1 || *n > static_cast<int64_t>(feedback::kMaxPhotos)) return std::nullopt;
  return static_cast<int>(*n);
}

Response PhotoResponse(feedback::Photo photo) {
  Response r{200, {}, std::move(photo.bytes)};
  r.With("Content-Type", photo.content_type);
  r.With("Content-Disposition", "inline");
  return r;
}

std::optional<int64_t> BeforeParam(const Context& ctx) {
  const std::string b = ctx.req.Query("truoc");
  if (b.empty()) return 0;
  return ParseInt(b);
}

}  // namespace xaso::web
