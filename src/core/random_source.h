// Where services that mint codes get their randomness: platform::RandomBytes in production, a
// fixed sequence in tests.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace xaso {

// `random(n)` returns n random bytes.
using RandomSource = std::function<std::string(size_t n)>;

}  // namespace xaso
