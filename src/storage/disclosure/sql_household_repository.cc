#include "storage/disclosure/sql_household_repository.h"

#include <string>
#include <utility>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

using disclosure::Household;
using disclosure::HouseholdClass;
using disclosure::HouseholdStatus;
using disclosure::Objection;
using disclosure::ObjectionOutcome;

namespace {

Error NotFound(const char* what) { return MakeError(ErrorCode::kNotFound, what); }

// Whether the item is the commune's: the tables' foreign keys only check that it exists.
bool ItemOfCommune(soci::session& s, long long commune_id, long long item_id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM disclosure_item WHERE id = :i AND commune_id = :c", soci::use(item_id),
      soci::use(commune_id), soci::into(n);
  return n == 1;
}

HouseholdClass ClassOf(const std::string& code) {
  return disclosure::ParseHouseholdClass(code).value_or(HouseholdClass::kPoor);
}

Household HouseholdFromRow(const soci::row& r) {
  return Household{
      .id = RowInt(r, 0),
      .head_name = RowText(r, 1),
      .village_id = RowInt(r, 2),
      .household_class = ClassOf(RowText(r, 3)),
      .status = disclosure::ParseHouseholdStatus(RowText(r, 4)).value_or(HouseholdStatus::kListed),
  };
}

}  // namespace

Status SqlHouseholdRepository::ReplaceList(int64_t commune_id, int64_t item_id,
                                           const std::vector<Household>& households,
                                           const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  return db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, item = item_id, objections = 0;
    if (!ItemOfCommune(s, commune, item)) return NotFound("no such item");
    // Checked here too, inside the write, so that a publication racing the import wins.
    std::string status;
    s << "SELECT status FROM disclosure_item WHERE id = :i", soci::use(item), soci::into(status);
    if (status != "draft") {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Danh sách đã công bố: không thể nhập lại danh sách hộ.");
    }
    s << "SELECT COUNT(*) FROM disclosure_objection WHERE item_id = :i", soci::use(item),
        soci::into(objections);
    if (objections > 0) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Danh sách đã có khiếu nại: không thể thay danh sách đã niêm yết.");
    }
    s << "DELETE FROM disclosure_household WHERE item_id = :i", soci::use(item);
    std::string name;
    std::string cls;
    long long village = 0;
    soci::statement insert =
        (s.prepare << "INSERT INTO disclosure_household (commune_id, item_id, head_name, "
                      "village_id, class, status) VALUES (:c, :i, :n, :v, :k, 'listed')",
         soci::use(commune), soci::use(item), soci::use(name), soci::use(village), soci::use(cls));
    for (const Household& h : households) {
      name = h.head_name;
      village = h.village_id;
      cls = std::string(disclosure::HouseholdClassCode(h.household_class));
      insert.execute(true);
    }
    AuditChange(s, rec, commune, "disclosure_item", item, "import_households",
                std::to_string(households.size()) + " hộ", now);
    return Ok{};
  });
}

Result<std::vector<Household>> SqlHouseholdRepository::List(int64_t commune_id, int64_t item_id) {
  return QueryAll<Household>(db_,
                             "SELECT id, head_name, village_id, class, status FROM "
                             "disclosure_household WHERE commune_id = :c AND item_id = :i "
                             "ORDER BY village_id, head_name, id",
                             HouseholdFromRow, static_cast<long long>(commune_id),
                             static_cast<long long>(item_id));
}

Result<int64_t> SqlHouseholdRepository::AddObjection(int64_t commune_id, int64_t item_id,
                                                     const Objection& o,
                                                     const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, item = item_id, household = o.household_id, created = now;
    if (!ItemOfCommune(s, commune, item)) return NotFound("no such item");
    soci::indicator household_ind = soci::i_null;
    soci::indicator proposed_ind = soci::i_null;
    long long proposed_village = 0;
    std::string proposed_name;
    std::string proposed_class;
    if (o.household_id != 0) {
      long long n = 0;
      s << "SELECT COUNT(*) FROM disclosure_household WHERE id = :h AND item_id = :i",
          soci::use(household), soci::use(item), soci::into(n);
      if (n != 1) return NotFound("no such household");
      household_ind = soci::i_ok;
    } else if (o.proposed) {
      proposed_ind = soci::i_ok;
      proposed_village = o.proposed->village_id;
      proposed_name = o.proposed->head_name;
      proposed_class = std::string(disclosure::HouseholdClassCode(o.proposed->household_class));
    }
    const std::string received = o.received_on.ToIso();
    s << "INSERT INTO disclosure_objection (commune_id, item_id, household_id, "
         "proposed_head_name, proposed_village_id, proposed_class, received_on, objector, body, "
         "created_at) VALUES (:c, :i, :h, :pn, :pv, :pk, :r, :o, :b, :t) RETURNING id",
        soci::use(commune), soci::use(item), soci::use(household, household_ind),
        soci::use(proposed_name), soci::use(proposed_village, proposed_ind),
        soci::use(proposed_class, proposed_ind), soci::use(received), soci::use(o.objector),
        soci::use(o.text), soci::use(created), soci::into(id);
    // The objector's name stays out of the audit summary, which other staff read.
    AuditChange(s, rec, commune, "disclosure_objection", id, "receive",
                "mục " + std::to_string(item) + ", nhận " + o.received_on.ToVi(), now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<std::vector<Objection>> SqlHouseholdRepository::Objections(int64_t commune_id,
                                                                  int64_t item_id) {
  return QueryAll<Objection>(
      db_,
      "SELECT id, household_id, proposed_head_name, proposed_village_id, proposed_class, "
      "received_on, objector, body, settled_on, outcome, answer FROM disclosure_objection "
      "WHERE commune_id = :c AND item_id = :i ORDER BY received_on, id",
      [](const soci::row& r) {
        Objection o;
        o.id = RowInt(r, 0);
        o.household_id = RowInt(r, 1);
        if (o.household_id == 0) {
          o.proposed = Household{.head_name = RowText(r, 2),
                                 .village_id = RowInt(r, 3),
                                 .household_class = ClassOf(RowText(r, 4)),
                                 .status = HouseholdStatus::kAddedAfterObjection};
        }
        o.received_on = RowDate(r, 5).value_or(Date{});
        o.objector = RowText(r, 6);
        o.text = RowText(r, 7);
        o.settled_on = RowDate(r, 8);
        o.outcome = disclosure::ParseObjectionOutcome(RowText(r, 9));
        o.answer = RowText(r, 10);
        return o;
      },
      static_cast<long long>(commune_id), static_cast<long long>(item_id));
}

Status SqlHouseholdRepository::Settle(int64_t commune_id, int64_t item_id, int64_t objection_id,
                                      Date on, ObjectionOutcome outcome, const std::string& answer,
                                      const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  return db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, item = item_id, id = objection_id, household = 0;
    long long proposed_village = 0;
    std::string proposed_name;
    std::string proposed_class;
    std::string settled;
    soci::indicator household_ind = soci::i_null;
    soci::indicator village_ind = soci::i_null;
    soci::indicator class_ind = soci::i_null;
    soci::indicator settled_ind = soci::i_null;
    s << "SELECT household_id, proposed_head_name, proposed_village_id, proposed_class, "
         "settled_on FROM disclosure_objection WHERE id = :o AND item_id = :i AND commune_id = :c",
        soci::use(id), soci::use(item), soci::use(commune), soci::into(household, household_ind),
        soci::into(proposed_name), soci::into(proposed_village, village_ind),
        soci::into(proposed_class, class_ind), soci::into(settled, settled_ind);
    if (!s.got_data()) return NotFound("no such objection");
    if (settled_ind == soci::i_ok) {
      return MakeError(ErrorCode::kFailedPrecondition, "Khiếu nại này đã được giải quyết.");
    }
    const std::string on_iso = on.ToIso();
    const std::string code(disclosure::ObjectionOutcomeCode(outcome));
    s << "UPDATE disclosure_objection SET settled_on = :d, outcome = :o, answer = :a "
         "WHERE id = :i",
        soci::use(on_iso), soci::use(code), soci::use(answer), soci::use(id);
    if (outcome == ObjectionOutcome::kUpheld) {
      if (household_ind == soci::i_ok) {
        s << "UPDATE disclosure_household SET status = 'removed' WHERE id = :h AND status = "
             "'listed'",
            soci::use(household);
      } else {
        s << "INSERT INTO disclosure_household (commune_id, item_id, head_name, village_id, "
             "class, status) VALUES (:c, :i, :n, :v, :k, 'added')",
            soci::use(commune), soci::use(item), soci::use(proposed_name),
            soci::use(proposed_village), soci::use(proposed_class);
      }
    }
    AuditChange(s, rec, commune, "disclosure_objection", id, "settle", code, now);
    return Ok{};
  });
}

}  // namespace xaso::storage
