// The demo's poor-household list gets its households (demo/disclosure_households.csv: head,
// village and class only, as the law publishes them) and two objections received while it is
// posted: one upheld, which takes a household off the final list, and one still open asking for
// a household to be added. So the review page, the final list and the public list all have
// something to show. The names are invented.
#include <string_view>

#include "app/system_impl.h"

namespace xaso::app {

Status ImportDemoHouseholds(disclosure::HouseholdReview& review, const identity::Account& officer,
                            const disclosure::Item& draft,
                            const std::vector<identity::Village>& villages,
                            const audit::AuditRecord& rec) {
  if (!review.HasList(draft)) return Ok{};
  XASO_ASSIGN_OR_RETURN(const std::string_view csv, DemoFile("disclosure_households.csv"));
  XASO_RETURN_IF_ERROR(review.Import(officer, draft, csv, villages, rec));
  return Ok{};
}

Status LoadDemoObjections(identity::IdentityRepository& identity,
                          disclosure::DisclosureRepository& items,
                          disclosure::HouseholdRepository& households,
                          const disclosure::TypeCatalogue& catalogue, const Clock& clock,
                          int64_t commune_id) {
  XASO_ASSIGN_OR_RETURN(auto found, identity.FindAccountByUsername("vanphong"));
  if (!found) return MakeError(ErrorCode::kNotFound, "Thiếu tài khoản mẫu.");
  const identity::Account& officer = *found;
  XASO_ASSIGN_OR_RETURN(const auto villages, identity.ListVillages(commune_id));
  XASO_ASSIGN_OR_RETURN(
      const auto lists,
      items.List({.commune_id = commune_id, .type_code = "poor_households", .limit = 10}));
  const audit::AuditRecord rec{commune_id, officer.id, officer.username, "", "", "", ""};
  disclosure::HouseholdReview review(households, catalogue, clock);
  const Date today = clock.TodayVn();
  for (const disclosure::ItemSummary& line : lists) {
    XASO_ASSIGN_OR_RETURN(const disclosure::Item item, items.Get(commune_id, line.id));
    XASO_ASSIGN_OR_RETURN(const auto listed, households.List(commune_id, item.id));
    if (listed.empty() || !line.first_out || *line.first_out > today) continue;
    disclosure::Objection off;
    off.household_id = listed.front().id;
    off.received_on = *line.first_out;
    off.text = "Gia đình đã có con đi làm, thu nhập ổn định từ đầu năm; đề nghị rà soát lại.";
    XASO_ASSIGN_OR_RETURN(const int64_t upheld, review.Object(officer, item, off, villages, rec));
    XASO_RETURN_IF_ERROR(review.Settle(officer, item, upheld, disclosure::ObjectionOutcome::kUpheld,
                                       "Tổ rà soát đã xác minh tại hộ: thu nhập trên chuẩn "
                                       "nghèo, đưa ra khỏi danh sách.",
                                       rec));
    if (villages.size() < 3) continue;  // the demo commune has eight
    disclosure::Objection add;
    add.proposed = disclosure::Household{.head_name = "Trịnh Văn Lực",
                                         .village_id = villages[2].id,
                                         .household_class = disclosure::HouseholdClass::kPoor};
    add.received_on = today;
    add.objector = "Trưởng thôn 3";
    add.text = "Hộ ông Lực bị ốm dài ngày từ tháng 6, không còn thu nhập; đề nghị bổ sung.";
    XASO_RETURN_IF_ERROR(review.Object(officer, item, add, villages, rec));
  }
  return Ok{};
}

}  // namespace xaso::app
