// The storage port of the procedure catalogue. Scoped by commune: one commune's codes are
// unknown to another. Every change appends its audit entry in the same transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/onestop/procedure.h"

namespace xaso::onestop {

class ProcedureRepository {
 public:
  virtual ~ProcedureRepository() = default;

  // Adds `p` to the commune's catalogue; its id. kInvalidArgument when ValidateProcedure
  // refuses it; kAlreadyExists when the commune already has a procedure with its code.
  virtual Result<int64_t> Create(int64_t commune_id, const Procedure& p,
                                 const audit::AuditRecord& rec, int64_t now) = 0;
  // kNotFound when the commune has no procedure with this code.
  virtual Result<Procedure> GetByCode(int64_t commune_id, const std::string& code) = 0;
  // The procedures whose code, name or field hold every one of `terms` (folded, with LIKE's
  // wildcards escaped, as feedback::SearchTerms makes them; none: all), in catalogue order.
  virtual Result<std::vector<Procedure>> Search(int64_t commune_id,
                                                const std::vector<std::string>& terms) = 0;
};

}  // namespace xaso::onestop
