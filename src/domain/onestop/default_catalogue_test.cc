#include "domain/onestop/default_catalogue.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace xaso::onestop {
namespace {

TEST(DefaultCatalogueTest, TheEmbeddedFileParsesAndHoldsTheCommonProcedures) {
  const auto procedures = DefaultProcedureCatalogue();
  ASSERT_TRUE(procedures.has_value()) << procedures.error().message;
  EXPECT_EQ(procedures->size(), 8u);
  const auto birth = std::find_if(procedures->begin(), procedures->end(),
                                  [](const Procedure& p) { return p.code == "1.001193"; });
  ASSERT_NE(birth, procedures->end());
  EXPECT_EQ(birth->name, "Đăng ký khai sinh");
  EXPECT_TRUE(birth->same_day);
  // Until someone checks them against the province's catalogue, every row says so.
  for (const Procedure& p : *procedures) EXPECT_TRUE(p.to_verify) << p.code;
}

}  // namespace
}  // namespace xaso::onestop
