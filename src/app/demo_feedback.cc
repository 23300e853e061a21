// The demo commune's feedback categories: the default set (feedback::DefaultCategories), each
// routed to the unit whose work it is.
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {

Status System::LoadDemoFeedback(int64_t commune_id, const std::vector<identity::Unit>& units) {
  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  for (const auto& d : feedback::DefaultCategories()) {
    feedback::Category c;
    c.commune_id = commune_id;
    c.code = std::string(d.code);
    c.name_vi = std::string(d.name_vi);
    c.name_en = std::string(d.name_en);
    c.group_code = std::string(d.group_code);
    for (const auto& u : units) {
      if (u.code == d.unit_code) c.unit_id = u.id;
    }
    XASO_RETURN_IF_ERROR(impl_->feedback_repo->CreateCategory(c, demo, impl_->clock.NowUnix()));
  }
  return Ok{};
}

}  // namespace xaso::app
