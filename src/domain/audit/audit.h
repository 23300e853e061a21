// The audit log: every state change appends one entry whose hash chains the previous one,
// so that altering or removing a stored row is detected by `xaso audit verify`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xaso::audit {

// What a change records; written by the repository in the transaction of the change.
struct AuditRecord {
  int64_t commune_id = 0;
  int64_t actor_id = 0;  // 0 for the system or an anonymous citizen
  std::string actor;     // username or "system"
  std::string entity;    // e.g. "account"
  std::string entity_id;
  std::string action;   // e.g. "create", "change_password"
  std::string summary;  // before → after, without secrets
};

struct AuditEntry {
  AuditRecord record;
  int64_t seq = 0;  // 1, 2, ... per commune
  int64_t at = 0;   // Unix seconds
  std::string prev_hash;
  std::string hash;
};

// The exact bytes that are hashed: fields joined by '\x1f', so a field cannot shift into its
// neighbour. Changing this function invalidates every stored chain.
std::string CanonicalBytes(const AuditEntry& entry);

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

using HashFn = std::function<std::string(std::string_view)>;

// hash = H(prev_hash + CanonicalBytes(entry)).
std::string ChainHash(const AuditEntry& entry, const HashFn& hash);

struct VerifyFailure {
  int64_t commune_id = 0;
  int64_t seq = 0;     // the first entry that does not verify
  std::string reason;  // English, for operators
};

// Walks one commune's entries in seq order; nullopt when the chain is intact and ends at
// the recorded head (`head_seq`, `head_hash`).
std::optional<VerifyFailure> VerifyChain(const std::vector<AuditEntry>& entries, int64_t head_seq,
                                         std::string_view head_hash, const HashFn& hash);

// Read access for pages and the CLI; implemented by storage::SqlAuditLog.
class AuditReader {
 public:
  virtual ~AuditReader() = default;
  // The newest entries of one commune, newest first.
  virtual Result<std::vector<AuditEntry>> Recent(int64_t commune_id, int limit) = 0;
};

}  // namespace xaso::audit
