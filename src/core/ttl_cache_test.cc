// TtlCache: a value kept for max_age seconds, loaded again after; a failed load not kept; Clear
// forgetting everything.
#include "core/ttl_cache.h"

#include <gtest/gtest.h>

namespace xaso {
namespace {

TEST(TtlCacheTest, KeepsForMaxAgeThenLoadsAgain) {
  TtlCache<int, int> cache(60);
  int loads = 0;
  auto load = [&]() -> Result<int> { return ++loads; };
  EXPECT_EQ(cache.Get(1, 1000, load).value(), 1);
  EXPECT_EQ(cache.Get(1, 1059, load).value(), 1);
  EXPECT_EQ(cache.Get(2, 1059, load).value(), 2);  // each key its own
  EXPECT_EQ(cache.Get(1, 1060, load).value(), 3);
  cache.Clear();
  EXPECT_EQ(cache.Get(1, 1061, load).value(), 4);
}

TEST(TtlCacheTest, AFailedLoadIsNotKept) {
  TtlCache<int, int> cache(60);
  EXPECT_FALSE(
      cache.Get(1, 1000, []() -> Result<int> { return MakeError(ErrorCode::kUnavailable, "x"); })
          .has_value());
  EXPECT_EQ(cache.Get(1, 1001, []() -> Result<int> { return 5; }).value(), 5);
}

}  // namespace
}  // namespace xaso
