#include "storage/onestop/dossier_stats_delta.h"

#include "core/clock.h"

namespace xaso::storage {
namespace {

// Rows that fall to 0 stay, so that a busy key is not deleted and inserted again; readers skip
// them (the pattern of feedback_stat).
void AddCount(soci::session& s, const CountedDossier& c, long long n) {
  s << "INSERT INTO dossier_stat (commune_id, month, procedure_code, procedure_name, field, "
       "unit_code, status, timeliness, satisfaction, due_on, n) VALUES (:c, :m, :p, :pn, :f, "
       ":u, :s, :t, :sa, :d, :n) ON CONFLICT (commune_id, month, procedure_code, unit_code, "
       "status, timeliness, satisfaction, due_on) DO UPDATE SET n = dossier_stat.n + excluded.n",
      soci::use(c.commune_id), soci::use(c.month), soci::use(c.procedure_code),
      soci::use(c.procedure_name), soci::use(c.field), soci::use(c.unit_code), soci::use(c.status),
      soci::use(c.timeliness), soci::use(c.satisfaction), soci::use(c.due_on), soci::use(n);
}

// The statuses whose clock runs: SQL's form of CountedDossierOf's rule, for the rebuild.
constexpr const char* kRunningClock = "status IN ('received', 'assigned', 'processing')";

}  // namespace

CountedDossier CountedDossierOf(const onestop::Dossier& d) {
  using onestop::DossierStatus;
  CountedDossier c;
  c.commune_id = d.commune_id;
  c.month = Clock::DayVn(d.received_at).ToIso().substr(0, 7);
  c.procedure_code = d.procedure_code;
  c.procedure_name = d.procedure_name;
  c.field = d.field;
  c.unit_code = d.unit_code;
  c.status = std::string(onestop::DossierStatusCode(d.status));
  if (d.finished_at) {
    c.timeliness =
        std::string(onestop::TimelinessCode(onestop::ClassifyFinished(d.due_on, *d.finished_at)));
  }
  if (d.satisfaction) c.satisfaction = std::string(onestop::SatisfactionCode(*d.satisfaction));
  const bool running = d.status == DossierStatus::kReceived ||
                       d.status == DossierStatus::kAssigned ||
                       d.status == DossierStatus::kProcessing;
  if (running) c.due_on = d.due_on.ToIso();
  return c;
}

void ApplyDossierStatsDelta(soci::session& s, const std::optional<CountedDossier>& before,
                            const CountedDossier& after) {
  if (before && *before == after) return;
  if (before) AddCount(s, *before, -1);
  AddCount(s, after, 1);
}

void RebuildDossierStats(soci::session& s) {
  s << "DELETE FROM dossier_stat";
  s << std::string(
           "INSERT INTO dossier_stat (commune_id, month, procedure_code, procedure_name, field, "
           "unit_code, status, timeliness, satisfaction, due_on, n) SELECT commune_id, "
           "received_month, procedure_code, MIN(procedure_name), MIN(field), unit_code, status, "
           "timeliness, satisfaction, CASE WHEN ") +
           kRunningClock +
           " THEN due_on ELSE '' END, COUNT(*) FROM dossier GROUP BY commune_id, "
           "received_month, procedure_code, unit_code, status, timeliness, satisfaction, "
           "CASE WHEN " +
           kRunningClock + " THEN due_on ELSE '' END";
}

}  // namespace xaso::storage
