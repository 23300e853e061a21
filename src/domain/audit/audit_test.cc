#include "domain/audit/audit.h"

#include <gtest/gtest.h>

namespace xaso::audit {
namespace {

// A toy hash for domain tests: the production hash is SHA-256 (platform/), tested there.
std::string ToyHash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return std::to_string(h);
}

std::vector<AuditEntry> MakeChain(int n) {
  std::vector<AuditEntry> out;
  std::string prev(kGenesisHash);
  for (int i = 1; i <= n; ++i) {
    AuditEntry e;
    e.record = {7, 1, "chutich", "account", std::to_string(i), "create", "x"};
    e.seq = i;
    e.at = 1700000000 + i;
    e.prev_hash = prev;
    e.hash = ChainHash(e, ToyHash);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

TEST(AuditChainTest, AcceptsAnIntactChain) {
  auto chain = MakeChain(5);
  EXPECT_FALSE(VerifyChain(chain, 5, chain.back().hash, ToyHash));
}

TEST(AuditChainTest, NamesTheFirstAlteredEntry) {
  auto chain = MakeChain(5);
  chain[2].record.summary = "tampered";
  auto f = VerifyChain(chain, 5, chain.back().hash, ToyHash);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->seq, 3);
}

TEST(AuditChainTest, DetectsARemovedMiddleEntry) {
  auto chain = MakeChain(5);
  chain.erase(chain.begin() + 1);
  auto f = VerifyChain(chain, 5, MakeChain(5).back().hash, ToyHash);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->seq, 2);
}

TEST(AuditChainTest, DetectsATruncatedTail) {
  auto chain = MakeChain(5);
  const std::string head = chain.back().hash;
  chain.pop_back();
  EXPECT_TRUE(VerifyChain(chain, 5, head, ToyHash));
}

}  // namespace
}  // namespace xaso::audit
