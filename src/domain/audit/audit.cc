#include "domain/audit/audit.h"

namespace xaso::audit {

std::string CanonicalBytes(const AuditEntry& e) {
  const char sep = '\x1f';
  std::string out;
  for (const std::string& part :
       {std::to_string(e.record.commune_id), std::to_string(e.seq), std::to_string(e.at),
        std::to_string(e.record.actor_id), e.record.actor, e.record.entity, e.record.entity_id,
        e.record.action, e.record.summary}) {
    out += part;
    out += sep;
  }
  return out;
}

std::string ChainHash(const AuditEntry& entry, const HashFn& hash) {
  return hash(entry.prev_hash + CanonicalBytes(entry));
}

std::optional<VerifyFailure> VerifyChain(const std::vector<AuditEntry>& entries, int64_t head_seq,
                                         std::string_view head_hash, const HashFn& hash) {
  std::string prev(kGenesisHash);
  int64_t expected_seq = 1;
  const int64_t commune = entries.empty() ? 0 : entries.front().record.commune_id;
  for (const AuditEntry& e : entries) {
    if (e.seq != expected_seq) {
      return VerifyFailure{commune, expected_seq, "entry missing (sequence gap)"};
    }
    if (e.prev_hash != prev) {
      return VerifyFailure{commune, e.seq, "previous-hash link broken"};
    }
    if (ChainHash(e, hash) != e.hash) {
      return VerifyFailure{commune, e.seq, "content does not match its hash"};
    }
    prev = e.hash;
    ++expected_seq;
  }
  if (expected_seq - 1 != head_seq || prev != head_hash) {
    return VerifyFailure{commune, expected_seq,
                         "chain ends before the recorded head (entries removed)"};
  }
  return std::nullopt;
}

}  // namespace xaso::audit
