#include "domain/disclosure/households.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "core/csv.h"
#include "core/field_check.h"
#include "core/text.h"
#include "domain/identity/authorization.h"

namespace xaso::disclosure {
namespace {

constexpr size_t kMaxHeadName = 200;
constexpr size_t kMaxText = 5000;
constexpr size_t kMaxObjector = 200;

// Folded, with spaces, dashes and underscores made one '_' and a leading "ho_" (hộ) dropped:
// "Hộ cận nghèo", "can-ngheo" and "can_ngheo" all give "can_ngheo".
std::string ClassKey(std::string_view text) {
  std::string folded = FoldVietnamese(Trim(text));
  std::string key;
  for (char c : folded) {
    const bool sep = c == ' ' || c == '-' || c == '_';
    if (sep) {
      if (!key.empty() && key.back() != '_') key += '_';
    } else {
      key += c;
    }
  }
  if (!key.empty() && key.back() == '_') key.pop_back();
  if (key.starts_with("ho_")) key.erase(0, 3);
  return key;
}

// Folded with runs of spaces made one, for matching names typed by hand.
std::string NameKey(std::string_view text) {
  std::string folded = FoldVietnamese(Trim(text));
  std::string key;
  for (char c : folded) {
    if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
    key += c;
  }
  return key;
}

}  // namespace

std::optional<HouseholdClass> ParseHouseholdClass(std::string_view text) {
  const std::string key = ClassKey(text);
  if (key == "ngheo") return HouseholdClass::kPoor;
  if (key == "can_ngheo") return HouseholdClass::kNearPoor;
  if (key == "thoat_ngheo") return HouseholdClass::kLeavingPoverty;
  return std::nullopt;
}

std::string_view HouseholdClassCode(HouseholdClass c) {
  switch (c) {
    case HouseholdClass::kPoor: return "ngheo";
    case HouseholdClass::kNearPoor: return "can_ngheo";
    case HouseholdClass::kLeavingPoverty: return "thoat_ngheo";
  }
  return "ngheo";
}

std::string_view HouseholdClassLabelVi(HouseholdClass c) {
  switch (c) {
    case HouseholdClass::kPoor: return "Hộ nghèo";
    case HouseholdClass::kNearPoor: return "Hộ cận nghèo";
    case HouseholdClass::kLeavingPoverty: return "Hộ thoát nghèo";
  }
  return "Hộ nghèo";
}

std::optional<HouseholdStatus> ParseHouseholdStatus(std::string_view code) {
  if (code == "listed") return HouseholdStatus::kListed;
  if (code == "removed") return HouseholdStatus::kRemovedAfterObjection;
  if (code == "added") return HouseholdStatus::kAddedAfterObjection;
  return std::nullopt;
}

std::string_view HouseholdStatusCode(HouseholdStatus s) {
  switch (s) {
    case HouseholdStatus::kListed: return "listed";
    case HouseholdStatus::kRemovedAfterObjection: return "removed";
    case HouseholdStatus::kAddedAfterObjection: return "added";
  }
  return "listed";
}

std::optional<ObjectionOutcome> ParseObjectionOutcome(std::string_view code) {
  if (code == "upheld") return ObjectionOutcome::kUpheld;
  if (code == "rejected") return ObjectionOutcome::kRejected;
  return std::nullopt;
}

std::string_view ObjectionOutcomeCode(ObjectionOutcome o) {
  return o == ObjectionOutcome::kUpheld ? "upheld" : "rejected";
}

std::optional<ObjectionWindow> WindowOf(const Item& item, const DisclosureType& type) {
  return PostingWindow(item, type);
}

bool IsLate(const Objection& o, const std::optional<ObjectionWindow>& window) {
  return !window || !window->Contains(o.received_on);
}

std::vector<Household> FinalList(const std::vector<Household>& households) {
  std::vector<Household> out;
  for (const Household& h : households) {
    if (h.status != HouseholdStatus::kRemovedAfterObjection) out.push_back(h);
  }
  return out;
}

bool AllSettled(const std::vector<Objection>& objections) {
  return !objections.empty() && std::all_of(objections.begin(), objections.end(),
                                            [](const Objection& o) { return o.outcome; });
}

HouseholdImport ParseHouseholdCsv(std::string_view csv,
                                  const std::vector<identity::Village>& villages) {
  HouseholdImport out;
  static constexpr std::array<std::string_view, 3> kColumns = {"head_name", "village",
                                                               "classification"};
  Result<CsvTable> table = ParseCsvWithHeader(csv, kColumns);
  if (!table) {
    out.problems.push_back({.line = 1, .message_vi = table.error().message});
    return out;
  }
  if (table->header.size() != kColumns.size()) {
    out.problems.push_back(
        {.line = 1,
         .message_vi = "Tệp chỉ được có 3 cột head_name,village,classification: không đưa số "
                       "định danh, thu nhập, điện thoại hay điểm số lên danh sách công khai."});
    return out;
  }
  std::map<std::string, std::vector<int64_t>> village_by_key;
  for (const identity::Village& v : villages) village_by_key[NameKey(v.name)].push_back(v.id);
  std::map<std::pair<std::string, int64_t>, int> seen;  // (name key, village) → line
  for (const CsvRow& row : table->rows) {
    const std::string_view name = Trim(table->Field(row, "head_name"));
    const std::string_view village = Trim(table->Field(row, "village"));
    const std::string_view cls = table->Field(row, "classification");
    std::vector<std::string> problems;
    if (name.empty()) {
      problems.emplace_back("thiếu tên chủ hộ");
    } else if (Utf8Length(name) > kMaxHeadName) {
      problems.emplace_back("tên chủ hộ dài quá 200 ký tự");
    }
    int64_t village_id = 0;
    auto v = village_by_key.find(NameKey(village));
    if (village.empty()) {
      problems.emplace_back("thiếu tên thôn");
    } else if (v == village_by_key.end() || v->second.size() != 1) {
      problems.push_back("không có thôn \"" + std::string(village) + "\" trong xã");
    } else {
      village_id = v->second.front();
    }
    const std::optional<HouseholdClass> c = ParseHouseholdClass(cls);
    if (!c) {
      problems.push_back("phân loại \"" + std::string(Trim(cls)) +
                         "\" không hợp lệ (ngheo, can_ngheo hoặc thoat_ngheo)");
    }
    if (problems.empty()) {
      auto [it, fresh] = seen.emplace(std::make_pair(NameKey(name), village_id), row.line);
      if (!fresh) {
        problems.push_back("hộ này đã có ở dòng " + std::to_string(it->second));
      }
    }
    if (!problems.empty()) {
      std::string message;
      for (const std::string& p : problems) message += (message.empty() ? "" : "; ") + p;
      out.problems.push_back({.line = row.line, .message_vi = message});
      continue;
    }
    out.households.push_back(
        Household{.head_name = std::string(name), .village_id = village_id, .household_class = *c});
  }
  if (out.problems.empty() && out.households.empty()) {
    out.problems.push_back({.line = 1, .message_vi = "Tệp không có hộ nào."});
  }
  return out;
}

bool HouseholdReview::HasList(const Item& item) const {
  const DisclosureType* type = catalogue_.Find(item.type_code, item.type_effective_from);
  return type && type->structure == Structure::kHouseholdList;
}

Status HouseholdReview::CheckWritable(const identity::Account& who, const Item& item) const {
  if (!identity::Allows(who.role, identity::Permission::kManageDisclosures) ||
      who.commune_id != item.commune_id) {
    return MakeError(ErrorCode::kPermissionDenied, "not allowed to manage the register");
  }
  if (!HasList(item)) {
    return MakeError(ErrorCode::kFailedPrecondition, "the item's type has no household list");
  }
  if (item.status == ItemStatus::kWithdrawn) {
    return MakeError(ErrorCode::kFailedPrecondition, "the item is withdrawn");
  }
  return Ok{};
}

Result<int> HouseholdReview::Import(const identity::Account& who, const Item& item,
                                    std::string_view csv,
                                    const std::vector<identity::Village>& villages,
                                    const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(CheckWritable(who, item));
  // A published list is the one people were shown and objected to: it changes only through
  // settled objections, never by a new import.
  if (item.status != ItemStatus::kDraft) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Danh sách đã công bố: không thể nhập lại danh sách hộ.");
  }
  HouseholdImport parsed = ParseHouseholdCsv(csv, villages);
  if (!parsed.problems.empty()) {
    Error err = MakeError(ErrorCode::kInvalidArgument, "the household list has problems");
    for (const ImportProblem& p : parsed.problems) {
      err.fields.push_back({"line " + std::to_string(p.line), p.message_vi});
    }
    return err;
  }
  XASO_RETURN_IF_ERROR(repo_.ReplaceList(item.commune_id, item.id, parsed.households, rec));
  return static_cast<int>(parsed.households.size());
}

Result<int64_t> HouseholdReview::Object(const identity::Account& who, const Item& item, Objection o,
                                        const std::vector<identity::Village>& villages,
                                        const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(CheckWritable(who, item));
  Error err = MakeError(ErrorCode::kInvalidArgument, "invalid objection");
  CheckText(err, "text", o.text, kMaxText, "nội dung khiếu nại");
  CheckText(err, "objector", o.objector, kMaxObjector, "người khiếu nại", /*required=*/false);
  if (o.received_on > clock_.TodayVn()) {
    err.fields.push_back({"received_on", "Ngày nhận không được sau hôm nay."});
  }
  if (o.household_id == 0) {
    if (!o.proposed) o.proposed = Household{};
    o.proposed->status = HouseholdStatus::kAddedAfterObjection;
    CheckText(err, "head_name", o.proposed->head_name, kMaxHeadName, "tên chủ hộ");
    const bool known = std::any_of(villages.begin(), villages.end(),
                                   [&](const auto& v) { return v.id == o.proposed->village_id; });
    if (!known) err.fields.push_back({"village_id", "Hãy chọn thôn của hộ đề nghị bổ sung."});
  } else {
    o.proposed.reset();
  }
  XASO_RETURN_IF_ERROR(FieldErrorsOrOk(std::move(err)));
  o.outcome.reset();
  o.settled_on.reset();
  o.answer.clear();
  return repo_.AddObjection(item.commune_id, item.id, o, rec);
}

Status HouseholdReview::Settle(const identity::Account& who, const Item& item, int64_t objection_id,
                               ObjectionOutcome outcome, const std::string& answer,
                               const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(CheckWritable(who, item));
  Error err = MakeError(ErrorCode::kInvalidArgument, "invalid answer");
  CheckText(err, "answer", answer, kMaxText, "trả lời");
  XASO_RETURN_IF_ERROR(FieldErrorsOrOk(std::move(err)));
  return repo_.Settle(item.commune_id, item.id, objection_id, clock_.TodayVn(), outcome,
                      std::string(Trim(answer)), rec);
}

Result<HouseholdReviewView> HouseholdReview::Load(const Item& item) {
  HouseholdReviewView view;
  XASO_ASSIGN_OR_RETURN(view.households, repo_.List(item.commune_id, item.id));
  XASO_ASSIGN_OR_RETURN(view.objections, repo_.Objections(item.commune_id, item.id));
  if (const DisclosureType* type = catalogue_.Find(item.type_code, item.type_effective_from)) {
    view.window = WindowOf(item, *type);
  }
  view.final_list = FinalList(view.households);
  view.settled = AllSettled(view.objections);
  return view;
}

}  // namespace xaso::disclosure
