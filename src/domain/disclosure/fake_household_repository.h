// An in-memory HouseholdRepository for the domain tests, with the storage port's rules (list
// frozen once objected to, settle once, upheld changes the list).
#pragma once

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "domain/disclosure/households.h"

namespace xaso::disclosure::testing {

class FakeHouseholdRepository final : public HouseholdRepository {
 public:
  Status ReplaceList(int64_t /*commune_id*/, int64_t item_id,
                     const std::vector<Household>& households,
                     const audit::AuditRecord& /*rec*/) override {
    if (!objections_[item_id].empty()) {
      return MakeError(ErrorCode::kFailedPrecondition, "objected to");
    }
    auto& list = lists_[item_id];
    list = households;
    for (Household& h : list) h.id = ++next_id_;
    return Ok{};
  }
  Result<std::vector<Household>> List(int64_t /*commune_id*/, int64_t item_id) override {
    return lists_[item_id];
  }
  Result<int64_t> AddObjection(int64_t /*commune_id*/, int64_t item_id, const Objection& o,
                               const audit::AuditRecord& /*rec*/) override {
    if (o.household_id != 0 && !Find(item_id, o.household_id)) {
      return MakeError(ErrorCode::kNotFound, "no such household");
    }
    Objection stored = o;
    stored.id = ++next_id_;
    objections_[item_id].push_back(stored);
    return stored.id;
  }
  Result<std::vector<Objection>> Objections(int64_t /*commune_id*/, int64_t item_id) override {
    return objections_[item_id];
  }
  Status Settle(int64_t /*commune_id*/, int64_t item_id, int64_t objection_id, Date on,
                ObjectionOutcome outcome, const std::string& answer,
                const audit::AuditRecord& /*rec*/) override {
    auto& list = objections_[item_id];
    auto o = std::find_if(list.begin(), list.end(),
                          [&](const Objection& x) { return x.id == objection_id; });
    if (o == list.end()) return MakeError(ErrorCode::kNotFound, "no such objection");
    if (o->outcome) return MakeError(ErrorCode::kFailedPrecondition, "settled");
    o->outcome = outcome;
    o->settled_on = on;
    o->answer = answer;
    if (outcome == ObjectionOutcome::kUpheld) {
      if (o->household_id != 0) {
        Find(item_id, o->household_id)->status = HouseholdStatus::kRemovedAfterObjection;
      } else {
        Household added = *o->proposed;
        added.id = ++next_id_;
        added.status = HouseholdStatus::kAddedAfterObjection;
        lists_[item_id].push_back(added);
      }
    }
    return Ok{};
  }

 private:
  Household* Find(int64_t item_id, int64_t household_id) {
    for (Household& h : lists_[item_id]) {
      if (h.id == household_id) return &h;
    }
    return nullptr;
  }

  std::map<int64_t, std::vector<Household>> lists_;
  std::map<int64_t, std::vector<Objection>> objections_;
  int64_t next_id_ = 0;
};

}  // namespace xaso::disclosure::testing
