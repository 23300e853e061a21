// The commune's feedback categories (lĩnh vực phản ánh, issue 4): list, add and edit, for the
// leader and the administrator. Codes are Open311 service codes and stay once created.
#include <algorithm>

#include "domain/feedback/feedback_category.h"
#include "domain/feedback/feedback_repository.h"
#include "domain/feedback/feedback_service.h"
#include "domain/rules/rule_book.h"
#include "web/form.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

constexpr const char* kBase = "/quan-ly/phan-anh/linh-vuc";

// The rule book's answer days in force today, shown where a category keeps the rule.
std::optional<int> RuleAnswerDays(Context& ctx, int64_t commune_id) {
  if (!ctx.svc.rules) return std::nullopt;
  auto all = ctx.svc.rules->LoadRules();
  if (!all) return std::nullopt;
  auto days =
      rules::RuleBook(*all).LookupInt(feedback::kAnswerRule, ctx.svc.clock->TodayVn(), commune_id);
  if (!days) return std::nullopt;
  return *days;
}

std::string RuleText(Context& ctx, std::optional<int> rule_days) {
  std::string text = Message(ctx.lang, "feedback.categories.by_rule");
  if (rule_days) {
    text += " (" + std::to_string(*rule_days) + " " +
            Message(ctx.lang, "feedback.stats.working_days") + ")";
  }
  return text;
}

Data UnitOptions(const UnitNames& units, std::optional<int64_t> selected) {
  Data list(Data::type::list);
  for (const auto& [id, name] : units) {
    Data o;
    o.set("id", std::to_string(id));
    o.set("name", name);
    o.set("selected", Data(selected == id));
    list.push_back(o);
  }
  return list;
}

// The form's values for the template: the posted ones after an error, else the category's.
void SetFormValues(const feedback::Category& c, const std::string& answer_days_text,
                   const UnitNames& units, Data& d) {
  d.set("form_code", c.code);
  d.set("form_name_vi", c.name_vi);
  d.set("form_name_en", c.name_en);
  d.set("form_description_vi", c.description_vi);
  d.set("form_group_code", c.group_code);
  d.set("form_answer_days", answer_days_text);
  d.set("form_active", Data(c.active));
  d.set("units", UnitOptions(units, c.unit_id));
}

// What the person typed, to show again with the errors (the code only when adding).
feedback::Category Posted(Context& ctx, feedback::Category c) {
  c.name_vi = ctx.form["name_vi"];
  c.name_en = ctx.form["name_en"];
  c.description_vi = ctx.form["description_vi"];
  c.group_code = ctx.form["group_code"];
  c.active = ctx.form["active"] == "1";
  c.unit_id = ParseInt(ctx.form["unit_id"]);
  return c;
}

// The category the form describes, or the field errors of what cannot be read as one.
Result<feedback::Category> CategoryFromForm(Context& ctx, feedback::Category c) {
  c = Posted(ctx, std::move(c));
  Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "feedback.categories.invalid"), {}};
  const std::string& days = ctx.form["answer_days"];
  c.answer_days.reset();
  if (!days.empty()) {
    if (auto n = ParseInt(days, 0, 100000)) {
      c.answer_days = static_cast<int>(*n);
    } else {
      err.fields.push_back({"answer_days", Message(ctx.lang, "feedback.categories.days_number")});
    }
  }
  if (!ctx.form["unit_id"].empty() && !c.unit_id) {
    err.fields.push_back({"unit_id", Message(ctx.lang, "feedback.categories.unit_invalid")});
  }
  if (auto checked = feedback::ValidateCategory(c); !checked) {
    for (auto& f : checked.error().fields) {
      const bool seen = std::any_of(err.fields.begin(), err.fields.end(),
                                    [&](const FieldError& e) { return e.field == f.field; });
      if (!seen) err.fields.push_back(f);
    }
  }
  if (!err.fields.empty()) return err;
  return c;
}

// Submissions read the categories through a cache of a minute; a change is seen at once.
void AfterChange(Context& ctx) {
  if (ctx.svc.feedback) ctx.svc.feedback->ForgetCategories();
  InvalidatePublicPages();
}

Response ListPage(Context& ctx, int status, Data d) {
  const int64_t commune_id = ctx.account->commune_id;
  auto categories = ctx.svc.feedback_repo->ListCategories(commune_id);
  if (!categories) return ErrorPage(ctx, HttpStatusFor(categories.error().code, false));
  const UnitNames units = LoadUnitNames(ctx, commune_id);
  const std::string by_rule = RuleText(ctx, RuleAnswerDays(ctx, commune_id));
  Data rows(Data::type::list);
  for (const auto& c : *categories) {
    Data x;
    x.set("href", std::string(kBase) + "/" + std::to_string(c.id));
    x.set("code", c.code);
    x.set("name", ctx.lang == Lang::kEn && !c.name_en.empty() ? c.name_en : c.name_vi);
    if (c.unit_id) {
      if (auto it = units.find(*c.unit_id); it != units.end()) x.set("unit", it->second);
    }
    x.set("answer_days", c.answer_days ? std::to_string(*c.answer_days) + " " +
                                             Message(ctx.lang, "feedback.stats.working_days")
                                       : by_rule);
    x.set("active", Data(c.active));
    rows.push_back(x);
  }
  d.set("categories", rows);
  d.set("empty", Data(categories->empty()));
  if (status == 200) {
    feedback::Category blank;
    SetFormValues(blank, "", units, d);
  }
  d.set("by_rule", by_rule);
  return RenderPage(ctx, status, "feedback_categories", d,
                    Message(ctx.lang, "feedback.categories.title"));
}

Response Create(Context& ctx) {
  feedback::Category c;
  c.commune_id = ctx.account->commune_id;
  c.code = ctx.form["code"];
  auto parsed = CategoryFromForm(ctx, c);
  Result<int64_t> id = parsed ? ctx.svc.feedback_repo->CreateCategory(*parsed, ActorOf(ctx),
                                                                      ctx.svc.clock->NowUnix())
                              : Result<int64_t>(parsed.error());
  if (!id) {
    Data d = ErrorData(id.error());
    SetFormValues(Posted(ctx, c), ctx.form["answer_days"], LoadUnitNames(ctx, c.commune_id), d);
    // A taken code is a mistake in the form like any other, not a conflict between editors.
    const ErrorCode code = id.error().code;
    return ListPage(ctx, code == ErrorCode::kAlreadyExists ? 422 : HttpStatusFor(code, true), d);
  }
  AfterChange(ctx);
  return RedirectResponse(std::string(kBase) + "?da-luu=1");
}

Result<feedback::Category> Find(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return MakeError(ErrorCode::kNotFound, "");
  XASO_ASSIGN_OR_RETURN(auto all, ctx.svc.feedback_repo->ListCategories(ctx.account->commune_id));
  for (auto& c : all) {
    if (c.id == *id) return c;
  }
  return MakeError(ErrorCode::kNotFound, "");
}

Response EditPage(Context& ctx, int status, const feedback::Category& c,
                  const std::string& answer_days_text, Data d) {
  SetFormValues(c, answer_days_text, LoadUnitNames(ctx, c.commune_id), d);
  d.set("action", std::string(kBase) + "/" + std::to_string(c.id));
  d.set("by_rule", RuleText(ctx, RuleAnswerDays(ctx, c.commune_id)));
  return RenderPage(ctx, status, "feedback_category_edit", d,
                    Message(ctx.lang, "feedback.categories.edit_title") + " " + c.code);
}

Response Edit(Context& ctx) {
  auto c = Find(ctx);
  if (!c) return ErrorPage(ctx, HttpStatusFor(c.error().code, false));
  Data d;
  if (ctx.req.Query("da-luu") == "1") d.set("notice", Message(ctx.lang, "feedback.saved"));
  return EditPage(ctx, 200, *c, c->answer_days ? std::to_string(*c->answer_days) : "", d);
}

Response Save(Context& ctx) {
  auto stored = Find(ctx);
  if (!stored) return ErrorPage(ctx, HttpStatusFor(stored.error().code, false));
  auto parsed = CategoryFromForm(ctx, *stored);
  Status saved = parsed ? ctx.svc.feedback_repo->UpdateCategory(*parsed, ActorOf(ctx),
                                                                ctx.svc.clock->NowUnix())
                        : Status(parsed.error());
  if (!saved) {
    if (saved.error().code == ErrorCode::kNotFound) return ErrorPage(ctx, 404);
    return EditPage(ctx, HttpStatusFor(saved.error().code, true), Posted(ctx, *stored),
                    ctx.form["answer_days"], ErrorData(saved.error()));
  }
  AfterChange(ctx);
  return RedirectResponse(std::string(kBase) + "/" + std::to_string(stored->id) + "?da-luu=1");
}

}  // namespace

void AddFeedbackCategoryRoutes(std::vector<Route>& routes) {
  const auto manage = Permission::kManageFeedbackCategories;
  routes.push_back({"GET", kBase, manage, RouteKind::kPage, [](Context& ctx) {
                      Data d;
                      if (ctx.req.Query("da-luu") == "1") {
                        d.set("notice", Message(ctx.lang, "feedback.saved"));
                      }
                      return ListPage(ctx, 200, d);
                    }});
  routes.push_back({"POST", kBase, manage, RouteKind::kPage, Create});
  routes.push_back({"GET", std::string(kBase) + "/{id}", manage, RouteKind::kPage, Edit});
  routes.push_back({"POST", std::string(kBase) + "/{id}", manage, RouteKind::kPage, Save});
}

}  // namespace xaso::web
